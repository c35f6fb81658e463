import type { DB } from "../../db/client.ts";
import { MIN_OTHER_TEAMS, type ThemeFigure } from "../domain/scoring.ts";
import { getRoundQuestionnaireKey } from "../models/rounds.server.ts";
import { municipalPartFigures, regionResults, regionThemeFigures, roundThemes, scopeFigures, teamDefinitionForRound } from "../models/results.server.ts";
import { answerSheets, type AnswerSheets, type ExportScope } from "./answer-exports.server.ts";
import type { Column, Sheet } from "./spreadsheets.server.ts";

/**
 * What programma (the country), a regio (its region) and a gemeente (its municipality) download of a
 * zelfscan round: the answers (team part or municipal part), and the results per theme. The route has
 * already checked the scope against the policy; this only reads what the scope holds.
 */

export type ZelfscanPart = "team" | "gemeente";

export async function zelfscanAnswerSheets(db: DB, input: { roundId: number; part: ZelfscanPart; scope: ExportScope }): Promise<AnswerSheets | null> {
  const audience = input.part === "team" ? "team" : "municipality";
  const key = await getRoundQuestionnaireKey(db, input.roundId, audience);
  return key ? answerSheets(db, { roundId: input.roundId, questionnaireKey: key, audience, scope: input.scope }) : null;
}

const TOO_FEW = `minder dan ${MIN_OTHER_TEAMS} ingediende teams: niet getoond`;

interface ResultRow {
  level: string;
  name: string;
  region: string;
  teams: number;
  /** The figures shown: the teams' themes only from enough teams; a municipality's own part (theme I) always. */
  figures: ThemeFigure[];
  note: string;
}

/**
 * Scores per theme (0–100) for each group in the scope: a group of teams (the country, a region, a
 * municipality) is shown only from MIN_OTHER_TEAMS submitted teams, like on the pages. A gemeente's
 * own download also holds each of its teams, whose results it reads on the team's results page.
 */
export async function zelfscanResultsSheet(
  db: DB,
  input: { roundId: number; roundName: string; scope: ExportScope & { regionName?: string; municipalityName?: string } },
): Promise<Sheet> {
  const themes = await roundThemes(db, input.roundId);
  const rows: ResultRow[] = [];
  const teamThemes = new Set((await teamDefinitionForRound(db, input.roundId))?.sections.map((s) => s.key) ?? []);
  const group = (level: string, name: string, region: string, teams: number, figures: ThemeFigure[], ownPart: ThemeFigure[] = []): ResultRow => {
    const enough = teams >= MIN_OTHER_TEAMS;
    // Theme I of a group is the municipalities' own parts; a group's team themes need enough teams.
    const shown = figures.filter((f) => enough || !teamThemes.has(f.theme));
    return { level, name, region, teams, figures: [...shown, ...ownPart], note: enough ? "" : TOO_FEW };
  };
  const country = await regionThemeFigures(db, input.roundId, {});
  rows.push(group("Nederland", "Nederland", "", country.teams, country.figures));

  const regions =
    input.scope.municipalityId !== undefined || input.scope.regionId !== undefined
      ? [{ id: input.scope.regionId!, name: input.scope.regionName ?? "" }]
      : await db.selectFrom("region").select(["id", "name"]).orderBy("name").execute();
  for (const region of regions) {
    const results = await regionResults(db, { roundId: input.roundId, regionId: region.id });
    const ownParts = await municipalPartFigures(db, input.roundId, region.id);
    rows.push(group("Regio", region.name, region.name, results.region.teams, results.region.figures));
    for (const m of results.municipalities) {
      if (input.scope.municipalityId !== undefined && m.id !== input.scope.municipalityId) continue;
      rows.push(group("Gemeente", m.name, region.name, m.submitted, m.figures, ownParts.get(m.id) ?? []));
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
        rows.push({ level: "Team", name: team.name, region: region.name, teams: 1, figures: own.figures, note: "" });
      }
    }
  }
  const columns: Column[] = [
    { header: "Niveau", width: 11 },
    { header: "Naam", width: 32 },
    { header: "Regio", width: 24 },
    { header: "Ingediende teams", type: "number", width: 16 },
    ...themes.map((t) => ({ header: `${t.key}. ${t.title}`, type: "number" as const, width: 18 })),
    { header: "Opmerking", width: 44 },
  ];
  return {
    name: `Resultaten ${input.roundName}`.slice(0, 31),
    columns,
    filter: true,
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
