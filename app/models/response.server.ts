import { sql } from "kysely";
import type { DB } from "../../db/client.ts";
import { fixedQuery } from "../../db/fixed-query.ts";
import type { AnswerMap } from "../questionnaire/answers.ts";
import { type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { questionnaireDefinitionSchema } from "../questionnaire/definition-schema.ts";
import { audit, type Changes } from "./audit.server.ts";
import { roundVersionId } from "./rounds.server.ts";
import { inTransaction } from "../../db/transaction.ts";

// Query functions for responses (ingevulde vragenlijsten) and their answers. Each write that a user
// makes is one transaction; the revision number on the response guards against silent overwrites.

const definitionCache = new Map<number, QuestionnaireDefinition>();

/** A pinned definition version; versions never change once registered, so caching is safe. */
export async function getDefinition(db: DB, versionId: number): Promise<QuestionnaireDefinition> {
  const cached = definitionCache.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom("questionnaire_version").select("definition").where("id", "=", versionId).executeTakeFirstOrThrow();
  const definition = questionnaireDefinitionSchema.parse(JSON.parse(row.definition));
  definitionCache.set(versionId, definition);
  return definition;
}

export async function latestVersionOf(db: DB, key: string) {
  return db
    .selectFrom("questionnaire_version")
    .select(["id", "key", "version", "title", "audience"])
    .where("key", "=", key)
    .orderBy("version", "desc")
    .executeTakeFirst();
}

/** Who a response is filled in for: a team, a municipality (its own part) or a region (the round table). */
export type ResponseOwner = { teamId: number } | { municipalityId: number } | { regionId: number };

function subjectColumns(subject: ResponseOwner) {
  return {
    team_id: "teamId" in subject ? subject.teamId : null,
    municipality_id: "municipalityId" in subject ? subject.municipalityId : null,
    region_id: "regionId" in subject ? subject.regionId : null,
  };
}

export async function findResponseId(db: DB, roundId: number, questionnaireKey: string, subject: ResponseOwner) {
  const columns = subjectColumns(subject);
  let query = db.selectFrom("response").select("id").where("round_id", "=", roundId).where("questionnaire_key", "=", questionnaireKey);
  for (const [column, value] of Object.entries(columns) as [keyof typeof columns, number | null][]) {
    query = value === null ? query.where(column, "is", null) : query.where(column, "=", value);
  }
  return (await query.executeTakeFirst())?.id;
}

/**
 * The subject's response in a round, created on first need and pinned then to the newest version of
 * the round's questionnaire. Safe to call twice at once: the unique index decides, the loser re-reads.
 */
export async function getOrCreateResponse(
  db: DB,
  input: { roundId: number; questionnaireKey: string; subject: ResponseOwner; userId: number; prefill?: AnswerMap; now?: Date },
): Promise<number> {
  const existing = await findResponseId(db, input.roundId, input.questionnaireKey, input.subject);
  if (existing) return existing;
  // Every response of a round uses the version the round fixed when it opened.
  const versionId = await roundVersionId(db, input.roundId, input.questionnaireKey);
  if (!versionId) throw new Error(`Vragenlijst ${input.questionnaireKey} is niet geladen`);
  const version = await db.selectFrom("questionnaire_version").select(["id", "version"]).where("id", "=", versionId).executeTakeFirstOrThrow();
  const now = (input.now ?? new Date()).toISOString();
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx
        .insertInto("response")
        .values({
          round_id: input.roundId,
          questionnaire_key: input.questionnaireKey,
          questionnaire_version_id: version.id,
          ...subjectColumns(input.subject),
          status: "draft",
          revision: 0,
          created_at: now,
          updated_at: now,
          updated_by: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("response_event").values({ response_id: id, type: "started", actor_id: input.userId, at: now }).execute();
      await audit(trx, {
        actorId: input.userId,
        action: "response.created",
        entity: "response",
        entityId: id,
        changes: { questionnaire: [null, `${input.questionnaireKey} v${version.version}`] },
      });
      for (const [itemKey, answer] of Object.entries(input.prefill ?? {})) {
        await trx
          .insertInto("answer")
          .values({ response_id: id, item_key: itemKey, value: answer.value, comment: answer.comment, updated_at: now, updated_by: input.userId })
          .execute();
      }
      return id;
    });
  } catch (error) {
    const raced = await findResponseId(db, input.roundId, input.questionnaireKey, input.subject);
    if (raced) return raced;
    throw error;
  }
}

