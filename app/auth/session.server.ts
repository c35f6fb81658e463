import { createHash, randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { UserAccount } from "../../db/schema.ts";
import { findSessionWithUser } from "../models/session.server.ts";
import { type CookieConfig, cookieHeader, readCookie } from "./cookies.server.ts";

// Sessions live in the database (not in the cookie), so ending one (log out, a disabled account)
// takes effect at once. The cookie carries a random token; the table keeps only its SHA-256.
// A session ends after SESSION_IDLE_MINUTES without activity, and at the latest SESSION_ABSOLUTE_HOURS
// after it started, however active it was.

/**
 * Over HTTPS the cookie carries the __Host- prefix: the browser then accepts it only with Secure,
 * Path=/ and no Domain, so no other host (a sibling subdomain) can set or overwrite it.
 */
export const SESSION_COOKIE = "wav_sessie";
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Refresh last_seen_at at most this often, so reading a page is not a write every time. */
const TOUCH_INTERVAL_MS = 60_000;
/** An expired session is kept this long, so the user hears "your session expired" rather than "log in". */
const EXPIRED_KEPT_MS = 7 * 24 * 60 * 60_000;

type SessionConfig = Pick<AppLoadContext["config"], "secureCookies" | "sessionIdleMinutes" | "sessionAbsoluteHours">;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const readSessionToken = (request: Request, config: CookieConfig) => readCookie(request, config, SESSION_COOKIE);
const cookie = (config: CookieConfig, value: string, maxAgeSeconds: number) => cookieHeader(config, SESSION_COOKIE, value, maxAgeSeconds);

export function clearSessionCookie(context: AppLoadContext): string {
  return cookie(context.config, "", 0);
}

/** When a session that is used now ends: after the idle time, but never past its absolute end. */
function nextExpiry(config: SessionConfig, createdAt: Date, now: Date): string {
  const idleEnd = now.getTime() + config.sessionIdleMinutes * 60_000;
  const absoluteEnd = createdAt.getTime() + config.sessionAbsoluteHours * 3_600_000;
  return new Date(Math.min(idleEnd, absoluteEnd)).toISOString();
}

export async function createSession(context: AppLoadContext, userId: number, now = new Date(), identityProviderId: number | null = null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await context.db
    .insertInto("session")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: nextExpiry(context.config, now, now),
      identity_provider_id: identityProviderId,
    })
    .execute();
  // The browser keeps the cookie as long as the session can live at most.
  return cookie(context.config, token, context.config.sessionAbsoluteHours * 3600);
}

export type SessionLookup =
  | { state: "active"; user: UserAccount; expiresAt: string; absoluteEnd: string }
  /** The cookie names a session that ran out: the user is known, but must log in again. */
  | { state: "expired"; userId: number }
  | { state: "none" };

/** Per request (the load context is made per request), so root and route loaders look it up once. */
const lookups = new WeakMap<object, Promise<SessionLookup>>();

export function lookupSession(context: AppLoadContext, request: Request, now = new Date()): Promise<SessionLookup> {
  // Only for reads: an action may end or start a session before the loaders of the same request run.
  const key = request.method === "GET" ? context.requestInfo : undefined;
  if (!key) return lookupSessionNow(context, request, now);
  let lookup = lookups.get(key);
  if (!lookup) lookups.set(key, (lookup = lookupSessionNow(context, request, now)));
  return lookup;
}

async function lookupSessionNow(context: AppLoadContext, request: Request, now: Date): Promise<SessionLookup> {
  const token = readSessionToken(request, context.config);
  if (!token) return { state: "none" };
  const id = hashToken(token);
  const row = await findSessionWithUser(context.db, id);
  if (!row || row.disabled_at) return { state: "none" };
  const { expires_at, last_seen_at, session_created_at, ...user } = row;
  const createdAt = new Date(session_created_at);
  const absoluteEnd = new Date(createdAt.getTime() + context.config.sessionAbsoluteHours * 3_600_000).toISOString();
  if (expires_at <= now.toISOString() || absoluteEnd <= now.toISOString()) return { state: "expired", userId: user.id };
  let expiresAt = expires_at;
  if (now.getTime() - Date.parse(last_seen_at) > TOUCH_INTERVAL_MS) {
    expiresAt = nextExpiry(context.config, createdAt, now);
    await context.db.updateTable("session").set({ last_seen_at: now.toISOString(), expires_at: expiresAt }).where("id", "=", id).execute();
  }
  return { state: "active", user, expiresAt, absoluteEnd };
}

/** Ends the request's session; gives the provider it was signed in through, if any (to offer its logout). */
export async function destroySession(context: AppLoadContext, request: Request): Promise<number | null> {
  const token = readSessionToken(request, context.config);
  if (!token) return null;
  const ended = await context.db.deleteFrom("session").where("id", "=", hashToken(token)).returning("identity_provider_id").executeTakeFirst();
  return ended?.identity_provider_id ?? null;
}

/** Removes sessions that expired more than a week ago (their "log in again" hint is no longer useful). */
export async function pruneSessions(context: Pick<AppLoadContext, "db">, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - EXPIRED_KEPT_MS).toISOString();
  await context.db.deleteFrom("session").where("expires_at", "<", cutoff).execute();
}

/** Ends every session of the user (log out everywhere, a changed password, a disabled account). */
export async function destroyAllSessions(context: Pick<AppLoadContext, "db" | "config">, userId: number, exceptRequest?: Request): Promise<void> {
  let query = context.db.deleteFrom("session").where("user_id", "=", userId);
  const keep = exceptRequest ? readSessionToken(exceptRequest, context.config) : null;
  if (keep) query = query.where("id", "!=", hashToken(keep));
  await query.execute();
}
