import type { EntryContext } from "@remix-run/node";

// The loader data of a page as Remix's StreamTransfer keeps what it read, so the page can be rendered as one
// string (app/entry.server.tsx, decision 31).

type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;

/** How long the loader data may take to encode before the page is given up (no loader defers data). */
const HANDOFF_TIMEOUT_MS = 5_000;

/**
 * The loader data's stream, read to its end, as Remix's StreamTransfer keeps what it read: one entry per chunk,
 * decoded as it decodes them (a character split between chunks comes whole in the later one), the last one done.
 * StreamTransfer then renders each chunk's script without waiting. A stream that fails, or does not end within the
 * timeout, fails the page, which Remix then answers with its error page.
 */
export async function readHandoff(stream: ReadableStream<Uint8Array>, timeoutMs = HANDOFF_TIMEOUT_MS): Promise<StreamCache> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const cache: StreamCache = {};
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    void reader.cancel();
  }, timeoutMs);
  try {
    for (let index = 0; ; index++) {
      const { done, value } = await reader.read();
      if (timedOut) throw new Error(`De gegevens van de pagina waren na ${timeoutMs} ms niet klaar.`);
      const result = { done, value: decoder.decode(value, { stream: true }) };
      cache[index] = Object.assign(Promise.resolve(), { result });
      if (done) break;
    }
  } finally {
    clearTimeout(timeout);
    reader.releaseLock();
  }
  return cache;
}
