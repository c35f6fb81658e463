import type { DB } from "../../db/client.ts";
import type { ActionStatus } from "../../db/schema.ts";
import { audit } from "./audit.server.ts";
import { inTransaction } from "../../db/transaction.ts";

// Improvement plans (verbeterplannen): one per municipality and round, its actions, and an
// append-only event log of every change.

export async function getPlan(db: DB, municipalityId: number, roundId: number) {
  const plan = await db
    .selectFrom("improvement_plan")
    .leftJoin("user_account", "user_account.id", "improvement_plan.adopted_by")
    .select(["improvement_plan.id", "improvement_plan.adopted_at", "user_account.name as adopted_by_name"])
    .where("improvement_plan.municipality_id", "=", municipalityId)
    .where("improvement_plan.round_id", "=", roundId)
    .executeTakeFirst();
  if (!plan) return null;
  const listed = await listActions(db, [plan.id]);
  const notes = await actionNotes(
    db,
    listed.map((a) => a.id),
  );
  const actions = listed.map((a) => ({ ...a, notes: notes.filter((n) => n.action_id === a.id) }));
  const events = await db
    .selectFrom("plan_event")
    .innerJoin("user_account", "user_account.id", "plan_event.actor_id")
    .select(["plan_event.type", "plan_event.detail", "plan_event.at", "user_account.name as actor_name"])
    .where("plan_id", "=", plan.id)
    .orderBy("plan_event.id")
    .execute();
  return { ...plan, actions, events };
}

function listActions(db: DB, planIds: number[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .selectFrom("improvement_action as a")
    .leftJoin("team", "team.id", "a.owner_team_id")
    .leftJoin("improvement_point as p", "p.id", "a.improvement_point_id")
    .select([
      "a.id",
      "a.plan_id",
      "a.theme_key",
      "a.title",
      "a.due_on",
      "a.status",
      "a.progress_note",
      "a.owner_name",
      "a.owner_team_id",
      "a.improvement_point_id",
      "team.name as owner_team_name",
      "p.text as point_text",
      "a.updated_at",
    ])
    .where("a.plan_id", "in", planIds)
    .orderBy("a.theme_key")
    .orderBy("a.due_on")
    .execute();
}

export type PlanChange = { ok: true } | { ok: false; message: string };

/**
 * The plan's rules for a new action that the form's schema cannot check: its improvement point (if any)
 * is one of the region's findings in this round and belongs to the action's theme; its owner team (if
 * any) is an active team of the municipality. Field messages, empty when it may be added.
 */
async function actionProblems(
  db: DB,
  input: { municipalityId: number; roundId: number; action: { theme: string; pointId: number | null; ownerTeamId: number | null } },
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const { pointId, ownerTeamId, theme } = input.action;
  if (pointId !== null) {
    const point = await db
      .selectFrom("improvement_point as p")
      .innerJoin("municipality as m", "m.region_id", "p.region_id")
      .select("p.theme_key")
      .where("p.id", "=", pointId)
      .where("p.round_id", "=", input.roundId)
      .where("m.id", "=", input.municipalityId)
      .executeTakeFirst();
    if (!point) errors.point = "Kies een verbeterpunt uit de lijst.";
    else if (point.theme_key !== theme) errors.point = `Dit verbeterpunt hoort bij thema ${point.theme_key}, niet bij ${theme}.`;
  }
  if (ownerTeamId !== null) {
    const team = await db
      .selectFrom("team")
      .select("id")
      .where("id", "=", ownerTeamId)
      .where("municipality_id", "=", input.municipalityId)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (!team) errors.ownerTeam = "Kies een team van uw gemeente.";
  }
  return errors;
}

export type AddActionResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** What the gemeente enters for an action, new or corrected. */
export interface ActionFields {
  theme: string;
  pointId: number | null;
  title: string;
  ownerTeamId: number | null;
  ownerName: string | null;
  due: string;
  status: ActionStatus;
}

export async function addAction(
  db: DB,
  input: {
    municipalityId: number;
    roundId: number;
    userId: number;
    action: ActionFields;
    now?: Date;
  },
): Promise<AddActionResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const errors = await actionProblems(trx, input);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    let plan = await trx
      .selectFrom("improvement_plan")
      .select(["id", "adopted_at"])
      .where("municipality_id", "=", input.municipalityId)
      .where("round_id", "=", input.roundId)
      .executeTakeFirst();
    if (!plan) {
      const created = await trx
        .insertInto("improvement_plan")
        .values({ municipality_id: input.municipalityId, round_id: input.roundId, created_at: now, adopted_at: null, adopted_by: null })
        .returning(["id", "adopted_at"])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("plan_event")
        .values({ plan_id: created.id, action_id: null, type: "created", detail: null, actor_id: input.userId, at: now })
        .execute();
      plan = created;
    }
    const a = input.action;
    const { id } = await trx
      .insertInto("improvement_action")
      .values({
        plan_id: plan.id,
        theme_key: a.theme,
        improvement_point_id: a.pointId,
        title: a.title,
        owner_team_id: a.ownerTeamId,
        owner_name: a.ownerName,
        due_on: a.due,
        status: a.status,
        progress_note: null,
        created_at: now,
        updated_at: now,
        updated_by: input.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("plan_event")
      .values({ plan_id: plan.id, action_id: id, type: "action_added", detail: `${a.theme}: ${a.title}`, actor_id: input.userId, at: now })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "plan.action_added",
      entity: "improvement_action",
      entityId: id,
      changes: { theme: [null, a.theme], title: [null, a.title], due_on: [null, a.due], status: [null, a.status] },
    });
    return { ok: true } as const;
  });
}

