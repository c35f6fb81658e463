import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Each patch in patches/ changes framework code the production server loads. This proves each is in
// effect there: tests/support/patch-probe.js runs with plain node and NODE_ENV=production (as npm start),
// loads build/server/index.js and the framework modules as that build resolves them, renders the login
// page three times through Remix's request handler and reports what the patches are meant to keep. Each
// expectation below fails when its patch is reverted (decision 77).

interface Probe {
  statuses: number[];
  serverRuntime: { renders: number; sameRouteModules: boolean; loaderGotTheRequest: boolean };
  remixReact: { serverRouteTrees: number };
  reactRouterDom: { dataRouteConversions: number };
  router: { laterRouteFound: boolean };
}

const probe = (): Probe =>
  JSON.parse(
    execFileSync(process.execPath, ["tests/support/patch-probe.js"], {
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
    }),
  ) as Probe;

describe("the framework patches, in the code the production server loads", () => {
  const result = probe();

  it("renders the page each time (the probe went through the real handler and entry)", () => {
    expect(result.statuses).toEqual([200, 200, 200]);
    expect(result.serverRuntime.renders).toBe(3);
  });

  it("@remix-run/server-runtime: every render gets the same route modules object of the build", () => {
    expect(result.serverRuntime.sameRouteModules).toBe(true);
  });

  it("@remix-run/server-runtime: a loader gets the request itself when the address has no index or _routes parameter", () => {
    expect(result.serverRuntime.loaderGotTheRequest).toBe(true);
  });

  it("@remix-run/react: RemixServer builds its React route tree once for three renders", () => {
    expect(result.remixReact.serverRouteTrees).toBe(1);
  });

  it("react-router-dom: createStaticRouter converts the route tree to data routes once for three renders", () => {
    expect(result.reactRouterDom.dataRouteConversions).toBe(1);
  });

  it("@remix-run/router: the matcher keeps its ranked branches per route array", () => {
    expect(result.router.laterRouteFound).toBe(false);
  });
});
