import type { DB } from "../../db/client.ts";

/**
 * Login throttling: after a number of failures an account (or an address) must wait, twice as long
 * after each further failure, never longer than MAX_BLOCK. A success clears the account's count.
 * The cap keeps an attacker from locking a real user out for long; the growth makes guessing slow.
 */
export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 20;
const FIRST_BLOCK_MS = 30_000;
const MAX_BLOCK_MS = 15 * 60_000;
/** A failure this long after the previous one starts the count afresh. */
const FORGET_AFTER_MS = 60 * 60_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** How long these keys must still wait (ms), 0 when free. */
export async function waitFor(db: DB, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.selectFrom("login_throttle").select(["blocked_until"]).where("key", "in", keys).execute();
  return Math.max(0, ...rows.map((r) => (r.blocked_until ? Date.parse(r.blocked_until) - now.getTime() : 0)));
}

export async function recordFailure(db: DB, keys: { key: string; free: number }[], now = new Date()) {
  await db.transaction().execute(async (trx) => {
    for (const { key, free } of keys) {
      const row = await trx.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
      const fresh = !row || now.getTime() - Date.parse(row.last_failure_at) > FORGET_AFTER_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - free;
      const blockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** (over - 1))).toISOString() : null;
      await trx
        .insertInto("login_throttle")
        .values({ key, failures, last_failure_at: now.toISOString(), blocked_until: blockedUntil })
        .onConflict((oc) => oc.column("key").doUpdateSet({ failures, last_failure_at: now.toISOString(), blocked_until: blockedUntil }))
        .execute();
    }
  });
}

export async function clearFailures(db: DB, key: string) {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}

/** "2 minuten" / "45 seconden": how long to wait, rounded up. */
export function waitText(ms: number): string {
  if (ms > 90_000) return `${Math.ceil(ms / 60_000)} minuten`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds === 1 ? "1 seconde" : `${seconds} seconden`;
}
