import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/guards.server.ts";
import { roundTableSheets } from "../services/round-table-exports.server.ts";
import { xlsxStream } from "../services/spreadsheets.server.ts";
import { download, notFound } from "../http/http.server.ts";

// All round-table answers as an Excel workbook: "Antwoorden" and "Vragen" (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const sheets = (await roundTableSheets(context.db)) ?? notFound();
  return download(await xlsxStream([sheets.answers, sheets.questions]), "rondetafels.xlsx", "xlsx");
}
