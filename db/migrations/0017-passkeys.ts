import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Passkeys (WebAuthn) as a second factor (frozen once released):
// - an account's passkeys: the credential's id and public key (nothing secret), its signature counter;
// - the challenge of a ceremony under way, one per account and purpose, taken once.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("passkey")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("credential_id", "text", (c) => c.notNull().unique())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "integer", (c) => c.notNull())
    .addColumn("transports", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("passkey_user").on("passkey").column("user_id").execute();
  await db.schema
    .createTable("webauthn_challenge")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addUniqueConstraint("webauthn_challenge_one", ["user_id", "purpose"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webauthn_challenge").execute();
  await db.schema.dropTable("passkey").execute();
}
