import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../authorization.server.ts";
import { answersCsv } from "../models/exports.server.ts";

// All round-table answers as CSV (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  return answersCsv(context.db);
}