export async function updateActionProgress(
  db: DB,
  input: { municipalityId: number; roundId: number; actionId: number; status: ActionStatus; note: string | null; userId: number; now?: Date },
): Promise<PlanChange> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const action = await trx
      .selectFrom("improvement_action as a")
      .innerJoin("improvement_plan as p", "p.id", "a.plan_id")
      .select(["a.id", "a.plan_id", "a.status", "a.progress_note"])
      .where("a.id", "=", input.actionId)
      .where("p.municipality_id", "=", input.municipalityId)
      .where("p.round_id", "=", input.roundId)
      .executeTakeFirst();
    if (!action) return { ok: false, message: "Deze actie hoort niet bij dit verbeterplan." } as const;
    await trx
      .updateTable("improvement_action")
      .set({ status: input.status, progress_note: input.note, updated_at: now, updated_by: input.userId })
      .where("id", "=", action.id)
      .execute();
    await trx
      .insertInto("plan_event")
      .values({
        plan_id: action.plan_id,
        action_id: action.id,
        type: "action_updated",
        detail: `status ${action.status} → ${input.status}${input.note ? `; ${input.note}` : ""}`,
        actor_id: input.userId,
        at: now,
      })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "plan.action_updated",
      entity: "improvement_action",
      entityId: action.id,
      changes: { status: [action.status, input.status], progress_note: [action.progress_note, input.note] },
    });
    return { ok: true } as const;
  });
}

/** An action of this municipality's plan in this round, with what a correction or removal compares and logs. */
async function planAction(db: DB, input: { municipalityId: number; roundId: number; actionId: number }) {
  return db
    .selectFrom("improvement_action as a")
    .innerJoin("improvement_plan as p", "p.id", "a.plan_id")
    .select([
      "a.id",
      "a.plan_id",
      "a.theme_key",
      "a.improvement_point_id",
      "a.title",
      "a.owner_team_id",
      "a.owner_name",
      "a.due_on",
      "a.status",
      "p.adopted_at",
    ])
    .where("a.id", "=", input.actionId)
    .where("p.municipality_id", "=", input.municipalityId)
    .where("p.round_id", "=", input.roundId)
    .executeTakeFirst();
}

export const NOT_IN_PLAN = "Deze actie hoort niet bij dit verbeterplan.";

/**
 * Corrects an action's theme, improvement point, title, owner, date and status: before adoption as the
 * plan is drawn up, after it as a correction. Each changed field is in the plan's history and the audit log.
 */
