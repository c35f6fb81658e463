import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "../http/http.server.ts";
import { API_VERSION } from "../services/public-api.server.ts";

// The API's entry (issue 30): where its description and its resources are.
export function loader({ request, context }: LoaderFunctionArgs) {
  const origin = context.config.publicOrigin;
  return apiJson(request, { _links: { openapi: { href: `${origin}/api/v1/openapi.json` }, jaren: { href: `${origin}/api/v1/jaren` } } }, API_VERSION);
}
