import type { DB } from "../../db/client.ts";
import type { CurrentUser } from "../domain/user.ts";
import { smallGroupDecision } from "../domain/small-groups.ts";
import { responseProgress } from "../questionnaire/progress.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import { getOrCreateResponse, getDefinition } from "../models/response.server.ts";
import { countAnswers, regionThemeFigures, teamDefinitionForRound } from "../models/results.server.ts";
import type { AnswerMap } from "../questionnaire/answers.ts";
import type { QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { typeOf } from "../questionnaire/item-types/index.ts";
import { fixedRoundQuestionnaire } from "../models/rounds.server.ts";

// Veilig Thuis gives its view of the samenwerking (theme G) with each gemeente of its region, in the round
// of the region's cycle, with the same questionnaire engine (draft, resume, submit). It reads only its own
// answers and the region's aggregates: never a team's or a gemeente's answers (app/domain/policy.ts).

/** Veilig Thuis's start page: per gemeente of the region the state of its view, and the region's themes (from 3 teams). */
export async function veiligThuisPage(db: DB, region: { id: number; name: string }) {
  const round = await regionCycleRound(db, region.id);
  if (!round) return { round: null, municipalities: [], themes: null } as const;
  const key = await fixedRoundQuestionnaire(db, round.id, "veilig_thuis");
  const municipalities = await db
    .selectFrom("municipality")
    .leftJoin("response", (join) =>
      join
        .onRef("response.municipality_id", "=", "municipality.id")
        .on("response.round_id", "=", round.id)
        .on("response.questionnaire_key", "=", key ?? ""),
    )
    .select((eb) => [
      "municipality.id",
      "municipality.name",
      "response.id as response_id",
      "response.status",
      "response.submitted_at",
      eb
        .selectFrom("answer")
        .select((a) => a.fn.countAll<number>().as("n"))
        .whereRef("answer.response_id", "=", "response.id")
        .as("answers"),
    ])
    .where("municipality.region_id", "=", region.id)
    .orderBy("municipality.name")
    .execute();
  // The region's themes as everyone outside the region's own teams sees them: only from 3 submitted teams.
  const figures = await regionThemeFigures(db, round.id, { regionId: region.id });
  return {
    round: { id: round.id, name: round.name, closesOn: round.closes_on },
    questionnaire: key ?? null,
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      responseId: m.response_id,
      progress: responseProgress(m.response_id ? { status: m.status!, answerCount: Number(m.answers ?? 0) } : null),
      submittedAt: m.submitted_at,
    })),
    // Veilig Thuis reads no team, so the region counts only from 3 submitted teams (decision 80).
    themes: smallGroupDecision({ submitted: figures.teams, readable: 0 }).shown ? { teams: figures.teams, figures: figures.figures } : null,
  } as const;
}

/** Starts (or finds) Veilig Thuis's view of a gemeente in the region's round; the id of the response to fill in. */
export async function startVeiligThuisView(db: DB, user: CurrentUser, input: { regionId: number; municipalityId: number }): Promise<number | null> {
  const round = await regionCycleRound(db, input.regionId);
  const key = round ? await fixedRoundQuestionnaire(db, round.id, "veilig_thuis") : undefined;
  if (!round || !key) return null;
  return getOrCreateResponse(db, { roundId: round.id, questionnaireKey: key, subject: { municipalityId: input.municipalityId }, userId: user.id });
}

/** What the gemeente's or team's own side answered to each of Veilig Thuis's items (same keys as theme G of the team zelfscan). */
export interface OwnSide {
  heading: string;
  answers: Record<string, string>;
}

/**
 * The gemeente's own side for its results page: per item of theme G how often its submitted teams gave each
 * answer ("Voldoet 2 · Voldoet deels 1"). Whoever reads that page may read each of those teams' answers.
 */
export async function municipalityOwnSide(db: DB, input: { roundId: number; municipalityId: number }): Promise<OwnSide | null> {
  const definition = await teamDefinitionForRound(db, input.roundId);
  if (!definition) return null;
  const { teams, counts } = await countAnswers(db, input.roundId, { municipalityId: input.municipalityId });
  if (teams === 0) return null;
  const themeG = new Set(definition.sections.find((s) => s.key === "G")?.items.map((i) => i.key));
  const answers: Record<string, string> = {};
  for (const option of definition.scale.options) {
    for (const c of counts.filter((c) => c.value === option.value && themeG.has(c.item_key))) {
      answers[c.item_key] = [answers[c.item_key], `${option.label} ${c.n}`].filter(Boolean).join(" · ");
    }
  }
  return { heading: `De teams (${teams} ingediend)`, answers };
}

/** A team's own side: its answers to theme G as the viewer may read them (the labels as the team's zelfscan shows them). */
export function teamOwnSide(definition: QuestionnaireDefinition | null, answers: AnswerMap): OwnSide | null {
  if (!definition || Object.keys(answers).length === 0) return null;
  const own: Record<string, string> = {};
  for (const item of definition.sections.find((s) => s.key === "G")?.items ?? []) {
    const value = answers[item.key]?.value;
    if (value) own[item.key] = typeOf(item).display(item, value, definition.scale.options);
  }
  return { heading: "Het team", answers: own };
}

/**
 * Veilig Thuis's submitted view of theme G for a gemeente in a round, to show beside the gemeente's and
 * its teams' own answers: the items as Veilig Thuis answered them, or null when it has not submitted one.
 */
export async function veiligThuisViewOf(db: DB, input: { roundId: number; municipalityId: number }) {
  const key = await fixedRoundQuestionnaire(db, input.roundId, "veilig_thuis");
  if (!key) return null;
  const response = await db
    .selectFrom("response")
    .select(["id", "questionnaire_version_id", "submitted_at"])
    .where("round_id", "=", input.roundId)
    .where("questionnaire_key", "=", key)
    .where("municipality_id", "=", input.municipalityId)
    .where("status", "=", "submitted")
    .executeTakeFirst();
  if (!response) return null;
  const definition = await getDefinition(db, response.questionnaire_version_id);
  const answers = await db.selectFrom("answer").select(["item_key", "value", "comment"]).where("response_id", "=", response.id).execute();
  const byKey = new Map(answers.map((a) => [a.item_key, a]));
  return {
    submittedAt: response.submitted_at,
    items: definition.sections.flatMap((section) =>
      section.items.map((item) => {
        const answer = byKey.get(item.key);
        const option = definition.scale.options.find((o) => o.value === answer?.value);
        return { key: item.key, text: item.text, answer: option?.label ?? null, comment: answer?.comment ?? null };
      }),
    ),
  };
}
