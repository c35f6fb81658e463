import type { DB } from "../../db/client.ts";
import { formatDate, plural } from "../domain/format.ts";
import { PHASES, phaseIndex } from "../domain/phases.ts";
import { PUBLISHED_PROJECTS, provenanceLabel, provenanceOf, regionsAreDemo } from "../domain/published-figures.ts";
import { isDemoData } from "../models/app-settings.server.ts";
import { phasePicture, yearFigures, zelfscanPicture, type PhasePicture, type YearFigures } from "../models/dashboard.server.ts";
import { rowsOf as sheetRows, type Sheet } from "./spreadsheets.server.ts";
import type { DashboardBlock, DashboardView, FigureRow } from "../domain/national-picture.ts";

// The national dashboard of a year, put together once for the page and its CSV: the round-table
// figures, the phases from both sources, the zelfscan from the product, and per figure where it comes
// from and whether it is a published one.

type BlockSpec = { id: string; title: string; indicators: string[]; onlyYes?: boolean };

// The infographic's groups, in its order; a yes/no question shows as the number of regions that said yes.
const ROUND_TABLE_BLOCKS: BlockSpec[] = [
  { id: "sturing", title: "Integrale sturing", indicators: ["integrale_sturing"] },
  {
    id: "visie",
    title: "Visie Gefaseerd samenwerken aan veiligheid",
    indicators: ["visie_werken", "visie_inkoop", "visie_regiovisie", "visie_getraind"],
    onlyYes: true,
  },
  { id: "mda", title: "MDA++", indicators: ["mda"] },
  { id: "teams", title: "Versterken lokale (wijk)teams en het kwaliteitskader", indicators: ["teams_inzicht", "kwaliteitskader_stappen"], onlyYes: true },
  { id: "ervaring", title: "Ervaringsdeskundigheid", indicators: ["ervaringsdeskundigheid", "ervaring_hoe"], onlyYes: true },
  { id: "stappen", title: "Stappen voor het komende jaar", indicators: ["stappen"] },
  { id: "prioriteiten", title: "Prioritaire thema's", indicators: ["prioriteiten"] },
  { id: "knelpunten", title: "Knelpunten", indicators: ["knelpunten"] },
  { id: "impact", title: "Impact van COVID-19 en andere gebeurtenissen", indicators: ["impact"] },
  { id: "projecten", title: "Projecten uit de projectenpool", indicators: ["projecten"] },
];

/** A figure's provenance, in words, and whether the regions behind it are demo. */
function origin(demo: boolean, figure: Parameters<typeof provenanceOf>[0]) {
  const provenance = provenanceOf(figure, demo);
  return { provenance: provenanceLabel(provenance), regionsDemo: figure.regions.length > 0 && regionsAreDemo(provenance, demo) };
}

function phaseBlock(picture: PhasePicture, previous: PhasePicture | null, outOf: number, demo: boolean, stand: string): DashboardView["phases"] {
  const { log, record, none } = picture.perSource;
  const parts = [
    log ? `de faseregistratie in deze toepassing voor ${plural(log, "regio", "regio's")} (stand op ${stand})` : null,
    record ? `het rondetafelverslag ${picture.year} voor ${plural(record, "regio", "regio's")}` : null,
  ].filter(Boolean);
  const source = `Bron: ${parts.length ? parts.join(", ") : "geen"}${none ? `; van ${plural(none, "regio", "regio's")} is de fase in ${picture.year} niet bekend` : ""}.`;
  const rows: FigureRow[] = PHASES.map((phase) => {
    const regions = picture.regions.filter((r) => r.phase === phase.key).map((r) => r.name);
    return {
      key: `fase-${phase.key}`,
      label: phase.label,
      count: picture.perPhase[phase.key],
      previous: previous ? previous.perPhase[phase.key] : null,
      regions,
      ...origin(demo, { year: picture.year, indicator: "fase", answer: phase.key, count: picture.perPhase[phase.key], regions }),
    };
  });
  // Every region is counted: one with neither a registration nor a record is named as such.
  const unknown = picture.regions.filter((r) => r.phase === null).map((r) => r.name);
  if (unknown.length || (previous && previous.perSource.none)) {
    rows.push({
      key: "fase-onbekend",
      label: "Fase niet bekend (geen registratie of verslag)",
      count: unknown.length,
      previous: previous ? previous.perSource.none : null,
      regions: unknown,
      provenance: "uit deze toepassing",
      regionsDemo: false,
    });
  }
  const sourceWord = { log: "faseregistratie", record: "rondetafelverslag" } as const;
  return {
    id: "fase",
    title: "Fasen van implementatie van het kwaliteitskader",
    rows,
    source,
    sourceShort: `faseregistratie (${log}), rondetafelverslag (${record})`,
    map: picture.regions.map((r) => {
      const i = r.phase ? phaseIndex(r.phase) : -1;
      return {
        name: r.name,
        band: i >= 0 ? i : null,
        value: i >= 0 ? String(i + 1) : "?",
        description: r.phase ? `${PHASES[i]!.label} (${sourceWord[r.source!]})` : "fase niet bekend",
      };
    }),
    lists: [
      ...PHASES.map((phase, i) => ({
        label: `${i + 1}. ${phase.label}`,
        names: picture.regions.filter((r) => r.phase === phase.key).map((r) => (r.source === "record" ? `${r.name} (verslag)` : r.name)),
      })),
      ...(unknown.length ? [{ label: "Fase niet bekend", names: unknown }] : []),
    ],
    regionsDemo: rows.some((r) => r.regionsDemo),
  };
}

