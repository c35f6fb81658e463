import { randomInt } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { keyedHash, open, seal } from "./secret-box.server.ts";
import { matchingStep, newTotpSecret } from "./totp.server.ts";
import { attemptSucceeded, claimAttempt, type ThrottleRule } from "../models/login-throttle.server.ts";
import { confirmTotpStep, replaceRecoveryCodes, storePendingTotp, takeTotpStep, totpFactorOf, useRecoveryCodeHash } from "../models/second-factor.server.ts";

/**
 * The second factor's secrets (decision 90): the app's secret sealed with SECRET_KEY, recovery codes kept as
 * keyed hashes, codes checked against the app's time steps. The storage is app/models/second-factor.server.ts.
 */

type Ctx = Pick<AppLoadContext, "db" | "config">;

export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes in a row before the account's second step waits (30 s, doubling, at most 15 minutes), as for passwords. */
export const SECOND_FACTOR_FREE_FAILURES = 5;

export const secondFactorRules = (userId: number): ThrottleRule[] => [{ key: `second-factor:${userId}`, free: SECOND_FACTOR_FREE_FAILURES }];

/**
 * The secret of an app being set up: the one begun before (so a reload shows the QR code the person may
 * already have scanned), else a new one. Null when the account already has a confirmed app.
 */
export async function pendingTotpSecret(context: Ctx, userId: number, now = new Date()): Promise<string | null> {
  const key = context.config.secretKey;
  const row = await totpFactorOf(context.db, userId);
  if (row?.confirmed_at) return null;
  // Two first requests at once: both show the one that was stored.
  return open(key, row ? row.secret : await storePendingTotp(context.db, userId, seal(key, newTotpSecret()), now));
}

/** Confirms the app being set up with its first code (throttled like every code); the code is then used. */
export async function confirmTotp(context: Ctx, userId: number, code: string, now = new Date()): Promise<{ ok: boolean; waitMs?: number }> {
  return throttled(context, userId, now, async () => {
    const row = await totpFactorOf(context.db, userId);
    const step = row && !row.confirmed_at ? matchingStep(open(context.config.secretKey, row.secret), code, now) : null;
    return step !== null && (await confirmTotpStep(context.db, userId, step, now));
  });
}

const normalRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
/** Letters and digits nobody confuses when reading them off paper (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** New recovery codes (the old ones stop working): shown once, stored only as keyed hashes. */
export async function newRecoveryCodes(context: Ctx, userId: number, now = new Date()): Promise<string[]> {
  const group = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => [group(), group(), group()].join("-"));
  await replaceRecoveryCodes(
    context.db,
    userId,
    codes.map((code) => keyedHash(context.config.secretKey, normalRecoveryCode(code))),
    now,
  );
  return codes;
}

export type SecondFactorCheck = { ok: true; method: "authenticator" | "herstelcode" } | { ok: false; waitMs?: number };

/**
 * Checks what the person typed at the second step: a code of their app (six digits) or a recovery code.
 * Throttled per account like a password: the attempt is counted before the code is checked.
 */
export async function checkSecondFactor(context: Ctx, userId: number, code: string, now = new Date()): Promise<SecondFactorCheck> {
  const digits = code.replace(/\s/g, "");
  const method = /^\d{6}$/.test(digits) ? "authenticator" : "herstelcode";
  const result = await throttled(context, userId, now, async () => {
    if (method === "herstelcode") {
      const normal = normalRecoveryCode(code);
      return normal.length === 12 && (await useRecoveryCodeHash(context.db, userId, keyedHash(context.config.secretKey, normal), now));
    }
    const row = await totpFactorOf(context.db, userId);
    const step = row?.confirmed_at ? matchingStep(open(context.config.secretKey, row.secret), digits, now) : null;
    return step !== null && (await takeTotpStep(context.db, userId, step));
  });
  return result.ok ? { ok: true, method } : { ok: false, waitMs: result.waitMs };
}

/** Counts the attempt before `check` runs; a right code takes the count back. */
async function throttled(context: Ctx, userId: number, now: Date, check: () => Promise<boolean>): Promise<{ ok: boolean; waitMs?: number }> {
  const rules = secondFactorRules(userId);
  const claim = await claimAttempt(context.db, rules, now);
  if (!claim.ok) return { ok: false, waitMs: claim.waitMs };
  if (!(await check())) return { ok: false };
  await attemptSucceeded(context.db, rules);
  return { ok: true };
}
