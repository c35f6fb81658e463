// First: refuse an unsupported Node before a native addon is loaded.
import "../../app/server/node-version.ts";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../../db/client.ts";
import { copyDatabase } from "../../db/copy.ts";
import { startPostgres, type PostgresServer } from "../postgres-server.ts";
import { generate, NATIONAL, TEN_TIMES, type Generated, type Scale } from "./generate.ts";
import { productionServerArgs, startProductionServer, startServer, stopServer, workerPids, type ServerProcess } from "../start-command.ts";
import { BROWSER_HEADERS, openLoop, type OpenLoopRequest } from "./open-loop.ts";
import { lighthouseScores, type LighthouseScores } from "./lighthouse.ts";
import { browserTransfers } from "./transfer.ts";

/**
 * `npm run bench`: national-scale data; the production server started as `npm start` starts it (its
 * request log on), on 127.0.0.1; throughput with autocannon at 50 connections, and latency at a fixed
 * arrival rate, open loop (./open-loop.ts); the node:http baseline (./baseline.ts), in its own process
 * like the product, for scenarios 1 and 2; payload sizes; budgets pass/fail. Each figure is the median
 * of `runs` runs, each on a fresh copy of the generated database. Stops by itself and leaves no
 * process behind.
 */

export interface BenchOptions {
  runs: number;
  /** Length of each measurement. */
  seconds: number;
  /** What the product runs on: its SQLite file (the default), or a PostgreSQL server the benchmark starts. */
  database?: "sqlite" | "postgres";
  /** Instances of the product on the one PostgreSQL database, as behind a proxy (PostgreSQL only). */
  instances?: number;
  /** Data to measure the region results and the dashboard on as well, to compare with (10x against national). */
  reference?: Scale;
  /**
   * A built checkout of an earlier release (`BENCH_EARLIER=<dir>`): its browser-like flows are measured in the same
   * runs, on data its own generator makes, so the CPU per flow compares on the same day (issue 28: at most 60%).
   */
  earlier?: string;
}
/** Lighthouse's HTML reports, one per page (git ignores the directory). */
const LIGHTHOUSE_REPORTS = "lighthouse-reports";

const DEFAULTS: BenchOptions = {
  runs: Number(process.env.BENCH_RUNS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  database: process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite",
  instances: Number(process.env.BENCH_INSTANCES ?? 1),
  earlier: process.env.BENCH_EARLIER,
};

/**
 * The product under test: one `npm start`, or several on one PostgreSQL database. Several instances on
 * this one machine share its cores: each gets cores/instances workers, so the machine runs as many
 * serving processes as one instance does, and what differs is that they share through the database.
 */
interface Target {
  servers: ServerProcess[];
  bases: string[];
  databaseUrl: string;
  /** The PostgreSQL server's postmaster, whose and whose backends' CPU time is part of what a request costs there. */
  postmasterPid?: number;
}

async function startProduct(databaseUrl: string, instances = 1, postgres?: PostgresServer): Promise<Target> {
  const workers: Record<string, string> = instances > 1 ? { WEB_CONCURRENCY: String(Math.max(1, Math.floor(cpus().length / instances))) } : {};
  const servers: ServerProcess[] = [];
  // One after another: the first migrates and prepares the database, the others find it done.
  for (let i = 0; i < instances; i++) servers.push(await startProductionServer({ DATABASE_URL: databaseUrl, ...workers }));
  return { servers, bases: servers.map((s) => s.base), databaseUrl, postmasterPid: postgres?.postmasterPid() };
}

const stopProduct = async (target: Target | undefined) => {
  for (const server of target?.servers ?? []) await stopServer(server);
};

/** Rows of a read on the database under test (SQLite file or PostgreSQL URL), for the load driver's own bookkeeping. */
async function readRows<T>(databaseUrl: string, text: string): Promise<T[]> {
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(databaseUrl, { readonly: true });
  try {
    return db.prepare(text).all() as T[];
  } finally {
    db.close();
  }
}

const startBaselineProcess = (file: string) => startServer(["--import", "tsx", "scripts/bench/baseline.ts", file, "{PORT}"], {}, "baseline luistert op");

/**
 * CPU time the process has used, in ms (user + system, all its threads: garbage collection included).
 * Per request it is steadier than requests/s on a machine whose two cores the load tool shares.
 */
const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** The server's process and its worker processes (npm start forks one per core). */
const serverProcesses = (pid: number) => [pid, ...workerPids(pid)];
/** Those of every instance. */
const allProcesses = (target: Target) => target.servers.flatMap((s) => serverProcesses(s.child.pid!));

/**
 * CPU time of the server and its workers together (of every instance), in ms; on PostgreSQL with the
 * database server's, as SQLite's work is inside the server's own processes.
 */
function cpuMs(target: Target): number {
  const postmaster = target.postmasterPid;
  // A backend that ended meanwhile is gone from /proc, but its time is added to the postmaster's reaped children's.
  const database = postmaster === undefined ? [] : [processCpuMs(postmaster, true), ...workerPids(postmaster).map((p) => processCpuMs(p))];
  return [...allProcesses(target).map((p) => processCpuMs(p)), ...database].reduce((a, b) => a + b, 0);
}

/** User + system time of a process (0 when it just stopped); with `reaped`, also that of its children that ended. */
function processCpuMs(pid: number, reaped = false): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0; // a worker that just stopped
  }
  const [utime, stime, cutime, cstime] = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .slice(11, 15)
    .map(Number);
  return ((utime! + stime! + (reaped ? cutime! + cstime! : 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
}

const processPeakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
/** The peak resident memory of the largest of the server's processes (the budget is per process). */
const peakRss = (target: Target) => Math.max(...allProcesses(target).map(processPeakRss));
/** All of them together: what the machine must have. */
const totalPeakRss = (target: Target) => allProcesses(target).reduce((n, p) => n + processPeakRss(p), 0);
/** Proportional memory (PSS): each process's own pages plus its share of those it shares with the others. */
const processPss = (pid: number) => {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0; // a process that ended between the listing and the reading
  }
};
/** The largest PSS of all the server's processes together while `work` runs, sampled every 250 ms: what the product really occupies. */
async function peakPssDuring<T>(target: Target, work: Promise<T>): Promise<{ result: T; pss: number }> {
  let pss = 0;
  const sample = () =>
    (pss = Math.max(
      pss,
      allProcesses(target).reduce((n, p) => n + processPss(p), 0),
    ));
  const timer = setInterval(sample, 250);
  try {
    const result = await work;
    sample();
    return { result, pss };
  } finally {
    clearInterval(timer);
  }
}

/** A scenario: the next request to send (used by both load tools), and what to do before a measurement. */
interface Scenario {
  next: () => OpenLoopRequest;
  prepare?: () => void | Promise<void>;
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

/** Throughput, and latency at each fixed arrival rate (`p95` is at the first rate, `p95@20` at a rate of 20/s). */
interface Load extends Latency {
  rps: number;
  /** The server's CPU time per request during the throughput measurement. */
  cpuMs: number;
  errors: number;
  [atRate: `p${50 | 95 | 99}@${number}`]: number;
}

/** Throughput: autocannon, 50 connections (shared out over the instances), as fast as the server answers. */
async function throughput(
  bases: string[],
  scenario: Scenario,
  seconds: number,
): Promise<{ rps: number; requests: number; errors: number; errorStatuses: Record<string, number> }> {
  const parts = await Promise.all(bases.map((base) => throughputOf(base, scenario, seconds, Math.round(50 / bases.length))));
  const errorStatuses: Record<string, number> = {};
  for (const part of parts) for (const [status, n] of Object.entries(part.errorStatuses)) errorStatuses[status] = (errorStatuses[status] ?? 0) + n;
  const sum = (key: "rps" | "requests" | "errors") => parts.reduce((n, part) => n + part[key], 0);
  return { rps: sum("rps"), requests: sum("requests"), errors: sum("errors"), errorStatuses };
}

async function throughputOf(base: string, scenario: Scenario, seconds: number, connections: number) {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req, ctx) => {
          // Kept on the connection, so its answer reaches the right scenario callback.
          const spec = ((ctx as { spec?: OpenLoopRequest }).spec = scenario.next());
          return { ...req, method: spec.method, path: spec.path, headers: { ...BROWSER_HEADERS, ...spec.headers }, body: spec.body };
        },
        onResponse: (status, _body, ctx) => (ctx as { spec?: OpenLoopRequest }).spec?.onStatus?.(status),
      },
    ],
  });
  const errorStatuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) if (Number(status) >= 400) errorStatuses[status] = count ?? 0;
  if (result.errors + result.timeouts) errorStatuses["0"] = result.errors + result.timeouts;
  return { rps: result.requests.average, requests: result.requests.total, errors: Object.values(errorStatuses).reduce((a, b) => a + b, 0), errorStatuses };
}

