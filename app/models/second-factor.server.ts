import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";

/**
 * Where an account's second factor is kept (decision 90): its authenticator app (the secret as sealed by
 * app/auth/second-factor.server.ts, never in the clear), the keyed hashes of its recovery codes, and the
 * challenges between password and code. Each use of a code is one conditional write, so a code is taken
 * once however many requests bring it at the same moment, on SQLite and PostgreSQL alike.
 */

/** How long the step between password and second factor may take. */
export const LOGIN_CHALLENGE_MINUTES = 10;

export interface SecondFactorState {
  /** A confirmed authenticator app. */
  totp: boolean;
  /** Registered passkeys. */
  passkeys: number;
  /** Unused recovery codes. */
  recoveryCodesLeft: number;
}

export async function secondFactorOf(db: DB, userId: number): Promise<SecondFactorState> {
  const [totp, passkeys, codes] = await Promise.all([
    db.selectFrom("totp_factor").select("confirmed_at").where("user_id", "=", userId).executeTakeFirst(),
    db
      .selectFrom("passkey")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("recovery_code")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirst(),
  ]);
  return { totp: Boolean(totp?.confirmed_at), passkeys: Number(passkeys?.n ?? 0), recoveryCodesLeft: Number(codes?.n ?? 0) };
}

/** The sealed secret of the account's app, and whether it is confirmed. */
export async function totpFactorOf(db: DB, userId: number) {
  return db.selectFrom("totp_factor").select(["secret", "confirmed_at"]).where("user_id", "=", userId).executeTakeFirst();
}

/** Stores the sealed secret of an app being set up, unless one is there; gives the one that is stored. */
export async function storePendingTotp(db: DB, userId: number, sealed: string, now: Date): Promise<string> {
  await db
    .insertInto("totp_factor")
    .values({ user_id: userId, secret: sealed, confirmed_at: null, last_used_step: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  return (await db.selectFrom("totp_factor").select("secret").where("user_id", "=", userId).executeTakeFirstOrThrow()).secret;
}

/** Confirms the app being set up with the step its first code matched; false when it was confirmed meanwhile. */
export async function confirmTotpStep(db: DB, userId: number, step: number, now: Date): Promise<boolean> {
  const confirmed = await db
    .updateTable("totp_factor")
    .set({ confirmed_at: now.toISOString(), last_used_step: step })
    .where("user_id", "=", userId)
    .where("confirmed_at", "is", null)
    .executeTakeFirst();
  return Number(confirmed.numUpdatedRows) === 1;
}

/** Takes a step of the confirmed app: refused for a step at or before the last one taken (no replay). */
export async function takeTotpStep(db: DB, userId: number, step: number): Promise<boolean> {
  const taken = await db
    .updateTable("totp_factor")
    .set({ last_used_step: step })
    .where("user_id", "=", userId)
    .where("confirmed_at", "is not", null)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Replaces the account's recovery codes (their keyed hashes): the old ones stop working. */
export async function replaceRecoveryCodes(db: DB, userId: number, hashes: string[], now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("recovery_code").where("user_id", "=", userId).execute();
    await trx
      .insertInto("recovery_code")
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null, created_at: now.toISOString() })))
      .execute();
  });
}

/** Uses the recovery code with this hash, once. */
export async function useRecoveryCodeHash(db: DB, userId: number, hash: string, now: Date): Promise<boolean> {
  const used = await db
    .updateTable("recovery_code")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Removes the app, the passkeys and the recovery codes (the person, or programma for them). True when there was a factor. */
export async function removeSecondFactor(db: DB, userId: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("recovery_code").where("user_id", "=", userId).execute();
    const keys = await trx.deleteFrom("passkey").where("user_id", "=", userId).executeTakeFirst();
    const removed = await trx.deleteFrom("totp_factor").where("user_id", "=", userId).executeTakeFirst();
    return Number(removed.numDeletedRows) + Number(keys.numDeletedRows) > 0;
  });
}

/** Whether the account has a second factor: a confirmed app or a passkey. */
export const hasSecondFactor = (state: SecondFactorState) => state.totp || state.passkeys > 0;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Password accepted, second factor to come: the token goes into a short-lived cookie. */
export async function createLoginChallenge(
  db: DB,
  userId: number,
  redirectTo: string,
  identityProviderId: number | null = null,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("login_challenge")
    .values({
      id: hashToken(token),
      user_id: userId,
      redirect_to: redirectTo,
      identity_provider_id: identityProviderId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LOGIN_CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .execute();
  return token;
}

export async function findLoginChallenge(db: DB, token: string, now = new Date()) {
  return db
    .selectFrom("login_challenge")
    .select(["user_id as userId", "redirect_to as redirectTo", "identity_provider_id as identityProviderId"])
    .where("id", "=", hashToken(token))
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

/** Ends a challenge; true for the one request that ended it (a second request with the same cookie gets false). */
export async function endLoginChallenge(db: DB, token: string): Promise<boolean> {
  const ended = await db.deleteFrom("login_challenge").where("id", "=", hashToken(token)).executeTakeFirst();
  return Number(ended.numDeletedRows) === 1;
}
