import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/guards.server.ts";
import { dashboardYears } from "../models/dashboard.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { dashboardSheet, dashboardView } from "../services/dashboard.server.ts";
import { csvStream } from "../services/spreadsheets.server.ts";
import { download, notFound } from "../http/http.server.ts";

// The dashboard's figures of a year as CSV (programma only), each with its source and provenance.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const now = new Date();
  const year = parseYear(new URL(request.url).searchParams.get("jaar"));
  if (!year || !(await dashboardYears(context.db, now)).includes(year)) notFound();
  const view = await dashboardView(context.db, year, now);
  return download(csvStream(dashboardSheet(view)), `dashboard-${year}.csv`, "csv");
}
