import type { DB } from "../db/client.ts";

/** Settings read once at start-up from the environment (see README, "Omgevingsvariabelen"). */
export interface AppConfig {
  /** Inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Secure cookies: on in production (HTTPS); off for plain-HTTP development and tests. */
  secureCookies: boolean;
}

/** What the request handling learns about a request, for the request log (no answers, no passwords). */
export interface RequestInfo {
  accountId: number | null;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: DB;
    config: AppConfig;
    /** The client's address (the proxy's X-Forwarded-For when TRUST_PROXY is set), for login throttling. */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce. */
    cspNonce?: string;
    requestInfo?: RequestInfo;
  }
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const idle = Number(env.SESSION_IDLE_MINUTES ?? 60);
  return {
    sessionIdleMinutes: Number.isFinite(idle) && idle > 0 ? idle : 60,
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : env.NODE_ENV === "production",
  };
}
