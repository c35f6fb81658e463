import type { DB } from "../../db/client.ts";
import type { Audience } from "../../db/schema.ts";
import { audit } from "./audit.server.ts";
import { dayOf } from "../domain/format.ts";
import { inTransaction } from "../../db/transaction.ts";

// Rounds (rondes): the periods in which a questionnaire is open, and which questionnaire each audience fills in.

/** The zelfscan round open today (the latest one if several are), or undefined. */
export async function getCurrentRound(db: DB, now = new Date()) {
  const today = dayOf(now);
  return db
    .selectFrom("round")
    .selectAll()
    .where("kind", "=", "zelfscan")
    .where("opens_on", "<=", today)
    .where("closes_on", ">=", today)
    .where("closed_at", "is", null)
    .orderBy("opens_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function getRoundQuestionnaireKey(db: DB, roundId: number, audience: Audience) {
  const row = await db
    .selectFrom("round_questionnaire")
    .select("questionnaire_key")
    .where("round_id", "=", roundId)
    .where("audience", "=", audience)
    .executeTakeFirst();
  return row?.questionnaire_key;
}

/**
 * The version of a questionnaire every response of a round uses: fixed when the round opened, so all
 * responses of a round are comparable (a newer file applies from the next round). A round opened
 * before versions were fixed falls back to the newest registered version.
 */
export async function roundVersionId(db: DB, roundId: number, questionnaireKey: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("round_questionnaire")
    .select("questionnaire_version_id")
    .where("round_id", "=", roundId)
    .where("questionnaire_key", "=", questionnaireKey)
    .executeTakeFirst();
  return row?.questionnaire_version_id ?? (await newestVersionId(db, questionnaireKey));
}

/** The questionnaire versions a round fixed, one per audience. */
export async function roundVersions(db: DB, roundId: number) {
  return db
    .selectFrom("round_questionnaire as rq")
    .innerJoin("questionnaire_version as qv", "qv.id", "rq.questionnaire_version_id")
    .select(["rq.audience", "qv.title", "qv.version"])
    .where("rq.round_id", "=", roundId)
    .orderBy("rq.audience", "desc")
    .execute();
}

/** The newest registered version of a questionnaire: the one a round opened now fixes. */
export async function newestVersionId(db: DB, questionnaireKey: string): Promise<number | undefined> {
  const row = await db.selectFrom("questionnaire_version").select("id").where("key", "=", questionnaireKey).orderBy("version", "desc").executeTakeFirst();
  return row?.id;
}

/** The zelfscan rounds, newest first. */
export async function listRounds(db: DB) {
  return db.selectFrom("round").selectAll().where("kind", "=", "zelfscan").orderBy("opens_on", "desc").orderBy("id", "desc").execute();
}

/** The zelfscan rounds in which a team submitted its scan, newest first: the rounds of its own copy. */
export async function submittedRoundsOfTeam(db: DB, teamId: number) {
  return db
    .selectFrom("round")
    .innerJoin("response", "response.round_id", "round.id")
    .select(["round.id", "round.name"])
    .where("round.kind", "=", "zelfscan")
    .where("response.team_id", "=", teamId)
    .where("response.status", "=", "submitted")
    .where("response.questionnaire_key", "=", "zelfscan-team")
    .orderBy("round.opens_on", "desc")
    .orderBy("round.id", "desc")
    .execute();
}

/** The round that came before this one (by opening date), for "compared with last time". */
export async function previousRound(db: DB, roundId: number) {
  const round = await db.selectFrom("round").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round) return undefined;
  return db
    .selectFrom("round")
    .selectAll()
    .where("kind", "=", round.kind)
    .where((eb) => eb.or([eb("opens_on", "<", round.opens_on), eb.and([eb("opens_on", "=", round.opens_on), eb("id", "<", round.id)])]))
    .orderBy("opens_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function getRound(db: DB, id: number) {
  return db.selectFrom("round").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The questionnaires of a zelfscan round, by audience: the team part, the municipal part and Veilig Thuis's view. */
export const ZELFSCAN_QUESTIONNAIRES: { audience: Audience; questionnaire_key: string }[] = [
  { audience: "team", questionnaire_key: "zelfscan-team" },
  { audience: "municipality", questionnaire_key: "zelfscan-gemeente" },
  { audience: "veilig_thuis", questionnaire_key: "zelfscan-veilig-thuis" },
];

/**
 * The round's questionnaire for an audience, fixing its version now when the round was opened before the
 * audience existed (Veilig Thuis's view, in rounds opened before it): from then on every response of the
 * round uses that version, as with the others.
 */
export async function fixedRoundQuestionnaire(db: DB, roundId: number, audience: Audience): Promise<string | undefined> {
  const known = await getRoundQuestionnaireKey(db, roundId, audience);
  if (known) return known;
  const key = ZELFSCAN_QUESTIONNAIRES.find((q) => q.audience === audience)?.questionnaire_key;
  const versionId = key ? await newestVersionId(db, key) : undefined;
  if (!key || !versionId) return undefined;
  await db
    .insertInto("round_questionnaire")
    .values({ round_id: roundId, audience, questionnaire_key: key, questionnaire_version_id: versionId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return getRoundQuestionnaireKey(db, roundId, audience);
}

/** Opens a round with the zelfscan questionnaires of the most recent round (and any audience it lacks). */
export async function openRound(db: DB, input: { name: string; opensOn: string; closesOn: string; reminderDays?: number; userId: number; now?: Date }) {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const latest = await trx
      .selectFrom("round")
      .select("id")
      .where("kind", "=", "zelfscan")
      .orderBy("opens_on", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    const previous = latest
      ? await trx.selectFrom("round_questionnaire").select(["audience", "questionnaire_key"]).where("round_id", "=", latest.id).execute()
      : [];
    const questionnaires = [...previous, ...ZELFSCAN_QUESTIONNAIRES.filter((q) => !previous.some((p) => p.audience === q.audience))];
    const { id } = await trx
      .insertInto("round")
      .values({
        name: input.name,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        closed_at: null,
        created_at: now,
        reminder_days: input.reminderDays ?? 7,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The round fixes each questionnaire's version now: the newest registered one.
    for (const q of questionnaires) {
      const versionId = (await newestVersionId(trx, q.questionnaire_key)) ?? null;
      await trx
        .insertInto("round_questionnaire")
        .values({ round_id: id, ...q, questionnaire_version_id: versionId })
        .execute();
    }
    await audit(trx, {
      actorId: input.userId,
      action: "round.opened",
      entity: "round",
      entityId: id,
      changes: { name: [null, input.name], opens_on: [null, input.opensOn], closes_on: [null, input.closesOn], reminder_days: [null, input.reminderDays ?? 7] },
    });
    return id;
  });
}
