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
