import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressedPage, pageWindowBits } from "../../app/server/compression.server.ts";

const pageOf = (bytes: number) => {
  const parts: string[] = [];
  for (let i = 0; parts.join("").length < bytes; i++) parts.push(`<fieldset data-item="C${i}"><legend>Vraag ${i * 7919}</legend></fieldset>`);
  return Buffer.from(parts.join("").slice(0, bytes)) as Buffer<ArrayBuffer>;
};

describe("a page compressed whole", () => {
  it("comes back whole from brotli and gzip, small, large and larger than the window", () => {
    for (const bytes of [0, 300, 21_000, 100_000, 1_000_000]) {
      const page = pageOf(bytes);
      const br = compressedPage(page, "gzip, deflate, br, zstd");
      expect(br.encoding).toBe("br");
      expect(brotliDecompressSync(br.body).equals(page)).toBe(true);
      const gzip = compressedPage(page, "gzip");
      expect(gzip.encoding).toBe("gzip");
      expect(gunzipSync(gzip.body).equals(page)).toBe(true);
      expect(compressedPage(page, "identity")).toEqual({ body: page });
    }
  });

  it("gets a brotli window that holds the page, from 64 KB up to 256 KB", () => {
    expect(pageWindowBits(0)).toBe(16);
    expect(pageWindowBits(21_000)).toBe(16);
    expect(pageWindowBits(65_536)).toBe(16);
    expect(pageWindowBits(65_537)).toBe(17);
    expect(pageWindowBits(200_000)).toBe(18);
    expect(pageWindowBits(5_000_000)).toBe(18);
  });
});
