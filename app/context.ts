import type { DB } from "../db/client.ts";

/** Settings read once at start-up from the environment (see README, "Omgevingsvariabelen"). */
export interface AppConfig {
  /** Inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Secure cookies: on in production (HTTPS); off for plain-HTTP development and tests. */
  secureCookies: boolean;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: DB;
    config: AppConfig;
  }
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const idle = Number(env.SESSION_IDLE_MINUTES ?? 60);
  return {
    sessionIdleMinutes: Number.isFinite(idle) && idle > 0 ? idle : 60,
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : env.NODE_ENV === "production",
  };
}
