import { createHash, randomBytes } from "node:crypto";
import { assignableRoles, canManageAccount, mayRemoveSecondFactorOf } from "../domain/policy.ts";
import { type CurrentUser } from "../domain/user.ts";
import type { DB } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { audit } from "./audit.server.ts";
import { INVITATION_DAYS } from "../forms/accounts.ts";
import { inTransaction } from "../../db/transaction.ts";
import { queueMail } from "./outbox.server.ts";
import { removeSecondFactor } from "./second-factor.server.ts";

// Accounts managed by scope, invitations (single use, 7 days) and the outbox of invitation mail.

export { INVITATION_DAYS };
/** A password hash no password matches: the account can log in only after its invitation is used. */
export const NO_PASSWORD = "!uitgenodigd";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Accounts with what authorization needs to decide who manages them. */
function accountsQuery(db: DB) {
  return db
    .selectFrom("user_account as u")
    .leftJoin("region as r", "r.id", "u.region_id")
    .leftJoin("municipality as m", "m.id", "u.municipality_id")
    .leftJoin("team as t", "t.id", "u.team_id")
    .leftJoin("municipality as tm", "tm.id", "t.municipality_id")
    .leftJoin("totp_factor as tf", "tf.user_id", "u.id")
    .select((eb) => [
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.region_id",
      "u.municipality_id",
      "u.team_id",
      "u.disabled_at",
      "u.created_at",
      "r.name as region_name",
      "m.name as municipality_name",
      "m.region_id as municipality_region_id",
      "t.name as team_name",
      "t.municipality_id as team_municipality_id",
      "tm.region_id as team_region_id",
      "tf.confirmed_at as second_factor_at",
      eb.selectFrom("passkey").select(eb.fn.countAll<number>().as("n")).whereRef("passkey.user_id", "=", "u.id").as("passkeys"),
      eb.fn.coalesce(eb.ref("u.password_hash"), eb.val("")).as("password_hash"),
    ]);
}
type AccountRow = Awaited<ReturnType<ReturnType<typeof accountsQuery>["execute"]>>[number];

const managesRow = (manager: CurrentUser, a: AccountRow) =>
  canManageAccount(manager, {
    role: a.role,
    regionId: a.region_id,
    municipalityId: a.municipality_id,
    municipalityRegionId: a.municipality_region_id,
    teamMunicipalityId: a.team_municipality_id,
  });

export async function listManagedAccounts(db: DB, manager: CurrentUser) {
  let query = accountsQuery(db);
  if (manager.role === "regio") query = query.where((eb) => eb.or([eb("m.region_id", "=", manager.regionId!), eb("u.region_id", "=", manager.regionId!)]));
  if (manager.role === "gemeente") query = query.where("t.municipality_id", "=", manager.municipalityId!);
  const rows = (await query.orderBy("u.role").orderBy("u.email").execute()).filter((a) => managesRow(manager, a));
  return rows.map(({ password_hash, ...a }) => ({
    ...a,
    invited: password_hash === NO_PASSWORD,
    scope: a.team_name ?? (a.municipality_name ? `Gemeente ${a.municipality_name}` : a.region_name ? `Regio ${a.region_name}` : "Landelijk"),
  }));
}

export async function getManagedAccount(db: DB, manager: CurrentUser, id: number) {
  const row = await accountsQuery(db).where("u.id", "=", id).executeTakeFirst();
  return row && managesRow(manager, row) ? row : null;
}

/** The roles a manager may give a new account (the policy's), and for each the scopes within their own. */
export async function scopesFor(db: DB, manager: CurrentUser) {
  const roles: Role[] = assignableRoles(manager);
  let municipalities = db.selectFrom("municipality").select(["id", "name", "region_id"]).orderBy("name");
  if (manager.regionId !== null) municipalities = municipalities.where("region_id", "=", manager.regionId);
  let teams = db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["team.id", "team.name", "municipality.name as municipality_name"])
    .where("team.active", "=", 1)
    .orderBy("municipality.name")
    .orderBy("team.name");
  if (manager.municipalityId !== null) teams = teams.where("team.municipality_id", "=", manager.municipalityId);
  return {
    roles,
    // Regions for the roles scoped to one: regio (programma only) and Veilig Thuis (a regio gives only its own).
    regions:
      roles.includes("regio") || roles.includes("veilig_thuis")
        ? await (manager.regionId !== null ? db.selectFrom("region").where("id", "=", manager.regionId) : db.selectFrom("region"))
            .select(["id", "name"])
            .orderBy("name")
            .execute()
        : [],
    municipalities: roles.includes("gemeente") ? await municipalities.execute() : [],
    teams: roles.includes("teammanager") ? await teams.execute() : [],
  };
}

