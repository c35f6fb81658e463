import type { DB } from "../../db/client.ts";
import type { NewUserAccount } from "../../db/schema.ts";

export async function findUserByEmail(db: DB, email: string) {
  return db
    .selectFrom("user_account")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
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

export async function setPasswordHash(db: DB, userId: number, passwordHash: string) {
  await db.updateTable("user_account").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}
