import type { DB } from "../db/client.ts";
import { PHASE_KEYS, type PhaseKey } from "../app/domain/phases.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import { ensureRoundTableRound, getOrCreateRoundTable } from "../app/models/rondetafel.server.ts";
import { saveAnswers, submitResponse } from "../app/models/response.server.ts";
import { PUBLISHED_PROJECTS } from "../app/domain/published-figures.ts";
import { DEMO_REGION_PHASES } from "./demo-phases.ts";

/**
 * Demo round tables 2019, 2020 and 2021 for all 28 regions, made so that the dashboard reproduces
 * every figure of app/domain/published-figures.ts exactly (docs/sources.md, sources 000–003):
 *   2021 (003): phases 3/7/3/11/4; visie: 13 werken volgens, 7 inkoop/subsidie, 28 regiovisie,
 *               19 getraind; 26 of 28 with insight in their teams.
 *   2020 (000, 002): MDA++ structureel 6, pilot 12, in ontwikkeling 7; integrale sturing 14 of 28;
 *               visie in the regiovisie 28 of 28; 18 of 28 took steps implementing the kwaliteitskader;
 *               steps intended for 2021: local teams 28, knowledge 28, kwaliteitskader 25, the teams'
 *               assignment 28, case direction 22 (the bar for the visie is illegible: ours).
 *   2019 (000): MDA++ structureel 5.
 *   Projects: exactly the regions the projectenpools list: 001's for 2019, and 003's one list for the pools
 *               of 2019 and 2020–2021 in 2021 (none in 2020: that list is not one of 2020 alone).
 * Everything else (who is where in a distribution, unpublished figures) is an assignment of ours:
 * regions further along the routekaart get the further answers. The dashboard marks those as demo. It
 * never contradicts a source (SOURCE_STATEMENTS, PHASES_NOT_YET): every region is in voorbereiding in
 * 2019 (the kwaliteitskader came in November 2019, support for the zelfscan in 2020); the obstacles 001
 * names for 2019 and the COVID-19 impacts 000 names for 2020 are each given by some regions.
 */

/** Split the ranked regions into consecutive groups of the given sizes. */
function distribute<T extends string>(ranked: string[], groups: [T, number][]): Map<string, T> {
  const out = new Map<string, T>();
  let i = 0;
  for (const [value, size] of groups) for (let k = 0; k < size; k++) out.set(ranked[i++]!, value);
  return out;
}
const first = (ranked: string[], n: number) => new Set(ranked.slice(0, n));
const yesNo = (yes: boolean) => (yes ? "ja" : "nee");
const multi = (values: string[]) => JSON.stringify(values);

interface YearPlan {
  year: number;
  phases: Map<string, PhaseKey>;
  sturing: [string, number][];
  mda: [string, number][];
  visie: { regiovisie: number; getraind: number; inkoop: number; werken: number };
  inzicht: number;
  kwaliteitskaderStappen: number;
  /** How many regions intend steps on each topic; absent: a pattern of ours. */
  stappen?: Record<string, number>;
  ervaring: number;
  projects: Record<string, string[]>;
}

