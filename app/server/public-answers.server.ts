import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { isPublicPath } from "../domain/public-paths.ts";
import { etagOf, matchesEtag } from "../http/http.server.ts";
import { preferredEncoding } from "./compression.server.ts";

/**
 * The public picture's answers, kept ready (issue 30, decision 92). Whatever is public (the pages under
 * /cijfers, their open data, the API) depends on nothing but its address and the publications: no session, no
 * cookie, no script nonce (the public pages carry no scripts). So each answer is rendered once per state of the
 * publications, compressed once (brotli and gzip), and then sent as it is, like a static file: a burst of
 * anonymous readers costs the signed-in product little. Each process asks the database for the publications'
 * stamp at most once a second, so a publication or withdrawal on any instance is public everywhere within a
 * second (asking on every request cost a PostgreSQL round trip per anonymous request).
 *
 * Only 200 answers are kept; a 404 or an API error is rendered every time (the rate limit in front bounds how
 * often). At most `maxBytes` are kept, the least recently used go first: addresses with any query string are
 * separate answers, and a stranger could otherwise fill the memory with `?x=1`, `?x=2`, ...
 */

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The rendered answer's headers that belong to what is kept; the rest (date, length, encoding) do not. */
const KEPT_HEADERS = ["content-type", "cache-control", "etag", "link", "access-control-allow-origin", "api-version"];
/** A public page says nothing of its own about caching: browsers and proxies may keep it for five minutes. */
const PAGE_CACHE_CONTROL = "public, max-age=300";

interface Rendered {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Kept {
  stamp: string;
  headers: Record<string, string>;
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const sizeOf = (kept: Kept) => kept.identity.length + kept.br.length + kept.gzip.length;

export interface PublicAnswerOptions {
  /** Changes whenever what is public changes (models/publications: publicationStamp). */
  stamp: () => Promise<string>;
  /** Renders the answer at this address (path and query) as a fresh request without cookies would get it. */
  render: (pathAndQuery: string) => Promise<globalThis.Response>;
  maxBytes?: number;
  /** How long a process trusts the stamp it read. */
  stampLifetimeMs?: number;
}

export function publicAnswers({ stamp, render, maxBytes = 16 * 1024 * 1024, stampLifetimeMs = 1000 }: PublicAnswerOptions) {
  let known: { stamp: Promise<string>; at: number } | undefined;
  function currentStamp() {
    const now = Date.now();
    if (!known || now - known.at >= stampLifetimeMs) {
      const asked = stamp();
      asked.catch(() => (known = undefined));
      known = { stamp: asked, at: now };
    }
    return known.stamp;
  }

  const kept = new Map<string, Kept>();
  let keptBytes = 0;
  // Readers arriving while an answer is being rendered wait for that one rendering instead of starting their own.
  const rendering = new Map<string, Promise<Rendered | Kept>>();

  function keep(key: string, answer: Kept) {
    const before = kept.get(key);
    if (before) keptBytes -= sizeOf(before);
    kept.delete(key);
    kept.set(key, answer);
    keptBytes += sizeOf(answer);
    for (const [oldest, old] of kept) {
      if (keptBytes <= maxBytes) break;
      kept.delete(oldest);
      keptBytes -= sizeOf(old);
    }
  }

  async function renderAndKeep(key: string, stampNow: string): Promise<Rendered | Kept> {
    const response = await render(key);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (response.status !== 200 || response.headers.has("set-cookie")) {
      return { status: response.status, headers: { "cache-control": "no-store", ...headers }, body };
    }
    headers["cache-control"] ??= PAGE_CACHE_CONTROL;
    headers.etag ??= etagOf(body);
    // Brotli quality 9: 17 ms for the 160 KB page (off the event loop) against 147 ms at 11, 5% larger; the
    // first reader of a new publication waits for it.
    const [br, gz] = await Promise.all([
      brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzipped(body, { level: 9 }),
    ]);
    const answer: Kept = { stamp: stampNow, headers, etag: headers.etag, identity: body, br, gzip: gz };
    keep(key, answer);
    return answer;
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !isPublicPath(req.path)) return next();
    try {
      const stampNow = await currentStamp();
      const key = req.originalUrl;
      let answer: Rendered | Kept | undefined = kept.get(key);
      if (answer && answer.stamp === stampNow) {
        kept.delete(key);
        kept.set(key, answer);
      } else {
        const flight = `${stampNow} ${key}`;
        let pending = rendering.get(flight);
        if (!pending) {
          pending = renderAndKeep(key, stampNow).finally(() => rendering.delete(flight));
          rendering.set(flight, pending);
        }
        answer = await pending;
      }
      send(req, res, answer);
    } catch (error) {
      next(error);
    }
  };
}

function send(req: Request, res: Response, answer: Rendered | Kept) {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if ("status" in answer) {
    res.status(answer.status).setHeader("Content-Length", answer.body.length);
    res.end(req.method === "HEAD" ? undefined : answer.body);
    return;
  }
  res.setHeader("Vary", "Accept-Encoding");
  if (matchesEtag(req.headers["if-none-match"], answer.etag)) {
    res.status(304).end();
    return;
  }
  const encoding = preferredEncoding(req.headers["accept-encoding"]);
  const body = encoding ? answer[encoding] : answer.identity;
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.status(200).setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}
