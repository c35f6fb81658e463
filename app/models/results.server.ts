import { changeMarker, type DB } from "../../db/client.ts";
import { themeFigures, type ThemeFigure, type ValueCount } from "../domain/scoring.ts";
import { intersectScopes, smallGroupDecision, type GroupDecision, type Reader } from "../domain/small-groups.ts";
import { getDefinition } from "./response.server.ts";
import { getRoundQuestionnaireKey, previousRound, roundVersionId } from "./rounds.server.ts";
import { allItems } from "../questionnaire/definition.ts";
import { itemMapping, mappingNote } from "../questionnaire/mapping.ts";

// Zelfscan results: SQL counts answers per item and value over submitted team responses in a scope;
// app/scoring.ts folds them into theme figures.

export interface TeamScope {
  regionId?: number;
  municipalityId?: number;
  teamId?: number;
}

async function teamKeyOf(db: DB, roundId: number) {
  return (await getRoundQuestionnaireKey(db, roundId, "team")) ?? "zelfscan-team";
}

/** The definition the round's team figures are read with: the version the round fixed. */
export async function teamDefinitionForRound(db: DB, roundId: number) {
  const versionId = await roundVersionId(db, roundId, await teamKeyOf(db, roundId));
  return versionId ? getDefinition(db, versionId) : null;
}

function submittedTeamResponses(db: DB, roundId: number, key: string, scope: TeamScope) {
  let query = db
    .selectFrom("response")
    .innerJoin("team", "team.id", "response.team_id")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .where("response.round_id", "=", roundId)
    .where("response.questionnaire_key", "=", key)
    .where("response.status", "=", "submitted");
  if (scope.regionId !== undefined) query = query.where("municipality.region_id", "=", scope.regionId);
  if (scope.municipalityId !== undefined) query = query.where("team.municipality_id", "=", scope.municipalityId);
  if (scope.teamId !== undefined) query = query.where("team.id", "=", scope.teamId);
  return query;
}

