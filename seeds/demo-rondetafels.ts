import type { DB } from "../db/client.ts";
import { PHASE_KEYS, type PhaseKey } from "../app/domain/phases.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import { ensureRoundTableRound, getOrCreateRoundTable } from "../app/models/rondetafel.server.ts";
import { saveAnswers, submitResponse } from "../app/models/response.server.ts";
import { DEMO_REGION_PHASES } from "./demo-phases.ts";

/**
 * Demo round tables 2019, 2020 and 2021 for all 28 regions, made so that the dashboard reproduces
 * the programme's published figures exactly (docs/sources.md, sources 000–003):
 *   2021 (003): phases 3/7/3/11/4; visie: 13 werken volgens, 7 inkoop/subsidie, 28 regiovisie,
 *               19 getraind; 26 of 28 with insight in their teams.
 *   2020 (000, 002): MDA++ structureel 6, pilot 12, in ontwikkeling 7; integrale sturing 14 of 28;
 *               visie in the regiovisie 28 of 28; 28 of 28 intend steps on the local teams in 2021.
 *   2019 (000): MDA++ structureel 5.
 *   Projects: exactly the regions the projectenpools list (001 for 2019, 003 for 2020 and 2021).
 * Everything else (who is where in a distribution, unpublished figures) is an assignment of ours:
 * regions further along the routekaart get the further answers.
 */

// Region names as the documents spell them -> the names in seeds/gemeenten.csv.
const PROJECTS_2019: Record<string, string[]> = {
  lokale_teams: ["Friesland", "Groningen", "Hollands-Midden", "IJsselland", "Rotterdam-Rijnmond", "Zuid-Holland Zuid"],
  mda: [
    "Arnhem-Achterhoek",
    "Noord- en Oost-Brabant",
    "West-Brabant",
    "Drenthe",
    "Gelderland-Zuid",
    "IJsselland",
    "Kop van Noord-Holland",
    "Utrecht",
    "Zuid-Limburg",
    "Brabant Zuidoost",
  ],
  ouderenmishandeling: ["Flevoland", "IJsselland", "Zuid-Holland Zuid"],
  plegeraanpak: [
    "Alkmaar-West-Friesland",
    "Arnhem-Achterhoek",
    "West-Brabant",
    "Flevoland",
    "Kop van Noord-Holland",
    "Noord- en Oost-Gelderland",
    "Utrecht",
    "West-Veluwe Vallei",
    "Zuid-Limburg",
  ],
  sociale_steun: ["Drenthe", "Gooi en Vechtstreek", "Noord- en Oost-Gelderland"],
  trauma: [
    "Alkmaar-West-Friesland",
    "Amsterdam-Amstelland",
    "Flevoland",
    "Gooi en Vechtstreek",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Zaanstreek-Waterland",
  ],
  schadelijke_praktijken: ["West-Veluwe Vallei"],
  bespreekbaar: ["Zaanstreek-Waterland", "Zuid-Limburg"],
  visie: ["Alkmaar-West-Friesland", "Amsterdam-Amstelland", "Hart van Brabant", "Kop van Noord-Holland", "Twente", "Zeeland"],
  kinderen_kwetsbaar: ["Brabant Zuidoost"],
  overig: [
    "Alkmaar-West-Friesland",
    "Friesland",
    "Groningen",
    "Haaglanden",
    "Hollands-Midden",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Noord- en Midden-Limburg",
    "Twente",
    "Zaanstreek-Waterland",
  ],
  // "Apeldoorn, Arnhem, Ede en Nijmegen" are municipalities, not one region; left out.
  vrouwenopvang: [
    "Hollands-Midden",
    "IJsselland",
    "Zeeland",
    "Brabant Zuidoost",
    "Alkmaar-West-Friesland",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Zaanstreek-Waterland",
  ],
};

