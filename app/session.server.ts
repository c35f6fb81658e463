import { createHash, randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { UserAccount } from "../db/schema.ts";

// Sessions live in the database (not in the cookie), so ending one (log out, a disabled account)
// takes effect at once. The cookie carries a random token; the table keeps only its SHA-256.

export const SESSION_COOKIE = "wav_sessie";
/** How long the browser keeps the cookie; the server-side idle timeout is what ends a session. */
const COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** Refresh last_seen_at at most this often, so reading a page is not a write every time. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

function cookie(context: AppLoadContext, value: string, maxAge: number): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (context.config.secureCookies) parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(context: AppLoadContext): string {
  return cookie(context, "", 0);
}

export async function createSession(context: AppLoadContext, userId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await context.db
    .insertInto("session")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + context.config.sessionIdleMinutes * 60_000).toISOString(),
    })
    .execute();
  return cookie(context, token, COOKIE_MAX_AGE_SECONDS);
}

export type SessionLookup =
  | { state: "active"; user: UserAccount }
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
  const token = readSessionToken(request);
  if (!token) return { state: "none" };
  const id = hashToken(token);
  const row = await context.db
    .selectFrom("session")
    .innerJoin("user_account", "user_account.id", "session.user_id")
    .selectAll("user_account")
    .select(["session.expires_at", "session.last_seen_at"])
    .where("session.id", "=", id)
    .executeTakeFirst();
  if (!row || row.disabled_at) return { state: "none" };
  const { expires_at, last_seen_at, ...user } = row;
  if (expires_at <= now.toISOString()) return { state: "expired", userId: user.id };
  if (now.getTime() - Date.parse(last_seen_at) > TOUCH_INTERVAL_MS) {
    await context.db
      .updateTable("session")
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + context.config.sessionIdleMinutes * 60_000).toISOString(),
      })
      .where("id", "=", id)
      .execute();
  }
  return { state: "active", user };
}

export async function destroySession(context: AppLoadContext, request: Request): Promise<void> {
  const token = readSessionToken(request);
  if (token) await context.db.deleteFrom("session").where("id", "=", hashToken(token)).execute();
}

/** Removes sessions that expired more than a week ago (their "log in again" hint is no longer useful). */
export async function pruneSessions(context: Pick<AppLoadContext, "db">, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - COOKIE_MAX_AGE_SECONDS * 1000).toISOString();
  await context.db.deleteFrom("session").where("expires_at", "<", cutoff).execute();
}

/** Ends every session of the user (log out everywhere, a changed password, a disabled account). */
export async function destroyAllSessions(context: Pick<AppLoadContext, "db">, userId: number, exceptRequest?: Request): Promise<void> {
  let query = context.db.deleteFrom("session").where("user_id", "=", userId);
  const keep = exceptRequest ? readSessionToken(exceptRequest) : null;
  if (keep) query = query.where("id", "!=", hashToken(keep));
  await query.execute();
}
