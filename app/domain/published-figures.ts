import { compareDutch } from "./format.ts";

/**
 * What the programme's documents publish about the regions (docs/sources.md): one entry per figure, with
 * the document it comes from. The dashboard compares what it counts with this list and says per figure
 * whether it is the published one; the demo data is made to reproduce every entry, and a test holds it
 * to that. A figure no document gives is the product's own (from the records, the phase log or the
 * zelfscan) or, in the demo, invented, and is marked so.
 */

export type SourceId = "000" | "001" | "002" | "003";

export interface PublishedCount {
  year: number;
  /** The round-table item key, or "fase" for the regions per implementation phase. */
  indicator: string;
  answer: string;
  /** "N van de 28 regio's". */
  count: number;
  source: SourceId;
  /** How the document says it, where that is not obvious from the item. */
  note?: string;
  /** Set when the document does not print the figure but it follows from figures it does print: how. */
  derived?: string;
}

const count = (year: number, indicator: string, answer: string, n: number, source: SourceId, note?: string): PublishedCount => ({
  year,
  indicator,
  answer,
  count: n,
  source,
  ...(note ? { note } : {}),
});
const derived = (year: number, indicator: string, answer: string, n: number, source: SourceId, how: string): PublishedCount => ({
  ...count(year, indicator, answer, n, source),
  derived: how,
});

export const PUBLISHED_COUNTS: PublishedCount[] = [
  // 003, the end report's infographic (2021).
  count(2021, "fase", "preparation", 3, "003"),
  count(2021, "fase", "selfscan", 7, "003"),
  count(2021, "fase", "analysis", 3, "003"),
  count(2021, "fase", "plans", 11, "003"),
  count(2021, "fase", "execution", 4, "003"),
  count(2021, "visie_werken", "ja", 13, "003"),
  count(2021, "visie_inkoop", "ja", 7, "003"),
  count(2021, "visie_regiovisie", "ja", 28, "003"),
  count(2021, "visie_getraind", "ja", 19, "003"),
  count(2021, "teams_inzicht", "ja", 26, "003"),
  // 000, the infographic of the regions in 2020, and 002, the one on the three conditions.
  count(2020, "mda", "structureel", 6, "000"),
  count(2020, "mda", "pilot", 12, "000"),
  count(2020, "mda", "in_ontwikkeling", 7, "000"),
  derived(2020, "mda", "niet", 3, "000", "28 − 6 − 12 − 7"),
  count(2020, "integrale_sturing", "gerealiseerd", 14, "002"),
  count(2020, "visie_regiovisie", "ja", 28, "000"),
  count(2020, "kwaliteitskader_stappen", "ja", 18, "000", "18 van de 28 regio's hebben stappen gezet als het gaat om de implementatie van het kwaliteitskader"),
  count(
    2020,
    "stappen",
    "lokale_teams",
    28,
    "000",
    "28 van de 28 regio's zijn voornemens om in 2021 stappen te zetten ten aanzien van het versterken van de lokale (wijk)teams",
  ),
  // The five bars under that sentence; the third (de visie gefaseerde ketenzorg) is illegible in the
  // document ("2%"), so it is not a published figure.
  count(2020, "stappen", "kennis", 28, "000"),
  count(2020, "stappen", "kwaliteitskader", 25, "000"),
  count(2020, "stappen", "opdracht", 28, "000"),
  count(2020, "stappen", "regiefunctie", 22, "000"),
  count(2019, "mda", "structureel", 5, "000", "gestegen van vijf naar zes"),
];

// The projectenpool "Van denken naar doen": which regions run a project per theme. Region names as the
// documents spell them, mapped to the names in seeds/gemeenten.csv.
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

