import type { DB } from "../../db/client.ts";
import type { CurrentUser } from "../domain/user.ts";
import { canFillIn, responseAccess } from "../domain/policy.ts";
import { municipalProgress, type MunicipalShare } from "../domain/phases.ts";
import { responseProgress, taskList } from "../questionnaire/progress.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import { notificationsFor } from "./notification-list.server.ts";
import { currentPhase, phaseLog, regionSnapshot } from "../models/phase.server.ts";
import { getPlan, teamActions } from "../models/plan.server.ts";
import { getRoundQuestionnaireKey } from "../models/rounds.server.ts";
import {
  findResponseId,
  getAnswers,
  getDefinition,
  getOrCreateResponse,
  getResponse,
  listEvents,
  listTeamResponses,
  type ResponseOwner,
} from "../models/response.server.ts";
import { startPageInputTasks } from "./round-table-input.server.ts";
import { viewCountsOfRound } from "../models/professional-views.server.ts";

/**
 * What the team's and the gemeente's start pages show. Both work on the round of their region's cycle
 * (app/domain/cycles.ts), not simply the newest round: a new national round reaches them when their
 * region starts its next cycle. Their earlier scans stay listed, unfinished ones first.
 */

/**
 * A subject's questionnaire in the round of its region's cycle. The one who fills it in gets their
 * response (created and pinned to the round's version on first visit); anyone else sees the state of
 * an existing response.
 */
export async function currentScan(db: DB, user: CurrentUser, subject: ResponseOwner, options: { regionId: number; teamActive?: boolean }) {
  const round = await regionCycleRound(db, options.regionId);
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
      progress: responseProgress({
        status: response.status,
        answerCount: Object.keys(answers).length,
        acceptedAt: response.accepted_at,
        returned: returned !== null,
      }),
      submittedAt: response.submitted_at,
      submittedBy: response.submitted_by_name,
      acceptedAt: response.accepted_at,
      updatedAt: response.updated_at,
      returned,
    },
    tasks,
  } as const;
}

/**
 * The subject's scans of other rounds than the current one: round, when, how far, and (for a team's
 * submitted scan) where its results are. Unfinished ones first, then newest first.
 */
export async function scanHistory(db: DB, subject: ResponseOwner, exceptRoundId: number | null) {
  let query = db
    .selectFrom("response")
    .innerJoin("round", "round.id", "response.round_id")
    .select((eb) => [
      "response.id",
      "response.round_id",
      "round.name as round_name",
      "round.opens_on",
      "response.status",
      "response.updated_at",
      "response.submitted_at",
      "response.accepted_at",
      eb
        .selectFrom("answer")
        .select((a) => a.fn.countAll<number>().as("n"))
        .whereRef("answer.response_id", "=", "response.id")
        .as("answer_count"),
    ])
    .where("round.kind", "=", "zelfscan");
  query =
    "teamId" in subject
      ? query.where("response.team_id", "=", subject.teamId)
      : query.where("response.municipality_id", "=", (subject as { municipalityId: number }).municipalityId);
  if (exceptRoundId !== null) query = query.where("response.round_id", "!=", exceptRoundId);
  const rows = await query.orderBy("round.opens_on", "desc").orderBy("round.id", "desc").execute();
  const history = rows.map((r) => ({
    ...r,
    progress: responseProgress({ status: r.status, answerCount: Number(r.answer_count ?? 0), acceptedAt: r.accepted_at }),
  }));
  return [...history.filter((h) => h.status === "draft"), ...history.filter((h) => h.status !== "draft")];
}

/** The team's start page: the current scan, earlier scans, the actions it owns, its notifications. */
export async function teamStartPage(db: DB, user: CurrentUser, team: { id: number; region_id: number; active: 0 | 1 }) {
  const scan = await currentScan(db, user, { teamId: team.id }, { regionId: team.region_id, teamActive: team.active === 1 });
  const roundId = scan.round?.id ?? null;
  return {
    scan,
    views: roundId ? ((await viewCountsOfRound(db, roundId, [team.id])).get(team.id) ?? null) : null,
    history: await scanHistory(db, { teamId: team.id }, roundId),
    actions: roundId ? await teamActions(db, { teamId: team.id, roundId }) : [],
    phase: (await currentPhase(db, team.region_id)).phase,
    inputTasks: await startPageInputTasks(db, user, { teamId: team.id }, team.region_id),
    notifications: user.teamId === team.id ? await notificationsFor(db, user.id) : null,
  };
}

/** The gemeente's start page: its teams' scans, its own part, the region's phase with its share, history, notifications. */
export async function municipalityStartPage(db: DB, user: CurrentUser, municipality: { id: number; region_id: number }) {
  const municipalScan = await currentScan(db, user, { municipalityId: municipality.id }, { regionId: municipality.region_id });
  const round = municipalScan.round;
  const teamKey = round ? await getRoundQuestionnaireKey(db, round.id, "team") : undefined;
  const listed = round && teamKey ? await listTeamResponses(db, { municipalityId: municipality.id, roundId: round.id, questionnaireKey: teamKey }) : [];
  // How many of each team's professionals gave their view: a count (never who), shown from 3 on as such.
  const views = round
    ? await viewCountsOfRound(
        db,
        round.id,
        listed.map((t) => t.team_id),
      )
    : new Map();
  const teams =
    round && teamKey
      ? listed.map((t) => ({
          ...t,
          views: views.get(t.team_id) ?? null,
          progress: responseProgress(
            t.response_id
              ? {
                  status: t.status!,
                  answerCount: Number(t.answer_count ?? 0),
                  acceptedAt: t.accepted_at,
                  returned: t.status === "draft" && t.last_event === "returned",
                }
              : null,
          ),
        }))
      : [];
  const { phase, since } = await currentPhase(db, municipality.region_id);
  const snapshot = await regionSnapshot(db, municipality.region_id);
  const plan = round ? await getPlan(db, municipality.id, round.id) : null;
  const share: MunicipalShare = {
    teams: teams.length,
    submittedTeams: teams.filter((t) => t.progress === "submitted" || t.progress === "accepted").length,
    awaitingReview: teams.filter((t) => t.progress === "submitted").length,
    municipalPartSubmitted: municipalScan.response?.status === "submitted",
    plan: plan ? { actions: plan.actions.length, adopted: Boolean(plan.adopted_at) } : null,
  };
  return {
    round,
    teams,
    municipalScan,
    phase,
    since,
    progress: municipalProgress(phase, snapshot, share),
    phaseLog: await phaseLog(db, municipality.region_id),
    history: await scanHistory(db, { municipalityId: municipality.id }, round?.id ?? null),
    inputTasks: await startPageInputTasks(db, user, { municipalityId: municipality.id }, municipality.region_id),
    notifications: user.municipalityId === municipality.id ? await notificationsFor(db, user.id) : null,
  };
}
