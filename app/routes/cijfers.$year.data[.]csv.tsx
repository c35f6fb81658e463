import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, publicData } from "../http/http.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { publishedPicture } from "../models/publications.server.ts";
import { OPEN_DATA_LICENCE, pictureCsv } from "../services/open-data.server.ts";

// A published year's figures as CSV, for anyone (issue 30): only the publication's snapshot.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const year = parseYear(params.year ?? "");
  const published = year ? await publishedPicture(context.db, year) : undefined;
  if (!published) notFound();
  return publicData(request, await pictureCsv(published!.view), "csv", OPEN_DATA_LICENCE.url);
}
