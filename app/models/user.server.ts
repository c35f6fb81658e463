import type { DB } from "../../db/client.ts";
import type { NewUserAccount } from "../../db/schema.ts";
import { audit } from "./audit.server.ts";
import { inTransaction } from "../../db/transaction.ts";

export async function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("user_account").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function createUser(db: DB, user: Omit<NewUserAccount, "created_at"> & { created_at?: string }) {
  const { id } = await db
    .insertInto("user_account")
    .values({ ...user, email: user.email.trim().toLowerCase(), created_at: user.created_at ?? new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function getUser(db: DB, id: number) {
  return db.selectFrom("user_account").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Stores a new password hash; the audit log records that it changed, never the hash. */
export async function setPasswordHash(db: DB, userId: number, passwordHash: string, actorId: number = userId) {
  await inTransaction(db, async (trx) => {
    await trx.updateTable("user_account").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    await audit(trx, { actorId, action: "account.password_changed", entity: "user_account", entityId: userId });
  });
}

/** The single-use links that let their holder set the account's password. */
export type PasswordToken = { kind: "invitation"; id: number } | { kind: "reset"; id: number };

const TOKEN_TABLE = { invitation: "invitation", reset: "password_reset" } as const;
const TOKEN_AUDIT = { invitation: "account.invitation_accepted", reset: "password.reset" } as const;

/**
 * Uses an invitation or reset link, in one transaction: spends it (a second use of the same link, also
 * at the same moment, finds it spent and changes nothing), sets the new password, ends every session
 * of the account (also one of whoever had the old password), spends its other open links, and logs it.
 */
export async function setPasswordWithToken(
  db: DB,
  input: { token: PasswordToken; userId: number; passwordHash: string; address?: string; now?: Date },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const spent = await trx
      .updateTable(TOKEN_TABLE[input.token.kind])
      .set({ used_at: now })
      .where("id", "=", input.token.id)
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!spent) return false;
    await trx.updateTable("user_account").set({ password_hash: input.passwordHash }).where("id", "=", input.userId).execute();
    await trx.deleteFrom("session").where("user_id", "=", input.userId).execute();
    // Another open link would be a second way in with the old state: spend those too.
    for (const table of Object.values(TOKEN_TABLE)) {
      await trx.updateTable(table).set({ used_at: now }).where("user_id", "=", input.userId).where("used_at", "is", null).execute();
    }
    await audit(trx, {
      actorId: input.userId,
      action: TOKEN_AUDIT[input.token.kind],
      entity: "user_account",
      entityId: input.userId,
      address: input.address ?? null,
    });
    return true;
  });
}
