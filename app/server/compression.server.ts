import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import Negotiator from "negotiator";

// How the product compresses what it makes per request (decisions 89 and 94). Brotli where the browser asks
// for it, else gzip. Quality 3 with a 256 KB window: a page compresses in about 60% of the CPU of brotli's
// default quality 4 with a 4 MB window per response, 5-7% larger; gzip at level 4 rather than 6 likewise.

const BROTLI_PAGE_QUALITY = 3;
const BROTLI_WINDOW_BITS = 18;
const GZIP_LEVEL = 4;

/** The `compression` middleware's options, for what is sent as a stream (data requests, downloads). */
export const STREAM_COMPRESSION = {
  level: GZIP_LEVEL,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_PAGE_QUALITY, [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS } },
};

// negotiator 0.6 takes the server's order for encodings the browser likes equally (its types omit the argument).
type NegotiatorWithPreference = { encoding(available: readonly string[], preferred: readonly string[]): string | undefined };

/**
 * The encoding to send a browser for its Accept-Encoding: brotli or gzip, the one it rates higher, brotli where it
 * rates them the same (browsers list gzip first: "gzip, deflate, br, zstd"), as the `compression` middleware does;
 * undefined for none (no header, `identity`, or neither accepted).
 */
export function preferredEncoding(acceptEncoding: string | null | undefined): "br" | "gzip" | undefined {
  if (!acceptEncoding) return undefined;
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } }) as unknown as NegotiatorWithPreference;
  const encoding = negotiator.encoding(["br", "gzip", "identity"], ["br", "gzip"]);
  return encoding === "br" || encoding === "gzip" ? encoding : undefined;
}

/**
 * Brotli's window for a page of this size: the smallest that holds it, from 64 KB up to the streams' 256 KB. A
 * window larger than the page compresses it to the same bytes, but brotli sets up its buffers for the whole window
 * on every call: a 21 KB section page took 290 µs with the 256 KB window and 110 µs with 64 KB (docs/performance.md).
 */
export const pageWindowBits = (length: number) => Math.min(BROTLI_WINDOW_BITS, Math.max(16, Math.ceil(Math.log2(Math.max(1, length)))));

/**
 * A whole page, compressed for the browser that asked for it in one call: the page is rendered whole anyway
 * (app/entry.server.tsx), and one synchronous call costs about half the CPU of the middleware's stream (three
 * trips through the thread pool per page, and the stream's bookkeeping) for the same bytes. Measured in
 * docs/performance.md. Gives the body as it goes out and its Content-Encoding, if any.
 */
export function compressedPage(page: Buffer<ArrayBuffer>, acceptEncoding: string | null): { body: Buffer<ArrayBuffer>; encoding?: "br" | "gzip" } {
  const encoding = preferredEncoding(acceptEncoding);
  if (encoding === "br") {
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_PAGE_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: pageWindowBits(page.length),
      [constants.BROTLI_PARAM_SIZE_HINT]: page.length,
    };
    // node:zlib's one-shot calls give a Buffer of its own ArrayBuffer (typed as the wider ArrayBufferLike).
    return { body: brotliCompressSync(page, { params }) as Buffer<ArrayBuffer>, encoding };
  }
  if (encoding === "gzip") return { body: gzipSync(page, { level: GZIP_LEVEL }) as Buffer<ArrayBuffer>, encoding };
  return { body: page };
}
