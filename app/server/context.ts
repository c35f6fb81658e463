import type { DB } from "../../db/client.ts";
import type { AppConfig } from "./config.server.ts";

export type { AppConfig };

/** What the request handling learns about a request, for the request log (no answers, no passwords). */
export interface RequestInfo {
  accountId: number | null;
}

/** Sends what the outbox holds; wake() asks it to look now instead of at its next round. */
export interface OutboxWaker {
  wake(): void;
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
    /** The server's outbox sender, when mail is configured. */
    outbox?: OutboxWaker;
  }
}
