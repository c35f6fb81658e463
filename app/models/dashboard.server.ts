import { sql } from "kysely";
import type { DB } from "../../db/client.ts";
import type { RegionZelfscan, ThemeScore } from "../domain/national-picture.ts";
import { compareDutch } from "../domain/format.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { isPostgres } from "../../db/dialect.ts";
import { optionsOf } from "../questionnaire/item-types/index.ts";
import { getDefinition, latestVersionOf } from "./response.server.ts";
import { ROUND_TABLE_QUESTIONNAIRE, roundTableRound, roundTableYears } from "./rondetafel.server.ts";
import { cachedForRound, regionThemeFigures } from "./results.server.ts";
import { roundVersionId } from "./rounds.server.ts";
import { zelfscanRounds } from "./cycles.server.ts";
import { cycleRound } from "../domain/cycles.ts";
import { dayOf } from "../domain/format.ts";
import { isPhaseKey, type PhaseKey } from "../domain/phases.ts";
import { smallGroupDecision } from "../domain/small-groups.ts";
import { teamsWithViewsPerRegion } from "./professional-views.server.ts";

// The national dashboard: "N van de 28 regio's" for every answer of the round table, computed by SQL
// aggregation over the submitted records of a year (never stored as a number); beside it what the
// product itself knows: each region's phase from its transition log, and its zelfscan.

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
  if (!round) return null;
  // The version the year's round fixed: a question added later is not "0 van de 28" in a year that did not ask it.
  const versionId = (await roundVersionId(db, round.id, ROUND_TABLE_QUESTIONNAIRE)) ?? (await latestVersionOf(db, ROUND_TABLE_QUESTIONNAIRE))?.id;
  const definition = versionId ? await getDefinition(db, versionId) : null;
  if (!definition) return null;
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
  const rows = await answerCounts(db, round.id, definition);
  const found = new Map(rows.map((r) => [`${r.item_key}\u0000${r.option}`, r]));
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

/**
 * One row per (item, answer) of a year's submitted records, with the regions that gave it; a multi
 * answer (a JSON array) is unfolded so each chosen option counts once per region. The one query with a
 * form per database: SQLite's json_each and group_concat, PostgreSQL's jsonb_array_elements_text and
 * string_agg. PostgreSQL unfolds only the multi items (it has no "is this valid JSON" test in version 15,
 * and a text answer may start with "[").
 */
async function answerCounts(db: DB, roundId: number, definition: QuestionnaireDefinition) {
  type Row = { item_key: string; option: string; n: number; regions: string };
  if (isPostgres(db)) {
    const multi = allItems(definition)
      .filter((i) => i.type === "multi")
      .map((i) => i.key);
    const keys = sql.join((multi.length ? multi : [""]).map((k) => sql`${k}`));
    const rows = await sql<Row>`
      select a.item_key as item_key, coalesce(j.value, a.value) as option, count(*) as n, string_agg(g.name, '|') as regions
      from answer a
      join response r on r.id = a.response_id
      join region g on g.id = r.region_id
      left join lateral jsonb_array_elements_text(case when a.item_key in (${keys}) then a.value::jsonb else '[]'::jsonb end) as j(value) on true
      where r.round_id = ${roundId}
        and r.questionnaire_key = ${ROUND_TABLE_QUESTIONNAIRE}
        and r.status = 'submitted'
        and a.value is not null
        and (j.value is not null or a.item_key not in (${keys}))
      group by 1, 2
    `.execute(db);
    return rows.rows;
  }
  const rows = await sql<Row>`
    select a.item_key as item_key,
           case when json_valid(a.value) and json_type(a.value) = 'array' then j.value else a.value end as option,
           count(*) as n,
           group_concat(g.name, '|') as regions
    from answer a
    join response r on r.id = a.response_id
    join region g on g.id = r.region_id
    left join json_each(case when json_valid(a.value) and json_type(a.value) = 'array' then a.value else '[]' end) j
    where r.round_id = ${roundId}
      and r.questionnaire_key = ${ROUND_TABLE_QUESTIONNAIRE}
      and r.status = 'submitted'
      and a.value is not null
      and (j.value is not null or not (json_valid(a.value) and json_type(a.value) = 'array'))
    group by 1, 2
  `.execute(db);
  return rows.rows;
}