/** Throughput, and the server's CPU time per request meanwhile. */
async function throughputAndCpu(target: Target, scenario: Scenario, seconds: number) {
  const cpuBefore = cpuMs(target);
  const t = await throughput(target.bases, scenario, seconds);
  return { ...t, cpuMs: (cpuMs(target) - cpuBefore) / Math.max(t.requests, 1) };
}

/** Throughput, then latency at each fixed rate, after a short warm-up of the same requests (not counted). */
async function measure(target: Target, scenario: Scenario, rates: number[], seconds: number): Promise<Load> {
  const { bases } = target;
  const base = bases.join(", ");
  // autocannon returns when its time is up, with up to 50 requests still in the server: let them
  // finish before the scenario reads the state they change.
  const settle = () => new Promise((r) => setTimeout(r, 1000)).then(() => scenario.prepare?.());
  await scenario.prepare?.();
  await throughput(bases, scenario, Math.min(2, seconds));
  await settle();
  const t = await throughputAndCpu(target, scenario, seconds);
  const warn = (phase: string, statuses: Record<string, number>) => {
    const listed = Object.entries(statuses).map(([status, n]) => `${n}× ${status === "0" ? "verbinding mislukt" : status}`);
    if (listed.length) console.warn(`  fouten bij ${phase} (${base}): ${listed.join(", ")}`);
  };
  warn("doorvoer", t.errorStatuses);
  const load = { rps: t.rps, cpuMs: t.cpuMs, errors: t.errors } as Load;
  for (const rate of rates) {
    await settle();
    const l = await openLoop(bases, scenario.next, { rate, seconds });
    if (l.maxSendLag > 20) console.warn(`  (de lastgenerator liep ${l.maxSendLag} ms achter; de latentie telt vanaf het geplande moment)`);
    warn(`vaste aankomst ${rate}/s`, l.errorStatuses);
    load.errors += l.errors;
    for (const q of [50, 95, 99] as const) {
      load[`p${q}@${rate}`] = l[`p${q}`];
      if (rate === rates[0]) load[`p${q}`] = l[`p${q}`];
    }
  }
  return load;
}

function sectionPages(g: Generated): Scenario {
  const drafts = g.cookies.team.filter((t) => t.responseId);
  let i = 0;
  return {
    next: () => {
      const t = drafts[i++ % drafts.length]!;
      return { method: "GET", path: `/vragenlijsten/${t.responseId}/onderdelen/C`, headers: { cookie: t.cookie } };
    },
  };
}

/**
 * Draft saves as the form sends them without JavaScript, each with the response's current revision.
 * Requests go round the 675 drafts, skipping one whose last save is still unanswered, so two saves of
 * one response are never under way at once. Before each measurement the revisions are read from the
 * database: a load tool that stops on time leaves saves unanswered whose outcome it never learnt.
 */
