import { sql } from "kysely";
import type { DB } from "../../db/client.ts";
import { compareDutch } from "../domain/format.ts";
import type { QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { optionsOf } from "../questionnaire/item-types/index.ts";
import { getDefinition, latestVersionOf } from "./response.server.ts";
import { ROUND_TABLE_QUESTIONNAIRE, roundTableRound } from "./rondetafel.server.ts";
import { cachedForRound } from "./results.server.ts";

// The national dashboard: "N van de 28 regio's" for every answer of the round table, computed by SQL
// aggregation over the submitted records of a year (never stored as a number).

export interface Figure {
  indicator: string;
  indicatorText: string;
  section: string;
  answer: string;
  answerLabel: string;
  count: number;
  regions: string[];
}

export interface YearFigures {
  year: number;
  /** Regions in the country: the "28" of "N van de 28". */
  outOf: number;
  /** Regions whose record of this year is submitted. */
  responded: number;
  figures: Figure[];
}

export async function roundTableDefinition(db: DB): Promise<QuestionnaireDefinition | null> {
  const version = await latestVersionOf(db, ROUND_TABLE_QUESTIONNAIRE);
  return version ? getDefinition(db, version.id) : null;
}

/** The figures of a year, kept until a record of that year changes (see cachedForRound). */
export async function yearFigures(db: DB, year: number): Promise<YearFigures | null> {
  const round = await roundTableRound(db, year);
  if (!round) return null;
  return cachedForRound(db, round.id, "dashboard", () => computeYearFigures(db, year));
}

async function computeYearFigures(db: DB, year: number): Promise<YearFigures | null> {
  const round = await roundTableRound(db, year);
  const definition = await roundTableDefinition(db);
  if (!round || !definition) return null;
  const outOf = Number(
    (
      await db
        .selectFrom("region")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const responded = Number(
    (
      await db
        .selectFrom("response")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("round_id", "=", round.id)
        .where("questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE)
        .where("status", "=", "submitted")
        .executeTakeFirstOrThrow()
    ).n,
  );
  // One row per (item, answer) with the regions that gave it; a multi answer (a JSON array) is
  // unfolded with json_each so each chosen option counts once per region.
  const rows = await sql<{ item_key: string; option: string; n: number; regions: string }>`
    select a.item_key as item_key,
           case when json_valid(a.value) and json_type(a.value) = 'array' then j.value else a.value end as option,
           count(*) as n,
           group_concat(g.name, '|') as regions
    from answer a
    join response r on r.id = a.response_id
    join region g on g.id = r.region_id
    left join json_each(case when json_valid(a.value) and json_type(a.value) = 'array' then a.value else '[]' end) j
    where r.round_id = ${round.id}
      and r.questionnaire_key = ${ROUND_TABLE_QUESTIONNAIRE}
      and r.status = 'submitted'
      and a.value is not null
      and (j.value is not null or not (json_valid(a.value) and json_type(a.value) = 'array'))
    group by 1, 2
  `.execute(db);
  const found = new Map(rows.rows.map((r) => [`${r.item_key}\u0000${r.option}`, r]));
  const figures: Figure[] = [];
  for (const section of definition.sections) {
    for (const item of section.items) {
      const options = optionsOf(item, definition.scale.options);
      if (!options) continue;
      for (const option of options) {
        const row = found.get(`${item.key}\u0000${option.value}`);
        figures.push({
          indicator: item.key,
          indicatorText: item.text,
          section: section.title,
          answer: option.value,
          answerLabel: option.label,
          count: Number(row?.n ?? 0),
          regions: row ? row.regions.split("|").sort(compareDutch) : [],
        });
      }
    }
  }
  return { year, outOf, responded, figures };
}

export function figureOf(figures: YearFigures | null, indicator: string, answer: string): Figure | undefined {
  return figures?.figures.find((f) => f.indicator === indicator && f.answer === answer);
}