const responseById = fixedQuery((db: DB, args: { id: number }) =>
  db
    .selectFrom("response")
    .innerJoin("round", "round.id", "response.round_id")
    .innerJoin("questionnaire_version as qv", "qv.id", "response.questionnaire_version_id")
    .leftJoin("team", "team.id", "response.team_id")
    .leftJoin("municipality", (join) =>
      join.on((eb) => eb.or([eb("municipality.id", "=", eb.ref("response.municipality_id")), eb("municipality.id", "=", eb.ref("team.municipality_id"))])),
    )
    .leftJoin("region", (join) =>
      join.on((eb) => eb.or([eb("region.id", "=", eb.ref("response.region_id")), eb("region.id", "=", eb.ref("municipality.region_id"))])),
    )
    // Round-table input: the deadline the region was given.
    .leftJoin("round_table_input as input", (join) => join.onRef("input.round_id", "=", "response.round_id").onRef("input.region_id", "=", "region.id"))
    .leftJoin("user_account as submitter", "submitter.id", "response.submitted_by")
    .leftJoin("user_account as editor", "editor.id", "response.updated_by")
    .leftJoin("user_account as accepter", "accepter.id", "response.accepted_by")
    .select([
      "response.id",
      "response.round_id",
      "round.name as round_name",
      "round.kind as round_kind",
      "round.year as round_year",
      "input.deadline as input_deadline",
      "response.questionnaire_key",
      "response.questionnaire_version_id",
      "qv.version as questionnaire_version",
      "qv.title as questionnaire_title",
      "qv.audience",
      "response.team_id",
      "team.name as team_name",
      "team.active as team_active",
      "municipality.id as municipality_id",
      "municipality.name as municipality_name",
      "region.id as region_id",
      "region.name as region_name",
      "response.status",
      "response.revision",
      "response.updated_at",
      "editor.name as updated_by_name",
      "response.submitted_at",
      "submitter.name as submitted_by_name",
      "response.accepted_at",
      "accepter.name as accepted_by_name",
      // Submitted at least once (now a draft again when it was returned or reopened): its readers keep reading it.
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("response_event as ev")
              .select("ev.id")
              .whereRef("ev.response_id", "=", "response.id")
              .where("ev.type", "in", ["submitted", "resubmitted"]),
          )
          .as("ever_submitted"),
    ])
    .where("response.id", "=", args.id),
);
/**
 * A response with what authorization and the pages need: its subject's place in the hierarchy. Built
 * once (db/fixed-query.ts): it runs on every page of a questionnaire.
 */
export const getResponse = (db: DB, id: number) => responseById.executeTakeFirst(db, { id });
export type ResponseDetail = NonNullable<Awaited<ReturnType<typeof getResponse>>>;

const answersOf = fixedQuery((db: DB, args: { responseId: number }) =>
  db.selectFrom("answer").select(["item_key", "value", "comment"]).where("response_id", "=", args.responseId),
);

export async function getAnswers(db: DB, responseId: number): Promise<AnswerMap> {
  const rows = await answersOf.execute(db, { responseId });
  return Object.fromEntries(rows.map((r) => [r.item_key, { value: r.value, comment: r.comment }]));
}

export type SaveResult = { ok: true; revision: number } | { ok: false; reason: "stale" | "submitted"; revision: number };

/**
 * Saves one section's answers if the response is still at the revision the form was based on. The
 * check and the write are one transaction, so of two tabs saving at once exactly one wins and the
 * other is told.
 */
/**
 * At most this many rows per statement: a section has a dozen questions, but a definition sets no limit, and SQLite
 * takes at most 32,766 values per statement (six per answer row).
 */
const ROWS_PER_STATEMENT = 500;
function* batches<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) yield rows.slice(start, start + ROWS_PER_STATEMENT);
}

