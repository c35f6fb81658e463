import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of app/ and who may import whom (docs/architecture.md explains them). A module may
 * import its own layer and the layers listed for it; a new folder in app/ must be given a layer here.
 * A file's layer is its folder, never its name. Imports are read with TypeScript's own parser (static,
 * dynamic and type-only imports and re-exports alike), in app/, db/, seeds/, scripts/ and server.ts.
 */

type Layer = "domain" | "ui" | "models" | "auth" | "services" | "http" | "server" | "routes";

function layerOf(path: string): Layer | "db" | "seeds" | "schema" | "other" {
  if (path === "db/schema.ts") return "schema";
  if (path.startsWith("db/")) return "db";
  if (path.startsWith("seeds/")) return "seeds";
  // The questionnaire engine's React parts (its pages' forms, each item type's field) are ui.
  if ((path.startsWith("app/questionnaire/") && path.endsWith(".tsx")) || path.startsWith("app/components/")) return "ui";
  if (path.startsWith("app/domain/") || path.startsWith("app/forms/") || path.startsWith("app/questionnaire/")) return "domain";
  if (path.startsWith("app/models/")) return "models";
  if (path.startsWith("app/auth/")) return "auth";
  if (path.startsWith("app/services/")) return "services";
  if (path === "app/http/http.server.ts" || path === "app/http/form.server.ts") return "http";
  if (path.startsWith("app/server/")) return "server";
  if (path.startsWith("app/routes/") || ["app/root.tsx", "app/entry.server.tsx", "app/routes.ts"].includes(path)) return "routes";
  return "other";
}

/** What each layer may import besides itself (db/schema.ts holds types only: every layer may use them). */
const MAY_IMPORT: Record<Layer, string[]> = {
  // Pure rules and the questionnaire engine: no I/O, importable in the browser.
  domain: ["schema"],
  // React components: pure rules, no data access.
  ui: ["domain", "schema"],
  // Queries, each taking the database first; no HTTP, no sessions, no use cases.
  models: ["domain", "db", "schema"],
  // Sign-in, sessions, guards: the guards load records through models and answer with HTTP.
  auth: ["domain", "models", "http", "schema"],
  // Use cases that span models; no HTTP.
  services: ["domain", "models", "db", "schema"],
  // The HTTP edge the routes share (forms, downloads, 404s).
  http: ["domain", "schema"],
  // The server's plumbing: configuration, middleware, mail, start-up.
  server: ["domain", "models", "auth", "services", "http", "db", "seeds", "schema"],
  // Routes: guard, then a model or service, then render. Never SQL, never another route.
  routes: ["domain", "ui", "models", "auth", "services", "http", "server", "schema"],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const root = process.cwd();
/** Every module a file imports or re-exports from, as written, found by TypeScript's pre-processor. */
const importsOf = (file: string) => ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);

const appFiles = filesUnder("app");

describe("the layers of app/", () => {
  it("every module is in a layer", () => {
    expect(appFiles.filter((f) => layerOf(f) === "other")).toEqual([]);
  });

  it("imports only go the allowed ways", () => {
    const wrong: string[] = [];
    for (const file of appFiles) {
      const from = layerOf(file) as Layer;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) {
          // Packages: the database drivers belong to db/ and models; React's server renderer to the server entry.
          if (/^(kysely|better-sqlite3|pg)$/.test(spec) && !["models", "services"].includes(from)) wrong.push(`${file} imports ${spec}`);
          continue;
        }
        const target = relative(root, resolve(dirname(file), spec.split("?")[0]!));
        if (/\.css$/.test(target)) continue;
        const to = layerOf(target);
        if (to === from && !(from === "routes" && target.startsWith("app/routes/"))) continue;
        if (!(MAY_IMPORT[from] as string[]).includes(to)) wrong.push(`${file} (${from}) imports ${target} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a route never imports another route, and a browser module never a server module", () => {
    const wrong: string[] = [];
    for (const file of appFiles) {
      for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
        const target = relative(root, resolve(dirname(file), spec));
        if (file.startsWith("app/routes/") && target.startsWith("app/routes/")) wrong.push(`${file} imports ${target}`);
        if (["domain", "ui"].includes(layerOf(file)) && /\.server\.tsx?$/.test(target)) wrong.push(`${file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("db/ and the seeds never import routes, and db/ imports no app code at all", () => {
    const wrong = [...filesUnder("db"), ...filesUnder("seeds")].flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith("."))
        .map((s) => relative(root, resolve(dirname(file), s)))
        .filter((target) => target.startsWith("app/routes/") || (file.startsWith("db/") && target.startsWith("app/")))
        .map((target) => `${file} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("scripts/ and the server entry use the app's layers but never a route", () => {
    const wrong = [...filesUnder("scripts"), "server.ts"].flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith("."))
        .map((s) => relative(root, resolve(dirname(file), s.split("?")[0]!)))
        .filter((target) => layerOf(target) === "routes" || target.startsWith("tests/"))
        .map((target) => `${file} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the parser sees every kind of import (a check of this test itself)", () => {
    const source = 'import a from "./a.ts";\nimport type { B } from "./b.ts";\nexport { c } from "./c.ts";\nconst d = await import("./d.ts");';
    expect(ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName)).toEqual(["./a.ts", "./b.ts", "./c.ts", "./d.ts"]);
  });

  it("every route module fits in 200 lines: a page that does more is split by what it does", () => {
    const long = filesUnder("app/routes")
      .map((file) => ({ file, lines: readFileSync(file, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > 200);
    expect(long).toEqual([]);
  });

  it("only the config module reads the environment (and the supervisor, which must not load the settings' checks)", () => {
    const readers = [...appFiles, ...filesUnder("db"), ...filesUnder("seeds"), "server.ts"].filter((f) => /process\.env/.test(readFileSync(f, "utf8")));
    // The supervisor reads NODE_ENV and WEB_CONCURRENCY raw, to decide whether it supervises at all, and tells its
    // children their part; the process that serves checks the same settings in full (decision 94).
    expect(readers.sort()).toEqual(["app/server/config.server.ts", "app/server/supervisor.server.ts"]);
  });
});
