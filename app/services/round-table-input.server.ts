import type { DB } from "../../db/client.ts";
import { DEACTIVATED_TEAM_MESSAGE, inputClosedMessage } from "../domain/policy.ts";
import { dayOf } from "../domain/format.ts";
import type { CurrentUser } from "../domain/user.ts";
import { parseList } from "../questionnaire/item-types/spec.ts";
import { isMultiple, optionsOf } from "../questionnaire/item-types/index.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { getMunicipality, getTeam } from "../models/organisation.server.ts";
import { findResponseId, getDefinition, getOrCreateResponse } from "../models/response.server.ts";
import { roundTableRound } from "../models/rondetafel.server.ts";
import { INPUT_QUESTIONNAIRE, inputTasks, regionInput, type InputTask } from "../models/round-table-input.server.ts";
import { roundVersionId } from "../models/rounds.server.ts";

/**
 * Round-table input as the team manager and the gemeente meet it: the task on their start page, the
 * page that starts it (a POST: GET never writes), and what the regio and programma read of a region's
 * input beside the round-table record.
 */

/** Who gives input for a round-table talk: a team or a gemeente. */
type InputGiver = { teamId: number } | { municipalityId: number };

/** The subject a user gives input for, with its region: the team manager's team, the gemeente's municipality. */
async function subjectOf(db: DB, user: CurrentUser) {
  if (user.role === "teammanager" && user.teamId !== null) {
    const team = await getTeam(db, user.teamId);
    return team ? { subject: { teamId: team.id } as InputGiver, name: team.name, regionId: team.region_id, active: team.active === 1 } : null;
  }
  if (user.role === "gemeente" && user.municipalityId !== null) {
    const municipality = await getMunicipality(db, user.municipalityId);
    return municipality
      ? { subject: { municipalityId: municipality.id } as InputGiver, name: `Gemeente ${municipality.name}`, regionId: municipality.region_id, active: true }
      : null;
  }
  return null;
}

export type InputStart =
  | { state: "not-asked" }
  | { state: "started"; responseId: number }
  | { state: "closed"; reason: string; deadline: string; name: string }
  | { state: "open"; deadline: string; name: string; roundId: number; subject: InputGiver };

/** Where the user stands with the input of a year: not asked of them, begun, closed, or ready to begin. */
export async function inputStart(db: DB, user: CurrentUser, year: number, now = new Date()): Promise<InputStart> {
  const who = await subjectOf(db, user);
  const round = await roundTableRound(db, year);
  if (!who || !round) return { state: "not-asked" };
  const asked = await regionInput(db, round.id, who.regionId);
  if (!asked) return { state: "not-asked" };
  const key = "teamId" in who.subject ? INPUT_QUESTIONNAIRE.team : INPUT_QUESTIONNAIRE.municipality;
  const existing = await findResponseId(db, round.id, key, who.subject);
  if (existing) return { state: "started", responseId: existing };
  if (!who.active) return { state: "closed", reason: DEACTIVATED_TEAM_MESSAGE, deadline: asked.deadline, name: who.name };
  if (asked.deadline < dayOf(now)) return { state: "closed", reason: inputClosedMessage(asked.deadline), deadline: asked.deadline, name: who.name };
  return { state: "open", deadline: asked.deadline, name: who.name, roundId: round.id, subject: who.subject };
}

/** Begins the input (twice at once is one response: the unique index decides). */
export async function beginInput(db: DB, user: CurrentUser, start: Extract<InputStart, { state: "open" }>) {
  const key = "teamId" in start.subject ? INPUT_QUESTIONNAIRE.team : INPUT_QUESTIONNAIRE.municipality;
  return getOrCreateResponse(db, { roundId: start.roundId, questionnaireKey: key, subject: start.subject, userId: user.id });
}

/** The input tasks on a team's or gemeente's start page, and whether this user can act on them. */
export async function startPageInputTasks(db: DB, user: CurrentUser, subject: InputGiver, regionId: number): Promise<(InputTask & { open: boolean })[]> {
  const own =
    "teamId" in subject
      ? user.role === "teammanager" && user.teamId === subject.teamId
      : user.role === "gemeente" && user.municipalityId === subject.municipalityId;
  const today = dayOf();
  return (await inputTasks(db, subject, regionId)).map((task) => ({ ...task, open: own && task.status !== "submitted" && task.deadline >= today }));
}

export interface InputQuestion {
  key: string;
  text: string;
  /** Choice items: each option with how many gave it. */
  counts: { value: string; label: string; count: number }[] | null;
  /** Text items: every answer with who gave it. */
  texts: { from: string; text: string }[];
}

export interface InputView {
  audience: "team" | "municipality";
  title: string;
  /** How many submitted. */
  submitted: number;
  questions: InputQuestion[];
}

/**
 * A region's submitted input of a year, per questionnaire (teams, gemeenten): per question the counts of a
 * choice item's options and every text answer with the name of the team or gemeente. Drafts never count.
 */
export async function regionInputView(db: DB, roundId: number, regionId: number): Promise<InputView[]> {
  const views: InputView[] = [];
  for (const [audience, key] of Object.entries(INPUT_QUESTIONNAIRE) as ["team" | "municipality", string][]) {
    const versionId = await roundVersionId(db, roundId, key);
    if (!versionId) continue;
    const definition = await getDefinition(db, versionId);
    let query = db
      .selectFrom("response")
      .leftJoin("team", "team.id", "response.team_id")
      .innerJoin("municipality", (join) =>
        join.on((eb) => eb.or([eb("municipality.id", "=", eb.ref("response.municipality_id")), eb("municipality.id", "=", eb.ref("team.municipality_id"))])),
      )
      .innerJoin("answer", "answer.response_id", "response.id")
      .select(["response.id", "team.name as team_name", "municipality.name as municipality_name", "answer.item_key", "answer.value"])
      .where("response.round_id", "=", roundId)
      .where("response.questionnaire_key", "=", key)
      .where("response.status", "=", "submitted")
      .where("municipality.region_id", "=", regionId);
    query = query.orderBy("municipality.name").orderBy("team.name");
    const rows = await query.execute();
    views.push(summarise(definition, audience, rows));
  }
  return views;
}

function summarise(
  definition: QuestionnaireDefinition,
  audience: "team" | "municipality",
  rows: { id: number; team_name: string | null; municipality_name: string; item_key: string; value: string | null }[],
): InputView {
  const questions = allItems(definition).map((item): InputQuestion => {
    const options = optionsOf(item, definition.scale.options);
    const answers = rows.filter((r) => r.item_key === item.key && r.value !== null);
    const from = (r: (typeof rows)[number]) => (r.team_name ? `${r.team_name} (${r.municipality_name})` : `Gemeente ${r.municipality_name}`);
    if (options) {
      const chosen = answers.flatMap((r) => (isMultiple(item) ? parseList(r.value) : [r.value!]));
      return {
        key: item.key,
        text: item.text,
        counts: options.map((o) => ({ value: o.value, label: o.label, count: chosen.filter((c) => c === o.value).length })),
        texts: [],
      };
    }
    return { key: item.key, text: item.text, counts: null, texts: answers.map((r) => ({ from: from(r), text: r.value! })) };
  });
  return { audience, title: definition.title, submitted: new Set(rows.map((r) => r.id)).size, questions };
}
