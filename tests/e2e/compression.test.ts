import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { baseURL, DEMO_PASSWORD } from "./browser.ts";

// Issue 28, part 1 (decision 89): every kind of response the product sends, asked for with brotli and gzip,
// with gzip only, and without compression. Text comes back compressed in the best encoding the client
// accepts, with Vary: Accept-Encoding, and decompresses to exactly what an uncompressed request gets; the
// browser's files come from copies made at build time and are cached for good; a file that is already
// compressed (XLSX) is sent as it is.

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain HTTP request (fetch would decompress and hide the encoding). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseURL()}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function decoded(raw: Raw): Buffer {
  const encoding = raw.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(raw.body);
  if (encoding === "gzip") return gunzipSync(raw.body);
  expect(encoding, "an encoding the client did not ask for").toBeUndefined();
  return raw.body;
}

async function signedInCookie(email: string): Promise<string> {
  const response = await fetch(`${baseURL()}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL() },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie()[0]!.split(";")[0]!;
}

/** Asks three ways; returns the three answers after checking that they agree. */
async function threeWays(path: string, cookie?: string) {
  const base: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const br = await get(path, { ...base, "Accept-Encoding": "gzip, deflate, br" });
  const gzip = await get(path, { ...base, "Accept-Encoding": "gzip" });
  const plain = await get(path, base);
  for (const raw of [br, gzip, plain]) expect(raw.status, path).toBe(200);
  expect(plain.headers["content-encoding"], `${path} without Accept-Encoding`).toBeUndefined();
  return { br, gzip, plain };
}

/** Pages differ per response (the CSP nonce, the time): compare them without those. */
const stable = (html: string) => html.replace(/[0-9a-f]{32}/g, "NONCE").replace(/\d{2}:\d{2}(:\d{2})?/g, "TIME");

describe("compressed responses", () => {
  it("pages: brotli when asked for, else gzip, else as they are; the same page each way", async () => {
    for (const [path, cookie] of [
      ["/login", undefined],
      ["/programma/dashboard", await signedInCookie("programma@demo.example")],
      ["/toegankelijkheid", undefined],
    ] as const) {
      const { br, gzip, plain } = await threeWays(path, cookie);
      expect(br.headers["content-encoding"], path).toBe("br");
      expect(gzip.headers["content-encoding"], path).toBe("gzip");
      for (const raw of [br, gzip, plain]) expect(String(raw.headers.vary), path).toMatch(/Accept-Encoding/i);
      expect(stable(decoded(br).toString("utf8"))).toBe(stable(plain.body.toString("utf8")));
      expect(stable(decoded(gzip).toString("utf8"))).toBe(stable(plain.body.toString("utf8")));
      // Compressed pages are markedly smaller.
      expect(br.body.length, path).toBeLessThan(plain.body.length / 2);
    }
  });

  it("page data (single fetch), CSV downloads: compressed; an XLSX (already a zip) as it is", async () => {
    const cookie = await signedInCookie("programma@demo.example");
    const data = await threeWays("/programma/dashboard.data", cookie);
    expect(data.br.headers["content-encoding"]).toBe("br");
    expect(decoded(data.br).equals(data.plain.body)).toBe(true);

    const csv = await threeWays("/programma/dashboard.csv?jaar=2021", cookie);
    expect(csv.br.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.br.headers["content-encoding"]).toBe("br");
    expect(decoded(csv.br).equals(csv.plain.body)).toBe(true);
    expect(decoded(csv.gzip).equals(csv.plain.body)).toBe(true);

    const xlsx = await threeWays("/programma/rondetafels.xlsx", cookie);
    expect(xlsx.br.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(xlsx.br.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.br.body.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("the browser's files: the copy compressed at build time, cached for good, the same file each way", async () => {
    const page = (await get("/login")).body.toString("utf8");
    const assets = [...new Set([...page.matchAll(/\/assets\/[\w.-]+\.(?:css|js)/g)].map((m) => m[0]))];
    expect(assets.some((a) => a.endsWith(".css")) && assets.some((a) => a.endsWith(".js"))).toBe(true);
    for (const asset of assets) {
      const { br, gzip, plain } = await threeWays(asset);
      // A file under 1 KB has no compressed copy: it would save less than the headers cost.
      const compressed = plain.body.length >= 1024;
      expect(br.headers["content-encoding"], asset).toBe(compressed ? "br" : undefined);
      expect(gzip.headers["content-encoding"], asset).toBe(compressed ? "gzip" : undefined);
      expect(String(br.headers["cache-control"]), asset).toMatch(/max-age=31536000.*immutable/);
      expect(String(br.headers["content-type"]), asset).toMatch(asset.endsWith(".css") ? /^text\/css/ : /javascript/);
      if (compressed) expect(String(br.headers.vary), asset).toMatch(/Accept-Encoding/i);
      expect(decoded(br).equals(plain.body), asset).toBe(true);
      expect(decoded(gzip).equals(plain.body), asset).toBe(true);
    }
    // The icon (SVG) is sent either way, as the image it is.
    const icon = await threeWays("/favicon.svg");
    expect(decoded(icon.br).toString("utf8")).toContain("<svg");
  });
});
