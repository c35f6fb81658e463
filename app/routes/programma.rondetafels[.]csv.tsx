import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/guards.server.ts";
import { roundTableSheets } from "../services/round-table-exports.server.ts";
import { csvStream } from "../services/spreadsheets.server.ts";
import { download, notFound } from "../http/http.server.ts";

// All round-table answers as CSV, one row per region and year (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const sheets = (await roundTableSheets(context.db)) ?? notFound();
  return download(csvStream(sheets.answers), "rondetafels.csv", "csv");
}
