import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, stopServer, type ServerProcess } from "../../scripts/start-command.ts";
import { PUBLIC_REQUESTS_PER_MINUTE } from "../../app/server/middleware.ts";

// Issue 30: the public picture and its API over real HTTP, on a server of this test's own (one process, so one
// count): compressed and open to any site; a burst from one address past the limit gets 429 (problem+json for
// the API) while the signed-in product's pages still answer that address.

const dir = mkdtempSync(join(tmpdir(), "wav-api-"));
let server: ServerProcess;
beforeAll(async () => {
  server = await startProductionServer({ DATABASE_URL: join(dir, "demo.db"), WEB_CONCURRENCY: "1", REQUEST_LOG: "false" });
});
afterAll(async () => {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

describe("the public API over HTTP", () => {
  it("is compressed, open to other sites, and limited per address without touching the signed-in product", async () => {
    const first = await fetch(`${server.base}/api/v1/jaren`, { headers: { "Accept-Encoding": "br", Origin: "https://onderzoek.example" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Encoding")).toBe("br");
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(first.headers.get("API-Version")).toBe("1.0.0");
    expect(first.headers.get("Set-Cookie")).toBeNull();
    expect((await first.json()).data).toHaveLength(3);

    // A burst past the limit is refused. The minute may turn during it (the count then starts again): the burst
    // goes on until a refusal, at most two minutes' worth.
    const statuses: number[] = [];
    while (!statuses.includes(429) && statuses.length < 2 * (PUBLIC_REQUESTS_PER_MINUTE + 5)) {
      statuses.push((await fetch(`${server.base}/api/v1/jaren/2021`)).status);
    }
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(PUBLIC_REQUESTS_PER_MINUTE - 1);
    const limited = await fetch(`${server.base}/api/v1/jaren`);
    if (limited.status === 429) {
      expect(limited.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await limited.json()).title).toBe("Te veel verzoeken");
    }
    // The product's own pages answer the same address.
    expect((await fetch(`${server.base}/login`)).status).toBe(200);
  });
});
