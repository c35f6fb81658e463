import type { DB } from "../../db/client.ts";
import type { DashboardView } from "../domain/national-picture.ts";
import { publishedPicture, publishedYears } from "../models/publications.server.ts";
import { OPEN_DATA_LICENCE, pictureJson } from "./open-data.server.ts";

/**
 * The read-only API of the published national picture (issue 30), after the NL API Design Rules: versioned
 * path (/api/v1), JSON, Dutch resource names, problem+json errors, paging, and its OpenAPI 3.1 description
 * served by the API itself. Only published snapshots; nothing below region level.
 */

export const API_VERSION = "1.0.0";
export const MAX_PER_PAGE = 50;

export async function apiYears(db: DB, origin: string) {
  const years = await publishedYears(db);
  return {
    data: years.map((y) => ({
      jaar: y.year,
      gepubliceerd_op: y.publishedAt,
      _links: { self: { href: `${origin}/api/v1/jaren/${y.year}` }, regios: { href: `${origin}/api/v1/jaren/${y.year}/regios` } },
    })),
    licentie: OPEN_DATA_LICENCE,
  };
}

export async function apiYear(db: DB, year: number) {
  const published = await publishedPicture(db, year);
  return published ? pictureJson(published.view, published.publishedAt) : undefined;
}

/** One page of a published year's regions: phase and zelfscan per region. */
export function apiRegionsPage(view: DashboardView, publishedAt: string, origin: string, page: number, perPage: number) {
  const all = view.phases.map.map((region) => {
    const zelfscan = view.zelfscan.regions.find((r) => r.name === region.name);
    return {
      regio: region.name,
      fase: region.band === null ? null : region.band + 1,
      zelfscan: zelfscan
        ? {
            ronde: zelfscan.round,
            teams: zelfscan.teams,
            ingediend: zelfscan.submitted,
            scores: zelfscan.themes?.map((t) => ({ thema: t.theme, score: t.score })) ?? null,
            niet_getoond_omdat: zelfscan.withheld,
          }
        : null,
    };
  });
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number) => `${origin}/api/v1/jaren/${view.year}/regios?pagina=${p}&per_pagina=${perPage}`;
  return {
    data: all.slice((page - 1) * perPage, page * perPage),
    gepubliceerd_op: publishedAt,
    paginering: { pagina: page, per_pagina: perPage, totaal: all.length, paginas: pages },
    _links: {
      self: { href: link(page) },
      ...(page > 1 ? { prev: { href: link(page - 1) } } : {}),
      ...(page < pages ? { next: { href: link(page + 1) } } : {}),
    },
  };
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "status"],
  properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
};
const nullableString = { type: ["string", "null"] };
const scores = {
  type: ["array", "null"],
  items: { type: "object", required: ["thema", "score"], properties: { thema: { type: "string" }, score: { type: ["number", "null"] } } },
};
const href = { type: "object", required: ["href"], properties: { href: { type: "string" } } };
const licence = { type: "object", required: ["naam", "url"], properties: { naam: { type: "string" }, url: { type: "string" } } };

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: { 400: "Ongeldige vraag", 404: "Niet gevonden", 429: "Te veel verzoeken" }[s],
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleem" } } },
      },
    ]),
  );
