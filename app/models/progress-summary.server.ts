import type { DB } from "../../db/client.ts";
import { RESPONSE_PROGRESS_LABEL, responseProgress } from "../questionnaire/progress.ts";
import { summariseMunicipalities } from "./response.server.ts";
import { getCurrentRound, getRoundQuestionnaireKey } from "./rounds.server.ts";

/** Zelfscan progress of the current round per municipality, for a region or the whole country. */
export async function progressByMunicipality(db: DB, regionId?: number) {
  const round = await getCurrentRound(db);
  if (!round) return { round: null, municipalities: [] };
  const teamKey = (await getRoundQuestionnaireKey(db, round.id, "team")) ?? "";
  const municipalityKey = (await getRoundQuestionnaireKey(db, round.id, "municipality")) ?? "";
  const rows = await summariseMunicipalities(db, { regionId, roundId: round.id, teamKey, municipalityKey });
  return {
    round,
    municipalities: rows.map((row) => {
      const municipalProgress = responseProgress(
        row.municipal_response_id ? { status: row.municipal_status!, answerCount: Number(row.municipal_answer_count ?? 0) } : null,
      );
      return {
        id: row.id,
        name: row.name,
        regionId: row.region_id,
        regionName: row.region_name,
        teams: Number(row.team_count ?? 0),
        submitted: Number(row.submitted_count ?? 0),
        inProgress: Number(row.in_progress_count ?? 0),
        municipalProgress,
        municipalLabel: RESPONSE_PROGRESS_LABEL[municipalProgress],
      };
    }),
  };
}