function draftSaves(g: Generated, databaseUrl: string): Scenario {
  const drafts = g.cookies.team.filter((t) => t.responseId);
  const revisions = new Map<number, number>();
  const unanswered = new Set<number>();
  let i = 0;
  return {
    prepare: async () => {
      for (const row of await readRows<{ id: number; revision: number }>(databaseUrl, "select id, revision from response where status = 'draft'"))
        revisions.set(row.id, row.revision);
      unanswered.clear();
    },
    next: () => {
      let t = drafts[i++ % drafts.length]!;
      for (let tries = 0; unanswered.has(t.responseId!) && tries < drafts.length; tries++) t = drafts[i++ % drafts.length]!;
      const id = t.responseId!;
      const revision = revisions.get(id)!;
      unanswered.add(id);
      const body = new URLSearchParams({
        C1: ["voldoet", "voldoet_deels", "voldoet_niet"][revision % 3]!,
        C1__toelichting: `opslag ${revision}`,
        revision: String(revision),
        intent: "save",
      }).toString();
      return {
        method: "POST",
        path: `/vragenlijsten/${id}/onderdelen/C`,
        headers: { cookie: t.cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
        onStatus: (status) => {
          if (status === 302) revisions.set(id, revision + 1);
          unanswered.delete(id);
        },
      };
    },
  };
}

/**
 * The country's zelfscan answers, every round, as programma downloads them: one XLSX per round, then the
 * newest round as CSV. Run on a freshly started server, so its peak RSS afterwards is what the exports
 * took (beside start-up). Time is to the last byte; the body is read and counted, not kept.
 */
async function countryExports(target: Target, cookie: string) {
  const rounds = await readRows<{ id: number }>(target.databaseUrl, "select id from round where kind = 'zelfscan' order by opens_on");
  const fetchAll = async (path: string) => {
    const started = performance.now();
    const response = await fetch(target.bases[0] + path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
    return { ms: performance.now() - started, bytes };
  };
  const rssBefore = peakRss(target);
  const xlsx = [];
  for (const round of rounds) xlsx.push(await fetchAll(`/downloads/zelfscan-antwoorden.xlsx?ronde=${round.id}`));
  const csv = await fetchAll(`/downloads/zelfscan-antwoorden.csv?ronde=${rounds.at(-1)!.id}`);
  return {
    rounds: rounds.length,
    xlsxMs: xlsx.reduce((n, x) => n + x.ms, 0),
    xlsxMaxMs: Math.max(...xlsx.map((x) => x.ms)),
    xlsxMB: xlsx.reduce((n, x) => n + x.bytes, 0) / 1048576,
    csvMs: csv.ms,
    csvMB: csv.bytes / 1048576,
    rssBefore,
    rssPeak: peakRss(target),
  };
}

const page = (path: string, cookie: string): Scenario => ({ next: () => ({ method: "GET", path, headers: { cookie } }) });

/**
 * Whole zelfscans, made the way a browser without JavaScript makes them: GET the team's start page; for each
 * of the 8 sections GET the page, POST it with the revision the page carries and follow the redirect; GET
 * the submit page, POST it, follow the redirect to the result. `users` team managers at once, each on
 * teams of its own that have not started.
 */
async function flows(bases: string[], teams: Generated["cookies"]["team"], users: number): Promise<{ perSecond: number; completed: number }> {
  const pool = [...teams];
  const sectionFields: Record<string, string[]> = {
    A: ["A1", "A2", "A3", "A4", "A5", "A6"],
    B: ["B1", "B2", "B3", "B4", "B5", "B6"],
    C: ["C1", "C2", "C3", "C4", "C5", "C6"],
    D: ["D1", "D2", "D3", "D4", "D5"],
    E: ["E1", "E2", "E3", "E4", "E5"],
    F: ["F1", "F2", "F3", "F4", "F5"],
    G: ["G1", "G2", "G3", "G4", "G5", "G6", "G7"],
    H: ["H1", "H2", "H3", "H6", "H8"],
  };
  // Each user stays on one instance, as a proxy keeping a connection would; the product does not need it.
  const get = async (base: string, path: string, cookie: string) => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`flow: GET ${path} answered ${r.status}`);
    return r.text();
  };
  /** POST a form and follow its redirect, as a browser does; the page it lands on is returned. */
  const post = async (base: string, path: string, cookie: string, body: URLSearchParams) => {
    const r = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    const location = r.headers.get("location");
    if (r.status !== 302 || !location) throw new Error(`flow: POST ${path} answered ${r.status}`);
    return get(base, location, cookie);
  };
  const revisionOf = (html: string) => /name="revision"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="revision"/.exec(html);
  let completed = 0;
  const started = Date.now();
  const worker = async (_: unknown, user: number) => {
    const base = bases[user % bases.length]!;
    for (let t = pool.shift(); t; t = pool.shift()) {
      const home = await get(base, `/teams/${t.teamId}`, t.cookie);
      const id = /\/vragenlijsten\/(\d+)\/onderdelen\/A/.exec(home)?.[1];
      if (!id) throw new Error("flow: no response");
      let html = await get(base, `/vragenlijsten/${id}/onderdelen/A`, t.cookie);
      for (const [section, items] of Object.entries(sectionFields)) {
        const revision = revisionOf(html);
        if (!revision) throw new Error(`flow: section ${section} has no revision`);
        // The redirect after a section is the next section's page: the GET the next step needs.
        html = await post(
          base,
          `/vragenlijsten/${id}/onderdelen/${section}`,
          t.cookie,
          new URLSearchParams([
            ...items.map((k): [string, string] => [k, "voldoet"]),
            ...(section === "H" ? [["H4", "nee"] as [string, string]] : []),
            ["revision", revision[1] ?? revision[2]!],
            ["intent", "next"],
          ]),
        );
      }
      const submit = await get(base, `/vragenlijsten/${id}/indienen`, t.cookie);
      const revision = revisionOf(submit);
      if (!revision) throw new Error("flow: submit page has no revision");
      await post(base, `/vragenlijsten/${id}/indienen`, t.cookie, new URLSearchParams({ revision: revision[1] ?? revision[2]! }));
      completed++;
    }
  };
  await Promise.all(Array.from({ length: users }, worker));
  return { perSecond: completed / ((Date.now() - started) / 1000), completed };
}

