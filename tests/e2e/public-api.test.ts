import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, stopServer, type ServerProcess } from "../../scripts/start-command.ts";
import { PUBLIC_BURST, REFUSAL_DELAY_MS } from "../../app/server/middleware.ts";

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

const get = (path: string, init?: RequestInit) => fetch(`${server.base}${path}`, init);

describe("the public picture over HTTP", () => {
  it("is a document kept ready: no scripts, the same bytes in every encoding, 304 on its ETag, cacheable, no cookie", async () => {
    const plain = await get("/cijfers/2021", { headers: { "Accept-Encoding": "identity", Cookie: "wav_sessie=iets" } });
    const html = await plain.text();
    expect(plain.status).toBe(200);
    expect(html).toContain("Landelijk beeld 2021");
    expect(html).not.toContain("<script");
    expect(plain.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(plain.headers.get("Set-Cookie")).toBeNull();
    const etag = plain.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    for (const encoding of ["br", "gzip"]) {
      const answer = await get("/cijfers/2021", { headers: { "Accept-Encoding": encoding } });
      expect(answer.headers.get("Content-Encoding")).toBe(encoding);
      expect(answer.headers.get("Vary")).toBe("Accept-Encoding");
      expect(answer.headers.get("ETag")).toBe(etag);
      expect(await answer.text()).toBe(html);
    }
    expect((await get("/cijfers/2021", { headers: { "If-None-Match": etag } })).status).toBe(304);
    // A year not published is a 404 page, kept nowhere.
    const missing = await get("/cijfers/2022");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Cache-Control")).toBe("no-store");
    expect(await missing.text()).toContain("<title>Pagina niet gevonden – Werken aan veiligheid</title>");
  });

  it("follows the publications: a withdrawal written by another instance is public within a second", async () => {
    expect((await get("/cijfers/2020")).status).toBe(200);
    expect(await (await get("/cijfers")).text()).toContain('href="/cijfers/2020"');
    const db = new Database(join(dir, "demo.db"));
    try {
      db.prepare("update publication set withdrawn_at = ?, withdraw_reason = ? where year = 2020").run(new Date().toISOString(), "Test: ingetrokken");
      // Within a second (the stamp's lifetime); the test gives a busy machine three.
      await expect.poll(async () => (await get("/cijfers/2020")).status, { interval: 250, timeout: 3_000 }).toBe(404);
      expect((await get("/api/v1/jaren/2020")).status).toBe(404);
      expect(await (await get("/cijfers")).text()).not.toContain('href="/cijfers/2020"');
    } finally {
      db.prepare("update publication set withdrawn_at = null, withdraw_reason = null where year = 2020").run();
      db.close();
    }
  });
});

describe("the public API over HTTP", () => {
  it("is compressed, open to other sites, and limited per address without touching the signed-in product", async () => {
    const first = await get("/api/v1/jaren", { headers: { "Accept-Encoding": "br", Origin: "https://onderzoek.example" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Encoding")).toBe("br");
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(first.headers.get("API-Version")).toBe("1.0.0");
    expect(first.headers.get("Set-Cookie")).toBeNull();
    expect((await first.json()).data).toHaveLength(3);

    // A burst past the bucket is refused, each refusal after a second's wait (a client asking again at once is
    // held to one a second). This test's earlier requests came out of the same bucket: at most PUBLIC_BURST go
    // through before the first refusal (a few more for what flowed back in meanwhile).
    const statuses: number[] = [];
    let refused: Response | undefined;
    let refusedAfter = 0;
    while (!refused && statuses.length < PUBLIC_BURST + 10) {
      const asked = Date.now();
      const answer = await get("/api/v1/jaren/2021");
      statuses.push(answer.status);
      if (answer.status === 429) [refused, refusedAfter] = [answer, Date.now() - asked];
      else await answer.arrayBuffer();
    }
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
    // The refusal itself: after a second's wait, as problem+json in Dutch, saying when to come back.
    expect(refusedAfter).toBeGreaterThanOrEqual(REFUSAL_DELAY_MS - 50);
    expect(refused!.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expect(Number(refused!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused!.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await refused!.json()).toMatchObject({ status: 429, title: "Te veel verzoeken" });
    // The product's own pages answer the same address.
    expect((await fetch(`${server.base}/login`)).status).toBe(200);
  });
});
