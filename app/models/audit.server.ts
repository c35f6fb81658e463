import type { DB } from "../../db/client.ts";
import { containsText, lockKeyForTransaction } from "../../db/dialect.ts";
import { inTransaction } from "../../db/transaction.ts";

// The audit log: who did what to which record, when, and which fields changed (before and after).
// Appended inside the transaction of the write it describes, never edited.

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  actorId: number | null;
  actorLabel?: string | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  changes?: Changes | null;
  address?: string | null;
  at?: Date;
}

export async function audit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: (entry.at ?? new Date()).toISOString(),
      actor_id: entry.actorId,
      actor_label: entry.actorLabel ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      changes: entry.changes && Object.keys(entry.changes).length ? JSON.stringify(entry.changes) : null,
      address: entry.address ?? null,
    })
    .execute();
}

/**
 * Requests anyone may send without an account (asking for a password reset) are counted, one row per
 * address and hour with a count per outcome, so that a flood of them cannot grow the log without bound
 * (decision 78). The row is the one entry the log updates after writing it.
 */
export async function countAnonymousRequest(db: DB, entry: { action: string; outcome: string; address: string; at: Date }) {
  const hour = entry.at.toISOString().slice(0, 13);
  const nextHour = new Date(Date.parse(`${hour}:00:00.000Z`) + 3_600_000).toISOString();
  await inTransaction(db, async (trx) => {
    await lockKeyForTransaction(trx, `audit:${entry.action}:${entry.address}:${hour}`);
    const row = await trx
      .selectFrom("audit_log")
      .select(["id", "changes"])
      .where("action", "=", entry.action)
      .where("address", "=", entry.address)
      .where("at", ">=", `${hour}:00:00.000Z`)
      .where("at", "<", nextHour)
      .orderBy("id")
      .executeTakeFirst();
    const counts: Changes = row?.changes ? (JSON.parse(row.changes) as Changes) : {};
    const before = Number(counts[entry.outcome]?.[1] ?? 0);
    counts[entry.outcome] = [null, before + 1];
    if (row)
      await trx
        .updateTable("audit_log")
        .set({ changes: JSON.stringify(counts) })
        .where("id", "=", row.id)
        .execute();
    else await audit(trx, { actorId: null, action: entry.action, entity: "user_account", changes: counts, address: entry.address, at: entry.at });
  });
}

export interface AuditFilter {
  actorEmail?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export async function listAudit(db: DB, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("user_account", "user_account.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.changes",
      "audit_log.address",
      "audit_log.actor_label",
      "user_account.email as actor_email",
      "user_account.name as actor_name",
    ]);
  if (filter.actorEmail) {
    const text = filter.actorEmail;
    query = query.where((eb) => eb.or(["user_account.email", "user_account.name", "audit_log.actor_label"].map((column) => containsText(column, text))));
  }
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.entity) query = query.where("audit_log.entity", "=", filter.entity);
  if (filter.entityId) query = query.where("audit_log.entity_id", "=", filter.entityId);
  if (filter.from) query = query.where("audit_log.at", ">=", filter.from);
  if (filter.to) query = query.where("audit_log.at", "<", filter.to);
  return query
    .orderBy("audit_log.id", "desc")
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function auditActions(db: DB): Promise<string[]> {
  return (await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute()).map((r) => r.action);
}

/** The kinds of record the log has entries about, for the filter. */
export async function auditEntities(db: DB): Promise<string[]> {
  return (await db.selectFrom("audit_log").select("entity").distinct().orderBy("entity").execute()).map((r) => r.entity);
}

export interface AuditSubjectName {
  name: string;
  /** For a response: the questionnaire version its answers belong to (to name questions and answers). */
  versionId?: number;
}

const ids = (refs: { entity: string; id: string | null }[], entity: string) => [
  ...new Set(refs.filter((r) => r.entity === entity && r.id != null && /^\d+$/.test(r.id)).map((r) => Number(r.id))),
];

