import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { publicAnswers, type PublicAnswerOptions } from "../../app/server/public-answers.server.ts";

// The public answers kept ready (decision 92), over real HTTP with a stand-in for Remix: how often an answer is
// rendered is what a burst of anonymous readers costs, so that is what these tests count.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server with only the middleware; `render` counts its calls and answers what `answer` says for a path. */
async function serve(options: Partial<PublicAnswerOptions> & { answer?: (path: string) => Response }) {
  const rendered: string[] = [];
  const app = express();
  app.use(
    publicAnswers({
      stamp: options.stamp ?? (async () => "1"),
      render: async (path) => {
        rendered.push(path);
        await new Promise((r) => setTimeout(r, 20)); // long enough for concurrent readers to arrive meanwhile
        return options.answer?.(path) ?? new Response(`<p>${path} ${"x".repeat(1000)}</p>`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
      },
      maxBytes: options.maxBytes,
      stampLifetimeMs: options.stampLifetimeMs ?? 0,
    }),
  );
  app.use((_req, res) => res.status(418).send("niet publiek"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  close = () => new Promise((r) => server.close(() => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { rendered, get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }) };
}

describe("public answers kept ready", () => {
  it("renders an answer once for any number of readers, also those arriving while it renders", async () => {
    const { rendered, get } = await serve({});
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/cijfers/2021")));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect((await get("/cijfers/2021")).status).toBe(200);
    expect(rendered).toEqual(["/cijfers/2021"]);
    // Another address is another answer; what is not public passes on untouched.
    await get("/cijfers/2021?thema=B");
    expect(rendered).toEqual(["/cijfers/2021", "/cijfers/2021?thema=B"]);
    expect((await get("/login")).status).toBe(418);
  });

  it("renders again when the publications change, and trusts a stamp only for its lifetime", async () => {
    let stamp = "1";
    let asked = 0;
    const { rendered, get } = await serve({
      stamp: async () => {
        asked++;
        return stamp;
      },
      stampLifetimeMs: 60_000,
    });
    await get("/api/v1/jaren");
    stamp = "2";
    await get("/api/v1/jaren");
    expect(rendered).toHaveLength(1); // the stamp read a moment ago still holds
    expect(asked).toBe(1);
  });

  it("keeps a new answer after a publication (stamp read every request)", async () => {
    let stamp = "1";
    const { rendered, get } = await serve({ stamp: async () => stamp });
    await get("/api/v1/jaren");
    stamp = "2";
    await get("/api/v1/jaren");
    await get("/api/v1/jaren");
    expect(rendered).toEqual(["/api/v1/jaren", "/api/v1/jaren"]);
  });

  it("never keeps a 404 or an answer that sets a cookie, and sends them without the cookie", async () => {
    const { rendered, get } = await serve({
      answer: (path) =>
        path === "/cijfers/1999"
          ? new Response("weg", { status: 404 })
          : new Response("koek", { headers: { "Set-Cookie": "a=b", "Content-Type": "text/plain" } }),
    });
    for (let i = 0; i < 3; i++) {
      const missing = await get("/cijfers/1999");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("Cache-Control")).toBe("no-store");
    }
    const cookie = await get("/cijfers/koek");
    expect(cookie.headers.get("Set-Cookie")).toBeNull();
    await get("/cijfers/koek");
    expect(rendered.filter((p) => p === "/cijfers/1999")).toHaveLength(3);
    expect(rendered.filter((p) => p === "/cijfers/koek")).toHaveLength(2);
  });

  it("keeps at most maxBytes, the least recently read going first", async () => {
    // Each answer is about 1 KB plain plus its two compressed copies: room for about three.
    const { rendered, get } = await serve({ maxBytes: 3_500 });
    for (const path of ["/cijfers/a", "/cijfers/b", "/cijfers/c", "/cijfers/a", "/cijfers/d"]) await get(path);
    // a was read again before d came, so b (the least recently read) made room.
    await get("/cijfers/a");
    await get("/cijfers/b");
    expect(rendered).toEqual(["/cijfers/a", "/cijfers/b", "/cijfers/c", "/cijfers/d", "/cijfers/b"]);
  });

  it("answers in the encoding asked, the same body, with a 304 for its ETag", async () => {
    const { get } = await serve({});
    const plain = await get("/cijfers/2021", { "Accept-Encoding": "identity" });
    const body = await plain.text();
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Cache-Control")).toBe("public, max-age=300");
    for (const encoding of ["br", "gzip"]) {
      const answer = await get("/cijfers/2021", { "Accept-Encoding": encoding });
      expect(answer.headers.get("Content-Encoding")).toBe(encoding);
      expect(await answer.text()).toBe(body);
    }
    expect((await get("/cijfers/2021", { "If-None-Match": plain.headers.get("ETag")! })).status).toBe(304);
    // A browser lists gzip first and rates both the same: it gets the smaller brotli copy; gzip where it rates brotli lower.
    expect((await get("/cijfers/2021", { "Accept-Encoding": "gzip, deflate, br, zstd" })).headers.get("Content-Encoding")).toBe("br");
    expect((await get("/cijfers/2021", { "Accept-Encoding": "gzip, br;q=0.5" })).headers.get("Content-Encoding")).toBe("gzip");
  });
});
