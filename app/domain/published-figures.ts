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
}

const count = (year: number, indicator: string, answer: string, n: number, source: SourceId, note?: string): PublishedCount => ({
  year,
  indicator,
  answer,
  count: n,
  source,
  ...(note ? { note } : {}),
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
  count(2020, "mda", "niet", 3, "000", "afgeleid: 28 − 6 − 12 − 7"),
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

/** The published lists of regions per project (001 for 2019, 003 for 2020 and 2021). */
export const PUBLISHED_PROJECTS: Record<number, { source: SourceId; projects: Record<string, string[]> }> = {
  2019: { source: "001", projects: PROJECTS_2019 },
  2020: { source: "003", projects: PROJECTS_2020_2021 },
  2021: { source: "003", projects: PROJECTS_2020_2021 },
};

export function publishedCount(year: number, indicator: string, answer: string): PublishedCount | undefined {
  const project = indicator === "projecten" ? PUBLISHED_PROJECTS[year] : undefined;
  if (project) {
    const regions = project.projects[answer];
    return regions ? { year, indicator, answer, count: new Set(regions).size, source: project.source } : undefined;
  }
  return PUBLISHED_COUNTS.find((p) => p.year === year && p.indicator === indicator && p.answer === answer);
}

/** The regions a published list names (projects only), sorted as the dashboard lists them. */
export function publishedRegions(year: number, indicator: string, answer: string): string[] | undefined {
  if (indicator !== "projecten") return undefined;
  const regions = PUBLISHED_PROJECTS[year]?.projects[answer];
  return regions ? [...new Set(regions)].sort(compareDutch) : undefined;
}

export type Provenance =
  { kind: "published"; source: SourceId } | { kind: "differs"; source: SourceId; published: number } | { kind: "demo" } | { kind: "product" };

/**
 * Where a figure stands against the documents: the published one (same count, and for a project the
 * same regions), different from it, or not published at all: invented demo data when the database
 * holds the demo, otherwise the product's own figure.
 */
export function provenanceOf(figure: { year: number; indicator: string; answer: string; count: number; regions: string[] }, demoData: boolean): Provenance {
  const published = publishedCount(figure.year, figure.indicator, figure.answer);
  if (!published) return demoData ? { kind: "demo" } : { kind: "product" };
  const regions = publishedRegions(figure.year, figure.indicator, figure.answer);
  const same = published.count === figure.count && (!regions || regions.join("|") === [...figure.regions].sort(compareDutch).join("|"));
  return same ? { kind: "published", source: published.source } : { kind: "differs", source: published.source, published: published.count };
}

/** The words beside a figure; null for the product's own figures, whose source the block names. */
export function provenanceLabel(provenance: Provenance): string | null {
  switch (provenance.kind) {
    case "published":
      return `gepubliceerd, bron ${provenance.source}`;
    case "differs":
      return `wijkt af van het gepubliceerde cijfer ${provenance.published} (bron ${provenance.source})`;
    case "demo":
      return "demo, niet gepubliceerd";
    case "product":
      return null;
  }
}
