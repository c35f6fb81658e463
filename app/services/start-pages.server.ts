import type { DB } from "../../db/client.ts";
import type { CurrentUser } from "../domain/user.ts";
import { canFillIn, responseAccess } from "../domain/policy.ts";
import { responseProgress, taskList } from "../questionnaire/progress.ts";
import { getCurrentRound, getRoundQuestionnaireKey } from "../models/rounds.server.ts";
import { findResponseId, getAnswers, getDefinition, getOrCreateResponse, getResponse, listEvents, type Subject } from "../models/response.server.ts";

/**
 * A subject's questionnaire in the current round, as a start page shows it. The one who fills it in
 * gets their response (created and pinned to the newest version on first visit); anyone else sees
 * the state of an existing response.
 */
export async function currentScan(db: DB, user: CurrentUser, subject: Subject, options: { teamActive?: boolean } = {}) {
  const round = await getCurrentRound(db);
  if (!round) return { round: null } as const;
  const audience = "teamId" in subject ? "team" : "municipality";
  const key = await getRoundQuestionnaireKey(db, round.id, audience);
  if (!key) return { round, response: null } as const;
  const fillsIn = canFillIn(user, {
    teamId: "teamId" in subject ? subject.teamId : null,
    municipalityId: "municipalityId" in subject ? subject.municipalityId : null,
    regionId: null,
  });
  // A deactivated team starts nothing new; what it filled in before stays readable.
  const startsIfMissing = fillsIn && options.teamActive !== false;
  const responseId = startsIfMissing
    ? await getOrCreateResponse(db, { roundId: round.id, questionnaireKey: key, subject, userId: user.id })
    : await findResponseId(db, round.id, key, subject);
  if (!responseId) return { round, response: null, fillsIn, lockedReason: null } as const;
  const response = (await getResponse(db, responseId))!;
  const definition = await getDefinition(db, response.questionnaire_version_id);
  const answers = await getAnswers(db, responseId);
  const tasks = taskList(definition, answers);
  const lastEvent = (await listEvents(db, responseId)).at(-1);
  const returned =
    response.status === "draft" && lastEvent?.type === "returned" ? { at: lastEvent.at, by: lastEvent.actor_name, comment: lastEvent.comment } : null;
  const access = response.region_id != null ? responseAccess(user, { ...response, region_id: response.region_id }) : null;
  return {
    round,
    fillsIn: access?.canEdit ?? false,
    lockedReason: access?.lockedReason ?? null,
    response: {
      id: response.id,
      title: response.questionnaire_title,
      status: response.status,
      progress: responseProgress({ status: response.status, answerCount: Object.keys(answers).length }),
      submittedAt: response.submitted_at,
      submittedBy: response.submitted_by_name,
      updatedAt: response.updated_at,
      returned,
    },
    tasks,
  } as const;
}
