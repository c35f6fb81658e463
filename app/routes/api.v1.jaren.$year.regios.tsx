import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiProblem } from "../http/http.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { publishedPicture } from "../models/publications.server.ts";
import { API_VERSION, apiRegionsPage, MAX_PER_PAGE } from "../services/public-api.server.ts";

// A published year's regions, a page at a time (issue 30): ?pagina=1&per_pagina=10 (at most 50).
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const year = parseYear(params.year ?? "");
  const query = new URL(request.url).searchParams;
  const page = Number(query.get("pagina") ?? "1");
  const perPage = Number(query.get("per_pagina") ?? "10");
  if (!year) return apiProblem(400, "Geef het jaar als getal, zoals /api/v1/jaren/2021/regios.", API_VERSION);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return apiProblem(400, `pagina is een geheel getal vanaf 1, per_pagina een geheel getal van 1 tot en met ${MAX_PER_PAGE}.`, API_VERSION);
  }
  const published = await publishedPicture(context.db, year);
  if (!published) return apiProblem(404, `Er is geen gepubliceerd landelijk beeld van ${year}.`, API_VERSION);
  const body = apiRegionsPage(published.view, published.publishedAt, context.config.publicOrigin, page, perPage);
  if (page > body.paginering.paginas) return apiProblem(404, `Pagina ${page} bestaat niet: er zijn ${body.paginering.paginas} pagina's.`, API_VERSION);
  return apiJson(request, body, API_VERSION);
}
