import { apiProblem } from "../http/http.server.ts";
import { API_VERSION } from "../services/public-api.server.ts";

// Anything else under /api/v1: a problem 404 in JSON, not the HTML page.
export function loader() {
  return apiProblem(404, "Deze bron bestaat niet. Zie /api/v1/openapi.json.", API_VERSION);
}
