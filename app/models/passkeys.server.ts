import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";

/**
 * An account's passkeys (decision 90): only public material is kept (the credential's id and public key), with
 * the signature counter; and the challenge of the ceremony under way, one per account and purpose, taken once.
 */

/** How long a passkey ceremony may take. */
const CHALLENGE_MINUTES = 5;

export async function listPasskeys(db: DB, userId: number) {
  return db.selectFrom("passkey").select(["id", "name", "created_at", "last_used_at"]).where("user_id", "=", userId).orderBy("id").execute();
}

/** The credentials to allow or exclude in a ceremony. */
export async function passkeyCredentials(db: DB, userId: number) {
  const rows = await db.selectFrom("passkey").select(["credential_id", "transports"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ id: r.credential_id, transports: r.transports ? r.transports.split(",") : undefined }));
}

export async function findPasskey(db: DB, userId: number, credentialId: string) {
  return db.selectFrom("passkey").selectAll().where("user_id", "=", userId).where("credential_id", "=", credentialId).executeTakeFirst();
}

export async function storePasskey(
  db: DB,
  input: { userId: number; credentialId: string; publicKey: string; counter: number; transports: string[]; name: string; now: Date },
): Promise<void> {
  await db
    .insertInto("passkey")
    .values({
      user_id: input.userId,
      credential_id: input.credentialId,
      public_key: input.publicKey,
      counter: input.counter,
      transports: input.transports.length ? input.transports.join(",") : null,
      name: input.name,
      created_at: input.now.toISOString(),
      last_used_at: null,
    })
    .execute();
}

/**
 * Records a use: the counter must have moved on from the one read (a cloned authenticator repeats counters), or
 * both are 0 (authenticators that keep none). One conditional update: two uses at once record one.
 */
export async function recordPasskeyUse(db: DB, id: number, readCounter: number, newCounter: number, now: Date): Promise<boolean> {
  if (!(newCounter > readCounter || (newCounter === 0 && readCounter === 0))) return false;
  const used = await db
    .updateTable("passkey")
    .set({ counter: newCounter, last_used_at: now.toISOString() })
    .where("id", "=", id)
    .where("counter", "=", readCounter)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function removePasskey(db: DB, userId: number, id: number): Promise<boolean> {
  const removed = await db.deleteFrom("passkey").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst();
  return Number(removed.numDeletedRows) === 1;
}

export async function storeWebauthnChallenge(db: DB, userId: number, purpose: "registreren" | "inloggen", challenge: string, now = new Date()) {
  const expires_at = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
  await db
    .insertInto("webauthn_challenge")
    .values({ user_id: userId, purpose, challenge, expires_at })
    .onConflict((oc) => oc.columns(["user_id", "purpose"]).doUpdateSet({ challenge, expires_at }))
    .execute();
}

/** The challenge of the ceremony under way, once: a response sent twice finds none the second time. */
export async function takeWebauthnChallenge(db: DB, userId: number, purpose: "registreren" | "inloggen", now = new Date()): Promise<string | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("webauthn_challenge")
      .select(["id", "challenge", "expires_at"])
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    if (!row) return null;
    const taken = await trx.deleteFrom("webauthn_challenge").where("id", "=", row.id).executeTakeFirst();
    return Number(taken.numDeletedRows) === 1 && row.expires_at > now.toISOString() ? row.challenge : null;
  });
}