/**
 * The names of the records a page of entries is about ("Wijkteam Zaandam Oost, Zelfscan 2025"), keyed
 * "entity:id": one query per kind of record on the page, whatever the number of entries. A record that
 * no longer exists has no name; the page then shows its kind and number.
 */
export async function auditSubjectNames(db: DB, refs: { entity: string; id: string | null }[]): Promise<Map<string, AuditSubjectName>> {
  const names = new Map<string, AuditSubjectName>();
  const put = (entity: string, id: number, name: string, versionId?: number) => names.set(`${entity}:${id}`, { name, versionId });
  const responses = ids(refs, "response");
  if (responses.length) {
    const rows = await db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .leftJoin("team", "team.id", "response.team_id")
      .leftJoin("municipality", "municipality.id", "response.municipality_id")
      .leftJoin("region", "region.id", "response.region_id")
      .select([
        "response.id",
        "response.questionnaire_version_id",
        "round.name as round",
        "team.name as team",
        "municipality.name as municipality",
        "region.name as region",
      ])
      .where("response.id", "in", responses)
      .execute();
    for (const r of rows) {
      const subject = r.team ?? (r.municipality ? `Gemeente ${r.municipality}` : `Regio ${r.region ?? ""}`);
      put("response", r.id, `${subject}, ${r.round}`, r.questionnaire_version_id);
    }
  }
  const regions = ids(refs, "region");
  if (regions.length)
    for (const r of await db.selectFrom("region").select(["id", "name"]).where("id", "in", regions).execute()) put("region", r.id, `Regio ${r.name}`);
  const rounds = ids(refs, "round");
  if (rounds.length) for (const r of await db.selectFrom("round").select(["id", "name"]).where("id", "in", rounds).execute()) put("round", r.id, r.name);
  const teams = ids(refs, "team");
  if (teams.length)
    for (const r of await db
      .selectFrom("team")
      .innerJoin("municipality", "municipality.id", "team.municipality_id")
      .select(["team.id", "team.name", "municipality.name as municipality"])
      .where("team.id", "in", teams)
      .execute())
      put("team", r.id, `${r.name} (gemeente ${r.municipality})`);
  const accounts = ids(refs, "user_account");
  if (accounts.length)
    for (const r of await db.selectFrom("user_account").select(["id", "name", "email"]).where("id", "in", accounts).execute())
      put("user_account", r.id, `${r.name} (${r.email})`);
  const plans = ids(refs, "improvement_plan");
  if (plans.length)
    for (const r of await db
      .selectFrom("improvement_plan as p")
      .innerJoin("municipality", "municipality.id", "p.municipality_id")
      .innerJoin("round", "round.id", "p.round_id")
      .select(["p.id", "municipality.name as municipality", "round.name as round"])
      .where("p.id", "in", plans)
      .execute())
      put("improvement_plan", r.id, `Verbeterplan gemeente ${r.municipality}, ${r.round}`);
  const actions = ids(refs, "improvement_action");
  if (actions.length)
    for (const r of await db
      .selectFrom("improvement_action as a")
      .innerJoin("improvement_plan as p", "p.id", "a.plan_id")
      .innerJoin("municipality", "municipality.id", "p.municipality_id")
      .select(["a.id", "a.title", "municipality.name as municipality"])
      .where("a.id", "in", actions)
      .execute())
      put("improvement_action", r.id, `“${r.title}” (gemeente ${r.municipality})`);
  return names;
}

/** Names of the records a change refers to by number: gemeenten (municipality_id) and regions (regio). */
export async function namesInChanges(db: DB, idList: number[], regionIdList: number[] = []): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (idList.length) {
    for (const r of await db
      .selectFrom("municipality")
      .select(["id", "name"])
      .where("id", "in", [...new Set(idList)])
      .execute())
      names.set(`municipality:${r.id}`, `Gemeente ${r.name}`);
  }
  // Entries written before 2026-12 name a region by its number ("regio": 25).
  if (regionIdList.length) {
    for (const r of await db
      .selectFrom("region")
      .select(["id", "name"])
      .where("id", "in", [...new Set(regionIdList)])
      .execute())
      names.set(`region:${r.id}`, r.name);
  }
  return names;
}
