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