const ok = (schema: string) => ({
  description: "OK",
  headers: { "API-Version": { $ref: "#/components/headers/API-Version" } },
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const yearParameter = { name: "jaar", in: "path", required: true, schema: { type: "integer", minimum: 2000, maximum: 2100 } };

/** The API's OpenAPI 3.1 description. */
export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Landelijk beeld Geweld hoort nergens thuis",
      version: API_VERSION,
      description: "De gepubliceerde landelijke beelden per jaar: fasen per regio, rondetafelgesprekken en de zelfscan per regio. Alleen-lezen, open data.",
      contact: { name: "Programma Geweld hoort nergens thuis", url: `${origin}/contact` },
      license: { name: OPEN_DATA_LICENCE.naam, url: OPEN_DATA_LICENCE.url },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/jaren": { get: { operationId: "getJaren", summary: "De gepubliceerde jaren", responses: { 200: ok("Jaren"), ...problems(429) } } },
      "/jaren/{jaar}": {
        get: {
          operationId: "getJaar",
          summary: "Het landelijk beeld van een jaar",
          parameters: [yearParameter],
          responses: { 200: ok("Jaar"), ...problems(400, 404, 429) },
        },
      },
      "/jaren/{jaar}/regios": {
        get: {
          operationId: "getRegios",
          summary: "De regio's van een jaar, per pagina",
          parameters: [
            yearParameter,
            { name: "pagina", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "per_pagina", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: 10 } },
          ],
          responses: { 200: ok("Regios"), ...problems(400, 404, 429) },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenapi",
          summary: "Deze beschrijving",
          responses: { 200: { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      headers: { "API-Version": { description: "De versie van de API", schema: { type: "string" } } },
      schemas: {
        Probleem: problemSchema,
        Jaren: {
          type: "object",
          required: ["data", "licentie"],
          properties: {
            data: {
              type: "array",
              items: {
                type: "object",
                required: ["jaar", "gepubliceerd_op", "_links"],
                properties: {
                  jaar: { type: "integer" },
                  gepubliceerd_op: { type: "string", format: "date-time" },
                  _links: { type: "object", required: ["self"], properties: { self: href, regios: href } },
                },
              },
            },
            licentie: licence,
          },
        },
        Jaar: {
          type: "object",
          required: ["jaar", "gepubliceerd_op", "uitgever", "licentie", "demo", "aantal_regios", "fasen", "rondetafelgesprekken", "zelfscan"],
          properties: {
            jaar: { type: "integer" },
            gepubliceerd_op: { type: "string" },
            uitgever: { type: "string" },
            licentie: licence,
            demo: { type: "boolean" },
            aantal_regios: { type: "integer" },
            fasen: {
              type: "object",
              required: ["stand_op", "bron", "regios", "cijfers"],
              properties: {
                stand_op: { type: "string" },
                bron: { type: "string" },
                regios: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["regio", "fase"],
                    properties: { regio: { type: "string" }, fase: { type: ["integer", "null"] }, omschrijving: { type: "string" } },
                  },
                },
                cijfers: { type: "array" },
              },
            },
            rondetafelgesprekken: {
              type: "array",
              items: {
                type: "object",
                required: ["onderdeel", "bron", "cijfers"],
                properties: { onderdeel: { type: "string" }, bron: { type: "string" }, cijfers: { type: "array" } },
              },
            },
            zelfscan: {
              type: "object",
              required: ["themas", "regios"],
              properties: {
                themas: { type: "array" },
                regios: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["regio", "scores"],
                    properties: { regio: { type: "string" }, ronde: nullableString, scores, niet_getoond_omdat: nullableString },
                  },
                },
              },
            },
          },
        },
        Regios: {
          type: "object",
          required: ["data", "paginering", "_links"],
          properties: {
            data: {
              type: "array",
              items: {
                type: "object",
                required: ["regio", "fase", "zelfscan"],
                properties: {
                  regio: { type: "string" },
                  fase: { type: ["integer", "null"] },
                  zelfscan: {
                    type: ["object", "null"],
                    properties: {
                      ronde: nullableString,
                      teams: { type: "integer" },
                      ingediend: { type: "integer" },
                      scores,
                      niet_getoond_omdat: nullableString,
                    },
                  },
                },
              },
            },
            gepubliceerd_op: { type: "string" },
            paginering: {
              type: "object",
              required: ["pagina", "per_pagina", "totaal", "paginas"],
              properties: { pagina: { type: "integer" }, per_pagina: { type: "integer" }, totaal: { type: "integer" }, paginas: { type: "integer" } },
            },
            _links: { type: "object", required: ["self"], properties: { self: href, prev: href, next: href } },
          },
        },
      },
    },
  };
}
