import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRegionLead, requireUser } from "../authorization.server.ts";
import { findResponseId } from "../models/response.server.ts";
import { getOrCreateRoundTable, parseYear, ROUND_TABLE_QUESTIONNAIRE, roundTableRound } from "../models/rondetafel.server.ts";
import { responsePath } from "../questionnaire/paths.ts";

// Opens a region's round-table record of a year (starting it on first visit, with the region's phase
// prefilled) and sends the user to it. Programma and the region's own lead only.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const year = parseYear(params.year);
  const round = year ? await roundTableRound(context.db, year) : undefined;
  if (!round) notFound();
  const existing = await findResponseId(context.db, round.id, ROUND_TABLE_QUESTIONNAIRE, { regionId: region.id });
  const id = existing ?? (await getOrCreateRoundTable(context.db, { roundId: round.id, regionId: region.id, userId: user.id }));
  throw redirect(responsePath(id));
}
