import { parse } from "csv-parse/sync";
import { containsText } from "../../db/dialect.ts";
import { type CurrentUser } from "../domain/user.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../domain/text.ts";
import type { DB } from "../../db/client.ts";
import type { TeamKind } from "../../db/schema.ts";
import { issueInvitation, NO_PASSWORD } from "./accounts.server.ts";
import { audit } from "./audit.server.ts";

// Programma manages the organisation: teams added, renamed, moved, deactivated (their responses stay),
// and teams with their managers imported from CSV after a preview. Every change is audited.

import { TEAM_KINDS as KINDS } from "../domain/roles.ts";
export const TEAM_KINDS: TeamKind[] = [...KINDS];

/** A page of teams, by gemeente then name, in one region or all, matching a search on team or gemeente name. */
export async function listTeamsPage(db: DB, input: { regionId: number | null; search: string; limit: number; offset: number }) {
  let query = db.selectFrom("team").innerJoin("municipality as m", "m.id", "team.municipality_id");
  if (input.regionId !== null) query = query.where("m.region_id", "=", input.regionId);
  const search = input.search.trim();
  if (search) query = query.where((eb) => eb.or([containsText("team.name", search), containsText("m.name", search)]));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select(["team.id", "team.name", "team.kind", "team.active", "team.municipality_id", "m.name as municipality_name", "m.cbs_code"])
    .orderBy("m.name")
    .orderBy("team.name")
    .orderBy("team.id")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { rows, total: Number(total) };
}

type Result = { ok: true } | { ok: false; message: string };

export async function addTeam(db: DB, actor: CurrentUser, input: { municipalityId: number; name: string; kind: TeamKind }): Promise<Result> {
  const municipality = await db.selectFrom("municipality").select("id").where("id", "=", input.municipalityId).executeTakeFirst();
  if (!municipality) return { ok: false, message: "Kies een gemeente uit de lijst." };
  await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("team")
      .values({ municipality_id: input.municipalityId, name: input.name, kind: input.kind, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.id,
      action: "team.created",
      entity: "team",
      entityId: id,
      changes: { name: [null, input.name], kind: [null, input.kind], municipality_id: [null, input.municipalityId] },
    });
  });
  return { ok: true };
}

export async function updateTeam(
  db: DB,
  actor: CurrentUser,
  input: { teamId: number; name?: string; municipalityId?: number; active?: boolean },
): Promise<Result> {
  const team = await db.selectFrom("team").selectAll().where("id", "=", input.teamId).executeTakeFirst();
  if (!team) return { ok: false, message: "Dit team bestaat niet." };
  if (input.municipalityId !== undefined && !(await db.selectFrom("municipality").select("id").where("id", "=", input.municipalityId).executeTakeFirst())) {
    return { ok: false, message: "Kies een gemeente uit de lijst." };
  }
  const set: { name?: string; municipality_id?: number; active?: 0 | 1 } = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.municipalityId !== undefined) set.municipality_id = input.municipalityId;
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  await inTransaction(db, async (trx) => {
    await trx.updateTable("team").set(set).where("id", "=", team.id).execute();
    const changes: Record<string, [unknown, unknown]> = {};
    if (set.name !== undefined && set.name !== team.name) changes.name = [team.name, set.name];
    if (set.municipality_id !== undefined && set.municipality_id !== team.municipality_id)
      changes.municipality_id = [team.municipality_id, set.municipality_id];
    if (set.active !== undefined && set.active !== team.active) changes.active = [team.active, set.active];
    await audit(trx, { actorId: actor.id, action: "team.updated", entity: "team", entityId: team.id, changes });
  });
  return { ok: true };
}