function roundTableBlock(spec: BlockSpec, current: YearFigures, previous: YearFigures | null, demo: boolean): DashboardBlock {
  // A published list that covers several years is shown once: beside it, no previous year to compare with.
  const covers = spec.indicators.includes("projecten") ? PUBLISHED_PROJECTS[current.year]?.covers : null;
  return {
    id: spec.id,
    title: spec.title,
    rows: current.figures
      .filter((f) => spec.indicators.includes(f.indicator) && (!spec.onlyYes || f.answer !== "nee"))
      .map((f) => ({
        key: `${f.indicator}-${f.answer}`,
        label: f.answer === "ja" ? f.indicatorText : f.answerLabel,
        count: f.count,
        previous: previous && !covers ? (previous.figures.find((p) => p.indicator === f.indicator && p.answer === f.answer)?.count ?? 0) : null,
        regions: f.regions,
        ...origin(demo, { year: current.year, indicator: f.indicator, answer: f.answer, count: f.count, regions: f.regions }),
      })),
    source:
      `Bron: de ingediende rondetafelverslagen ${current.year} (${current.responded} van de ${current.outOf} regio's).` +
      (covers
        ? ` De gepubliceerde lijst (bron ${PUBLISHED_PROJECTS[current.year]!.source}) is één lijst voor ${covers}; ze staat hier één keer, bij ${current.year}.`
        : ""),
    sourceShort: "rondetafelverslagen",
  };
}

export async function dashboardView(db: DB, year: number, now = new Date()): Promise<DashboardView> {
  const [current, previous, phases, previousPhases, zelfscan, demo] = await Promise.all([
    yearFigures(db, year),
    yearFigures(db, year - 1),
    phasePicture(db, year, now),
    phasePicture(db, year - 1, now),
    zelfscanPicture(db, year, now),
    isDemoData(db),
  ]);
  const outOf = phases.regions.length;
  // The end of a past year is midnight in Amsterdam, which formats as 1 January: name the last day instead.
  const stand = formatDate(phases.live ? phases.until : `${year}-12-31T12:00:00.000Z`);
  const previousHasData = previousPhases.perSource.none < previousPhases.regions.length;
  const themes = new Map<string, string>();
  for (const region of zelfscan) for (const t of region.themes ?? []) themes.set(t.theme, t.title);
  return {
    year,
    previousYear: previous || previousHasData ? year - 1 : null,
    outOf,
    demo,
    stand,
    live: phases.live,
    responded: current?.responded ?? null,
    phases: phaseBlock(phases, previousHasData ? previousPhases : null, outOf, demo, stand),
    // A block no region answered that year (every count 0) was not asked or not recorded: it is left out, not shown as 0 of 28.
    blocks: current ? ROUND_TABLE_BLOCKS.map((spec) => roundTableBlock(spec, current, previous, demo)).filter((b) => b.rows.some((r) => r.count > 0)) : [],
    zelfscan: {
      regions: zelfscan,
      themes: [...themes].map(([key, title]) => ({ key, title })).sort((a, b) => a.key.localeCompare(b.key)),
      shown: zelfscan.filter((r) => r.themes).length,
      withViews: zelfscan.reduce((n, r) => n + r.withViews, 0),
    },
  };
}

/** The dashboard's figures as a sheet: one row per figure, with its source and its provenance. */
export function dashboardSheet(view: DashboardView): Sheet {
  const blocks = [view.phases, ...view.blocks];
  const rows = blocks.flatMap((block) =>
    block.rows.map((row) => [
      block.title,
      row.label,
      view.year,
      row.count,
      view.outOf,
      block.sourceShort,
      row.provenance,
      row.regionsDemo ? `demo: ${row.regions.join(", ")}` : row.regions.join(", "),
    ]),
  );
  return {
    name: `Dashboard ${view.year}`,
    columns: [
      { header: "Onderdeel", width: 40 },
      { header: "Antwoord", width: 50 },
      { header: "Jaar", type: "number", width: 8 },
      { header: "Aantal regio's", type: "number", width: 14 },
      { header: "Van de regio's", type: "number", width: 14 },
      { header: "Bron", width: 30 },
      { header: "Herkomst", width: 40 },
      { header: "Regio's", width: 60 },
    ],
    rows: sheetRows(rows, (r) => r),
  };
}