export async function correctAction(
  db: DB,
  input: {
    municipalityId: number;
    roundId: number;
    actionId: number;
    userId: number;
    action: ActionFields;
    now?: Date;
  },
): Promise<AddActionResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const old = await planAction(trx, input);
    if (!old) return { ok: false, errors: { form: NOT_IN_PLAN } } as const;
    const errors = await actionProblems(trx, input);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    const a = input.action;
    const next = {
      theme_key: a.theme,
      improvement_point_id: a.pointId,
      title: a.title,
      owner_team_id: a.ownerTeamId,
      owner_name: a.ownerName,
      due_on: a.due,
      status: a.status,
    };
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => old[k] !== next[k]).map((k) => [k, [old[k], next[k]]]),
    ) as Record<string, [unknown, unknown]>;
    if (!Object.keys(changes).length) return { ok: true } as const;
    await trx
      .updateTable("improvement_action")
      .set({ ...next, updated_at: now, updated_by: input.userId })
      .where("id", "=", old.id)
      .execute();
    await trx
      .insertInto("plan_event")
      .values({
        plan_id: old.plan_id,
        action_id: old.id,
        type: "action_corrected",
        detail: `${a.theme}: ${a.title} (${Object.keys(changes)
          .map((k) => FIELD_LABEL[k] ?? k)
          .join(", ")} gewijzigd)`,
        actor_id: input.userId,
        at: now,
      })
      .execute();
    await audit(trx, { actorId: input.userId, action: "plan.action_corrected", entity: "improvement_action", entityId: old.id, changes });
    return { ok: true } as const;
  });
}

const FIELD_LABEL: Record<string, string> = {
  theme_key: "thema",
  improvement_point_id: "verbeterpunt",
  title: "omschrijving",
  owner_team_id: "eigenaar",
  owner_name: "eigenaar",
  due_on: "datum",
  status: "status",
};

/**
 * Removes an action from a plan that is not yet adopted; its earlier history lines stay, without the link
 * to it, and a line says it was removed. An adopted plan keeps its actions (the policy refuses it; the
 * check here holds also when two requests cross).
 */
export async function removeAction(
  db: DB,
  input: { municipalityId: number; roundId: number; actionId: number; userId: number; now?: Date },
): Promise<PlanChange> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const old = await planAction(trx, input);
    if (!old) return { ok: false, message: NOT_IN_PLAN } as const;
    if (old.adopted_at) return { ok: false, message: "Het verbeterplan is intussen vastgesteld; de actie is niet verwijderd." } as const;
    await trx.updateTable("plan_event").set({ action_id: null }).where("action_id", "=", old.id).execute();
    await trx.deleteFrom("improvement_action").where("id", "=", old.id).execute();
    await trx
      .insertInto("plan_event")
      .values({ plan_id: old.plan_id, action_id: null, type: "action_removed", detail: `${old.theme_key}: ${old.title}`, actor_id: input.userId, at: now })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "plan.action_removed",
      entity: "improvement_action",
      entityId: old.id,
      changes: { theme: [old.theme_key, null], title: [old.title, null], due_on: [old.due_on, null], status: [old.status, null] },
    });
    return { ok: true } as const;
  });
}

export async function adoptPlan(db: DB, input: { municipalityId: number; roundId: number; userId: number; now?: Date }): Promise<PlanChange> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const plan = await trx
      .selectFrom("improvement_plan")
      .select(["id", "adopted_at"])
      .where("municipality_id", "=", input.municipalityId)
      .where("round_id", "=", input.roundId)
      .executeTakeFirst();
    if (!plan) return { ok: false, message: "Voeg eerst ten minste één actie toe." } as const;
    if (plan.adopted_at) return { ok: false, message: "Het verbeterplan is al vastgesteld." } as const;
    const action = await trx.selectFrom("improvement_action").select("id").where("plan_id", "=", plan.id).executeTakeFirst();
    if (!action) return { ok: false, message: "Voeg eerst ten minste één actie toe." } as const;
    await trx.updateTable("improvement_plan").set({ adopted_at: now, adopted_by: input.userId }).where("id", "=", plan.id).execute();
    await trx.insertInto("plan_event").values({ plan_id: plan.id, action_id: null, type: "adopted", detail: null, actor_id: input.userId, at: now }).execute();
    await audit(trx, { actorId: input.userId, action: "plan.adopted", entity: "improvement_plan", entityId: plan.id, changes: { adopted_at: [null, now] } });
    return { ok: true } as const;
  });
}