export interface ImportRow {
  line: number;
  municipalityCode: string;
  municipalityId: number | null;
  municipalityName: string | null;
  team: string;
  kind: TeamKind | null;
  email: string;
  name: string;
  errors: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
import { IMPORT_COLUMNS } from "../forms/organisation.ts";
import { inTransaction } from "../../db/transaction.ts";
export { IMPORT_COLUMNS };
export const MAX_IMPORT_ROWS = 2000;

/**
 * Reads and checks an import file without writing anything: per row the municipality (CBS code), the
 * team name and kind, and the optional team manager (email not yet in use, not twice in the file).
 */
export async function planImport(db: DB, text: string): Promise<{ rows: ImportRow[]; fileError: string | null }> {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: [",", ";"],
      relax_column_count: true,
    });
  } catch (error) {
    return { rows: [], fileError: `Het bestand is geen geldige CSV (${error instanceof Error ? error.message.slice(0, 120) : "onbekende fout"}).` };
  }
  if (records.length === 0) return { rows: [], fileError: "Het bestand bevat geen regels." };
  const missing = ["gemeente_code", "team"].filter((c) => !(c in records[0]!));
  if (missing.length) return { rows: [], fileError: `Kolommen ontbreken: ${missing.join(", ")}. Verwacht: ${IMPORT_COLUMNS.join(", ")}.` };
  if (records.length > MAX_IMPORT_ROWS) return { rows: [], fileError: `Hoogstens ${MAX_IMPORT_ROWS} regels per import.` };
  const municipalities = new Map((await db.selectFrom("municipality").select(["id", "name", "cbs_code"]).execute()).map((m) => [m.cbs_code.toUpperCase(), m]));
  const emails = records.map((r) => (r.teammanager_email ?? "").toLowerCase()).filter(Boolean);
  const taken = new Set(emails.length ? (await db.selectFrom("user_account").select("email").where("email", "in", emails).execute()).map((u) => u.email) : []);
  const seenEmails = new Set<string>();
  const seenTeams = new Set<string>();
  const rows = records.map((record, i) => {
    const errors: string[] = [];
    const code = (record.gemeente_code ?? "").toUpperCase();
    const municipality = municipalities.get(code);
    if (!municipality) errors.push(`Onbekende gemeentecode "${code.slice(0, 20)}" (verwacht zoals GM0479).`);
    const team = (record.team ?? "").trim();
    if (team.length < 2 || team.length > 120) errors.push("Vul een teamnaam in van 2 tot 120 tekens.");
    if ([team, record.teammanager_naam ?? "", record.teammanager_email ?? ""].some((v) => hasControlCharacter(v, "line")))
      errors.push(CONTROL_CHARACTER_MESSAGE);
    const kindRaw = (record.soort ?? "wijkteam").trim().toLowerCase() || "wijkteam";
    const kind = (TEAM_KINDS as string[]).includes(kindRaw) ? (kindRaw as TeamKind) : null;
    if (!kind) errors.push(`Onbekende soort "${kindRaw.slice(0, 20)}" (kies uit ${TEAM_KINDS.join(", ")}).`);
    const teamKey = `${code}|${team.toLowerCase()}`;
    if (seenTeams.has(teamKey)) errors.push("Dit team staat al eerder in het bestand.");
    seenTeams.add(teamKey);
    const email = (record.teammanager_email ?? "").trim().toLowerCase();
    const name = (record.teammanager_naam ?? "").trim();
    if (email) {
      if (!EMAIL.test(email) || email.length > 254) errors.push("Het e-mailadres van de teammanager is niet geldig.");
      else if (taken.has(email)) errors.push("Er bestaat al een account met dit e-mailadres.");
      else if (seenEmails.has(email)) errors.push("Dit e-mailadres staat al eerder in het bestand.");
      seenEmails.add(email);
      if (name.length < 2 || name.length > 120) errors.push("Vul de naam van de teammanager in (2 tot 120 tekens).");
    }
    return {
      line: i + 2,
      municipalityCode: code,
      municipalityId: municipality?.id ?? null,
      municipalityName: municipality?.name ?? null,
      team,
      kind,
      email,
      name,
      errors,
    };
  });
  return { rows, fileError: null };
}

/** Writes a checked import in one transaction: teams, and accounts with invitations in the outbox. */
export async function runImport(db: DB, actor: CurrentUser, rows: ImportRow[], origin: string): Promise<{ teams: number; accounts: number }> {
  if (rows.some((r) => r.errors.length)) throw new Error("runImport: rows with errors");
  const now = new Date();
  return inTransaction(db, async (trx) => {
    let accounts = 0;
    for (const row of rows) {
      const { id: teamId } = await trx
        .insertInto("team")
        .values({ municipality_id: row.municipalityId!, name: row.team, kind: row.kind!, created_at: now.toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, {
        actorId: actor.id,
        action: "team.imported",
        entity: "team",
        entityId: teamId,
        changes: { name: [null, row.team], municipality_id: [null, row.municipalityId] },
      });
      if (row.email) {
        const { id: userId } = await trx
          .insertInto("user_account")
          .values({
            email: row.email,
            name: row.name,
            role: "teammanager",
            password_hash: NO_PASSWORD,
            region_id: null,
            municipality_id: null,
            team_id: teamId,
            created_at: now.toISOString(),
            disabled_at: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, {
          actorId: actor.id,
          action: "account.imported",
          entity: "user_account",
          entityId: userId,
          changes: { email: [null, row.email], role: [null, "teammanager"] },
        });
        await issueInvitation(trx, { userId, email: row.email, name: row.name, managerId: actor.id, managerName: actor.name, origin, now });
        accounts++;
      }
    }
    return { teams: rows.length, accounts };
  });
}
