import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Single sign-on with an organisation's OpenID Provider (frozen once released):
// - a provider programma registered for itself, a region or a gemeente: issuer, client id, the client secret
//   (sealed with SECRET_KEY, or the name of a configured one), whether passwords stay allowed for its domains;
// - the e-mail domains each provider covers (one provider per domain);
// - a sign-in on its way to the provider: state (hashed), nonce and PKCE verifier (sealed), 10 minutes;
// - the provider a session was signed in with, to offer its logout.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("identity_provider")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret", "text")
    .addColumn("secret_name", "text")
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("region_id", "integer", (c) => c.references("region.id"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("password_allowed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("user_account.id"))
    .execute();
  await db.schema
    .createTable("identity_provider_domain")
    .addColumn("domain", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("identity_provider.id").onDelete("cascade"))
    .execute();
  await db.schema
    .createTable("oidc_login")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("identity_provider.id").onDelete("cascade"))
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("session")
    .addColumn("identity_provider_id", "integer", (c) => c.references("identity_provider.id").onDelete("set null"))
    .execute();
  // A sign-in through a provider may still have its second step to go.
  await db.schema
    .alterTable("login_challenge")
    .addColumn("identity_provider_id", "integer", (c) => c.references("identity_provider.id").onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("login_challenge").dropColumn("identity_provider_id").execute();
  await db.schema.alterTable("session").dropColumn("identity_provider_id").execute();
  await db.schema.dropTable("oidc_login").execute();
  await db.schema.dropTable("identity_provider_domain").execute();
  await db.schema.dropTable("identity_provider").execute();
}
