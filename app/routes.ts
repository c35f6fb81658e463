import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// Remix's built-in flat route file names under app/routes/ (no extra routing library).
export default flatRoutes() satisfies RouteConfig;
