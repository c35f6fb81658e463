import type { DB } from "../../db/client.ts";
import { displayAnswer, type AnswerMap } from "../questionnaire/answers.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { audit } from "./audit.server.ts";
import { currentPhase } from "./phase.server.ts";
import { getDefinition, getOrCreateResponse } from "./response.server.ts";
import { newestVersionId, roundVersionId } from "./rounds.server.ts";
import { inTransaction } from "../../db/transaction.ts";

// The yearly round table (rondetafelgesprek) of the programme with each region: one round per year,
// one response per region, filled in with the same questionnaire engine as the zelfscan.

export const ROUND_TABLE_QUESTIONNAIRE = "rondetafel";
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2100;

export function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

export async function roundTableRound(db: DB, year: number) {
  return db.selectFrom("round").selectAll().where("kind", "=", "rondetafel").where("year", "=", year).executeTakeFirst();
}

export async function roundTableYears(db: DB): Promise<number[]> {
  const rows = await db.selectFrom("round").select("year").where("kind", "=", "rondetafel").orderBy("year", "desc").execute();
  return rows.flatMap((r) => (r.year ? [r.year] : []));
}

/** The round of a round-table year, created when programma adds the year. */
export async function ensureRoundTableRound(db: DB, year: number, now = new Date(), actorId: number | null = null): Promise<number> {
  const existing = await roundTableRound(db, year);
  if (existing) return existing.id;
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("round")
      .values({
        kind: "rondetafel",
        year,
        name: `Rondetafel ${year}`,
        opens_on: `${year}-01-01`,
        closes_on: `${year}-12-31`,
        closed_at: null,
        created_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("round_questionnaire")
      .values({
        round_id: id,
        audience: "region",
        questionnaire_key: ROUND_TABLE_QUESTIONNAIRE,
        questionnaire_version_id: (await newestVersionId(trx, ROUND_TABLE_QUESTIONNAIRE)) ?? null,
      })
      .execute();
    await audit(trx, { actorId, action: "round.opened", entity: "round", entityId: id, changes: { name: [null, `Rondetafel ${year}`] } });
    return id;
  });
}

/** Answers the product already knows, for items that ask for them (prefill), when a record starts. */
async function prefillFor(db: DB, roundId: number, regionId: number): Promise<AnswerMap> {
  const versionId = await roundVersionId(db, roundId, ROUND_TABLE_QUESTIONNAIRE);
  if (!versionId) return {};
  const definition = await getDefinition(db, versionId);
  const phase = (await currentPhase(db, regionId)).phase;
  const prefill: AnswerMap = {};
  for (const section of definition.sections) {
    for (const item of section.items) {
      if (item.type === "single" && item.prefill === "region_phase" && item.options.some((o) => o.value === phase))
        prefill[item.key] = { value: phase, comment: null };
    }
  }
  return prefill;
}

export async function getOrCreateRoundTable(db: DB, input: { roundId: number; regionId: number; userId: number; now?: Date }) {
  return getOrCreateResponse(db, {
    roundId: input.roundId,
    questionnaireKey: ROUND_TABLE_QUESTIONNAIRE,
    subject: { regionId: input.regionId },
    userId: input.userId,
    prefill: await prefillFor(db, input.roundId, input.regionId),
    now: input.now,
  });
}

/** Every region with the state of its round-table record in a year. */
export async function roundTableOverview(db: DB, roundId: number, regionId?: number) {
  let query = db
    .selectFrom("region")
    .leftJoin("response", (join) =>
      join.onRef("response.region_id", "=", "region.id").on("response.round_id", "=", roundId).on("response.questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE),
    )
    .select(["region.id", "region.name", "response.id as response_id", "response.status", "response.updated_at", "response.submitted_at"])
    .orderBy("region.name");
  if (regionId !== undefined) query = query.where("region.id", "=", regionId);
  return query.execute();
}

/** The round-table records of one region over the years. */
export async function regionRoundTables(db: DB, regionId: number) {
  return db
    .selectFrom("round")
    .leftJoin("response", (join) =>
      join.onRef("response.round_id", "=", "round.id").on("response.region_id", "=", regionId).on("response.questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE),
    )
    .select(["round.id as round_id", "round.year", "response.id as response_id", "response.status", "response.submitted_at"])
    .where("round.kind", "=", "rondetafel")
    .orderBy("round.year", "desc")
    .execute();
}

/** How many records one query reads: the export holds the database only for that long, never while it waits for the client. */
const RECORDS_PER_QUERY = 100;

/**
 * All round-table records, ordered by year and region, answers in item order. Read a page of records
 * at a time (keyset on year, region, id), each page one short query for the records and one for their
 * answers: the process has one database connection, and a query kept open while a slow download
 * drains would hold up every other user's page until the download finished.
 */
export async function* roundTableRecords(db: DB, definition: QuestionnaireDefinition) {
  const items = allItems(definition);
  let after: [number, string, number] | null = null;
  for (;;) {
    let query = db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .innerJoin("region", "region.id", "response.region_id")
      .select(["response.id", "round.year", "region.name as region", "response.status"])
      .where("response.questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE)
      // Every round-table round has its year (the keyset below relies on it).
      .where("round.year", "is not", null);
    if (after) query = query.where((eb) => eb(eb.refTuple("round.year", "region.name", "response.id"), ">", eb.tuple(...after!)));
    const records = await query.orderBy("round.year").orderBy("region.name").orderBy("response.id").limit(RECORDS_PER_QUERY).execute();
    if (!records.length) return;
    const answers = new Map<number, Map<string, { value: string | null; comment: string | null }>>();
    const rows = await db
      .selectFrom("answer")
      .select(["response_id", "item_key", "value", "comment"])
      .where(
        "response_id",
        "in",
        records.map((r) => r.id),
      )
      .execute();
    for (const row of rows) {
      if (!answers.has(row.response_id)) answers.set(row.response_id, new Map());
      answers.get(row.response_id)!.set(row.item_key, row);
    }
    for (const record of records) {
      const own = answers.get(record.id);
      yield [
        record.year,
        record.region,
        record.status === "submitted" ? "ingediend" : "concept",
        ...items.map((item) => {
          const answer = own?.get(item.key);
          return (answer ? displayAnswer(definition, item, answer) : null) ?? "";
        }),
      ];
    }
    const last = records[records.length - 1]!;
    after = [last.year!, last.region, last.id];
  }
}