export async function countAnswers(db: DB, roundId: number, scope: TeamScope): Promise<{ teams: number; counts: ValueCount[] }> {
  const key = await teamKeyOf(db, roundId);
  const [teamsRow, counts] = await Promise.all([
    submittedTeamResponses(db, roundId, key, scope)
      .select((eb) => eb.fn.count<number>("response.id").as("n"))
      .executeTakeFirstOrThrow(),
    submittedTeamResponses(db, roundId, key, scope)
      .innerJoin("answer", "answer.response_id", "response.id")
      .where("answer.value", "is not", null)
      .select(["answer.item_key", "answer.value", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["answer.item_key", "answer.value"])
      .execute(),
  ]);
  return { teams: Number(teamsRow.n), counts: counts.map((c) => ({ item_key: c.item_key, value: c.value!, n: Number(c.n) })) };
}

/** How many of a group's submitted teams the reader may read (the small-group rule's second number). */
export async function readableTeams(db: DB, roundId: number, group: TeamScope, reader: Reader, submitted: number): Promise<number> {
  if (reader.reads === "all") return submitted;
  if (reader.reads === "none") return 0;
  const { reads: _, ...own } = reader;
  // A group inside the reader's scope (a gemeente of the regio's own region): every team in it is readable, no query.
  const fields = Object.entries(own) as [keyof TeamScope, number][];
  if (fields.length && fields.every(([field, value]) => group[field] === value)) return submitted;
  const both = intersectScopes<TeamScope>(group, own);
  if (!both) return 0;
  const row = await submittedTeamResponses(db, roundId, await teamKeyOf(db, roundId), both)
    .select((eb) => eb.fn.count<number>("response.id").as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The small-group rule for one group and reader (app/domain/small-groups.ts). */
export async function groupDecision(db: DB, roundId: number, group: TeamScope, reader: Reader, submitted: number): Promise<GroupDecision> {
  return smallGroupDecision({ submitted, readable: await readableTeams(db, roundId, group, reader, submitted) });
}

/** Theme figures of a scope, or null (with the team count) when the definition is missing. */
export async function scopeFigures(db: DB, roundId: number, scope: TeamScope, onlyItems?: Set<string>) {
  const definition = await teamDefinitionForRound(db, roundId);
  const { teams, counts } = await countAnswers(db, roundId, scope);
  const counted = onlyItems ? counts.filter((c) => onlyItems.has(c.item_key)) : counts;
  return { teams, figures: definition ? themeFigures(definition, counted) : [] };
}

/**
 * What changed in a round since last time: any save, submission or review changes a response's
 * revision and updated_at. A cached figure is reused only while this is the same, so it is never stale.
 */
export async function roundSignature(db: DB, roundId: number): Promise<string> {
  const row = await db
    .selectFrom("response")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("revision").as("revisions"), eb.fn.max("updated_at").as("latest")])
    .where("round_id", "=", roundId)
    .executeTakeFirstOrThrow();
  // A team moved or deactivated changes which answers count where, without touching a response.
  const teams = await db
    .selectFrom("team")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("municipality_id").as("places"), eb.fn.sum<number>("active").as("active")])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.revisions}:${row.latest}|${teams.n}:${teams.places}:${teams.active}`;
}

/** The round signatures last computed per database, with the database's change marker at the time. */
const signatures = new WeakMap<DB, Map<number, { marker: string; signature: Promise<string> }>>();

/**
 * The round's signature, computed afresh only when something in the database changed since it was last
 * computed (db/client.ts's changeMarker: on SQLite a counter that costs nothing to read). On 10x the
 * national data the signature's two aggregates took 2-3 ms per round, several times per page.
 */
function currentRoundSignature(db: DB, roundId: number): Promise<string> {
  const marker = changeMarker(db);
  if (marker === null) return roundSignature(db, roundId);
  let known = signatures.get(db);
  if (!known) signatures.set(db, (known = new Map()));
  const hit = known.get(roundId);
  if (hit && hit.marker === marker) return hit.signature;
  const signature = roundSignature(db, roundId);
  known.set(roundId, { marker, signature });
  signature.catch(() => known.get(roundId)?.signature === signature && known.delete(roundId));
  return signature;
}

/** Values per database, round and key (as promises), each kept with the round signature it was computed at. */
const roundCache = new WeakMap<DB, Map<string, { signature: string; value: Promise<unknown> }>>();

/**
 * The value computed for this round and key, reused while the round's signature is unchanged (so a
 * save, submission, review or team move makes the next read compute it afresh). Requests that arrive
 * while it is being computed wait for that one computation: on PostgreSQL, where each of its queries
 * is a round trip, a burst of dashboard views otherwise each computed the whole country at once.
 */
export async function cachedForRound<T>(db: DB, roundId: number, key: string, compute: () => Promise<T>): Promise<T> {
  const signature = await currentRoundSignature(db, roundId);
  let cache = roundCache.get(db);
  if (!cache) roundCache.set(db, (cache = new Map()));
  const id = `${roundId}:${key}`;
  const hit = cache.get(id);
  if (hit && hit.signature === signature) return hit.value as Promise<T>;
  const value = compute();
  cache.set(id, { signature, value });
  try {
    return await value;
  } catch (error) {
    // A failed computation is not kept: the next request tries again.
    if (cache.get(id)?.value === value) cache.delete(id);
    throw error;
  }
}

/**
 * Themes A to I of a region (or the country): the team themes from the teams' scans and theme I from
 * the municipalities' own part. Recounting the country on every page view is the expensive part of
 * the results pages, so the result is kept until the round's signature changes.
 */
export async function regionThemeFigures(db: DB, roundId: number, scope: { regionId?: number }, onlyItems?: Set<string>) {
  const only = onlyItems ? `:${[...onlyItems].sort().join(",")}` : "";
  return cachedForRound(db, roundId, `themes:${scope.regionId ?? "NL"}${only}`, () => computeRegionThemeFigures(db, roundId, scope, onlyItems));
}

async function computeRegionThemeFigures(db: DB, roundId: number, scope: { regionId?: number }, onlyItems?: Set<string>) {
  const teamPart = await scopeFigures(db, roundId, scope, onlyItems);
  const key = (await getRoundQuestionnaireKey(db, roundId, "municipality")) ?? "zelfscan-gemeente";
  const versionId = await roundVersionId(db, roundId, key);
  if (!versionId) return { ...teamPart, municipalities: 0 };
  const definition = await getDefinition(db, versionId);
  let base = db
    .selectFrom("response")
    .innerJoin("municipality", "municipality.id", "response.municipality_id")
    .where("response.round_id", "=", roundId)
    .where("response.questionnaire_key", "=", key)
    .where("response.status", "=", "submitted");
  if (scope.regionId !== undefined) base = base.where("municipality.region_id", "=", scope.regionId);
  const [countRow, counts] = await Promise.all([
    base.select((eb) => eb.fn.count<number>("response.id").as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("answer", "answer.response_id", "response.id")
      .where("answer.value", "is not", null)
      .select(["answer.item_key", "answer.value", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["answer.item_key", "answer.value"])
      .execute(),
  ]);
  const municipal = themeFigures(
    definition,
    counts.filter((c) => !onlyItems || onlyItems.has(c.item_key)).map((c) => ({ item_key: c.item_key, value: c.value!, n: Number(c.n) })),
  );
  return { teams: teamPart.teams, municipalities: Number(countRow.n), figures: [...teamPart.figures, ...municipal] };
}

export interface ComparisonGroup {
  label: string;
  /** Submitted teams in the group. */
  teams: number;
  /** null: the small-group rule leaves the group out for this reader (`decision.reason` says why). */
  figures: ThemeFigure[] | null;
  decision: GroupDecision;
}

/**
 * A team's figures beside its municipality, region and the country, each as the small-group rule lets
 * the reader see it (a team its own gemeente only from 3 other teams; its gemeente all of it).
 */
export async function teamBenchmark(
  db: DB,
  input: { roundId: number; teamId: number; municipalityId: number; regionId: number; municipalityName: string; regionName: string; reader: Reader },
) {
  const own = await scopeFigures(db, input.roundId, { teamId: input.teamId });
  const groups: [string, TeamScope][] = [
    [`Gemeente ${input.municipalityName}`, { municipalityId: input.municipalityId }],
    [`Regio ${input.regionName}`, { regionId: input.regionId }],
    ["Nederland", {}],
  ];
  const comparisons: ComparisonGroup[] = [];
  for (const [label, scope] of groups) {
    const group = await scopeFigures(db, input.roundId, scope);
    const decision = await groupDecision(db, input.roundId, scope, input.reader, group.teams);
    comparisons.push({ label, teams: group.teams, figures: decision.shown ? group.figures : null, decision });
  }
  return { submitted: own.teams > 0, own: own.figures, comparisons };
}

/** Per municipality of a region: teams, submitted teams, and theme figures; kept until the round changes. */
export async function regionResults(db: DB, input: { roundId: number; regionId: number }) {
  return cachedForRound(db, input.roundId, `region:${input.regionId}`, () => computeRegionResults(db, input));
}

/** A group's figures with nothing in them: the themes stay (for the table's rows), the scores go. */
const withheld = (figures: ThemeFigure[]): ThemeFigure[] => figures.map((f) => ({ ...f, score: null, distribution: {} }));

/**
 * A region's results as the reader may see them: each gemeente, the region and the country through the
 * small-group rule (a regio reads every team of its region, so it sees each gemeente; Nederland only
 * from 3 submitted teams outside the region). Figures left out have no score, and `decision` says why.
 */
export async function regionResultsFor(db: DB, input: { roundId: number; regionId: number; reader: Reader }) {
  const results = await regionResults(db, input);
  const municipalities = await Promise.all(
    results.municipalities.map(async (m) => {
      const decision = await groupDecision(db, input.roundId, { regionId: input.regionId, municipalityId: m.id }, input.reader, m.submitted);
      return { ...m, figures: decision.shown ? m.figures : withheld(m.figures), decision };
    }),
  );
  const decisions = {
    region: await groupDecision(db, input.roundId, { regionId: input.regionId }, input.reader, results.region.teams),
    country: await groupDecision(db, input.roundId, {}, input.reader, results.country.teams),
  };
  // The gemeenten' own part (theme I) is not a group of teams: it stays.
  const teamThemes = new Set(results.definition?.sections.map((section) => section.key));
  const teamsOnly = (figures: ThemeFigure[], shown: boolean) => (shown ? figures : figures.map((f) => (teamThemes.has(f.theme) ? withheld([f])[0]! : f)));
  return {
    ...results,
    municipalities,
    region: { ...results.region, figures: teamsOnly(results.region.figures, decisions.region.shown) },
    country: { ...results.country, figures: teamsOnly(results.country.figures, decisions.country.shown) },
    decisions,
  };
}

async function computeRegionResults(db: DB, input: { roundId: number; regionId: number }) {
  const definition = await teamDefinitionForRound(db, input.roundId);
  const key = await teamKeyOf(db, input.roundId);
  const municipalities = await db
    .selectFrom("municipality")
    .select((eb) => [
      "municipality.id",
      "municipality.name",
      eb
        .selectFrom("team")
        .select((t) => t.fn.countAll<number>().as("n"))
        .whereRef("team.municipality_id", "=", "municipality.id")
        .where("team.active", "=", 1)
        .as("teams"),
    ])
    .where("municipality.region_id", "=", input.regionId)
    .orderBy("municipality.name")
    .execute();
  // One grouped query for all municipalities of the region, folded per municipality.
  const rows = await submittedTeamResponses(db, input.roundId, key, { regionId: input.regionId })
    .innerJoin("answer", "answer.response_id", "response.id")
    .where("answer.value", "is not", null)
    .select(["team.municipality_id", "answer.item_key", "answer.value", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["team.municipality_id", "answer.item_key", "answer.value"])
    .execute();
  const submitted = await submittedTeamResponses(db, input.roundId, key, { regionId: input.regionId })
    .select(["team.municipality_id", (eb) => eb.fn.count<number>("response.id").as("n")])
    .groupBy("team.municipality_id")
    .execute();
  const submittedBy = new Map(submitted.map((s) => [s.municipality_id, Number(s.n)]));
  const region = await regionThemeFigures(db, input.roundId, { regionId: input.regionId });
  const country = await regionThemeFigures(db, input.roundId, {});
  return {
    definition,
    region,
    country,
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      teams: Number(m.teams ?? 0),
      submitted: submittedBy.get(m.id) ?? 0,
      figures: definition
        ? themeFigures(
            definition,
            rows.filter((r) => r.municipality_id === m.id).map((r) => ({ item_key: r.item_key, value: r.value!, n: Number(r.n) })),
          )
        : [],
    })),
  };
}

/** The kwaliteitskader's themes of a round (A to H from the team part, I from the municipal part). */
export async function roundThemes(db: DB, roundId: number): Promise<{ key: string; title: string }[]> {
  const themes: { key: string; title: string }[] = [];
  for (const audience of ["team", "municipality"] as const) {
    const key = await getRoundQuestionnaireKey(db, roundId, audience);
    const versionId = key ? await roundVersionId(db, roundId, key) : undefined;
    if (!versionId) continue;
    for (const section of (await getDefinition(db, versionId)).sections) themes.push({ key: section.key, title: section.title });
  }
  return themes;
}

/**
 * The previous round's figures of a region (or the country), to show beside this round's. When the two
 * rounds use different versions of a questionnaire, the previous figures count only the items this
 * round's version continues (itemMapping), and `note` says which items are new or dropped.
 */
export async function previousRoundFigures(db: DB, roundId: number, scope: { regionId?: number }) {
  const before = await previousRound(db, roundId);
  if (!before) return null;
  let onlyItems: Set<string> | undefined;
  const notes: string[] = [];
  for (const audience of ["team", "municipality"] as const) {
    const key = await getRoundQuestionnaireKey(db, roundId, audience);
    const previousKey = await getRoundQuestionnaireKey(db, before.id, audience);
    if (!key || key !== previousKey) continue;
    const [currentId, previousId] = [await roundVersionId(db, roundId, key), await roundVersionId(db, before.id, key)];
    if (!currentId || !previousId || currentId === previousId) continue;
    const [current, previous] = [await getDefinition(db, currentId), await getDefinition(db, previousId)];
    const mapping = itemMapping(current, previous);
    onlyItems ??= new Set(allItems(previous).map((i) => i.key));
    const continued = new Set(mapping.continues.values());
    for (const item of allItems(previous)) if (!continued.has(item.key)) onlyItems.delete(item.key);
    const note = mappingNote(mapping);
    if (note) notes.push(`${current.title}, versie ${current.version} tegenover versie ${previous.version}: ${note}`);
  }
  const figures = await regionThemeFigures(db, before.id, scope, onlyItems);
  return { round: before, ...figures, note: notes.length ? `Vergeleken over de vragen die in beide versies staan. ${notes.join(" ")}` : null };
}

/**
 * A municipality's results: its submitted teams together per theme (A–H), its own municipal part
 * (theme I), beside the region and the country, each group as the small-group rule lets the reader see it.
 */
export async function municipalityResults(db: DB, input: { roundId: number; municipalityId: number; regionId: number; reader: Reader }) {
  const own = await scopeFigures(db, input.roundId, { municipalityId: input.municipalityId });
  const region = await regionThemeFigures(db, input.roundId, { regionId: input.regionId });
  const country = await regionThemeFigures(db, input.roundId, {});
  const key = (await getRoundQuestionnaireKey(db, input.roundId, "municipality")) ?? "zelfscan-gemeente";
  const versionId = await roundVersionId(db, input.roundId, key);
  const municipalCounts = await db
    .selectFrom("response")
    .innerJoin("answer", "answer.response_id", "response.id")
    .where("response.round_id", "=", input.roundId)
    .where("response.questionnaire_key", "=", key)
    .where("response.municipality_id", "=", input.municipalityId)
    .where("response.status", "=", "submitted")
    .where("answer.value", "is not", null)
    .select(["answer.item_key", "answer.value", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["answer.item_key", "answer.value"])
    .execute();
  const municipalPart =
    versionId && municipalCounts.length
      ? themeFigures(
          await getDefinition(db, versionId),
          municipalCounts.map((c) => ({ item_key: c.item_key, value: c.value!, n: Number(c.n) })),
        )
      : null;
  const decisions = {
    own: await groupDecision(db, input.roundId, { municipalityId: input.municipalityId }, input.reader, own.teams),
    region: await groupDecision(db, input.roundId, { regionId: input.regionId }, input.reader, region.teams),
    country: await groupDecision(db, input.roundId, {}, input.reader, country.teams),
  };
  return {
    teams: own.teams,
    own: decisions.own.shown ? own.figures : null,
    municipalPart,
    region: decisions.region.shown ? region.figures : null,
    country: decisions.country.shown ? country.figures : null,
    decisions,
    themes: region.figures.length
      ? region.figures.map((f) => ({ theme: f.theme, title: f.title }))
      : own.figures.map((f) => ({ theme: f.theme, title: f.title })),
  };
}

/** Each municipality's own part (theme I) of a region: its submitted answers, one grouped query for the region. */
export async function municipalPartFigures(db: DB, roundId: number, regionId: number): Promise<Map<number, ThemeFigure[]>> {
  const key = (await getRoundQuestionnaireKey(db, roundId, "municipality")) ?? "zelfscan-gemeente";
  const versionId = await roundVersionId(db, roundId, key);
  if (!versionId) return new Map();
  const definition = await getDefinition(db, versionId);
  const rows = await db
    .selectFrom("response")
    .innerJoin("municipality", "municipality.id", "response.municipality_id")
    .innerJoin("answer", "answer.response_id", "response.id")
    .where("response.round_id", "=", roundId)
    .where("response.questionnaire_key", "=", key)
    .where("response.status", "=", "submitted")
    .where("municipality.region_id", "=", regionId)
    .where("answer.value", "is not", null)
    .select(["municipality.id as municipality_id", "answer.item_key", "answer.value", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["municipality.id", "answer.item_key", "answer.value"])
    .execute();
  const byMunicipality = new Map<number, ValueCount[]>();
  for (const r of rows) {
    const list = byMunicipality.get(r.municipality_id) ?? [];
    list.push({ item_key: r.item_key, value: r.value!, n: Number(r.n) });
    byMunicipality.set(r.municipality_id, list);
  }
  return new Map([...byMunicipality].map(([id, counts]) => [id, themeFigures(definition, counts)]));
}
