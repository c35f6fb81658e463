import { text } from "node:stream/consumers";
import type { DashboardView } from "../domain/national-picture.ts";
import { dashboardSheet } from "./dashboard.server.ts";
import { csvStream } from "./spreadsheets.server.ts";

/**
 * A published year as open data (issue 30): JSON with the whole picture (phases per region, the round-table
 * figures, the zelfscan per region under the small-group rule) and CSV with the figures as the dashboard's CSV
 * has them. Both name the licence and the publication date; both come from the publication's snapshot only.
 */

export const OPEN_DATA_LICENCE = { naam: "CC0 1.0 Universeel (publiek domein)", url: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl" };

export function pictureJson(view: DashboardView, publishedAt: string) {
  return {
    jaar: view.year,
    gepubliceerd_op: publishedAt,
    uitgever: "Programma Geweld hoort nergens thuis",
    licentie: OPEN_DATA_LICENCE,
    demo: view.demo,
    aantal_regios: view.outOf,
    fasen: {
      stand_op: view.stand,
      bron: view.phases.source,
      regios: view.phases.map.map((r) => ({ regio: r.name, fase: r.band === null ? null : r.band + 1, omschrijving: r.description })),
      cijfers: view.phases.rows.map((row) => ({ fase: row.label, aantal_regios: row.count, vorig_jaar: row.previous, herkomst: row.provenance })),
    },
    rondetafelgesprekken: view.blocks.map((block) => ({
      onderdeel: block.title,
      bron: block.source,
      cijfers: block.rows.map((row) => ({
        antwoord: row.label,
        aantal_regios: row.count,
        vorig_jaar: row.previous,
        regios: row.regions,
        herkomst: row.provenance,
      })),
    })),
    zelfscan: {
      themas: view.zelfscan.themes.map((t) => ({ thema: t.key, titel: t.title })),
      regios: view.zelfscan.regions.map((r) => ({
        regio: r.name,
        ronde: r.round,
        teams: r.teams,
        ingediend: r.submitted,
        scores: r.themes?.map((t) => ({ thema: t.theme, score: t.score })) ?? null,
        niet_getoond_omdat: r.withheld,
      })),
    },
  };
}

export const pictureCsv = (view: DashboardView) => text(csvStream(dashboardSheet(view)));
