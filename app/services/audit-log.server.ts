import type { DB } from "../../db/client.ts";
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditValue } from "../domain/audit-labels.ts";
import { displayAnswer } from "../questionnaire/answers.ts";
import { allItems, questionNumber, type Item, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { auditSubjectNames, listAudit, namesInChanges, type AuditFilter } from "../models/audit.server.ts";
import { getDefinition } from "../models/response.server.ts";
import type { AuditChange, ReadableAuditEntry } from "../domain/audit-labels.ts";

// The audit log page's use case: a page of entries as its reader reads them. Who by name, the action in
// Dutch, the record by name, and each changed field as a before/after pair with the question's text and
// the answer's label for saved answers.

const TOELICHTING = ".toelichting";

// Definitions are cached per version (getDefinition), so their items by key are kept beside them.
const itemIndex = new WeakMap<QuestionnaireDefinition, Map<string, Item>>();
function itemsByKey(definition: QuestionnaireDefinition): Map<string, Item> {
  let index = itemIndex.get(definition);
  if (!index) itemIndex.set(definition, (index = new Map(allItems(definition).map((i) => [i.key, i]))));
  return index;
}

/** "A2" → "A2. Is er een vast aanspreekpunt…"; "A2.toelichting" → "A2. … (toelichting)"; values by their labels. */
function answerChange(definition: QuestionnaireDefinition, field: string, before: unknown, after: unknown): AuditChange {
  const isComment = field.endsWith(TOELICHTING);
  const key = isComment ? field.slice(0, -TOELICHTING.length) : field;
  const item = itemsByKey(definition).get(key);
  const question = item ? (questionNumber(item.key) ? `${item.key}. ${item.text}` : item.text) : key;
  const read = (value: unknown) => {
    if (value == null || value === "") return "–";
    if (isComment || !item) return String(value);
    return displayAnswer(definition, item, { value: String(value), comment: null }) ?? String(value);
  };
  return { field: isComment ? `${question} (toelichting)` : question, before: read(before), after: read(after) };
}

export async function readableAuditPage(db: DB, filter: AuditFilter): Promise<ReadableAuditEntry[]> {
  const rows = await listAudit(db, filter);
  const subjects = await auditSubjectNames(
    db,
    rows.map((r) => ({ entity: r.entity, id: r.entity_id })),
  );
  const parsed = rows.map((r) => ({ row: r, changes: r.changes ? (JSON.parse(r.changes) as Record<string, [unknown, unknown]>) : {} }));
  const municipalityIds = parsed.flatMap(({ changes }) => (changes.municipality_id ?? []).filter((v) => typeof v === "number") as number[]);
  const regionIds = parsed.flatMap(({ changes }) => (changes.regio ?? []).filter((v) => typeof v === "number") as number[]);
  const names = await namesInChanges(db, municipalityIds, regionIds);
  const definitions = new Map<number, QuestionnaireDefinition>();
  const entries: ReadableAuditEntry[] = [];
  for (const { row, changes } of parsed) {
    const subject = row.entity_id ? subjects.get(`${row.entity}:${row.entity_id}`) : undefined;
    let definition: QuestionnaireDefinition | undefined;
    if (row.action === "answers.saved" && subject?.versionId) {
      definition = definitions.get(subject.versionId) ?? (await getDefinition(db, subject.versionId));
      definitions.set(subject.versionId, definition);
    }
    entries.push({
      id: row.id,
      at: row.at,
      who: row.actor_name ?? row.actor_email ?? row.actor_label ?? "–",
      whoDetail: row.actor_name && row.actor_email ? row.actor_email : null,
      address: row.address,
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      subject: { entity: row.entity, id: row.entity_id, kind: auditEntityLabel(row.entity), name: subject?.name ?? null },
      changes: Object.entries(changes).map(([field, [before, after]]) =>
        definition
          ? answerChange(definition, field, before, after)
          : { field: auditFieldLabel(field), before: auditValue(field, before, row.entity, names), after: auditValue(field, after, row.entity, names) },
      ),
    });
  }
  return entries;
}