function invitationMail(name: string, link: string, inviter: string) {
  return {
    subject: "Uitnodiging: Werken aan veiligheid",
    body: [
      `Beste ${name},`,
      "",
      `${inviter} heeft een account voor u aangemaakt in Werken aan veiligheid, de toepassing voor de zelfscan van het kwaliteitskader.`,
      `Kies via deze link uw wachtwoord (de link werkt één keer en is ${INVITATION_DAYS} dagen geldig):`,
      "",
      link,
      "",
      "Kende u deze uitnodiging niet? Dan kunt u deze mail negeren.",
    ].join("\n"),
  };
}

/** To the owner of an account in use when a manager makes a new link for it: it is a reset, and they must know. */
function resetByManagerMail(name: string, link: string, manager: string) {
  return {
    subject: "Uw account: er is een nieuwe link gemaakt om een wachtwoord te kiezen",
    body: [
      `Beste ${name},`,
      "",
      `${manager} heeft voor uw account in Werken aan veiligheid een nieuwe link gemaakt om een wachtwoord te kiezen.`,
      "Daarom zijn al uw sessies beëindigd: u bent overal uitgelogd. Uw huidige wachtwoord werkt nog tot iemand de link gebruikt.",
      `Wilt u zelf een nieuw wachtwoord? Gebruik dan deze link (één keer, ${INVITATION_DAYS} dagen geldig):`,
      "",
      link,
      "",
      `Hebt u hier niet om gevraagd? Neem dan contact op met ${manager} of met het programma: iemand anders zou met deze link uw account kunnen overnemen.`,
    ].join("\n"),
  };
}

export async function issueInvitation(
  trx: DB,
  input: { userId: number; email: string; name: string; managerId: number; managerName: string; origin: string; now: Date; accountInUse?: boolean },
) {
  await trx.updateTable("invitation").set({ used_at: input.now.toISOString() }).where("user_id", "=", input.userId).where("used_at", "is", null).execute();
  const token = randomBytes(32).toString("base64url");
  await trx
    .insertInto("invitation")
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      created_by: input.managerId,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  const link = `${input.origin}/uitnodiging/${token}`;
  const mail = input.accountInUse ? resetByManagerMail(input.name, link, input.managerName) : invitationMail(input.name, link, input.managerName);
  if (input.accountInUse) {
    // Whoever holds the new link could take the account over: its owner is logged out everywhere and told.
    await trx.deleteFrom("session").where("user_id", "=", input.userId).execute();
  }
  await queueMail(trx, { recipient: input.email, subject: mail.subject, body: mail.body, at: input.now });
  await audit(trx, {
    actorId: input.managerId,
    action: input.accountInUse ? "account.reset_link" : "account.invited",
    entity: "user_account",
    entityId: input.userId,
    at: input.now,
  });
  return link;
}

export type CreateResult = { ok: true; link: string; userId: number } | { ok: false; errors: Record<string, string> };

export async function createAccount(
  db: DB,
  input: {
    manager: CurrentUser;
    email: string;
    name: string;
    role: Role;
    regionId: number | null;
    municipalityId: number | null;
    teamId: number | null;
    origin: string;
    now?: Date;
  },
): Promise<CreateResult> {
  const now = input.now ?? new Date();
  const scope = {
    region_id: input.role === "regio" || input.role === "veilig_thuis" ? input.regionId : null,
    municipality_id: input.role === "gemeente" ? input.municipalityId : null,
    team_id: input.role === "teammanager" ? input.teamId : null,
  };
  const [municipality, team] = await Promise.all([
    scope.municipality_id ? db.selectFrom("municipality").select(["id", "region_id"]).where("id", "=", scope.municipality_id).executeTakeFirst() : undefined,
    scope.team_id
      ? db.selectFrom("team").select(["id", "municipality_id"]).where("id", "=", scope.team_id).where("active", "=", 1).executeTakeFirst()
      : undefined,
  ]);
  const region = scope.region_id ? await db.selectFrom("region").select("id").where("id", "=", scope.region_id).executeTakeFirst() : undefined;
  if (
    ((input.role === "regio" || input.role === "veilig_thuis") && !region) ||
    (input.role === "gemeente" && !municipality) ||
    (input.role === "teammanager" && !team)
  ) {
    return { ok: false, errors: { scope: "Kies een regio, gemeente of team dat bij deze rol hoort." } };
  }
  const allowed = canManageAccount(input.manager, {
    role: input.role,
    regionId: scope.region_id,
    municipalityId: scope.municipality_id,
    municipalityRegionId: municipality?.region_id ?? null,
    teamMunicipalityId: team?.municipality_id ?? null,
  });
  if (!allowed) return { ok: false, errors: { scope: "U kunt voor deze rol of dit onderdeel geen account aanmaken." } };
  const email = input.email.trim().toLowerCase();
  if (await db.selectFrom("user_account").select("id").where("email", "=", email).executeTakeFirst()) {
    return { ok: false, errors: { email: "Er bestaat al een account met dit e-mailadres." } };
  }
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("user_account")
      .values({ email, name: input.name, role: input.role, password_hash: NO_PASSWORD, ...scope, created_at: now.toISOString(), disabled_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.manager.id,
      action: "account.created",
      entity: "user_account",
      entityId: id,
      changes: { email: [null, email], name: [null, input.name], role: [null, input.role] },
      at: now,
    });
    const link = await issueInvitation(trx, {
      userId: id,
      email,
      name: input.name,
      managerId: input.manager.id,
      managerName: input.manager.name,
      origin: input.origin,
      now,
    });
    return { ok: true as const, link, userId: id };
  });
}

