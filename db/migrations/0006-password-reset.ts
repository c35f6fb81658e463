import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Password reset links ("Wachtwoord vergeten"): single use, valid for an hour, only the token's
// SHA-256 stored. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_reset")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_reset_user").on("password_reset").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_reset").execute();
}