/** All plans of a region's municipalities in a round, with their actions. */
export async function listRegionPlans(db: DB, regionId: number, roundId: number) {
  const municipalities = await db
    .selectFrom("municipality")
    .leftJoin("improvement_plan as plan", (join) => join.onRef("plan.municipality_id", "=", "municipality.id").on("plan.round_id", "=", roundId))
    .select(["municipality.id", "municipality.name", "plan.id as plan_id", "plan.adopted_at"])
    .where("municipality.region_id", "=", regionId)
    .orderBy("municipality.name")
    .execute();
  const actions = await listActions(
    db,
    municipalities.flatMap((m) => (m.plan_id ? [m.plan_id] : [])),
  );
  return municipalities.map((m) => ({ ...m, actions: actions.filter((a) => a.plan_id === m.plan_id) }));
}

/**
 * The actions a team owns in its gemeente's adopted plan of a round, with the progress notes the team
 * wrote on them (newest first).
 */
export async function teamActions(db: DB, input: { teamId: number; roundId: number }) {
  const actions = await db
    .selectFrom("improvement_action as a")
    .innerJoin("improvement_plan as plan", "plan.id", "a.plan_id")
    .select(["a.id", "a.theme_key", "a.title", "a.due_on", "a.status", "a.progress_note", "a.owner_team_id", "plan.adopted_at"])
    .where("a.owner_team_id", "=", input.teamId)
    .where("plan.round_id", "=", input.roundId)
    .where("plan.adopted_at", "is not", null)
    .orderBy("a.due_on")
    .execute();
  const notes = await actionNotes(
    db,
    actions.map((a) => a.id),
  );
  return actions.map((a) => ({ ...a, notes: notes.filter((n) => n.action_id === a.id) }));
}

/** The team's progress notes on actions, newest first. */
export async function actionNotes(db: DB, actionIds: number[]) {
  if (!actionIds.length) return [];
  return db
    .selectFrom("action_note")
    .innerJoin("user_account", "user_account.id", "action_note.author_id")
    .innerJoin("team", "team.id", "action_note.team_id")
    .select(["action_note.id", "action_note.action_id", "action_note.text", "action_note.at", "user_account.name as author_name", "team.name as team_name"])
    .where("action_note.action_id", "in", actionIds)
    .orderBy("action_note.id", "desc")
    .execute();
}

/** An action as the rules about a team's notes need it: its owner, its plan's municipality and round, adopted or not. */
export async function actionOwner(db: DB, actionId: number) {
  return db
    .selectFrom("improvement_action as a")
    .innerJoin("improvement_plan as plan", "plan.id", "a.plan_id")
    .innerJoin("municipality", "municipality.id", "plan.municipality_id")
    .select(["a.id", "a.owner_team_id", "plan.municipality_id", "plan.round_id", "plan.adopted_at", "municipality.region_id"])
    .where("a.id", "=", actionId)
    .executeTakeFirst();
}

/** A progress note of the owning team on an action; logged in the plan's history and the audit log. */
export async function addActionNote(db: DB, input: { actionId: number; teamId: number; userId: number; text: string; now?: Date }) {
  const at = (input.now ?? new Date()).toISOString();
  await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("action_note")
      .values({ action_id: input.actionId, team_id: input.teamId, text: input.text, author_id: input.userId, at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const plan = await trx.selectFrom("improvement_action").select("plan_id").where("id", "=", input.actionId).executeTakeFirstOrThrow();
    await trx
      .insertInto("plan_event")
      .values({
        plan_id: plan.plan_id,
        action_id: input.actionId,
        type: "action_updated",
        detail: `Voortgang van het team: ${input.text.slice(0, 200)}`,
        actor_id: input.userId,
        at,
      })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "action.note_added",
      entity: "improvement_action",
      entityId: input.actionId,
      changes: { note: [null, input.text] },
      at: new Date(at),
    });
    return id;
  });
}
