import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "../authorization.server.ts";
import { yearFigures } from "../models/dashboard.server.ts";
import { figuresCsv } from "../models/exports.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";

// The dashboard's figures of a year as CSV (programma only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const year = parseYear(new URL(request.url).searchParams.get("jaar"));
  const figures = year ? await yearFigures(context.db, year) : null;
  if (!figures) notFound();
  return figuresCsv(figures);
}
