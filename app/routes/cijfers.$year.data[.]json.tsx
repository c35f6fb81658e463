import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, publicData } from "../http/http.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { publishedPicture } from "../models/publications.server.ts";
import { OPEN_DATA_LICENCE, pictureJson } from "../services/open-data.server.ts";

// A published year's national picture as JSON, for anyone (issue 30): only the publication's snapshot.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const year = parseYear(params.year ?? "");
  const published = year ? await publishedPicture(context.db, year) : undefined;
  if (!published) notFound();
  return publicData(request, JSON.stringify(pictureJson(published!.view, published!.publishedAt), null, 2), "json", OPEN_DATA_LICENCE.url);
}