export async function reinvite(db: DB, input: { manager: CurrentUser; userId: number; origin: string; now?: Date }) {
  const account = await getManagedAccount(db, input.manager, input.userId);
  if (!account) return null;
  const accountInUse = account.password_hash !== NO_PASSWORD;
  const link = await inTransaction(db, (trx) =>
    issueInvitation(trx, {
      userId: account.id,
      email: account.email,
      name: account.name,
      managerId: input.manager.id,
      managerName: input.manager.name,
      origin: input.origin,
      now: input.now ?? new Date(),
      accountInUse,
    }),
  );
  return { link, accountInUse, email: account.email };
}

/** Disables (ending its sessions at once) or enables an account. */
export async function setDisabled(db: DB, input: { manager: CurrentUser; userId: number; disabled: boolean; now?: Date }) {
  const account = await getManagedAccount(db, input.manager, input.userId);
  if (!account || account.id === input.manager.id) return false;
  const now = (input.now ?? new Date()).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("user_account")
      .set({ disabled_at: input.disabled ? now : null })
      .where("id", "=", account.id)
      .execute();
    if (input.disabled) await trx.deleteFrom("session").where("user_id", "=", account.id).execute();
    await audit(trx, {
      actorId: input.manager.id,
      action: input.disabled ? "account.disabled" : "account.enabled",
      entity: "user_account",
      entityId: account.id,
      changes: { disabled_at: [account.disabled_at, input.disabled ? now : null] },
    });
  });
  return true;
}

/** The account an invitation link belongs to, if the link is unused and not expired. */
export async function findInvitation(db: DB, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db
    .selectFrom("invitation")
    .innerJoin("user_account", "user_account.id", "invitation.user_id")
    .select(["invitation.id", "invitation.user_id", "user_account.email", "user_account.name", "user_account.disabled_at"])
    .where("invitation.token_hash", "=", hashToken(token))
    .where("invitation.used_at", "is", null)
    .where("invitation.expires_at", ">", now.toISOString())
    .where("user_account.disabled_at", "is", null)
    .executeTakeFirst();
}

/** Uses an invitation: sets the password and spends the link, in one transaction (a second use fails). */

/**
 * Programma removes a person's second factor (their phone lost, their recovery codes gone): they sign in with
 * their password again (and set a new app up where their role must have one). Audit-logged; the person is told
 * by mail, so a removal they did not ask for does not go unnoticed. Null when the manager may not (only
 * programma, never for themselves) or the account has none.
 */
export async function removeSecondFactorOf(db: DB, input: { manager: CurrentUser; userId: number; now?: Date }) {
  if (!mayRemoveSecondFactorOf(input.manager, input.userId)) return null;
  const account = await getManagedAccount(db, input.manager, input.userId);
  if (!account || (!account.second_factor_at && !Number(account.passkeys ?? 0))) return null;
  const now = input.now ?? new Date();
  await inTransaction(db, async (trx) => {
    await removeSecondFactor(trx, account.id);
    await audit(trx, { actorId: input.manager.id, action: "second_factor.removed_by_programma", entity: "user_account", entityId: account.id });
    await queueMail(trx, {
      recipient: account.email,
      at: now,
      subject: "Uw tweede stap bij inloggen is verwijderd: Werken aan veiligheid",
      body: [
        `Beste ${account.name},`,
        "",
        `${input.manager.name} (programma) heeft de tweede stap van uw account in Werken aan veiligheid verwijderd: authenticator-app, passkeys en herstelcodes.`,
        "U logt nu in met alleen uw wachtwoord. Vraagt uw rol om een tweede stap, dan stelt u bij het inloggen een nieuwe app in.",
        "",
        "Hebt u hier niet om gevraagd? Neem dan meteen contact op met het programma: dan kan iemand anders bij uw account proberen te komen.",
      ].join("\n"),
    });
  });
  return { email: account.email, name: account.name };
}