export async function saveAnswers(
  db: DB,
  input: {
    responseId: number;
    expectedRevision: number;
    answers: AnswerMap;
    userId: number;
    now?: Date;
    /** More to write in the same transaction, only if the save goes through. */
    alsoWrite?: (trx: DB) => Promise<void>;
  },
): Promise<SaveResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const bumped = await trx
      .updateTable("response")
      .set({ revision: sql`revision + 1`, updated_at: now, updated_by: input.userId })
      .where("id", "=", input.responseId)
      .where("revision", "=", input.expectedRevision)
      .where("status", "=", "draft")
      .returning("revision")
      .executeTakeFirst();
    if (!bumped) {
      const current = await trx.selectFrom("response").select(["revision", "status"]).where("id", "=", input.responseId).executeTakeFirstOrThrow();
      return { ok: false, reason: current.status === "submitted" ? "submitted" : "stale", revision: current.revision };
    }
    const keys = Object.keys(input.answers);
    const before = keys.length
      ? new Map(
          (
            await trx
              .selectFrom("answer")
              .select(["item_key", "value", "comment"])
              .where("response_id", "=", input.responseId)
              .where("item_key", "in", keys)
              .execute()
          ).map((a) => [a.item_key, a]),
        )
      : new Map();
    const changes: Changes = {};
    for (const [itemKey, answer] of Object.entries(input.answers)) {
      const old = before.get(itemKey);
      if ((old?.value ?? null) !== answer.value) changes[itemKey] = [old?.value ?? null, answer.value];
      if ((old?.comment ?? null) !== answer.comment) changes[`${itemKey}.toelichting`] = [old?.comment ?? null, answer.comment];
    }
    await audit(trx, { actorId: input.userId, action: "answers.saved", entity: "response", entityId: input.responseId, changes });
    // An answer that did not change keeps its row, and with it when and by whom it was last changed. The rest are
    // written in one statement, and the emptied ones deleted in one: a section's save is a handful of statements,
    // not one (each built and compiled by Kysely) per question.
    const changed = Object.entries(input.answers).filter(([itemKey, answer]) => {
      const old = before.get(itemKey);
      return (old?.value ?? null) !== answer.value || (old?.comment ?? null) !== answer.comment;
    });
    const emptied = changed.filter(([, answer]) => answer.value === null && answer.comment === null).map(([itemKey]) => itemKey);
    const written = changed.filter(([, answer]) => answer.value !== null || answer.comment !== null);
    for (const keys of batches(emptied)) await trx.deleteFrom("answer").where("response_id", "=", input.responseId).where("item_key", "in", keys).execute();
    for (const rows of batches(written)) {
      await trx
        .insertInto("answer")
        .values(
          rows.map(([itemKey, answer]) => ({
            response_id: input.responseId,
            item_key: itemKey,
            value: answer.value,
            comment: answer.comment,
            updated_at: now,
            updated_by: input.userId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["response_id", "item_key"]).doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            comment: eb.ref("excluded.comment"),
            updated_at: eb.ref("excluded.updated_at"),
            updated_by: eb.ref("excluded.updated_by"),
          })),
        )
        .execute();
    }
    await input.alsoWrite?.(trx);
    return { ok: true, revision: bumped.revision };
  });
}

/**
 * Marks the response submitted (the caller has checked completeness); refuses a stale revision.
 * clearItemKeys: answers to drop in the same transaction (questions whose condition is not met).
 */
export async function submitResponse(
  db: DB,
  input: { responseId: number; expectedRevision: number; userId: number; clearItemKeys?: string[]; now?: Date; alsoWrite?: (trx: DB) => Promise<void> },
): Promise<SaveResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const done = await trx
      .updateTable("response")
      .set({
        status: "submitted",
        revision: sql`revision + 1`,
        submitted_at: now,
        submitted_by: input.userId,
        updated_at: now,
        updated_by: input.userId,
      })
      .where("id", "=", input.responseId)
      .where("revision", "=", input.expectedRevision)
      .where("status", "=", "draft")
      .returning("revision")
      .executeTakeFirst();
    if (!done) {
      const current = await trx.selectFrom("response").select(["revision", "status"]).where("id", "=", input.responseId).executeTakeFirstOrThrow();
      return { ok: false, reason: current.status === "submitted" ? "submitted" : "stale", revision: current.revision };
    }
    if (input.clearItemKeys?.length) {
      await trx.deleteFrom("answer").where("response_id", "=", input.responseId).where("item_key", "in", input.clearItemKeys).execute();
    }
    const returned = await trx
      .selectFrom("response_event")
      .select("id")
      .where("response_id", "=", input.responseId)
      .where("type", "=", "returned")
      .executeTakeFirst();
    await trx
      .insertInto("response_event")
      .values({ response_id: input.responseId, type: returned ? "resubmitted" : "submitted", actor_id: input.userId, at: now })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "response.submitted",
      entity: "response",
      entityId: input.responseId,
      changes: { status: ["draft", "submitted"] },
    });
    await input.alsoWrite?.(trx);
    return { ok: true, revision: done.revision };
  });
}

