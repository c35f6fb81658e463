import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";

/**
 * Throttling of password guesses (logins, the current password on /account) and of reset requests.
 *
 * Each attempt is claimed before the password is checked: one atomic step per key counts the attempt as
 * a failure, unless the key is blocked. A correct password then takes the count back. So of many
 * attempts sent at once, no more get their password checked than the limit allows, also when several
 * processes share the database (the conditional upsert is one statement; the row, or SQLite's write
 * lock, is held until the transaction ends).
 *
 * Keys and what they do:
 * - the (account, address) pair: blocked after PAIR_FREE_FAILURES; the usual guard against guessing
 *   one account's password, without locking its owner out from elsewhere;
 * - the account: blocked after ACCOUNT_FREE_FAILURES from any addresses (guessing spread over many);
 * - the address: never blocks, because a municipal office shares one address. After
 *   ADDRESS_FREE_FAILURES every attempt from it is answered later (slowing guesses at unknown or many
 *   accounts); a correct password of an account that is not itself blocked still gets in.
 * A block grows from 30 seconds, doubling with each further failure, and is capped at 15 minutes, so an
 * attacker cannot lock a real user out for long.
 */
export const PAIR_FREE_FAILURES = 5;
export const ACCOUNT_FREE_FAILURES = 20;
export const ADDRESS_FREE_FAILURES = 20;
/** Guesses at the current password on /account, per account. */
export const PASSWORD_CHECK_FREE_FAILURES = 5;
const FIRST_BLOCK_MS = 30_000;
const MAX_BLOCK_MS = 15 * 60_000;
const ADDRESS_DELAY_STEP_MS = 1_000;
const ADDRESS_DELAY_MAX_MS = 10_000;
/** A failure this long after the previous one starts the count afresh. */
export const FORGET_AFTER_MS = 60 * 60_000;

const normalEmail = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `account:${normalEmail(email)}`;
export const pairKey = (email: string, address: string) => `pair:${normalEmail(email)}|${address}`;
export const addressKey = (address: string) => `address:${address}`;
export const passwordCheckKey = (userId: number) => `password-check:${userId}`;

/** A key that blocks after `free` failures, or (delay) one that only slows the answer down. */
export interface ThrottleRule {
  key: string;
  free: number;
  delayOnly?: boolean;
}

export const loginRules = (email: string, address: string): ThrottleRule[] => [
  { key: pairKey(email, address), free: PAIR_FREE_FAILURES },
  { key: accountKey(email), free: ACCOUNT_FREE_FAILURES },
  { key: addressKey(address), free: ADDRESS_FREE_FAILURES, delayOnly: true },
];

export type Claim = { ok: true; delayMs: number } | { ok: false; waitMs: number };

class Blocked extends Error {}

const blockFor = (over: number) => Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** Math.min(over - 1, 20));

/**
 * Claims one attempt: refused (with how long to wait) when a blocking key is blocked now; otherwise
 * every key counts the attempt, a key past its limit becomes blocked for the next attempt, and the
 * answer says how long to hold the reply back (delay keys).
 */
export async function claimAttempt(db: DB, rules: ThrottleRule[], now = new Date()): Promise<Claim> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  try {
    return await inTransaction(db, async (trx) => {
      let delayMs = 0;
      for (const rule of rules) {
        const counted = await trx
          .insertInto("login_throttle")
          .values({ key: rule.key, failures: 1, last_failure_at: at, blocked_until: null })
          .onConflict((oc) => {
            const update = oc.column("key").doUpdateSet((eb) => ({
              failures: eb
                .case()
                .when("login_throttle.last_failure_at", "<", forgetBefore)
                .then(1)
                .else(eb("login_throttle.failures", "+", 1))
                .end(),
              last_failure_at: at,
            }));
            // A blocked key counts nothing and lets nothing through.
            return rule.delayOnly
              ? update
              : update.where((eb) => eb.or([eb("login_throttle.blocked_until", "is", null), eb("login_throttle.blocked_until", "<=", at)]));
          })
          .returning("failures")
          .executeTakeFirst();
        if (!counted) throw new Blocked();
        const over = counted.failures - rule.free;
        if (over > 0 && rule.delayOnly) delayMs = Math.max(delayMs, Math.min(ADDRESS_DELAY_MAX_MS, over * ADDRESS_DELAY_STEP_MS));
        if (over > 0 && !rule.delayOnly) {
          await trx
            .updateTable("login_throttle")
            .set({ blocked_until: new Date(now.getTime() + blockFor(over)).toISOString() })
            .where("key", "=", rule.key)
            .execute();
        }
      }
      return { ok: true as const, delayMs };
    });
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    return {
      ok: false,
      waitMs: await waitFor(
        db,
        rules.filter((r) => !r.delayOnly).map((r) => r.key),
        now,
      ),
    };
  }
}

/** A correct password: the blocking keys forget their count; a delay key takes back this one attempt. */
export async function attemptSucceeded(db: DB, rules: ThrottleRule[]) {
  await inTransaction(db, async (trx) => {
    for (const rule of rules) {
      if (rule.delayOnly) {
        await trx
          .updateTable("login_throttle")
          .set((eb) => ({ failures: eb("failures", "-", 1) }))
          .where("key", "=", rule.key)
          .where("failures", ">", 0)
          .execute();
      } else {
        await trx.deleteFrom("login_throttle").where("key", "=", rule.key).execute();
      }
    }
  });
}

/** How long these keys must still wait (ms), 0 when free. */
export async function waitFor(db: DB, keys: string[], now = new Date()): Promise<number> {
  if (!keys.length) return 0;
  const rows = await db.selectFrom("login_throttle").select(["blocked_until"]).where("key", "in", keys).execute();
  return Math.max(0, ...rows.map((r) => (r.blocked_until ? Date.parse(r.blocked_until) - now.getTime() : 0)));
}

/** "2 minuten" / "45 seconden": how long to wait, rounded up. */
export function waitText(ms: number): string {
  if (ms > 90_000) return `${Math.ceil(ms / 60_000)} minuten`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds === 1 ? "1 seconde" : `${seconds} seconden`;
}

export const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
