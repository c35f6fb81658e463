import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce.tsx";
import { BUSY_RETRY_AFTER_SECONDS } from "./server/remix-build.server.ts";
import { compressedPage } from "./server/compression.server.ts";

const ABORT_DELAY = 5_000;

/**
 * Remix's Node entry, with two changes:
 * - the response's CSP nonce (made per request by the server) goes on every script React renders, so
 *   the policy can forbid all other inline script;
 * - the page is rendered whole and sent as one body, without the NUL bytes React pads it with (below), and
 *   compressed in one call for the browser that asks for it. No loader returns deferred data, so streaming
 *   the shell first gains the user nothing, while the chain of Node and web streams it needs costs
 *   CPU on every page. The abort timer is cleared when the render ends, so a finished render is not
 *   kept in memory for its 5 seconds.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const collect = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // 503 is only ever a database that stayed busy (app/server/remix-build.server.ts): say when to retry.
        if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
        // Compressed here, whole, rather than by the middleware as a stream (decision 94).
        const { body, encoding } = compressedPage(dataInsideBody(withoutPadding(Buffer.concat(chunks))), request.headers.get("Accept-Encoding"));
        responseHeaders.append("Vary", "Accept-Encoding");
        if (encoding) responseHeaders.set("Content-Encoding", encoding);
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(collect);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // An error in the shell reaches onShellError, and Remix renders its error boundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

const DOCUMENT_END = Buffer.from("</body></html>");

/**
 * With single fetch, RemixServer renders the loader data's scripts (its StreamTransfer, in Suspense markers)
 * after the document element, so a page ended in "</html><!--$--><script>…". A browser's parser puts
 * whatever follows </html> at the end of the body; this moves it there in the markup, so the DOM (and
 * hydration) is the same and the page is valid HTML (decision 89).
 */
function dataInsideBody(body: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  const end = body.lastIndexOf(DOCUMENT_END);
  if (end === -1 || end + DOCUMENT_END.length === body.length) return body;
  return Buffer.concat([body.subarray(0, end), body.subarray(end + DOCUMENT_END.length), DOCUMENT_END]);
}

/**
 * React 18.3's streaming renderer writes a full 2,048-byte buffer when a multi-byte character does not fit
 * at its end, NUL bytes included (its writeStringChunk; fixed in React 19). They are padding, not content:
 * a browser shows them as U+FFFD, which a pre-filled field would then save. UTF-8 text holds a zero byte
 * only for U+0000, which no page carries (the product refuses it as input), so every zero byte goes. The
 * check is one memchr over the page; the copy runs only for the few pages that have padding.
 */
function withoutPadding(body: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  if (!body.includes(0)) return body;
  const cleaned = Buffer.allocUnsafe(body.length);
  let length = 0;
  for (const byte of body) if (byte !== 0) cleaned[length++] = byte;
  return cleaned.subarray(0, length);
}
