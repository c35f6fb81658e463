import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/guards.server.ts";
import { yearFigures } from "../models/dashboard.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { figuresSheet } from "../services/round-table-exports.server.ts";
import { csvStream } from "../services/spreadsheets.server.ts";
import { download, notFound } from "../server/http.server.ts";

// The dashboard's figures of a year as CSV (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const year = parseYear(new URL(request.url).searchParams.get("jaar"));
  const figures = year ? await yearFigures(context.db, year) : null;
  if (!figures) notFound();
  return download(csvStream(figuresSheet(figures)), `dashboard-${figures.year}.csv`, "csv");
}