/** Each team of a municipality with its response in the round: the gemeente's list. */
export async function listTeamResponses(db: DB, input: { municipalityId: number; roundId: number; questionnaireKey: string }) {
  return db
    .selectFrom("team")
    .leftJoin("response", (join) =>
      join.onRef("response.team_id", "=", "team.id").on("response.round_id", "=", input.roundId).on("response.questionnaire_key", "=", input.questionnaireKey),
    )
    .leftJoin("user_account as editor", "editor.id", "response.updated_by")
    .select((eb) => [
      "team.id as team_id",
      "team.name as team_name",
      "team.kind as team_kind",
      "response.id as response_id",
      "response.status",
      "response.updated_at",
      "response.submitted_at",
      "editor.name as updated_by_name",
      "response.accepted_at",
      // A draft whose last event is a return: the gemeente sent it back.
      eb
        .selectFrom("response_event")
        .select("response_event.type")
        .whereRef("response_event.response_id", "=", "response.id")
        .orderBy("response_event.id", "desc")
        .limit(1)
        .as("last_event"),
      eb
        .selectFrom("answer")
        .select((a) => a.fn.countAll<number>().as("n"))
        .whereRef("answer.response_id", "=", "response.id")
        .as("answer_count"),
    ])
    .where("team.municipality_id", "=", input.municipalityId)
    .where("team.active", "=", 1)
    .orderBy("team.name")
    .execute();
}

/**
 * Per municipality of a region (or of the whole country): number of teams and how many of their
 * responses in the round are submitted (and of those accepted) or in progress, and the state of the
 * municipal part.
 */
export async function summariseMunicipalities(db: DB, input: { regionIds?: number[]; roundId: number; teamKey: string; municipalityKey: string }) {
  let query = db
    .selectFrom("municipality")
    .innerJoin("region", "region.id", "municipality.region_id")
    .leftJoin("response as mr", (join) =>
      join.onRef("mr.municipality_id", "=", "municipality.id").on("mr.round_id", "=", input.roundId).on("mr.questionnaire_key", "=", input.municipalityKey),
    )
    .select((eb) => {
      // The municipality's active teams' responses in this round, counted; each figure adds its condition.
      const teamResponses = () =>
        eb
          .selectFrom("team")
          .innerJoin("response", "response.team_id", "team.id")
          .select((t) => t.fn.countAll<number>().as("n"))
          .whereRef("team.municipality_id", "=", "municipality.id")
          .where("team.active", "=", 1)
          .where("response.round_id", "=", input.roundId)
          .where("response.questionnaire_key", "=", input.teamKey);
      return [
        "municipality.id",
        "municipality.name",
        "municipality.region_id",
        "region.name as region_name",
        "mr.id as municipal_response_id",
        "mr.status as municipal_status",
        eb
          .selectFrom("answer")
          .select((a) => a.fn.countAll<number>().as("n"))
          .whereRef("answer.response_id", "=", "mr.id")
          .as("municipal_answer_count"),
        eb
          .selectFrom("team")
          .select((t) => t.fn.countAll<number>().as("n"))
          .whereRef("team.municipality_id", "=", "municipality.id")
          .where("team.active", "=", 1)
          .as("team_count"),
        teamResponses().where("response.status", "=", "submitted").as("submitted_count"),
        teamResponses().where("response.status", "=", "submitted").where("response.accepted_at", "is not", null).as("accepted_count"),
        teamResponses()
          .where("response.status", "=", "draft")
          .where((w) => w.exists(w.selectFrom("answer").select("answer.item_key").whereRef("answer.response_id", "=", "response.id")))
          .as("in_progress_count"),
      ];
    });
  if (input.regionIds !== undefined) query = query.where("municipality.region_id", "in", input.regionIds.length ? input.regionIds : [-1]);
  return query.orderBy("region.name").orderBy("municipality.name").execute();
}

export async function listEvents(db: DB, responseId: number) {
  return db
    .selectFrom("response_event")
    .innerJoin("user_account", "user_account.id", "response_event.actor_id")
    .select(["response_event.type", "response_event.at", "response_event.comment", "user_account.name as actor_name"])
    .where("response_id", "=", responseId)
    .orderBy("response_event.id")
    .execute();
}

export type ReviewResult = { ok: true } | { ok: false; message: string };

/**
 * The gemeente's review of a submitted team scan: accept it (it stays read-only) or return it with a
 * comment (it becomes a draft the team can change and submit again). One transaction each, logged.
 */
export interface ReviewNote {
  itemKey: string;
  comment: string;
}

