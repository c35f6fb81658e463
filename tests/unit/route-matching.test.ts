import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server matches URLs with @remix-run/router's CommonJS build, which patches/ changes to keep the
// ranked route branches per route array and each path's compiled expression (README decision 35).
// Loaded here as the server loads it, so a wrong cache sends a user to the wrong page in this test.
const { matchPath, matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as typeof import("@remix-run/router");

/** The shape of the app's route tree: a root layout, flat routes below it, a dot kept in a path. */
const tree = (prefix: string): AgnosticRouteObject[] => [
  {
    id: `${prefix}root`,
    path: "",
    children: [
      { id: `${prefix}index`, index: true },
      { id: `${prefix}dashboard`, path: "programma/dashboard" },
      { id: `${prefix}dashboard.csv`, path: "programma/dashboard.csv" },
      { id: `${prefix}section`, path: "vragenlijsten/:responseId/onderdelen/:sectionKey" },
      { id: `${prefix}response`, path: "vragenlijsten/:responseId" },
    ],
  },
];

const leaf = (routes: AgnosticRouteObject[], path: string) => {
  const matches = matchRoutes(routes, path);
  const last = matches?.[matches.length - 1];
  return last ? { id: last.route.id, params: last.params } : null;
};

describe("route matching on the server (patched @remix-run/router)", () => {
  it("finds the same page for a URL however often it is asked, with its own parameters each time", () => {
    const routes = tree("");
    for (let round = 0; round < 3; round++) {
      expect(leaf(routes, "/programma/dashboard")?.id).toBe("dashboard");
      expect(leaf(routes, "/programma/dashboard.csv")?.id).toBe("dashboard.csv");
      expect(leaf(routes, "/")?.id).toBe("index");
      expect(leaf(routes, `/vragenlijsten/${round + 7}/onderdelen/C`)).toEqual({ id: "section", params: { responseId: String(round + 7), sectionKey: "C" } });
      expect(leaf(routes, `/vragenlijsten/${round + 7}`)).toEqual({ id: "response", params: { responseId: String(round + 7) } });
      expect(leaf(routes, "/vragenlijsten/7/onderdelen/C/extra")).toBeNull();
    }
  });

  it("keeps what it learnt per route tree: another tree with the same paths answers with its own routes", () => {
    const first = tree("a:");
    const second = tree("b:");
    expect(leaf(first, "/programma/dashboard.csv")?.id).toBe("a:dashboard.csv");
    expect(leaf(second, "/programma/dashboard.csv")?.id).toBe("b:dashboard.csv");
    expect(leaf(first, "/vragenlijsten/1/onderdelen/A")?.id).toBe("a:section");
    // Paths are matched case-insensitively unless a route asks otherwise, as before the patch.
    expect(leaf(second, "/Programma/Dashboard")?.id).toBe("b:dashboard");
  });

  it("tries only the routes that can match the first segment, and finds what trying every route finds", () => {
    // Paths chosen so that at most one route besides the catch-all can match a URL: the oracle is then trying each
    // route's whole path with the public matchPath, which knows nothing of the patch's shortcut.
    const paths = [
      "teams/:teamId",
      "teams/:teamId/plan",
      "programma/dashboard.csv",
      "bijdrage/:token/onderdelen/:sectionKey",
      ":municipality/cijfers",
      "nl?/over",
      "Hoofdletters/pad",
      "login",
    ];
    const routes: AgnosticRouteObject[] = [
      { id: "root", path: "", children: [{ id: "index", index: true }, ...paths.map((path) => ({ id: path, path })), { id: "catch-all", path: "*" }] },
    ];
    const oracle = (url: string) => {
      const pathname = decodeURIComponent(new URL(url, "http://x").pathname);
      // An optional segment ("nl?") stands for the path with and without it, as the router expands it.
      const variants = (path: string) => (path.includes("?") ? [path.replace(/\?/, ""), path.replace(/^[^/]+\?\//, "")] : [path]);
      const found = paths.filter((path) => variants(path).some((variant) => matchPath({ path: `/${variant}`, end: true }, pathname)));
      expect(found.length).toBeLessThanOrEqual(1);
      return found[0] ?? (pathname === "/" ? "index" : "catch-all");
    };
    const urls = [
      "/",
      "/teams/28",
      "/TEAMS/28",
      "/teams/28/plan",
      "/teams/28/plan/",
      "/teams",
      "/%74eams/28",
      "/téams/28",
      "/programma/dashboard.csv",
      "/programma/dashboardxcsv",
      "/bijdrage/abc/onderdelen/C",
      "/zaanstad/cijfers",
      "/zaanstad/cijfers/",
      "/nl/over",
      "/over",
      "/hoofdletters/pad",
      "/login",
      "/Login",
      "/loginx",
      "//teams/28",
      "/onbekend/pad",
    ];
    for (const url of urls) expect(leaf(routes, url)?.id, url).toBe(oracle(url));
  });
});
