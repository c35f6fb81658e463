import type { ThemeFigure } from "./scoring.ts";

// The national picture of a year as the pages show it (programma's dashboard, live) and as it is published
// (a snapshot of this very shape, issue 30): put together by app/services/dashboard.server.ts.

/** One figure of a block (the shape components/FigureBlock.tsx shows). */
export interface FigureRow {
  key: string;
  label: string;
  count: number;
  previous: number | null;
  regions: string[];
  /** Where the figure comes from: "gepubliceerd, bron 003", "afgeleid uit bron 000: …", "uit deze toepassing", "demo, niet gepubliceerd". */
  provenance: string;
  /** The regions behind the figure are the demo's invention (a published count does not say which regions). */
  regionsDemo: boolean;
}

/** One region's tile (the shape components/RegionMap.tsx draws): a band 0..4 or none, its value, in words. */
export interface MapRegion {
  name: string;
  band: number | null;
  value: string;
  description: string;
}

export interface DashboardBlock {
  id: string;
  title: string;
  rows: FigureRow[];
  /** The line under the block: where its figures come from. */
  source: string;
  /** For the CSV: the data source of the block's figures. */
  sourceShort: string;
}

export interface DashboardView {
  year: number;
  previousYear: number | null;
  outOf: number;
  demo: boolean;
  /** "1 december 2026" or "31 december 2021": the moment the phases stand on. */
  stand: string;
  live: boolean;
  /** Submitted round-table records of the year (null: no round table that year). */
  responded: number | null;
  /** The phases, with the map and lists of regions; `regionsDemo`: which region is in which phase is the demo's invention. */
  phases: DashboardBlock & { map: MapRegion[]; lists: { label: string; names: string[] }[]; regionsDemo: boolean };
  blocks: DashboardBlock[];
  zelfscan: { regions: RegionZelfscan[]; themes: { key: string; title: string }[]; shown: number; withViews: number };
}

export type ThemeScore = Pick<ThemeFigure, "theme" | "title" | "score">;

export interface RegionZelfscan {
  name: string;
  /** The zelfscan round the region's cycle was on at the moment, if any. */
  round: string | null;
  teams: number;
  submitted: number;
  /** Themes A to I with their scores (only what the dashboard shows); null under the small-group rule (fewer than 3 submitted teams). */
  themes: ThemeScore[] | null;
  /** Why the scores are missing, in words (the small-group rule's reason), or null when they are shown. */
  withheld: string | null;
  /** Teams whose professionals' view is shown (3 or more of them answered). */
  withViews: number;
}
