import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./components/nonce.tsx";
import { BUSY_RETRY_AFTER_SECONDS } from "./server/remix-build.server.ts";
import { compressedPage } from "./server/compression.server.ts";
import { readHandoff } from "./server/handoff.server.ts";

/**
 * Remix's Node entry, with these changes:
 * - the response's CSP nonce (made per request by the server) goes on every script React renders, so
 *   the policy can forbid all other inline script;
 * - the page is rendered whole, as one string, and compressed in one call for the browser that asks for it.
 *   No loader returns deferred data, so streaming the shell first would gain the user nothing. The loader data
 *   (single fetch's turbo-stream) is read to its end first and handed to Remix's StreamTransfer as already
 *   read, so nothing suspends and React's string renderer makes the same markup as its streaming one, without
 *   writing each of a page's thousands of small strings into a byte buffer of its own (a fifth of React's time
 *   on a section page, and the NUL padding of React 18.3's streaming writer: none now).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  if (remixContext.serverHandoffStream) {
    (remixContext.renderMeta ??= {}).streamCache = await readHandoff(remixContext.serverHandoffStream);
  }
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // 503 is only ever a database that stayed busy (app/server/remix-build.server.ts): say when to retry.
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
  // Compressed here, whole, rather than by the middleware as a stream (decision 94).
  const { body, encoding } = compressedPage(Buffer.from(dataInsideBody(`<!DOCTYPE html>${html}`)), request.headers.get("Accept-Encoding"));
  responseHeaders.append("Vary", "Accept-Encoding");
  if (encoding) responseHeaders.set("Content-Encoding", encoding);
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

const DOCUMENT_END = "</body></html>";

/**
 * With single fetch, RemixServer renders the loader data's scripts (its StreamTransfer, in Suspense markers)
 * after the document element, so a page ended in "</html><!--$--><script>…". A browser's parser puts
 * whatever follows </html> at the end of the body; this moves it there in the markup, so the DOM (and
 * hydration) is the same and the page is valid HTML (decision 89).
 */
function dataInsideBody(page: string): string {
  const end = page.lastIndexOf(DOCUMENT_END);
  if (end === -1 || end + DOCUMENT_END.length === page.length) return page;
  return page.slice(0, end) + page.slice(end + DOCUMENT_END.length) + DOCUMENT_END;
}
