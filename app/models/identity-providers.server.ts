import { createHash } from "node:crypto";
import type { DB } from "../../db/client.ts";
import type { IdentityProviderTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import { audit } from "./audit.server.ts";
import { domainOf } from "../domain/sign-in.ts";

/**
 * Organisations' OpenID Providers (decision 91): which provider covers which e-mail domain, the sign-ins on
 * their way to a provider and back, and which accounts a provider may sign in (only those within the
 * organisation it was registered for: sign-in never widens an account).
 */

/** How long a sign-in may take at the provider. */
export const OIDC_LOGIN_MINUTES = 10;

export type IdentityProvider = Omit<IdentityProviderTable, "id" | "password_allowed"> & { id: number; password_allowed: number };

/** The provider covering this address's domain, if any. */
export async function providerForEmail(db: DB, email: string): Promise<IdentityProvider | undefined> {
  return db
    .selectFrom("identity_provider_domain as d")
    .innerJoin("identity_provider as p", "p.id", "d.provider_id")
    .selectAll("p")
    .where("d.domain", "=", domainOf(email))
    .executeTakeFirst();
}

export async function providerCoversDomain(db: DB, providerId: number, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom("identity_provider_domain")
    .select("domain")
    .where("provider_id", "=", providerId)
    .where("domain", "=", domain)
    .executeTakeFirst();
  return Boolean(row);
}

export async function getIdentityProvider(db: DB, id: number): Promise<IdentityProvider | undefined> {
  return db.selectFrom("identity_provider").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every provider with its domains and the name of its organisation, for programma's page. */
export async function listIdentityProviders(db: DB) {
  const [providers, domains] = await Promise.all([
    db
      .selectFrom("identity_provider as p")
      .leftJoin("region as r", "r.id", "p.region_id")
      .leftJoin("municipality as m", "m.id", "p.municipality_id")
      .select([
        "p.id",
        "p.name",
        "p.issuer",
        "p.client_id",
        "p.secret_name",
        "p.organisation",
        "p.password_allowed",
        "p.created_at",
        "r.name as region_name",
        "m.name as municipality_name",
      ])
      .select((eb) => eb("p.client_secret", "is not", null).as("has_stored_secret"))
      .orderBy("p.name")
      .execute(),
    db.selectFrom("identity_provider_domain").selectAll().orderBy("domain").execute(),
  ]);
  return providers.map((p) => ({
    ...p,
    has_stored_secret: Boolean(p.has_stored_secret),
    organisationName:
      p.organisation === "programma" ? "Programma (landelijk)" : p.organisation === "regio" ? `Regio ${p.region_name}` : `Gemeente ${p.municipality_name}`,
    domains: domains.filter((d) => d.provider_id === p.id).map((d) => d.domain),
  }));
}

/** The domains that sign in through a provider: the login page asks no password for them (unless allowed). */
export async function providerDomains(db: DB): Promise<{ domain: string; passwordAllowed: boolean }[]> {
  const rows = await db
    .selectFrom("identity_provider_domain as d")
    .innerJoin("identity_provider as p", "p.id", "d.provider_id")
    .select(["d.domain", "p.password_allowed"])
    .orderBy("d.domain")
    .execute();
  return rows.map((r) => ({ domain: r.domain, passwordAllowed: r.password_allowed === 1 }));
}

export interface NewIdentityProvider {
  name: string;
  issuer: string;
  clientId: string;
  /** Sealed already (app/auth/oidc.server.ts), or null. */
  sealedSecret: string | null;
  secretName: string | null;
  organisation: "programma" | "regio" | "gemeente";
  regionId: number | null;
  municipalityId: number | null;
  passwordAllowed: boolean;
  domains: string[];
}

/** Registers a provider; refused when one of its domains has a provider already. */
export async function createIdentityProvider(
  db: DB,
  input: NewIdentityProvider,
  actorId: number,
  now = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; errors: Record<string, string> }> {
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom("identity_provider_domain").select("domain").where("domain", "in", input.domains).execute();
    if (taken.length) return { ok: false as const, errors: { domains: `Dit domein heeft al een provider: ${taken.map((t) => t.domain).join(", ")}.` } };
    const { id } = await trx
      .insertInto("identity_provider")
      .values({
        name: input.name,
        issuer: input.issuer,
        client_id: input.clientId,
        client_secret: input.sealedSecret,
        secret_name: input.secretName,
        organisation: input.organisation,
        region_id: input.regionId,
        municipality_id: input.municipalityId,
        password_allowed: input.passwordAllowed ? 1 : 0,
        created_at: now.toISOString(),
        created_by: actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("identity_provider_domain")
      .values(input.domains.map((domain) => ({ domain, provider_id: id })))
      .execute();
    // The secret itself never reaches the log: only whether and where one is kept.
    await audit(trx, {
      actorId,
      action: "identity_provider.created",
      entity: "identity_provider",
      entityId: id,
      changes: {
        name: [null, input.name],
        issuer: [null, input.issuer],
        domains: [null, input.domains.join(", ")],
        password_allowed: [null, input.passwordAllowed],
        secret: [null, input.sealedSecret ? "opgeslagen (versleuteld)" : input.secretName ? `OIDC_SECRET_${input.secretName}` : "geen"],
      },
    });
    return { ok: true as const, id };
  });
}

export async function removeIdentityProvider(db: DB, id: number, actorId: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const provider = await trx.selectFrom("identity_provider").select("name").where("id", "=", id).executeTakeFirst();
    if (!provider) return false;
    await trx.updateTable("session").set({ identity_provider_id: null }).where("identity_provider_id", "=", id).execute();
    await trx.deleteFrom("identity_provider").where("id", "=", id).execute();
    await audit(trx, { actorId, action: "identity_provider.removed", entity: "identity_provider", entityId: id, changes: { name: [provider.name, null] } });
    return true;
  });
}

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

