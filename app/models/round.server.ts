import type { DB } from "../../db/client.ts";
import type { Audience } from "../../db/schema.ts";

/** The zelfscan round open today (the latest one if several are), or undefined. */
export async function getCurrentRound(db: DB, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
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