interface BuildAssets {
  entry: { module: string; imports: string[] };
  url: string;
  routes: Record<string, { module: string; imports?: string[]; css?: string[] }>;
}

async function buildAssets(): Promise<BuildAssets> {
  const build = (await import(new URL("../../build/server/index.js", import.meta.url).href)) as { assets: BuildAssets };
  return build.assets;
}

/** The stylesheets every page links (the root route's), in the order the page links them. */
function stylesheets(): string[] {
  return readFileSync("build/server/index.js", "utf8").match(/\/assets\/[\w.-]+\.css/g) ?? [];
}

/** All CSS the product has, before compression, in KB: one stylesheet, which every page links (decision 89). */
function stylesheetKB(): number {
  return [...new Set(stylesheets())].reduce((n, url) => n + statSync(join("build/client", url)).size, 0) / 1024;
}

/** The pages the scenarios load, by route id (the root route comes with each). */
const PAGES: [string, string][] = [
  ["onderdeelpagina (1, 2)", "routes/vragenlijsten.$responseId.onderdelen.$sectionKey"],
  ["startpagina team (3)", "routes/teams.$teamId._index"],
  ["takenlijst vragenlijst (3)", "routes/vragenlijsten.$responseId._index"],
  ["indienen (3)", "routes/vragenlijsten.$responseId.indienen"],
  ["regio-resultaten (4)", "routes/regios.$regionId.resultaten"],
  ["dashboard (5)", "routes/programma.dashboard"],
];

export interface Payload {
  page: string;
  /** KB gzip */
  js: number;
  css: number;
}

/** JavaScript and CSS each page sends, gzip, from the build's asset manifest. */
async function payloads(): Promise<Payload[]> {
  const assets = await buildAssets();
  const size = (urls: Set<string>) => [...urls].reduce((n, url) => n + gzipSync(readFileSync(join("build/client", url))).length, 0) / 1024;
  return PAGES.map(([page, id]) => {
    const files = new Set<string>([assets.url, assets.entry.module, ...assets.entry.imports]);
    const css = new Set<string>(stylesheets());
    for (const routeId of ["root", id]) {
      const route = assets.routes[routeId];
      if (!route) throw new Error(`Route ${routeId} staat niet in de build; pas PAGES in scripts/bench/run.ts aan.`);
      files.add(route.module);
      for (const f of route.imports ?? []) files.add(f);
      for (const f of route.css ?? []) css.add(f);
    }
    return { page, js: size(files), css: size(css) };
  });
}

/** The page as a user without JavaScript gets it: no scripts, no React markers. */
function visiblePage(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="modulepreload"[^>]*\/>/g, "")
    .replace(/<!--( |\/?\$)-->/g, "")
    .replace(/ data-discover="true"/g, "");
}

/** The section form of a page: the part the baseline renders with the product's own component. */
function sectionForm(html: string): string {
  const start = html.indexOf("<form");
  const at = html.indexOf('id="sectie-formulier"');
  const open = html.lastIndexOf("<form", at);
  const end = html.indexOf("</form>", at);
  if (start < 0 || at < 0 || end < 0) throw new Error("Geen onderdeelformulier op de pagina.");
  return html.slice(open, end + "</form>".length);
}