/** Built once (db/fixed-query.ts): every section page a team opens asks it. */
const latestReviewEvent = fixedQuery((db: DB, args: { responseId: number }) =>
  db
    .selectFrom("response_event")
    .leftJoin("user_account", "user_account.id", "response_event.actor_id")
    .select(["response_event.id", "response_event.type", "response_event.at", "user_account.name"])
    .where("response_event.response_id", "=", args.responseId)
    .where("response_event.type", "in", ["returned", "accepted"])
    .orderBy("response_event.id", "desc")
    .limit(1),
);

/**
 * The latest review (a return or an acceptance) with its remarks per question, when and by whom: the team
 * reads them beside the questions, the gemeente finds its own again. Null before any review.
 */
export async function latestReview(db: DB, responseId: number): Promise<{ type: string; at: string; by: string | null; notes: Record<string, string> } | null> {
  const event = await latestReviewEvent.executeTakeFirst(db, { responseId });
  if (!event) return null;
  const rows = await db.selectFrom("review_note").select(["item_key", "comment"]).where("event_id", "=", event.id).execute();
  return { type: event.type, at: event.at, by: event.name, notes: Object.fromEntries(rows.map((r) => [r.item_key, r.comment])) };
}

export async function reviewResponse(
  db: DB,
  input: {
    responseId: number;
    expectedRevision: number;
    userId: number;
    decision: "accept" | "return";
    comment: string | null;
    /** Remarks about single questions, for the team to read beside them. */
    notes?: ReviewNote[];
    now?: Date;
    alsoWrite?: (trx: DB) => Promise<void>;
  },
): Promise<ReviewResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const changed = await trx
      .updateTable("response")
      .set(
        input.decision === "accept"
          ? { accepted_at: now, accepted_by: input.userId, revision: sql`revision + 1` }
          : { status: "draft", submitted_at: null, submitted_by: null, revision: sql`revision + 1`, updated_at: now, updated_by: input.userId },
      )
      .where("id", "=", input.responseId)
      .where("revision", "=", input.expectedRevision)
      .where("status", "=", "submitted")
      .where("accepted_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!changed) return { ok: false, message: "Deze zelfscan is intussen gewijzigd, teruggestuurd of al beoordeeld. Bekijk de huidige stand hieronder." };
    const event = await trx
      .insertInto("response_event")
      .values({
        response_id: input.responseId,
        type: input.decision === "accept" ? "accepted" : "returned",
        actor_id: input.userId,
        at: now,
        comment: input.comment,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const notes = input.notes ?? [];
    if (notes.length) {
      await trx
        .insertInto("review_note")
        .values(notes.map((n) => ({ event_id: event.id, item_key: n.itemKey, comment: n.comment })))
        .execute();
    }
    const noteChanges = Object.fromEntries(notes.map((n) => [`opmerking ${n.itemKey}`, [null, n.comment] as [null, string]]));
    await audit(trx, {
      actorId: input.userId,
      action: input.decision === "accept" ? "response.accepted" : "response.returned",
      entity: "response",
      entityId: input.responseId,
      changes:
        input.decision === "accept"
          ? { accepted_at: [null, now], ...noteChanges }
          : { status: ["submitted", "draft"], comment: [null, input.comment], ...noteChanges },
    });
    await input.alsoWrite?.(trx);
    return { ok: true };
  });
}

/**
 * Reopens a submitted response with a reason (a round-table record programma corrects, or a team scan
 * its gemeente accepted): it becomes a draft again, and the history keeps the reopening.
 */
export async function reopenResponse(
  db: DB,
  input: { responseId: number; expectedRevision: number; userId: number; reason: string; now?: Date; alsoWrite?: (trx: DB) => Promise<void> },
): Promise<ReviewResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const changed = await trx
      .updateTable("response")
      .set({
        status: "draft",
        submitted_at: null,
        submitted_by: null,
        accepted_at: null,
        accepted_by: null,
        revision: sql`revision + 1`,
        updated_at: now,
        updated_by: input.userId,
      })
      .where("id", "=", input.responseId)
      .where("revision", "=", input.expectedRevision)
      .where("status", "=", "submitted")
      .returning("id")
      .executeTakeFirst();
    if (!changed) return { ok: false, message: "Dit is intussen gewijzigd of al heropend. Bekijk de huidige stand hieronder." };
    await trx
      .insertInto("response_event")
      .values({ response_id: input.responseId, type: "reopened", actor_id: input.userId, at: now, comment: input.reason })
      .execute();
    await audit(trx, {
      actorId: input.userId,
      action: "response.reopened",
      entity: "response",
      entityId: input.responseId,
      changes: { status: ["submitted", "draft"], reason: [null, input.reason] },
    });
    await input.alsoWrite?.(trx);
    return { ok: true };
  });
}