const PROJECTS_2020_2021: Record<string, string[]> = {
  lokale_teams: [
    "Arnhem-Achterhoek",
    "Flevoland",
    "Haaglanden",
    "Hart van Brabant",
    "Hollands-Midden",
    "IJsselland",
    "Noord- en Oost-Gelderland",
    "Rotterdam-Rijnmond",
    "Utrecht",
    "West-Brabant",
    "Zaanstreek-Waterland",
    "Zuid-Limburg",
  ],
  trauma: [
    "Alkmaar-West-Friesland",
    "Amsterdam-Amstelland",
    "Arnhem-Achterhoek",
    "Friesland",
    "Gooi en Vechtstreek",
    "Groningen",
    "Hart van Brabant",
    "Hollands-Midden",
    "IJsselland",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Rotterdam-Rijnmond",
    "Utrecht",
    "West-Brabant",
    "Zaanstreek-Waterland",
    "Zeeland",
    "Zuid-Holland Zuid",
    "Zuid-Limburg",
  ],
  bespreekbaar: [
    "Alkmaar-West-Friesland",
    "Drenthe",
    "Flevoland",
    "Gelderland-Zuid",
    "Kop van Noord-Holland",
    "Twente",
    "West-Veluwe Vallei",
    "Zaanstreek-Waterland",
    "Zuid-Limburg",
  ],
  visie: [
    "Alkmaar-West-Friesland",
    "Drenthe",
    "Friesland",
    "Groningen",
    "IJsselland",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Noord- en Midden-Limburg",
    "Noord- en Oost-Brabant",
    "Twente",
    "Zuid-Limburg",
  ],
  vrouwenopvang: [
    "Alkmaar-West-Friesland",
    "Kennemerland",
    "Kop van Noord-Holland",
    "Zaanstreek-Waterland",
    "Hollands-Midden",
    "IJsselland",
    "Zeeland",
    "Brabant Zuidoost",
  ],
  mda: ["Arnhem-Achterhoek", "West-Veluwe Vallei", "Zaanstreek-Waterland", "Zeeland", "Zuid-Holland Zuid"],
  schadelijke_praktijken: ["West-Veluwe Vallei"],
  plegeraanpak: ["Amsterdam-Amstelland", "Brabant Zuidoost", "Rotterdam-Rijnmond"],
  zorg_veiligheid: ["Noord- en Midden-Limburg", "Zuid-Limburg"],
  ervaringsdeskundigheid: ["Alkmaar-West-Friesland", "Brabant Zuidoost", "Gooi en Vechtstreek", "Hart van Brabant", "Kop van Noord-Holland", "West-Brabant"],
  seksueel_geweld: ["Brabant Zuidoost", "Friesland", "West-Brabant"],
  kinderen_kwetsbaar: ["Haaglanden", "Twente"],
  scheidingen: ["Gelderland-Zuid", "West-Brabant"],
  sturingsinformatie: ["Amsterdam-Amstelland", "Drenthe", "Haaglanden"],
  ouderenmishandeling: ["Kennemerland", "Twente", "West-Veluwe Vallei"],
  overig: ["Amsterdam-Amstelland", "Noord- en Oost-Gelderland", "Zaanstreek-Waterland", "Zuid-Limburg"],
};

export const PUBLISHED_PROJECTS = { 2019: PROJECTS_2019, 2020: PROJECTS_2020_2021, 2021: PROJECTS_2020_2021 } as const;

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
      phases: earlier(2),
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
      ervaring: 6,
      projects: PROJECTS_2019,
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
      inzicht: 18,
      ervaring: 10,
      projects: PROJECTS_2020_2021,
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
      ervaring: 14,
      projects: PROJECTS_2020_2021,
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
        fase: { value: plan.phases.get(name)!, comment: null },
        ervaringsdeskundigheid: { value: yesNo(ervaring.has(name)), comment: null },
        ervaring_hoe: { value: ervaring.has(name) ? multi(rank % 2 ? ["beleid", "training"] : ["uitvoering", "voorlichting"]) : null, comment: null },
        // In 2020 every region intended steps on the local teams in 2021 (000: 28 van de 28).
        stappen: {
          value: multi(["lokale_teams", ...(rank % 2 ? ["kennis"] : ["kwaliteitskader"]), ...(rank % 3 === 0 ? ["regiefunctie"] : [])]),
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
          ]),
          comment: null,
        },
        impact: { value: multi(plan.year === 2019 ? ["geen"] : ["vertraging", ...(rank % 2 ? ["aandacht"] : ["bereik"])]), comment: null },
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