/** Refuses to compare with a baseline whose form is not the one on the product's page. */
async function checkSamePage(product: string, baseline: string, scenario: Scenario) {
  const spec = scenario.next();
  const get = async (base: string) => visiblePage(await (await fetch(base + spec.path, { headers: spec.headers })).text());
  const [page, form] = await Promise.all([get(product), get(baseline)]);
  const a = sectionForm(page);
  if (a !== form) {
    let i = 0;
    while (a[i] === form[i]) i++;
    throw new Error(
      `Het formulier van de baseline is niet dat van de productpagina.\nproduct:  …${a.slice(Math.max(0, i - 60), i + 60)}…\nbaseline: …${form.slice(Math.max(0, i - 60), i + 60)}…`,
    );
  }
  return { page: page.length, form: form.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Teams that have not started, for 10 users at once and as many for 50: 75 each (fewer at a small scale; the same at 10x data). */
const half = (g: Generated) => Math.min(75, Math.floor(g.cookies.team.filter((t) => !t.responseId).length / 2));

/** The flows at 10 and at 50 users, each with the server's CPU per completed flow (all its processes); the PSS peak during the 50. */
async function flowsWithCpu(target: Target, fresh: Generated["cookies"]["team"], count: number) {
  const withCpu = async (users: number, teams: Generated["cookies"]["team"]) => {
    const before = cpuMs(target);
    const done = await flows(target.bases, teams, users);
    return { ...done, cpuMsPerFlow: (cpuMs(target) - before) / Math.max(done.completed, 1) };
  };
  const flowsAt10 = await withCpu(10, fresh.slice(0, count));
  const { result: flowsAt50, pss } = await peakPssDuring(target, withCpu(50, fresh.slice(count, 2 * count)));
  return { flowsAt10, flowsAt50, pss };
}

export async function bench(scale: Scale = NATIONAL, options: BenchOptions = DEFAULTS) {
  const { runs, seconds, database = "sqlite", instances = 1, reference, earlier } = options;
  if (!existsSync("build/server/index.js") || !existsSync("build/node/server.js")) throw new Error("Run `npm run build` first.");
  if (instances > 1 && database !== "postgres") throw new Error("Meer instanties delen één PostgreSQL-database: zet BENCH_DB=postgres.");
  const onSqlite = database === "sqlite";
  const dir = mkdtempSync(join(tmpdir(), "wav-bench-"));
  let product: Target | undefined;
  let baseline: ServerProcess | undefined;
  let postgres: PostgresServer | undefined;
  try {
    const source = join(dir, "national.db");
    const generated = await generate(source, scale);
    console.log(
      `Data: ${scale.teams} teams, ${scale.rounds} rondes; gegenereerd in ${generated.seconds.toFixed(1)} s; database ${(generated.bytes / 1048576).toFixed(1)} MB`,
    );
    // PostgreSQL as in production (commits on disk before they are acknowledged), on a socket in dir.
    if (!onSqlite) postgres = startPostgres({ durable: true });
    const results: Record<string, number[]> = {};
    const add = (key: string, value: number) => (results[key] ??= []).push(value);
    let sizes = { page: 0, form: 0 };
    let lighthouse: LighthouseScores[] = [];
    for (let run = 1; run <= runs; run++) {
      // Each run on a fresh copy of the generated data: the SQLite file, or the same rows copied into PostgreSQL by db:copy.
      let databaseUrl = join(dir, `run${run}.db`);
      copyFileSync(source, databaseUrl);
      if (postgres) {
        postgres.psql(`create database run${run}`);
        const copyStarted = Date.now();
        await copyDatabase(databaseUrl, postgres.url(`run${run}`));
        add("db:copy s", (Date.now() - copyStarted) / 1000);
        databaseUrl = postgres.url(`run${run}`);
      }
      product = await startProduct(databaseUrl, instances, postgres);
      if (onSqlite) {
        copyFileSync(source, join(dir, `base${run}.db`));
        baseline = await startBaselineProcess(join(dir, `base${run}.db`));
        sizes = await checkSamePage(product.bases[0]!, baseline.base, sectionPages(generated));
      }
      const exported = await countryExports(product, generated.cookies.programma);
      for (const [k, v] of Object.entries(exported)) add(`7 export ${k}`, v);
      if (onSqlite && run === 1) {
        // What a browser transfers is the same in every run: measured once.
        const draft = generated.cookies.team.find((t) => t.responseId)!;
        const transfers = await browserTransfers(product.bases[0]!, {
          team: { cookie: draft.cookie, responseId: draft.responseId! },
          programma: generated.cookies.programma,
        });
        for (const [k, v] of Object.entries(transfers)) add(`8 ${k}`, v);
        lighthouse = await lighthouseScores(
          product.bases[0]!,
          [
            { name: "login", path: "/login", cookie: "" },
            { name: "onderdeel", path: `/vragenlijsten/${draft.responseId}/onderdelen/A`, cookie: draft.cookie },
            { name: "gemeente", path: `/gemeenten/${generated.cookies.gemeente.municipalityId}`, cookie: generated.cookies.gemeente.cookie },
            { name: "regio", path: `/regios/${generated.cookies.regio[0]!.regionId}`, cookie: generated.cookies.regio[0]!.cookie },
            { name: "dashboard", path: "/programma/dashboard", cookie: generated.cookies.programma },
          ],
          LIGHTHOUSE_REPORTS,
        );
      }

      const regio = generated.cookies.regio[0]!;
      // Latency at 100 requests/s for each; the budgets of the region and national pages are at 20/s.
      const scenarios: [string, Scenario, number[]][] = [
        ["1 onderdeel", sectionPages(generated), [100]],
        ["2 opslaan", draftSaves(generated, databaseUrl), [100]],
        ["4 regio-resultaten", page(`/regios/${regio.regionId}/resultaten`, regio.cookie), [100, 20]],
        ["5 dashboard", page(`/programma/dashboard`, generated.cookies.programma), [100, 20]],
        ["6 csv-export", page(`/programma/rondetafels.csv`, generated.cookies.programma), [100, 20]],
      ];
      for (const [name, scenario, rates] of scenarios) {
        const load = await measure(product, scenario, rates, seconds);
        for (const [k, v] of Object.entries(load)) add(`${name} ${k}`, v);
      }
      const fresh = generated.cookies.team.filter((t) => !t.responseId);
      const { flowsAt10: at10, flowsAt50: at50, pss } = await flowsWithCpu(product, fresh, half(generated));
      add("3 cpuMs per flow@10", at10.cpuMsPerFlow);
      add("3 cpuMs per flow@50", at50.cpuMsPerFlow);
      add("pss total MB", pss);
      add("3 flows/s@10", at10.perSecond);
      add("3 flows/s@50", at50.perSecond);
      add("3 flows", at10.completed + at50.completed);
      // 9: the public picture and its API under anonymous load (issue 30). First their latency for readers:
      // 20 a second from 20 addresses (each within its limit). Then a team's section pages at 100/s alone, and
      // again beside a burst from one address (50 connections, as fast as they are answered, far past the
      // limit): the signed-in p95 beside the burst must stay within 1.5x of its p95 just before.
      let turn = 0;
      const year = generated.publishedYear;
      const anonymous = (localAddress?: string): OpenLoopRequest => ({
        method: "GET",
        path: turn++ % 2 ? `/cijfers/${year}` : `/api/v1/jaren/${year}/regios?per_pagina=28`,
        headers: {},
        localAddress,
      });
      let reader = 0;
      const publicLatency = await openLoop(product.bases, () => anonymous(`127.0.0.${2 + (reader++ % 20)}`), { rate: 20, seconds: Math.min(seconds, 5) });
      add("9 publiek p95@20", publicLatency.p95);
      add("9 publiek fouten@20", publicLatency.errors);
      const alone = await openLoop(product.bases, sectionPages(generated).next, { rate: 100, seconds });
      add("9 onderdeel p95 zonder publiek", alone.p95);
      const [burst, signedIn] = await Promise.all([
        throughput(product.bases, { next: () => anonymous() }, seconds),
        openLoop(product.bases, sectionPages(generated).next, { rate: 100, seconds }),
      ]);
      add("9 publiek rps", burst.rps);
      add("9 publiek geweigerd", (burst.errorStatuses["429"] ?? 0) / Math.max(burst.requests, 1));
      add("9 onderdeel p95 met publiek", signedIn.p95);
      // What the stack costs at least: the product's smallest page (the login form, no database).
      const floor = await throughputAndCpu(product, page("/login", ""), seconds);
      add("vloer rps", floor.rps);
      add("vloer cpuMs", floor.cpuMs);
      add("rss MB", peakRss(product));
      add("rss total MB", totalPeakRss(product));
      add("processes", allProcesses(product).length);
      await stopProduct(product);
      if (onSqlite) add("db MB", statSync(databaseUrl).size / 1048576);
      else add("db MB", Number((await readRows<{ bytes: number }>(databaseUrl, "select pg_database_size(current_database()) as bytes"))[0]!.bytes) / 1048576);

      if (baseline) {
        const target = { servers: [baseline], bases: [baseline.base], databaseUrl: join(dir, `base${run}.db`) };
        for (const [name, scenario] of [
          ["1 onderdeel", sectionPages(generated)],
          ["2 opslaan", draftSaves(generated, target.databaseUrl)],
        ] as const) {
          const load = await measure(target, scenario, [100], seconds);
          for (const [k, v] of Object.entries(load)) add(`baseline ${name} ${k}`, v);
        }
        await stopServer(baseline);
      }
      console.log(`Run ${run} van ${runs} klaar.`);
    }
    if (reference) {
      // The pages that grow with the data, on the reference data in the same session, so the ratio holds on any day.
      const file = join(dir, "reference.db");
      const ref = await generate(file, reference);
      for (let run = 1; run <= runs; run++) {
        copyFileSync(file, join(dir, `reference${run}.db`));
        const target = (product = await startProduct(join(dir, `reference${run}.db`)));
        const regio = ref.cookies.regio[0]!;
        for (const [name, scenario] of [
          ["4 regio-resultaten", page(`/regios/${regio.regionId}/resultaten`, regio.cookie)],
          ["5 dashboard", page(`/programma/dashboard`, ref.cookies.programma)],
        ] as const) {
          const load = await measure(target, scenario, [20], seconds);
          add(`referentie ${name} p95@20`, load.p95); // its first (and only) rate
          add(`referentie ${name} rps`, load.rps);
        }
        await stopProduct(target);
      }
    }
    if (earlier) {
      // The same flows on the earlier release, on data its own generator makes (its schema may differ), and on this
      // release again, each on a fresh server given the same warm-up, in turn, so neither has a fuller heap or a
      // colder start than the other (the product's main runs above have served every other scenario first).
      const { generate: generateEarlier } = (await import(pathToFileURL(join(earlier, "scripts/bench/generate.ts")).href)) as { generate: typeof generate };
      const file = join(dir, "earlier.db");
      const old = await generateEarlier(file, scale);
      for (let run = 1; run <= runs; run++) {
        for (const [which, data, dataFile, cwd] of [
          ["eerder", old, file, earlier],
          ["nu", generated, source, "."],
        ] as const) {
          const databaseUrl = join(dir, `${which}${run}.db`);
          copyFileSync(dataFile, databaseUrl);
          const server = await startServer(
            productionServerArgs(join(cwd, "package.json")),
            { NODE_ENV: "production", HOST: "127.0.0.1", DATABASE_URL: databaseUrl },
            "draait op",
            { cwd },
          );
          const target = (product = { servers: [server], bases: [server.base], databaseUrl });
          // Uncounted first: section pages and draft saves, so the code of the flow's pages is compiled (a cold
          // start cost the earlier release 60% more per flow).
          await throughput(target.bases, sectionPages(data), seconds);
          const saves = draftSaves(data, databaseUrl);
          await saves.prepare?.();
          await throughput(target.bases, saves, seconds);
          const { flowsAt10, flowsAt50 } = await flowsWithCpu(
            target,
            data.cookies.team.filter((t) => !t.responseId),
            half(data),
          );
          add(`${which} 3 cpuMs per flow@10`, flowsAt10.cpuMsPerFlow);
          add(`${which} 3 cpuMs per flow@50`, flowsAt50.cpuMsPerFlow);
          await stopProduct(target);
        }
      }
    }
    const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
    const pages = await payloads();
    const size = pages[0]!;
    const ratio = (s: string) => m[`${s} rps`]! / m[`baseline ${s} rps`]!;
    const growth = (s: string) => m[`${s} p95@20`]! / m[`referentie ${s} p95@20`]!;
    const budgets: [string, boolean, string][] = [
      ["onderdeel p95 <= 20 ms bij 100/s", m["1 onderdeel p95"]! <= 20, `${m["1 onderdeel p95"]} ms`],
      ["opslaan p95 <= 20 ms bij 100/s", m["2 opslaan p95"]! <= 20, `${m["2 opslaan p95"]} ms`],
      // Half of the 2.4-3.2 ms (middle 2.8) the section page cost when issue 16 was filed; compare on slow days with the floor.
      [
        "onderdeel CPU per verzoek <= 1.4 ms",
        m["1 onderdeel cpuMs"]! <= 1.4,
        `${m["1 onderdeel cpuMs"]!.toFixed(2)} ms (vloer ${m["vloer cpuMs"]!.toFixed(2)} ms)`,
      ],
      ...(onSqlite
        ? ([
            ["onderdeel >= 50% van baseline", ratio("1 onderdeel") >= 0.5, `${(ratio("1 onderdeel") * 100).toFixed(0)}%`],
            ["opslaan >= 50% van baseline", ratio("2 opslaan") >= 0.5, `${(ratio("2 opslaan") * 100).toFixed(0)}%`],
          ] as [string, boolean, string][])
        : []),
      [
        "zelfscan-flows als een browser >= 50/s bij 10 en bij 50 gebruikers",
        Math.min(m["3 flows/s@10"]!, m["3 flows/s@50"]!) >= 50,
        `${m["3 flows/s@10"]!.toFixed(1)}/s bij 10, ${m["3 flows/s@50"]!.toFixed(1)}/s bij 50`,
      ],
      ...(earlier
        ? ([10, 50].map((users) => [
            `CPU per zelfscan-flow bij ${users} gebruikers <= 60% van die van de eerdere release`,
            m[`nu 3 cpuMs per flow@${users}`]! <= 0.6 * m[`eerder 3 cpuMs per flow@${users}`]!,
            `${m[`nu 3 cpuMs per flow@${users}`]!.toFixed(1)} tegen ${m[`eerder 3 cpuMs per flow@${users}`]!.toFixed(1)} CPU-ms: ${((m[`nu 3 cpuMs per flow@${users}`]! / m[`eerder 3 cpuMs per flow@${users}`]!) * 100).toFixed(0)}%`,
          ]) as [string, boolean, string][])
        : []),
      [
        "onderdeel p95 bij 100/s onder anonieme last op de publieke pagina en API <= 1.5x zonder",
        m["9 onderdeel p95 met publiek"]! <= 1.5 * m["9 onderdeel p95 zonder publiek"]!,
        `${m["9 onderdeel p95 met publiek"]} ms tegen ${m["9 onderdeel p95 zonder publiek"]} ms`,
      ],
      ["regio-resultaten p95 <= 100 ms bij 20/s", m["4 regio-resultaten p95@20"]! <= 100, `${m["4 regio-resultaten p95@20"]} ms`],
      ["dashboard p95 <= 100 ms bij 20/s", m["5 dashboard p95@20"]! <= 100, `${m["5 dashboard p95@20"]} ms`],
      ["piek-RSS <= 250 MB", m["rss MB"]! <= 250, `${m["rss MB"]!.toFixed(0)} MB`],
      ["PSS van alle processen samen bij 50 gebruikers <= 200 MB", m["pss total MB"]! <= 200, `${m["pss total MB"]!.toFixed(0)} MB`],
      ...(onSqlite
        ? ([
            ["eerste bezoek inlogpagina + onderdeel <= 150 KB", m["8 firstVisitKB"]! <= 150, `${m["8 firstVisitKB"]!.toFixed(0)} KB`],
            ["elke latere pagina <= 30 KB", m["8 laterPageKB"]! <= 30, `${m["8 laterPageKB"]!.toFixed(0)} KB`],
            ["eerste bezoek dashboard <= 250 KB", m["8 dashboardFirstVisitKB"]! <= 250, `${m["8 dashboardFirstVisitKB"]!.toFixed(0)} KB`],
          ] as [string, boolean, string][])
        : []),
      ...lighthouse.map(
        (l) =>
          [
            `Lighthouse ${l.name}: prestaties >= 95, toegankelijkheid 100, best practices 100`,
            l.performance >= 95 && l.accessibility === 100 && l.bestPractices === 100,
            `${l.performance} / ${l.accessibility} / ${l.bestPractices}`,
          ] as [string, boolean, string],
      ),
      ...lighthouse
        .filter((l) => l.name === "dashboard")
        .map(
          (l) => [`Lighthouse dashboard: total blocking time <= 200 ms`, l.totalBlockingTime <= 200, `${l.totalBlockingTime} ms`] as [string, boolean, string],
        ),
      ["export antwoorden land (XLSX, per ronde) <= 30 s", m["7 export xlsxMaxMs"]! <= 30_000, `${(m["7 export xlsxMaxMs"]! / 1000).toFixed(1)} s`],
      ["piek-RSS na de exports <= 250 MB", m["7 export rssPeak"]! <= 250, `${m["7 export rssPeak"]!.toFixed(0)} MB`],
      ["JavaScript zelfscan <= 150 KB gzip", size.js <= 150, `${size.js.toFixed(1)} KB`],
      ["alle CSS samen <= 60 KB ongecomprimeerd", stylesheetKB() <= 60, `${stylesheetKB().toFixed(1)} KB`],
      ...(reference
        ? (["4 regio-resultaten", "5 dashboard"].map((s) => [
            `${s} p95 bij 20/s <= 2x die bij ${reference.teams} teams en ${reference.rounds} rondes`,
            growth(s) <= 2,
            `${m[`${s} p95@20`]} ms tegen ${m[`referentie ${s} p95@20`]} ms: ${growth(s).toFixed(2)}x`,
          ]) as [string, boolean, string][])
        : []),
    ];
    console.log(
      `\nMachine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs, mediaan; ${seconds} s per meting.`,
    );
    console.log(
      onSqlite
        ? "Database: SQLite (het bestand), één npm start met een werkproces per core."
        : `Database: PostgreSQL (eigen server, fsync aan), ${instances} ${instances === 1 ? "instantie" : "instanties"}; db:copy van de data ${m["db:copy s"]!.toFixed(1)} s.`,
    );
    console.log(
      `\nscenario | req/s bij 50 verbindingen | CPU-ms per verzoek${onSqlite ? "" : " (met PostgreSQL)"} | fouten | p50 / p95 / p99 ms bij 100/s | idem bij 20/s (open loop, vaste aankomst)`,
    );
    for (const s of [
      "1 onderdeel",
      "2 opslaan",
      "4 regio-resultaten",
      "5 dashboard",
      "6 csv-export",
      ...(onSqlite ? ["baseline 1 onderdeel", "baseline 2 opslaan"] : []),
    ]) {
      const at = (rate: number) =>
        m[`${s} p50@${rate}`] === undefined ? "–" : `${m[`${s} p50@${rate}`]} / ${m[`${s} p95@${rate}`]} / ${m[`${s} p99@${rate}`]}`;
      console.log(`${s} | ${m[`${s} rps`]!.toFixed(0)} | ${m[`${s} cpuMs`]!.toFixed(2)} | ${m[`${s} errors`]} | ${at(100)} | ${at(20)}`);
    }
    const ofBaseline = onSqlite ? ` = ${((m["vloer rps"]! / m["baseline 1 onderdeel rps"]!) * 100).toFixed(0)}% van baseline-onderdeel` : "";
    console.log(
      `9 publiek (landelijk beeld en API, anoniem): p95 bij 20/s van 20 adressen ${m["9 publiek p95@20"]} ms (${m["9 publiek fouten@20"]} fouten); een stoot van 50 verbindingen van één adres ${m["9 publiek rps"]!.toFixed(0)} req/s, waarvan ${(m["9 publiek geweigerd"]! * 100).toFixed(0)}% geweigerd (429, grens per adres); onderdeel p95 bij 100/s daarnaast ${m["9 onderdeel p95 met publiek"]} ms (vlak ervoor zonder: ${m["9 onderdeel p95 zonder publiek"]} ms)`,
    );
    console.log(`vloer (inlogpagina, geen database) | ${m["vloer rps"]!.toFixed(0)} req/s${ofBaseline} | ${m["vloer cpuMs"]!.toFixed(2)} CPU-ms per verzoek`);
    if (onSqlite) console.log(`formulier van de baseline gelijk aan dat op de productpagina (${sizes.form} van ${sizes.page} tekens, zonder scripts)`);
    if (reference)
      for (const s of ["4 regio-resultaten", "5 dashboard"])
        console.log(
          `${s} bij ${reference.teams} teams en ${reference.rounds} rondes | ${m[`referentie ${s} rps`]!.toFixed(0)} req/s | p95 bij 20/s ${m[`referentie ${s} p95@20`]} ms`,
        );
    console.log(
      `7 export zelfscan-antwoorden van het hele land: ${m["7 export rounds"]} rondes als XLSX in ${(m["7 export xlsxMs"]! / 1000).toFixed(1)} s samen (langste ${(m["7 export xlsxMaxMs"]! / 1000).toFixed(1)} s, ${m["7 export xlsxMB"]!.toFixed(1)} MB); nieuwste ronde als CSV in ${(m["7 export csvMs"]! / 1000).toFixed(1)} s (${m["7 export csvMB"]!.toFixed(1)} MB); piek-RSS ${m["7 export rssBefore"]!.toFixed(0)} MB na het starten, ${m["7 export rssPeak"]!.toFixed(0)} MB na de exports`,
    );
    console.log(
      `3 zelfscan-flows als een browser zonder JavaScript: ${m["3 flows/s@10"]!.toFixed(1)} per seconde bij 10 gebruikers, ${m["3 flows/s@50"]!.toFixed(1)} bij 50; ${m["processes"]} processen (${instances === 1 ? "1 + werkprocessen" : `${instances} instanties`}); piek-RSS ${m["rss MB"]!.toFixed(0)} MB in het grootste, ${m["rss total MB"]!.toFixed(0)} MB samen; PSS samen bij 50 gebruikers ${m["pss total MB"]!.toFixed(0)} MB; database ${m["db MB"]!.toFixed(1)} MB`,
    );
    console.log(
      `3 CPU per flow (alle processen van de server): ${m["3 cpuMs per flow@10"]!.toFixed(1)} CPU-ms bij 10 gebruikers, ${m["3 cpuMs per flow@50"]!.toFixed(1)} bij 50${earlier ? `; naast elkaar, elk op een verse server na dezelfde opwarming: deze release ${m["nu 3 cpuMs per flow@10"]!.toFixed(1)} en ${m["nu 3 cpuMs per flow@50"]!.toFixed(1)}, de eerdere (${earlier}) ${m["eerder 3 cpuMs per flow@10"]!.toFixed(1)} en ${m["eerder 3 cpuMs per flow@50"]!.toFixed(1)}` : ""}`,
    );
    // Every flow fills in and submits a whole zelfscan with plain form posts, as a browser without JavaScript does.
    console.log(
      `Zonder JavaScript: ${m["3 flows"]} zelfscans per run geheel ingevuld en ingediend met alleen formulierposts (en de browsertest zelfscan.test.ts)`,
    );
    if (onSqlite)
      console.log(
        `8 overdracht in Chromium (gecomprimeerd, met headers): eerste bezoek inlogpagina + startpagina + onderdeel ${m["8 firstVisitKB"]!.toFixed(1)} KB; daarna per pagina hoogstens ${m["8 laterPageKB"]!.toFixed(1)} KB; eerste bezoek dashboard ${m["8 dashboardFirstVisitKB"]!.toFixed(1)} KB`,
      );
    if (lighthouse.length) {
      console.log(
        `\nLighthouse (mobiel, gesimuleerde 4G-vertraging; rapporten in ${LIGHTHOUSE_REPORTS}/) | prestaties | toegankelijkheid | best practices | TBT ms | LCP ms`,
      );
      for (const l of lighthouse)
        console.log(`${l.name} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ${l.totalBlockingTime} | ${l.largestContentfulPaint}`);
    }
    console.log("\nPayload per pagina (gzip, uit het build-manifest) | JavaScript KB | CSS KB");
    for (const p of pages) console.log(`${p.page} | ${p.js.toFixed(1)} | ${p.css.toFixed(1)}`);
    console.log("\nBudgetten:");
    for (const [name, ok, value] of budgets) console.log(`  ${ok ? "GEHAALD " : "GEMIST  "} ${name}: ${value}`);
    return { medians: m, payload: size, pages, budgets, lighthouse };
  } finally {
    await stopProduct(product);
    await stopServer(baseline);
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("run.ts")) {
  // BENCH_DATA=10x: ten times the teams and twice the rounds, with the national data as the reference.
  const grown = process.env.BENCH_DATA === "10x";
  bench(grown ? TEN_TIMES : NATIONAL, grown ? { ...DEFAULTS, reference: NATIONAL } : DEFAULTS).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
