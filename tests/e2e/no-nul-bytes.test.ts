import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, stopServer, type ServerProcess } from "../../scripts/start-command.ts";
import { DEMO_PASSWORD } from "./browser.ts";

// React 18's streaming renderer pads a 2,048-byte buffer with NUL bytes when a multi-byte character does
// not fit at its end (issue 24, 4); a browser shows them as U+FFFD, and a pre-filled field would save
// that. Pages are rendered as one string now (app/entry.server.tsx, decision 31), which has no such
// buffer; this keeps it so: it renders the pages with the longest texts many times, at shifting offsets,
// and looks for a zero byte in every body.
// Its own server on a fresh demo database: other browser tests submit the demo team's scan.

const dir = mkdtempSync(join(tmpdir(), "wav-nul-"));
let server: ServerProcess;
const baseURL = () => server.base;
beforeAll(async () => {
  server = await startProductionServer({ DATABASE_URL: join(dir, "nul.db"), REQUEST_LOG: "false" });
});
afterAll(async () => {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

async function logIn(email: string) {
  const response = await fetch(`${baseURL()}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const bytesOf = async (path: string, cookie: string) => new Uint8Array(await (await fetch(baseURL() + path, { headers: { cookie } })).arrayBuffer());

describe("pages never carry a NUL byte", () => {
  it("a section page with Dutch toelichtingen (ë, é, – and €), saved at 40 different lengths, and the read-only answers", async () => {
    const cookie = await logIn("team.enschede-centrum@demo.example");
    const start = await (await fetch(`${baseURL()}/`, { headers: { cookie } })).text();
    const responseId = /\/vragenlijsten\/(\d+)\/onderdelen\/G/.exec(start)![1];
    const path = `/vragenlijsten/${responseId}/onderdelen/G`;
    // Under 683 characters each: React encodes longer strings in one piece, past the buffer that pads.
    const sentence = "Overleg met Veilig Thuis over één casus – €0 extra, reëvaluatie. ";
    let pagesWithNul = 0;
    for (let shift = 0; shift < 40; shift++) {
      const page = await (await fetch(baseURL() + path, { headers: { cookie } })).text();
      const revision = /name="revision"[^>]*value="(\d+)"/.exec(page)![1]!;
      const text = ("x".repeat(shift) + sentence.repeat(12)).slice(0, 600);
      const saved = await fetch(baseURL() + path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ G1: "voldoet", G1__toelichting: text, G2: "voldoet_deels", G2__toelichting: text.slice(shift), revision, intent: "save" }),
        redirect: "manual",
      });
      expect(saved.status).toBe(302);
      for (const body of [await bytesOf(path, cookie), await bytesOf(`/vragenlijsten/${responseId}`, cookie)]) if (body.includes(0)) pagesWithNul++;
    }
    expect(pagesWithNul).toBe(0);
  });
});
