import type { DB } from "../../db/client.ts";
import type { AppConfig } from "./config.server.ts";

export type { AppConfig };

/**
 * What the request handling learns about a request, for the request log (no answers, no passwords); one object per
 * request, which also keys what is looked up once per request (the session).
 */
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
