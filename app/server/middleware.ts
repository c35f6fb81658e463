import { randomUUID } from "node:crypto";
import helmet from "helmet";
import type { NextFunction, Request, Response } from "express";
import { pathWithoutToken } from "../domain/mail.ts";
import { isUnstorableText } from "../domain/text.ts";
import { isPublicPath } from "../domain/public-paths.ts";

// Express middleware of the server entry: security headers, request-size limit, same-origin check on
// writes, and a structured request log. Everything a browser request passes before Remix sees it.

/** Security headers on every response, with a fresh CSP nonce for the page's scripts. */
export function securityHeaders(options: { production: boolean }) {
  const nonceOf = (res: Response) => `'nonce-${res.locals.cspNonce as string}'`;
  const csp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline script except what carries this response's nonce. Vite's dev server needs more.
        scriptSrc: options.production ? ["'self'", (_req, res) => nonceOf(res as Response)] : ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        styleSrc: options.production ? ["'self'"] : ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: options.production ? ["'self'"] : ["'self'", "ws:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    // 122 random bits from the CSPRNG; randomUUID draws them from a pool that is refilled in bulk,
    // where randomBytes(16) made a system call on every request.
    res.locals.cspNonce = randomUUID().replaceAll("-", "");
    csp(req, res, next);
  };
}

/**
 * Refuses, with 400 and before any route code runs, an address the product cannot serve:
 * - Remix's old `?_data=` data requests (single fetch uses `.data` addresses): the framework would still
 *   run the route's loader for them and log a stack trace for each;
 * - a path or query parameter that decodes to text no database can store (U+0000, a lone surrogate);
 *   PostgreSQL would answer a search for it with an error. Form fields are checked in readFormData.
 * Only an address with a percent sign or "_data" in it can be either, so others pass at once.
 */
/**
 * The headers a script or stylesheet of the build needs: nosniff and the resource policy. The document's
 * headers (the CSP, frame, opener and referrer policies, HSTS) govern pages, not the files a page loads, and
 * cost about 700 bytes on each of the 40-odd files of a first visit; the pages carry them (decision 89).
 */
export function assetHeaders() {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    next();
  };
}

export function refuseUnservableAddresses() {
  return (req: Request, res: Response, next: NextFunction) => {
    const url = req.originalUrl;
    if (!url.includes("%") && !url.includes("_data")) return next();
    const refuse = (text: string) => res.status(400).type("text/plain; charset=utf-8").send(text);
    const queryStart = url.indexOf("?");
    const params = new URLSearchParams(queryStart >= 0 ? url.slice(queryStart + 1) : "");
    if (params.has("_data")) return refuse("Dit adres bestaat niet in deze vorm (de parameter _data wordt niet gebruikt).");
    let path: string;
    try {
      path = decodeURIComponent(queryStart >= 0 ? url.slice(0, queryStart) : url);
    } catch {
      return refuse("Dit adres klopt niet: het bevat een ongeldige codering.");
    }
    if ([path, ...params.keys(), ...params.values()].some(isUnstorableText)) {
      return refuse("Dit adres bevat een teken dat niet kan worden verwerkt (een nul-teken). Er is niets gewijzigd.");
    }
    next();
  };
}

/** Refuses a request body over the limit with 413 before anything reads it. */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const length = req.headers["content-length"];
    if (length === undefined && req.headers["transfer-encoding"]) {
      res.status(411).type("text/plain; charset=utf-8").send("Verstuur het formulier vanaf de pagina zelf (de lengte ontbreekt).");
      return;
    }
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > maxBytes)) {
      res
        .status(413)
        .type("text/plain; charset=utf-8")
        .send(`Wat u verstuurde is te groot (meer dan ${Math.round(maxBytes / 1024)} kB). Er is niets opgeslagen.`);
      // Do not read the rest of a body we refuse.
      req.socket.setTimeout(1000);
      return;
    }
    next();
  };
}

/**
 * Cross-site request forgery: a write (POST and the like) from another site is refused with 403. The
 * SameSite=Lax cookie already keeps the session off most cross-site writes; this is the second lock.
 * A browser says where a request comes from in up to three headers, checked in this order:
 * - Sec-Fetch-Site (Fetch Metadata, every current browser): only "same-origin" and "none" (the
 *   user's own action, such as a bookmark) pass; "same-site" (a sibling subdomain) and "cross-site" not;
 * - Origin: must be this site's origin (APP_ORIGIN, or the request's own scheme and host);
 * - Referer, when there is no Origin: its origin must be this site's.
 * A request with none of the three does not come from a browser form (browsers send Origin with every
 * cross-origin POST and Sec-Fetch-Site with every request), so it cannot carry a victim's session
 * into a forged write; such clients (scripts, the benchmark's load tool) keep working with their own
 * session cookie.
 */
