import type { DB } from "../../db/client.ts";
import { RESPONSE_PROGRESS_LABEL, responseProgress } from "../questionnaire/progress.ts";
import { cycleRoundsOfRegions } from "./cycles.server.ts";
import { summariseMunicipalities } from "./response.server.ts";
import { getRoundQuestionnaireKey } from "./rounds.server.ts";

/**
 * Zelfscan progress per municipality, for a region or the whole country, each region in the round of its
 * own cycle (so a region still working on last year's round shows that round's progress).
 */
export async function progressByMunicipality(db: DB, regionId?: number) {
  const cycles = (await cycleRoundsOfRegions(db)).filter((r) => regionId === undefined || r.id === regionId);
  const byRound = new Map<number, { round: NonNullable<(typeof cycles)[number]["round"]>; regionIds: number[] }>();
  for (const region of cycles) {
    if (!region.round) continue;
    const entry = byRound.get(region.round.id) ?? { round: region.round, regionIds: [] };
    entry.regionIds.push(region.id);
    byRound.set(region.round.id, entry);
  }
  const municipalities = [];
  for (const { round, regionIds } of byRound.values()) {
    const teamKey = (await getRoundQuestionnaireKey(db, round.id, "team")) ?? "";
    const municipalityKey = (await getRoundQuestionnaireKey(db, round.id, "municipality")) ?? "";
    for (const row of await summariseMunicipalities(db, { regionIds, roundId: round.id, teamKey, municipalityKey })) {
      const municipalProgress = responseProgress(
        row.municipal_response_id ? { status: row.municipal_status!, answerCount: Number(row.municipal_answer_count ?? 0) } : null,
      );
      municipalities.push({
        id: row.id,
        name: row.name,
        regionId: row.region_id,
        regionName: row.region_name,
        roundId: round.id,
        roundName: round.name,
        teams: Number(row.team_count ?? 0),
        submitted: Number(row.submitted_count ?? 0),
        accepted: Number(row.accepted_count ?? 0),
        inProgress: Number(row.in_progress_count ?? 0),
        municipalProgress,
        municipalLabel: RESPONSE_PROGRESS_LABEL[municipalProgress],
      });
    }
  }
  municipalities.sort((a, b) => a.regionName.localeCompare(b.regionName, "nl") || a.name.localeCompare(b.name, "nl"));
  return {
    /** The round (for one region); for the country, each region's round is in its rows. */
    round: regionId !== undefined ? (cycles[0]?.round ?? null) : null,
    municipalities,
  };
}