export function figureOf(figures: YearFigures | null, indicator: string, answer: string): Figure | undefined {
  return figures?.figures.find((f) => f.indicator === indicator && f.answer === answer);
}

/** The years the dashboard offers: every round-table year, and every year from the first phase transition to this one. */
export async function dashboardYears(db: DB, now = new Date()): Promise<number[]> {
  const thisYear = Number(dayOf(now).slice(0, 4));
  const first = await db
    .selectFrom("phase_transition")
    .select((eb) => eb.fn.min("at").as("at"))
    .executeTakeFirst();
  const firstYear = first?.at ? Math.min(Number(String(first.at).slice(0, 4)), thisYear) : thisYear;
  const years = new Set(await roundTableYears(db));
  for (let y = firstYear; y <= thisYear; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/**
 * The moment a year's picture stands on: the end of the year (midnight in Amsterdam, UTC+1 in winter),
 * or now for this year and later ones.
 */
export function standOf(year: number, now = new Date()): { until: string; live: boolean } {
  const end = `${year}-12-31T23:00:00.000Z`;
  return end > now.toISOString() ? { until: now.toISOString(), live: true } : { until: end, live: false };
}

export type PhaseSource = "log" | "record";

export interface PhasePicture {
  year: number;
  /** The moment the transition logs are read at (ISO). */
  until: string;
  live: boolean;
  regions: { name: string; phase: PhaseKey | null; source: PhaseSource | null }[];
  /** Regions per phase, over both sources. */
  perPhase: Record<PhaseKey, number>;
  /** Regions each source gave, and those neither did. */
  perSource: Record<PhaseSource | "none", number>;
}

/**
 * Each region's phase in a year, from the source that knows it: the product's transition log when the
 * region has a transition by then (its last one before the moment), otherwise the region's submitted
 * round-table record of that year. For this year a region without any transition is in voorbereiding
 * by the product's own reckoning. The choice and the counts are one SQL statement over stored data.
 */
export async function phasePicture(db: DB, year: number, now = new Date()): Promise<PhasePicture> {
  const { until, live } = standOf(year, now);
  const round = await roundTableRound(db, year);
  const rows = await sql<{ name: string; phase: string | null; source: PhaseSource | null; phase_count: number; source_count: number }>`
    with per_region as (
      select g.name as name,
             (select pt.to_phase from phase_transition pt
               where pt.region_id = g.id and pt.at <= ${until}
               order by pt.id desc limit 1) as logged,
             (select a.value from response r
                join answer a on a.response_id = r.id and a.item_key = 'fase'
               where r.round_id = ${round?.id ?? 0} and r.region_id = g.id
                 and r.questionnaire_key = ${ROUND_TABLE_QUESTIONNAIRE} and r.status = 'submitted') as recorded,
             case when exists (select 1 from phase_transition pt where pt.region_id = g.id) then 1 else 0 end as has_log
        from region g
    ), sourced as (
      select name,
             case when logged is not null then logged
                  when recorded is not null then recorded
                  when ${live ? 1 : 0} = 1 and has_log = 0 then 'preparation' end as phase,
             case when logged is not null then 'log'
                  when recorded is not null then 'record'
                  when ${live ? 1 : 0} = 1 and has_log = 0 then 'log' end as source
        from per_region
    )
    select name, phase, source,
           count(*) over (partition by phase) as phase_count,
           count(*) over (partition by source) as source_count
      from sourced
  `.execute(db);
  const perPhase = { preparation: 0, selfscan: 0, analysis: 0, plans: 0, execution: 0 } as Record<PhaseKey, number>;
  const perSource = { log: 0, record: 0, none: 0 };
  for (const row of rows.rows) {
    if (row.phase && isPhaseKey(row.phase)) perPhase[row.phase] = Number(row.phase_count);
    perSource[row.source ?? "none"] = Number(row.source_count);
  }
  return {
    year,
    until,
    live,
    regions: rows.rows
      .map((r) => ({ name: r.name, phase: r.phase && isPhaseKey(r.phase) ? r.phase : null, source: r.phase ? r.source : null }))
      .sort((a, b) => compareDutch(a.name, b.name)),
    perPhase,
    perSource,
  };
}

/**
 * The zelfscan as the product has it, per region: the round its cycle was on at the moment (the round
 * of its last transition that records one, or the newest round open then), how many of its active
 * teams submitted on it, and its theme scores when at least 3 teams did.
 */
export async function zelfscanPicture(db: DB, year: number, now = new Date()): Promise<RegionZelfscan[]> {
  const { until } = standOf(year, now);
  const day = dayOf(new Date(until));
  const rounds = (await zelfscanRounds(db)).filter((r) => r.opens_on <= day);
  const regions = await sql<{ id: number; name: string; teams: number; recorded: number | null }>`
    select g.id, g.name,
           (select count(*) from team t join municipality m on m.id = t.municipality_id
             where m.region_id = g.id and t.active = 1) as teams,
           (select pt.round_id from phase_transition pt
             where pt.region_id = g.id and pt.round_id is not null and pt.at <= ${until}
             order by pt.id desc limit 1) as recorded
      from region g
  `.execute(db);
  const out: RegionZelfscan[] = [];
  const perRound = new Map<number, Promise<Map<number, { submitted: number; themes: ThemeScore[] | null }>>>();
  // Not kept with the figures: a professional's view changes no response, so the round's signature would not see it.
  const viewsPerRound = new Map<number, Promise<Map<number, number>>>();
  for (const region of regions.rows) {
    const round = rounds.length ? cycleRound(region.recorded === null ? null : Number(region.recorded), rounds, day) : undefined;
    if (round && !perRound.has(round.id)) perRound.set(round.id, regionsOnRound(db, round.id));
    if (round && !viewsPerRound.has(round.id)) viewsPerRound.set(round.id, teamsWithViewsPerRegion(db, round.id));
    const figures = round ? (await perRound.get(round.id)!).get(region.id) : undefined;
    const withViews = round ? ((await viewsPerRound.get(round.id)!).get(region.id) ?? 0) : 0;
    out.push({
      name: region.name,
      round: round?.name ?? null,
      teams: Number(region.teams),
      submitted: figures?.submitted ?? 0,
      themes: figures?.themes ?? null,
      withheld: figures?.themes ? null : smallGroupDecision({ submitted: figures?.submitted ?? 0, readable: 0 }).reason,
      withViews,
    });
  }
  return out.sort((a, b) => compareDutch(a.name, b.name));
}

/**
 * Every region's submitted team scans on a round and, from 3 on, its theme figures: computed once and
 * kept until the round changes, so the dashboard reads one signature per round, not 28 results.
 */
function regionsOnRound(db: DB, roundId: number) {
  return cachedForRound(db, roundId, "dashboard:regions", async () => {
    const submitted = await db
      .selectFrom("response")
      .innerJoin("team", "team.id", "response.team_id")
      .innerJoin("municipality", "municipality.id", "team.municipality_id")
      .select(["municipality.region_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("response.round_id", "=", roundId)
      .where("response.status", "=", "submitted")
      .groupBy("municipality.region_id")
      .execute();
    const out = new Map<number, { submitted: number; themes: ThemeScore[] | null }>();
    for (const row of submitted) {
      const n = Number(row.n);
      out.set(row.region_id, {
        submitted: n,
        // The dashboard travels (print, download, publication): its reader is anyone, who reads no team.
        themes: smallGroupDecision({ submitted: n, readable: 0 }).shown
          ? (await regionThemeFigures(db, roundId, { regionId: row.region_id })).figures.map(({ theme, title, score }) => ({ theme, title, score }))
          : null,
      });
    }
    return out;
  });
}
