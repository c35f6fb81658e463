import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiProblem } from "../http/http.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { API_VERSION, apiYear } from "../services/public-api.server.ts";

// A published year's whole picture (issue 30); a year not published (or withdrawn) is a problem 404.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const year = parseYear(params.year ?? "");
  if (!year) return apiProblem(400, "Geef het jaar als getal, zoals /api/v1/jaren/2021.", API_VERSION);
  const picture = await apiYear(context.db, year);
  return picture ? apiJson(request, picture, API_VERSION) : apiProblem(404, `Er is geen gepubliceerd landelijk beeld van ${year}.`, API_VERSION);
}