/** A sign-in leaving for the provider: its state (hashed), nonce and sealed PKCE verifier. */
export async function storeOidcLogin(
  db: DB,
  input: { providerId: number; state: string; nonce: string; sealedVerifier: string; redirectTo: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db
    .insertInto("oidc_login")
    .values({
      id: hashState(input.state),
      provider_id: input.providerId,
      nonce: input.nonce,
      code_verifier: input.sealedVerifier,
      redirect_to: input.redirectTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000).toISOString(),
    })
    .execute();
}

/** Takes the sign-in with this state, once: a callback replayed or raced finds nothing the second time. */
export async function takeOidcLogin(db: DB, state: string, now = new Date()) {
  const id = hashState(state);
  const row = await db.selectFrom("oidc_login").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const taken = await db.deleteFrom("oidc_login").where("id", "=", id).executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1 || row.expires_at <= now.toISOString()) return undefined;
  return row;
}

/**
 * The active account with this address, if it lies within the provider's organisation: a gemeente's provider
 * signs in the gemeente's accounts and those of its teams; a region's, everything in the region; programma's,
 * programma's accounts.
 */
export async function accountWithinProvider(db: DB, provider: IdentityProvider, email: string) {
  const account = await db
    .selectFrom("user_account as u")
    .leftJoin("municipality as m", "m.id", "u.municipality_id")
    .leftJoin("team as t", "t.id", "u.team_id")
    .leftJoin("municipality as tm", "tm.id", "t.municipality_id")
    .select([
      "u.id",
      "u.role",
      "u.disabled_at",
      "u.region_id",
      "u.municipality_id",
      "u.team_id",
      "m.region_id as municipality_region_id",
      "t.municipality_id as team_municipality_id",
      "tm.region_id as team_region_id",
    ])
    .where((eb) => eb(eb.fn("lower", ["u.email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
  if (!account) return { refusal: "unknown" as const };
  if (account.disabled_at) return { refusal: "disabled" as const };
  const within =
    provider.organisation === "programma"
      ? account.role === "programma"
      : provider.organisation === "regio"
        ? provider.region_id !== null && [account.region_id, account.municipality_region_id, account.team_region_id].includes(provider.region_id)
        : provider.municipality_id !== null && [account.municipality_id, account.team_municipality_id].includes(provider.municipality_id);
  return within ? { account } : { refusal: "outside" as const };
}
