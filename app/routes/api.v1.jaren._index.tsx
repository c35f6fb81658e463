import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "../http/http.server.ts";
import { API_VERSION, apiYears } from "../services/public-api.server.ts";

// The published years (issue 30).
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiJson(request, await apiYears(context.db, context.config.publicOrigin), API_VERSION);
}