// 003 prints one list under the heading "Projectenpools 2019 en 2020-2021": one list for those years, not
// one per year. It differs from 001's list of 2019, so it is shown once, in 2021, for the years it covers.
const PROJECTS_2019_2021: Record<string, string[]> = {
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

/**
 * The published lists of regions per project, by the year the dashboard shows them in: 001's for 2019, and
 * 003's single list for the projectenpools 2019 and 2020–2021 once, in 2021 (`covers` says which years).
 */
export const PUBLISHED_PROJECTS: Record<number, { source: SourceId; covers: string | null; projects: Record<string, string[]> }> = {
  2019: { source: "001", covers: null, projects: PROJECTS_2019 },
  2021: { source: "003", covers: "de projectenpools 2019 en 2020–2021", projects: PROJECTS_2019_2021 },
};

/**
 * What a source says happened in a year without giving a count: the demo must not contradict it (at least
 * one region gives that answer that year). "fase" before 2020: the kwaliteitskader was adopted on 21
 * November 2019 and the programme supported the zelfscan from 2020 on, so no region was past voorbereiding.
 */
export const SOURCE_STATEMENTS: { year: number; indicator: string; answer: string; source: SourceId; says: string }[] = [
  { year: 2019, indicator: "knelpunten", answer: "meldingen", source: "001", says: "Aantal meldingen en adviesvragen Veilig Thuis stijgen fors" },
  { year: 2019, indicator: "knelpunten", answer: "doorlooptijden", source: "001", says: "Ook langere doorlooptijden bij de Raad voor de Kinderbescherming" },
  { year: 2019, indicator: "knelpunten", answer: "financiering", source: "001", says: "ervaren tekorten in de jeugd- en Wmo-budgetten" },
  { year: 2020, indicator: "impact", answer: "vertraging", source: "000", says: "vertraging in uitvoering regionale ambities" },
  { year: 2020, indicator: "impact", answer: "aandacht", source: "000", says: "toegenomen publieke aandacht" },
  { year: 2020, indicator: "impact", answer: "samenwerking", source: "000", says: "de verbetering van de samenwerking tussen de betrokken partijen" },
  { year: 2020, indicator: "impact", answer: "bereik", source: "000", says: "nieuwe manieren om (potentiële) slachtoffers te bereiken" },
  { year: 2020, indicator: "knelpunten", answer: "draagvlak", source: "000", says: "organiseren bestuurlijk draagvlak ... vragen veel tijd" },
  { year: 2020, indicator: "knelpunten", answer: "samenwerking", source: "000", says: "inrichten samenwerking op uitvoeringsniveau vragen veel tijd" },
];

/** The phases no region can have been in by the end of a year (the kwaliteitskader came in November 2019). */
export const PHASES_NOT_YET: Record<number, string[]> = { 2019: ["selfscan", "analysis", "plans", "execution"] };

export function publishedCount(year: number, indicator: string, answer: string): PublishedCount | undefined {
  const project = indicator === "projecten" ? PUBLISHED_PROJECTS[year] : undefined;
  if (project) {
    const regions = project.projects[answer];
    return regions
      ? { year, indicator, answer, count: new Set(regions).size, source: project.source, ...(project.covers ? { note: project.covers } : {}) }
      : undefined;
  }
  return PUBLISHED_COUNTS.find((p) => p.year === year && p.indicator === indicator && p.answer === answer);
}

/** The regions a published list names (projects only), sorted as the dashboard lists them. */
export function publishedRegions(year: number, indicator: string, answer: string): string[] | undefined {
  if (indicator !== "projecten") return undefined;
  const regions = PUBLISHED_PROJECTS[year]?.projects[answer];
  return regions ? [...new Set(regions)].sort(compareDutch) : undefined;
}

/** Where a figure comes from, and (for a published count) where the regions behind it come from. */
export type Provenance =
  | { kind: "published"; source: SourceId; regions: RegionsFrom }
  | { kind: "derived"; source: SourceId; how: string; regions: RegionsFrom }
  | { kind: "differs"; source: SourceId; published: number }
  | { kind: "demo" }
  | { kind: "product" };

/** The regions behind a figure: the source's own list, the demo's invention, the product's records, or none. */
export type RegionsFrom = "published" | "demo" | "product" | "none";

/**
 * Where a figure stands against the documents: the published one (same count, and for a project the
 * same regions), derived from published ones, different from them, or not published at all: invented
 * demo data when the database holds the demo, otherwise the product's own figure. A document that gives
 * only a count leaves the regions behind it to the data: in the demo, invented.
 */
export function provenanceOf(figure: { year: number; indicator: string; answer: string; count: number; regions: string[] }, demoData: boolean): Provenance {
  const published = publishedCount(figure.year, figure.indicator, figure.answer);
  if (!published) return demoData ? { kind: "demo" } : { kind: "product" };
  const regions = publishedRegions(figure.year, figure.indicator, figure.answer);
  const same = published.count === figure.count && (!regions || regions.join("|") === [...figure.regions].sort(compareDutch).join("|"));
  if (!same) return { kind: "differs", source: published.source, published: published.count };
  const from: RegionsFrom = regions ? "published" : figure.regions.length === 0 ? "none" : demoData ? "demo" : "product";
  return published.derived
    ? { kind: "derived", source: published.source, how: published.derived, regions: from }
    : { kind: "published", source: published.source, regions: from };
}

/** The words beside a figure. */
export function provenanceLabel(provenance: Provenance): string {
  switch (provenance.kind) {
    case "published":
      return `gepubliceerd, bron ${provenance.source}`;
    case "derived":
      return `afgeleid uit bron ${provenance.source}: ${provenance.how}`;
    case "differs":
      return `wijkt af van het gepubliceerde cijfer ${provenance.published} (bron ${provenance.source})`;
    case "demo":
      return "demo, niet gepubliceerd";
    case "product":
      return "uit deze toepassing";
  }
}

/** Whether the regions listed behind a figure are the demo's invention (said beside the list and on the map). */
export function regionsAreDemo(provenance: Provenance, demoData: boolean): boolean {
  return demoData && !((provenance.kind === "published" || provenance.kind === "derived") && provenance.regions === "published");
}
