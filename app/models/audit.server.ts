import type { DB } from "../../db/client.ts";

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

/** The fields of `after` whose value differs from `before`, as [before, after] pairs. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before?.[key] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) changes[key] = [old, value ?? null];
  }
  return changes;
}

export interface AuditFilter {
  actorEmail?: string;
  action?: string;
  entity?: string;
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
  if (filter.actorEmail)
    query = query.where((eb) =>
      eb.or([eb("user_account.email", "like", `%${filter.actorEmail}%`), eb("audit_log.actor_label", "like", `%${filter.actorEmail}%`)]),
    );
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.entity) query = query.where("audit_log.entity", "=", filter.entity);
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
