import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// A second factor at sign-in (frozen once released):
// - an account's authenticator app (TOTP): its secret, encrypted with the installation's SECRET_KEY; confirmed
//   once the first code matched; the last time step accepted, so a code is never accepted twice;
// - recovery codes: only a keyed hash of each, single use;
// - the step between password and second factor: a short-lived challenge whose token (hashed here) the
//   browser holds in a cookie, so any worker or instance can finish the sign-in.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("totp_factor")
    .addColumn("user_id", "integer", (c) => c.notNull().unique().references("user_account.id").onDelete("cascade"))
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("last_used_step", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("recovery_code")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("recovery_code_once", ["user_id", "code_hash"])
    .execute();
  await db.schema
    .createTable("login_challenge")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("login_challenge").execute();
  await db.schema.dropTable("recovery_code").execute();
  await db.schema.dropTable("totp_factor").execute();
}
