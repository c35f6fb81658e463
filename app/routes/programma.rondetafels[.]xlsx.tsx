import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../authorization.server.ts";
import { answersXlsx } from "../models/exports.server.ts";

// All round-table answers as an Excel workbook (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  return answersXlsx(context.db);
}
