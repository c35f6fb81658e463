import type { DB } from "../../db/client.ts";
import type { ThemeFigure } from "../domain/scoring.ts";
import type { Reader } from "../domain/small-groups.ts";
import { getRoundQuestionnaireKey } from "../models/rounds.server.ts";
import {
  groupDecision,
  municipalPartFigures,
  regionResults,
  regionThemeFigures,
  roundThemes,
  scopeFigures,
  teamDefinitionForRound,
  type TeamScope,
} from "../models/results.server.ts";
import { answerSheets, type AnswerSheets, type ExportScope } from "./answer-exports.server.ts";
import type { Column, Sheet } from "./spreadsheets.server.ts";
import { professionalItems, PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { optionsOf } from "../questionnaire/item-types/index.ts";
import { viewCountsOfRound, viewValueCounts } from "../models/professional-views.server.ts";
import { fixedRoundQuestionnaire } from "../models/rounds.server.ts";

/**
 * What programma (the country), a regio (its region) and a gemeente (its municipality) download of a
 * zelfscan round: the answers (team part or municipal part), and the results per theme. The route has
 * already checked the scope against the policy; this only reads what the scope holds.
 */

export type ZelfscanPart = "team" | "gemeente" | "veilig-thuis";

const PART_AUDIENCE = { team: "team", gemeente: "municipality", "veilig-thuis": "veilig_thuis" } as const;

export async function zelfscanAnswerSheets(db: DB, input: { roundId: number; part: ZelfscanPart; scope: ExportScope }): Promise<AnswerSheets | null> {
  const audience = PART_AUDIENCE[input.part];
  const key =
    audience === "veilig_thuis" ? await fixedRoundQuestionnaire(db, input.roundId, audience) : await getRoundQuestionnaireKey(db, input.roundId, audience);
  return key ? answerSheets(db, { roundId: input.roundId, questionnaireKey: key, audience, scope: input.scope }) : null;
}

interface ResultRow {
  level: string;
  name: string;
  region: string;
  teams: number;
  /** The figures shown: the teams' themes as the small-group rule allows; a municipality's own part (theme I) always. */
  figures: ThemeFigure[];
  note: string;
}

/**
 * Scores per theme (0–100) for each group in the scope, each through the small-group rule for the reader
 * (app/domain/small-groups.ts), like on the pages: a regio sees each gemeente of its region, a gemeente
 * its own total and each of its teams, and a group the reader cannot read team by team only from 3 teams.
 */
export async function zelfscanResultsSheet(
  db: DB,
  input: { roundId: number; roundName: string; reader: Reader; scope: ExportScope & { regionName?: string; municipalityName?: string; teamName?: string } },
): Promise<Sheet> {
  const themes = await roundThemes(db, input.roundId);
  const rows: ResultRow[] = [];
  const teamThemes = new Set((await teamDefinitionForRound(db, input.roundId))?.sections.map((s) => s.key) ?? []);
  const group = async (level: string, name: string, region: string, scope: TeamScope, teams: number, figures: ThemeFigure[], ownPart: ThemeFigure[] = []) => {
    const decision = await groupDecision(db, input.roundId, scope, input.reader, teams);
    // Theme I of a group is the municipalities' own parts, not a group of teams: the rule leaves it be.
    const shown = figures.filter((f) => decision.shown || !teamThemes.has(f.theme));
    rows.push({ level, name, region, teams, figures: [...shown, ...ownPart], note: decision.reason ?? decision.note ?? "" });
  };
  const country = await regionThemeFigures(db, input.roundId, {});
  if (input.scope.teamId !== undefined) {
    // A team's own copy: its scores beside its gemeente, region and the country, as its results page shows them.
    const { teamId, municipalityId, regionId } = input.scope;
    const region = input.scope.regionName ?? "";
    const own = await scopeFigures(db, input.roundId, { teamId });
    await group("Team", input.scope.teamName ?? "", region, { teamId }, own.teams, own.figures);
    const municipality = await scopeFigures(db, input.roundId, { municipalityId });
    await group("Gemeente", input.scope.municipalityName ?? "", region, { municipalityId }, municipality.teams, municipality.figures);
    const regionFigures = await regionThemeFigures(db, input.roundId, { regionId });
    // Theme I is the gemeenten's own part, not the team's business in its own copy.
    await group(
      "Regio",
      region,
      region,
      { regionId },
      regionFigures.teams,
      regionFigures.figures.filter((f) => teamThemes.has(f.theme)),
    );
    await group(
      "Nederland",
      "Nederland",
      "",
      {},
      country.teams,
      country.figures.filter((f) => teamThemes.has(f.theme)),
    );
    return resultsSheet(input.roundName, themes, rows);
  }
  await group("Nederland", "Nederland", "", {}, country.teams, country.figures);

  const regions =
    input.scope.municipalityId !== undefined || input.scope.regionId !== undefined
      ? [{ id: input.scope.regionId!, name: input.scope.regionName ?? "" }]
      : await db.selectFrom("region").select(["id", "name"]).orderBy("name").execute();
  for (const region of regions) {
    const results = await regionResults(db, { roundId: input.roundId, regionId: region.id });
    const ownParts = await municipalPartFigures(db, input.roundId, region.id);
    await group("Regio", region.name, region.name, { regionId: region.id }, results.region.teams, results.region.figures);
    for (const m of results.municipalities) {
      if (input.scope.municipalityId !== undefined && m.id !== input.scope.municipalityId) continue;
      await group("Gemeente", m.name, region.name, { regionId: region.id, municipalityId: m.id }, m.submitted, m.figures, ownParts.get(m.id) ?? []);
      if (input.scope.municipalityId === undefined) continue;
      const teams = await db
        .selectFrom("team")
        .innerJoin("response", "response.team_id", "team.id")
        .select(["team.id", "team.name"])
        .where("team.municipality_id", "=", m.id)
        .where("response.round_id", "=", input.roundId)
        .where("response.status", "=", "submitted")
        .where("response.questionnaire_key", "=", (await getRoundQuestionnaireKey(db, input.roundId, "team")) ?? "")
        .orderBy("team.name")
        .execute();
      for (const team of teams) {
        const own = await scopeFigures(db, input.roundId, { teamId: team.id });
        await group("Team", team.name, region.name, { regionId: region.id, municipalityId: m.id, teamId: team.id }, own.teams, own.figures);
      }
    }
  }
  return resultsSheet(input.roundName, themes, rows);
}

function resultsSheet(roundName: string, themes: { key: string; title: string }[], rows: ResultRow[]): Sheet {
  const columns: Column[] = [
    { header: "Niveau", width: 11 },
    { header: "Naam", width: 32 },
    { header: "Regio", width: 24 },
    { header: "Ingediende teams", type: "number", width: 16 },
    ...themes.map((t) => ({ header: `${t.key}. ${t.title}`, type: "number" as const, width: 18 })),
    { header: "Opmerking", width: 44 },
  ];
  return {
    name: `Resultaten ${roundName}`.slice(0, 31),
    columns,
    rows: rows.map((row) => [
      row.level,
      row.name,
      row.region,
      row.teams,
      ...themes.map((t) => row.figures.find((f) => f.theme === t.key)?.score ?? null),
      row.note,
    ]),
  };
}

/**
 * The professionals' view as a file: per team whose view is shown (PROFESSIONALS_MIN or more views) and per
 * question, how often each answer was given; never one person's answers, never a team below the threshold
 * (the counts come from the model's query, which leaves such teams out). With a codebook.
 */
export async function professionalsSheets(
  db: DB,
  input: { roundId: number; roundName: string; scope: ExportScope },
): Promise<{ counts: Sheet; codebook: Sheet }> {
  const definition = await teamDefinitionForRound(db, input.roundId);
  let teamsQuery = db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .innerJoin("region", "region.id", "municipality.region_id")
    .select(["team.id", "team.name", "municipality.name as municipality_name", "region.name as region_name"]);
  if (input.scope.regionId !== undefined) teamsQuery = teamsQuery.where("municipality.region_id", "=", input.scope.regionId);
  if (input.scope.municipalityId !== undefined) teamsQuery = teamsQuery.where("municipality.id", "=", input.scope.municipalityId);
  if (input.scope.teamId !== undefined) teamsQuery = teamsQuery.where("team.id", "=", input.scope.teamId);
  const teams = await teamsQuery.orderBy("region.name").orderBy("municipality.name").orderBy("team.name").execute();
  const counts = await viewValueCounts(db, { roundId: input.roundId, teamIds: teams.map((t) => t.id) });
  const responses = await viewCountsOfRound(
    db,
    input.roundId,
    teams.map((t) => t.id),
  );
  const options = definition?.scale.options ?? [];
  const items = definition ? professionalItems(definition) : [];
  const rows: unknown[][] = [];
  for (const team of teams) {
    const own = counts.filter((c) => c.team_id === team.id);
    if (!own.length) continue;
    for (const item of items) {
      const itemOptions = optionsOf(item, options) ?? [];
      rows.push([
        team.name,
        team.municipality_name,
        team.region_name,
        responses.get(team.id)?.responded ?? null,
        item.key,
        item.text,
        ...options.map((o) =>
          itemOptions.some((io) => io.value === o.value) ? (own.find((c) => c.item_key === item.key && c.value === o.value)?.n ?? 0) : null,
        ),
        itemOptions
          .filter((io) => !options.some((o) => o.value === io.value))
          .map((io) => `${io.label}: ${own.find((c) => c.item_key === item.key && c.value === io.value)?.n ?? 0}`)
          .join("; "),
      ]);
    }
  }
  const columns: Column[] = [
    { header: "Team", width: 32 },
    { header: "Gemeente", width: 24 },
    { header: "Regio", width: 24 },
    { header: "Reacties van professionals", type: "number", width: 14 },
    { header: "Vraag", width: 8 },
    { header: "Vraagtekst", width: 60 },
    ...options.map((o) => ({ header: o.label, type: "number" as const, width: 12 })),
    { header: "Andere antwoorden", width: 30 },
  ];
  const codebook: unknown[][] = [
    [
      "Reacties van professionals",
      `Hoeveel professionals van het team hun kijk gaven. Alleen teams met ${PROFESSIONALS_MIN} of meer reacties staan erin; van niemand staan de eigen antwoorden erin.`,
    ],
    ["Vraag, Vraagtekst", "De vraag van de teamzelfscan die de professionals beantwoordden."],
    ...options.map((o) => [o.label, `Hoe vaak de professionals van het team "${o.label}" antwoordden.`]),
    ["Andere antwoorden", "Bij een vraag met eigen antwoorden (zoals ja/nee): hoe vaak elk werd gegeven."],
  ];
  return {
    counts: { name: `Professionals ${input.roundName}`.slice(0, 31), columns, rows },
    codebook: {
      name: "Codeboek",
      columns: [
        { header: "Kolom", width: 28 },
        { header: "Betekenis", width: 90 },
      ],
      rows: codebook,
    },
  };
}
