// Run by tests/e2e/patches.test.ts with plain `node` and NODE_ENV=production, as `npm start` runs the
// server: it loads the production build (build/server/index.js) and the framework modules exactly as
// that build resolves them (Node's resolution from the build's folder, not Vite's or vitest's), then
// asks each patch in patches/ whether it is in effect there. It prints one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const buildFile = resolve("build/server/index.js");
const build = await import(pathToFileURL(buildFile).href);
// The modules as the build's own imports reach them: "@remix-run/node" from the build, the rest from
// the package that requires them. Node keeps one instance of each file, so these are the server's.
const fromBuild = createRequire(buildFile);
const fromNode = createRequire(fromBuild.resolve("@remix-run/node"));
const fromReact = createRequire(fromBuild.resolve("@remix-run/react"));
const fromReactRouterDom = createRequire(fromReact.resolve("react-router-dom/server"));
const { createRequestHandler } = fromBuild("@remix-run/node");
const remixReactRoutes = fromReact("./routes.js"); // beside @remix-run/react's dist/index.js, as its server.js requires it
const routerAsRendered = fromReactRouterDom("@remix-run/router");
const routerAsMatched = createRequire(fromNode.resolve("@remix-run/server-runtime"))("@remix-run/router");

// Count the calls a render makes to what each patch is meant to make once per build.
let serverRouteTrees = 0;
const createServerRoutes = remixReactRoutes.createServerRoutes;
remixReactRoutes.createServerRoutes = (...args) => {
  serverRouteTrees++;
  return createServerRoutes(...args);
};
let dataRouteConversions = 0;
const convert = routerAsRendered.UNSAFE_convertRoutesToDataRoutes;
routerAsRendered.UNSAFE_convertRoutesToDataRoutes = (...args) => {
  dataRouteConversions++;
  return convert(...args);
};

// The route modules object each render gets, through the production entry (wrapped, not replaced).
const routeModulesSeen = [];
const entry = build.entry.module.default;
// And the request the login page's loader gets: the one the handler was given, when the address has no
// index or _routes parameter (the unpatched runtime made two copies of it for every loader).
const loaderRequests = [];
const login = build.routes["routes/login"];
const routes = {
  ...build.routes,
  "routes/login": {
    ...login,
    module: {
      ...login.module,
      loader: (args) => {
        loaderRequests.push(args.request);
        return login.module.loader(args);
      },
    },
  },
};
const observedBuild = {
  ...build,
  routes,
  entry: {
    module: {
      ...build.entry.module,
      default: (request, status, headers, context, loadContext) => {
        routeModulesSeen.push(context.routeModules);
        return entry(request, status, headers, context, loadContext);
      },
    },
  },
};
const handle = createRequestHandler(observedBuild, "production");
// The pages read the database (the root asks whether this is a demo installation): a fresh empty one,
// made by the compiled start-up code the production server runs.
const dir = mkdtempSync(join(tmpdir(), "wav-probe-"));
const { prepareDatabase } = await import(pathToFileURL(resolve("build/node/app/server/bootstrap.server.js")).href);
const { db } = await prepareDatabase({ databasePath: join(dir, "probe.db"), seedDemo: false });
const loadContext = { db, config: { sessionIdleMinutes: 30 }, cspNonce: "probe" };
const statuses = [];
const requests = [];
for (let i = 0; i < 3; i++) {
  requests.push(new Request("http://localhost/login"));
  const response = await handle(requests[i], loadContext);
  statuses.push(response.status);
  await response.text();
}

await db.destroy();
rmSync(dir, { recursive: true, force: true });

// @remix-run/router keeps the ranked branches per route array: a route added to an array after a first
// match is not seen (the server's arrays never change), where the unpatched matcher would find it.
const matchedRoutes = [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }];
routerAsMatched.matchRoutes(matchedRoutes, "/a");
matchedRoutes[0].children.push({ id: "b", path: "b" });
const laterRouteFound = routerAsMatched.matchRoutes(matchedRoutes, "/b") !== null;

console.log(
  JSON.stringify({
    statuses,
    serverRuntime: {
      renders: routeModulesSeen.length,
      sameRouteModules: routeModulesSeen.every((m) => m === routeModulesSeen[0]),
      loaderGotTheRequest: loaderRequests.length === 3 && loaderRequests.every((r, i) => r === requests[i]),
    },
    remixReact: { serverRouteTrees },
    reactRouterDom: { dataRouteConversions },
    router: { laterRouteFound },
  }),
);
