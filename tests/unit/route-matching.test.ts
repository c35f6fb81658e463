import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server matches URLs with @remix-run/router's CommonJS build, which patches/ changes to keep the
// ranked route branches per route array and each path's compiled expression (README decision 35).
// Loaded here as the server loads it, so a wrong cache sends a user to the wrong page in this test.
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as typeof import("@remix-run/router");

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
});