export async function seedDemoRoundTables(db: DB, input: { programma: number; now?: Date }) {
  const regions = await db.selectFrom("region").select(["id", "name"]).orderBy("name").execute();
  const phaseIndex = (name: string) => PHASE_KEYS.indexOf(DEMO_REGION_PHASES[name] ?? "preparation");
  // Furthest along first; the name breaks ties so the order is fixed.
  const ranked = [...regions].sort((a, b) => phaseIndex(b.name) - phaseIndex(a.name) || a.name.localeCompare(b.name, "nl")).map((r) => r.name);
  const earlier = (steps: number) => new Map(ranked.map((name) => [name, PHASE_KEYS[Math.max(0, phaseIndex(name) - steps)]!]));

  const plans: YearPlan[] = [
    {
      year: 2019,
      phases: new Map(ranked.map((name) => [name, "preparation" as PhaseKey])),
      sturing: [
        ["gerealiseerd", 10],
        ["in_voorbereiding", 11],
        ["niet", 7],
      ],
      mda: [
        ["structureel", 5],
        ["pilot", 9],
        ["in_ontwikkeling", 8],
        ["niet", 6],
      ],
      visie: { regiovisie: 24, getraind: 10, inkoop: 2, werken: 5 },
      inzicht: 12,
      kwaliteitskaderStappen: 9,
      ervaring: 6,
      projects: PUBLISHED_PROJECTS[2019]!.projects,
    },
    {
      year: 2020,
      phases: earlier(1),
      sturing: [
        ["gerealiseerd", 14],
        ["in_voorbereiding", 10],
        ["niet", 4],
      ],
      mda: [
        ["structureel", 6],
        ["pilot", 12],
        ["in_ontwikkeling", 7],
        ["niet", 3],
      ],
      visie: { regiovisie: 28, getraind: 15, inkoop: 4, werken: 9 },
      inzicht: 20,
      kwaliteitskaderStappen: 18,
      stappen: { lokale_teams: 28, kennis: 28, kwaliteitskader: 25, visie: 20, opdracht: 28, regiefunctie: 22 },
      ervaring: 10,
      projects: {},
    },
    {
      year: 2021,
      phases: new Map(ranked.map((name) => [name, DEMO_REGION_PHASES[name] ?? "preparation"])),
      sturing: [
        ["gerealiseerd", 17],
        ["in_voorbereiding", 8],
        ["niet", 3],
      ],
      mda: [
        ["structureel", 8],
        ["pilot", 12],
        ["in_ontwikkeling", 6],
        ["niet", 2],
      ],
      visie: { regiovisie: 28, getraind: 19, inkoop: 7, werken: 13 },
      inzicht: 26,
      kwaliteitskaderStappen: 24,
      ervaring: 14,
      projects: PUBLISHED_PROJECTS[2021]!.projects,
    },
  ];

  for (const plan of plans) {
    const roundId = await ensureRoundTableRound(db, plan.year, input.now);
    const sturing = distribute(ranked, plan.sturing);
    const mda = distribute(ranked, plan.mda);
    const regiovisie = first(ranked, plan.visie.regiovisie);
    const getraind = first(ranked, plan.visie.getraind);
    const inkoop = first(ranked, plan.visie.inkoop);
    const werken = first(ranked, plan.visie.werken);
    const inzicht = first(ranked, plan.inzicht);
    const kwaliteitskaderStappen = first(ranked, plan.kwaliteitskaderStappen);
    const stappen = plan.stappen ? Object.entries(plan.stappen).map(([topic, n]) => [topic, first(ranked, n)] as const) : null;
    const ervaring = first(ranked, plan.ervaring);
    for (const [index, region] of regions.entries()) {
      const name = region.name;
      const rank = ranked.indexOf(name);
      const projects = Object.entries(plan.projects)
        .filter(([, names]) => names.includes(name))
        .map(([key]) => key);
      const answers: AnswerMap = {
        integrale_sturing: { value: sturing.get(name)!, comment: null },
        visie_regiovisie: { value: yesNo(regiovisie.has(name)), comment: null },
        visie_getraind: { value: yesNo(getraind.has(name)), comment: null },
        visie_inkoop: { value: yesNo(inkoop.has(name)), comment: null },
        visie_werken: { value: yesNo(werken.has(name)), comment: null },
        mda: { value: mda.get(name)!, comment: null },
        teams_inzicht: { value: yesNo(inzicht.has(name)), comment: null },
        kwaliteitskader_stappen: { value: yesNo(kwaliteitskaderStappen.has(name)), comment: null },
        fase: { value: plan.phases.get(name)!, comment: null },
        ervaringsdeskundigheid: { value: yesNo(ervaring.has(name)), comment: null },
        ervaring_hoe: { value: ervaring.has(name) ? multi(rank % 2 ? ["beleid", "training"] : ["uitvoering", "voorlichting"]) : null, comment: null },
        stappen: {
          value: multi(
            stappen
              ? stappen.filter(([, regions]) => regions.has(name)).map(([topic]) => topic)
              : ["lokale_teams", ...(rank % 2 ? ["kennis"] : ["kwaliteitskader"]), ...(rank % 3 === 0 ? ["regiefunctie"] : [])],
          ),
          comment: null,
        },
        prioriteiten: {
          value: multi([
            ...(sturing.get(name) !== "gerealiseerd" ? ["integrale_sturing"] : []),
            ...(mda.get(name) !== "structureel" ? ["mda"] : []),
            "lokale_infrastructuur",
            ...(rank % 4 === 0 ? ["ouderenmishandeling"] : []),
          ]),
          comment: null,
        },
        knelpunten: {
          value: multi([
            ...(sturing.get(name) !== "gerealiseerd" ? ["draagvlak"] : []),
            ...(rank % 2 === 0 ? ["samenwerking"] : ["meldingen"]),
            ...(rank % 3 === 0 ? ["financiering"] : []),
            ...(rank % 3 === 1 ? ["doorlooptijden"] : []),
          ]),
          comment: null,
        },
        impact: {
          value: multi(plan.year === 2019 ? ["geen"] : ["vertraging", ...(rank % 2 ? ["aandacht"] : ["bereik"]), ...(rank % 3 === 0 ? ["samenwerking"] : [])]),
          comment: null,
        },
        projecten: { value: projects.length ? multi(projects) : null, comment: null },
      };
      const cleaned = Object.fromEntries(Object.entries(answers).filter(([, a]) => a.value !== null));
      const at = new Date(`${plan.year}-09-${String(10 + (index % 18)).padStart(2, "0")}T10:00:00Z`);
      const responseId = await getOrCreateRoundTable(db, { roundId, regionId: region.id, userId: input.programma, now: at });
      const { revision } = await db.selectFrom("response").select("revision").where("id", "=", responseId).executeTakeFirstOrThrow();
      const saved = await saveAnswers(db, { responseId, expectedRevision: revision, answers: cleaned, userId: input.programma, now: at });
      if (!saved.ok) throw new Error("demo round table: save failed");
      const submitted = await submitResponse(db, { responseId, expectedRevision: saved.revision, userId: input.programma, now: at });
      if (!submitted.ok) throw new Error("demo round table: submit failed");
    }
  }
}