export function sameOriginWrites(configuredOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const expected = configuredOrigin ?? `${req.protocol}://${req.get("host")}`;
    const site = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    let allowed = true;
    if (typeof site === "string") allowed = site === "same-origin" || site === "none";
    if (allowed && origin !== undefined) allowed = origin === expected;
    else if (allowed && referer !== undefined) allowed = originOf(referer) === expected;
    if (!allowed) {
      res.status(403).type("text/plain; charset=utf-8").send("Dit verzoek komt niet van deze website en is geweigerd.");
      return;
    }
    next();
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Pages and their data requests may hold a team's answers: the browser must not keep them, so Back
 * after logging out shows nothing of them. Fingerprinted assets and public files get their own caching
 * before this runs.
 */
export function noStore() {
  return (req: Request, res: Response, next: NextFunction) => {
    // The public answers say themselves how long they keep: the Remix adapter appends a response's headers to
    // these, so a default here would stand beside theirs ("no-store" and "public" at once).
    if (isPublicPath(req.path)) return next();
    res.setHeader("Cache-Control", "no-store");
    next();
  };
}

/** One JSON line per request: method, path, status, duration, account. Never a body, never a query string. */
export function requestLog(write: (line: string) => void = (line) => process.stdout.write(line + "\n")) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.locals.requestInfo = { accountId: null };
    res.on("finish", () => {
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          method: req.method,
          // An invitation or reset link's token is a credential: never in the log.
          path: pathWithoutToken(req.path),
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          account: (res.locals.requestInfo as { accountId: number | null }).accountId,
        }),
      );
    });
    next();
  };
}

/** Anonymous requests to the public picture and its API per address and minute, per process (issue 30). */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;
/** Of which an address may make this many at once (a reader's page and its data, a script's first pages). */
export const PUBLIC_BURST = 30;

/**
 * How long a refusal waits before it is sent. A client that asks again as soon as it is answered (a script in a
 * loop, a load tool) is then held to one request a second per connection: refusing at once cost little per
 * request, but a burst from 50 connections then got 13,000 refusals a second, which took the cores from the
 * signed-in product all the same (decision 92).
 */
export const REFUSAL_DELAY_MS = 1000;

/**
 * Rate limiting of what anyone may read without an account (`/cijfers`, `/api/`): per address a token bucket
 * of PUBLIC_BURST that refills at PUBLIC_REQUESTS_PER_MINUTE, counted in this process (each worker and instance
 * counts its own: the limit is about a burst from one address slowing the signed-in product, not about a
 * precise quota). A bucket rather than a count per minute: a minute's allowance at once cost the signed-in
 * pages a spike. Past it: 429 with Retry-After, as problem+json for the API, after REFUSAL_DELAY_MS. Signed-in
 * pages are never limited here.
 */
export function publicRateLimit(perMinute = PUBLIC_REQUESTS_PER_MINUTE, burst = PUBLIC_BURST) {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let prunedAt = Date.now();
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPublicPath(req.path)) return next();
    const now = Date.now();
    if (now - prunedAt > 60_000) {
      // Forget the addresses whose bucket has filled up again: they are where a new one would start.
      for (const [address, bucket] of buckets) if (bucket.tokens + (now - bucket.at) * perMs >= burst) buckets.delete(address);
      prunedAt = now;
    }
    const address = req.ip ?? "onbekend";
    const bucket = buckets.get(address) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    buckets.set(address, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
    setTimeout(() => {
      if (!res.writableEnded && !req.socket.destroyed) refuse(req, res, perMinute, retryAfter);
    }, REFUSAL_DELAY_MS).unref();
  };
}

function refuse(req: Request, res: Response, perMinute: number, retryAfterSeconds: number) {
  const retryAfter = String(retryAfterSeconds);
  const wait = `${retryAfter} ${retryAfterSeconds === 1 ? "seconde" : "seconden"}`;
  // Refused before the security headers are set (it is the cheapest answer): none is needed for text that is
  // never HTML, but it must not be sniffed as such.
  res.setHeader("Retry-After", retryAfter);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (req.path.startsWith("/api/")) {
    res.status(429).type("application/problem+json");
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.send(
      JSON.stringify({
        type: "about:blank",
        title: "Te veel verzoeken",
        status: 429,
        detail: `Hoogstens ${perMinute} verzoeken per minuut per adres. Probeer het over ${wait} opnieuw.`,
      }),
    );
  } else {
    res.status(429).type("text/plain; charset=utf-8").send(`Te veel verzoeken. Probeer het over ${wait} opnieuw.`);
  }
}
