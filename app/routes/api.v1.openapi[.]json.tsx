import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "../http/http.server.ts";
import { API_VERSION, openApiDocument } from "../services/public-api.server.ts";

// The API's OpenAPI 3.1 description, served by the API itself (NL API Design Rules).
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiJson(request, openApiDocument(context.config.publicOrigin), API_VERSION);
}
