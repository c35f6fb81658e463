import { describe, expect, it } from "vitest";
import { readHandoff } from "../../app/server/handoff.server.ts";

const streamOf = (chunks: Uint8Array[], end = true) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (end) controller.close();
    },
  });

describe("the loader data handed to the page as already read", () => {
  it("keeps each chunk decoded in order, a character split between chunks whole in the later one, the last done", async () => {
    const bytes = new TextEncoder().encode('["Wijkteam Zaandam Oost","Veiligheid – ë"]');
    const split = bytes.indexOf(0xe2) + 1; // inside the three bytes of the en dash
    const cache = await readHandoff(streamOf([bytes.subarray(0, split), bytes.subarray(split)]));
    const results = Object.keys(cache).map((index) => cache[Number(index)]!.result);
    expect(results.map((r) => r?.done)).toEqual([false, false, true]);
    expect(results.map((r) => r?.value).join("")).toBe('["Wijkteam Zaandam Oost","Veiligheid – ë"]');
    expect(results[0]?.value.endsWith("Veiligheid ")).toBe(true);
  });

  it("fails the page when the data does not end in time, or when its stream fails", async () => {
    await expect(readHandoff(streamOf([new Uint8Array([91])], false), 50)).rejects.toThrow(/niet klaar/);
    const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("kapot")) });
    await expect(readHandoff(failing)).rejects.toThrow("kapot");
  });
});
