import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

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
    res.locals.cspNonce = randomBytes(16).toString("base64");
    csp(req, res, next);
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
      res.status(413).type("text/plain; charset=utf-8").send(`Wat u verstuurde is te groot (meer dan ${Math.round(maxBytes / 1024)} kB). Er is niets opgeslagen.`);
      // Do not read the rest of a body we refuse.
      req.socket.setTimeout(1000);
      return;
    }
    next();
  };
}

/**
 * A write (POST and the like) whose Origin header names another site is refused: with the SameSite
 * cookie this closes cross-site request forgery. A request without Origin (not a browser form) passes.
 */
export function sameOriginWrites(configuredOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.headers.origin;
    const expected = configuredOrigin ?? `${req.protocol}://${req.get("host")}`;
    if (origin && origin !== expected) {
      res.status(403).type("text/plain; charset=utf-8").send("Dit verzoek komt niet van deze website en is geweigerd.");
      return;
    }
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
          // An invitation link's token is a credential: never in the log.
          path: req.path.replace(/^\/uitnodiging\/[^/]+/, "/uitnodiging/…"),
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          account: (res.locals.requestInfo as { accountId: number | null }).accountId,
        }),
      );
    });
    next();
  };
}
