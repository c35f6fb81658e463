import type { DB } from "../../db/client.ts";
import { conversation, PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { responseAccess } from "../domain/policy.ts";
import type { CurrentUser } from "../domain/user.ts";
import { conclusionsOf, viewRequestOf, viewsOfRequest, viewValueCounts } from "../models/professional-views.server.ts";
import { themeFigures } from "../domain/scoring.ts";
import { findResponseId, getAnswers, getResponse } from "../models/response.server.ts";
import { teamDefinitionForRound } from "../models/results.server.ts";
import { getRoundQuestionnaireKey } from "../models/rounds.server.ts";
import { teamOwnSide, veiligThuisViewOf } from "./veilig-thuis.server.ts";

// The conversation of a team's zelfscan for its pages (results, gesprekskaart): the team's answers as the
// viewer may read them, the professionals' view (only from PROFESSIONALS_MIN on: the model returns none
// below it), what the conversation settled, and Veilig Thuis's view of theme G for the team's gemeente.

export async function teamConversation(db: DB, input: { viewer: CurrentUser; team: { id: number; municipality_id: number }; roundId: number }) {
  const definition = await teamDefinitionForRound(db, input.roundId);
  const request = await viewRequestOf(db, input.team.id, input.roundId);
  const veiligThuis = await veiligThuisViewOf(db, { roundId: input.roundId, municipalityId: input.team.municipality_id });
  if (!definition) return { request, conversation: null, conclusions: {}, managerAnswersShown: false, veiligThuis, ownSide: null };
  // The team's own answers: the manager reads the draft; anyone else in scope once it is submitted.
  const key = await getRoundQuestionnaireKey(db, input.roundId, "team");
  const responseId = key ? await findResponseId(db, input.roundId, key, { teamId: input.team.id }) : undefined;
  const response = responseId ? await getResponse(db, responseId) : undefined;
  const access = response?.region_id != null ? responseAccess(input.viewer, { ...response, region_id: response.region_id }) : null;
  const managerAnswersShown = Boolean(response && access?.answersVisible);
  const manager = managerAnswersShown ? await getAnswers(db, response!.id) : {};
  const views = request ? await viewsOfRequest(db, request.id) : { responses: 0, views: null };
  return {
    request,
    conversation: views.views
      ? conversation(definition, manager, views.views)
      : { shown: false as const, responses: views.responses, missing: PROFESSIONALS_MIN - views.responses },
    conclusions: request ? await conclusionsOf(db, request.id) : {},
    managerAnswersShown,
    themes: definition.sections.map((s) => ({ key: s.key, title: s.title })),
    veiligThuis,
    ownSide: teamOwnSide(definition, manager),
  };
}

/**
 * The professionals' view across a region, for the regio: per gemeente and for the region the theme scores
 * of the professionals' answers, from the teams whose view is shown (PROFESSIONALS_MIN views or more: the
 * model counts no other team, so no total can be taken apart into a smaller group); and Veilig Thuis's view
 * of theme G per gemeente.
 */
export async function regionConversation(db: DB, input: { roundId: number; regionId: number }) {
  const definition = await teamDefinitionForRound(db, input.roundId);
  const teams = await db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["team.id", "team.municipality_id", "municipality.name as municipality_name"])
    .where("municipality.region_id", "=", input.regionId)
    .orderBy("municipality.name")
    .execute();
  const counts = await viewValueCounts(db, { roundId: input.roundId, teamIds: teams.map((t) => t.id) });
  const municipalityOf = new Map(teams.map((t) => [t.id, t.municipality_id]));
  const municipalities = [...new Map(teams.map((t) => [t.municipality_id, t.municipality_name])).entries()];
  const figuresOf = (rows: typeof counts) => (definition ? themeFigures(definition, rows) : []);
  const perMunicipality = await Promise.all(
    municipalities.map(async ([id, name]) => {
      const rows = counts.filter((c) => municipalityOf.get(c.team_id) === id);
      return {
        id,
        name,
        teams: new Set(rows.map((r) => r.team_id)).size,
        figures: figuresOf(rows),
        veiligThuis: await veiligThuisViewOf(db, { roundId: input.roundId, municipalityId: id }),
      };
    }),
  );
  return {
    themes: definition ? definition.sections.map((s) => ({ key: s.key, title: s.title })) : [],
    region: { teams: new Set(counts.map((c) => c.team_id)).size, figures: figuresOf(counts) },
    municipalities: perMunicipality,
  };
}
