import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { startBaseline } from "./baseline.ts";
import { generate, NATIONAL, type Generated, type Scale } from "./generate.ts";

/**
 * `npm run bench`: national-scale data, the production server on 127.0.0.1, load with autocannon,
 * a minimal node:http baseline for scenarios 1 and 2, payload sizes, budgets pass/fail. Each figure
 * is the median of RUNS runs, each on a fresh copy of the generated database. Stops by itself.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startProduct(file: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: file, REQUEST_LOG: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const t = Date.now();
  while (!out.includes("draait op")) {
    if (child.exitCode !== null || Date.now() - t > 60_000) throw new Error(out);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base: `http://127.0.0.1:${port}` };
}

const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

interface Load {
  rps: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

type RequestSpec = NonNullable<autocannon.Options["requests"]>[number];

async function cannon(url: string, requests: RequestSpec[], options: { connections: number; rate?: number }): Promise<autocannon.Result> {
  return autocannon({ url, requests, connections: options.connections, overallRate: options.rate, duration: SECONDS, timeout: 10 });
}

async function measure(url: string, make: () => RequestSpec[], rate: number): Promise<Load> {
  const throughput = await cannon(url, make(), { connections: 50 });
  const latency = await cannon(url, make(), { connections: 20, rate });
  return {
    rps: throughput.requests.average,
    errors: throughput.errors + throughput.timeouts + throughput.non2xx - (throughput["3xx"] ?? 0),
    p50: latency.latency.p50,
    p95: latency.latency.p97_5 ?? latency.latency.p90, // autocannon reports p90, p97.5, p99
    p99: latency.latency.p99,
  };
}

function sectionPages(g: Generated): () => RequestSpec[] {
  const drafts = g.cookies.team.filter((t) => t.responseId);
  let i = 0;
  return () => [
    {
      setupRequest: (req) => {
        const t = drafts[i++ % drafts.length]!;
        return { ...req, method: "GET", path: `/vragenlijsten/${t.responseId}/onderdelen/C`, headers: { cookie: t.cookie } };
      },
    },
  ];
}

/** Draft saves as the form sends them without JavaScript; each connection works on its own response and follows its revision. */
function draftSaves(g: Generated, revisions: Map<number, number>): () => RequestSpec[] {
  const drafts = g.cookies.team.filter((t) => t.responseId);
  let next = 0;
  return () => [
    {
      setupRequest: (req, ctx) => {
        const context = ctx as Record<string, unknown>;
        context.team ??= drafts[next++ % drafts.length];
        const t = context.team as (typeof drafts)[number];
        const revision = revisions.get(t.responseId!) ?? 1;
        const body = new URLSearchParams({ C1: ["voldoet", "voldoet_deels", "voldoet_niet"][revision % 3]!, C1__toelichting: `opslag ${revision}`, revision: String(revision), intent: "save" }).toString();
        return { ...req, method: "POST", path: `/vragenlijsten/${t.responseId}/onderdelen/C`, headers: { cookie: t.cookie, "content-type": "application/x-www-form-urlencoded" }, body };
      },
      onResponse: (status, _body, ctx) => {
        const t = (ctx as Record<string, unknown>).team as (typeof drafts)[number];
        if (status === 302) revisions.set(t.responseId!, (revisions.get(t.responseId!) ?? 1) + 1);
      },
    },
  ];
}

function pages(path: string, cookie: () => string): () => RequestSpec[] {
  return () => [{ setupRequest: (req) => ({ ...req, method: "GET", path, headers: { cookie: cookie() } }) }];
}

/** Whole zelfscans, filled in page by page without JavaScript: 8 sections, then submit. */
async function flows(base: string, g: Generated): Promise<{ perSecond: number; completed: number }> {
  const pool = g.cookies.team.filter((t) => !t.responseId);
  const sectionFields: Record<string, string[]> = { A: ["A1", "A2", "A3", "A4", "A5", "A6"], B: ["B1", "B2", "B3", "B4", "B5", "B6"], C: ["C1", "C2", "C3", "C4", "C5", "C6"], D: ["D1", "D2", "D3", "D4", "D5"], E: ["E1", "E2", "E3", "E4", "E5"], F: ["F1", "F2", "F3", "F4", "F5"], G: ["G1", "G2", "G3", "G4", "G5", "G6", "G7"], H: ["H1", "H2", "H3", "H6", "H8"] };
  let completed = 0;
  const started = Date.now();
  const worker = async () => {
    for (let t = pool.shift(); t; t = pool.shift()) {
      const home = await (await fetch(`${base}/teams/${t.teamId}`, { headers: { cookie: t.cookie } })).text();
      const id = /\/vragenlijsten\/(\d+)\/onderdelen\/A/.exec(home)?.[1];
      if (!id) throw new Error("flow: no response");
      let revision = 0;
      for (const [section, items] of Object.entries(sectionFields)) {
        const body = new URLSearchParams([...items.map((k): [string, string] => [k, "voldoet"]), ...(section === "H" ? [["H4", "nee"] as [string, string]] : []), ["revision", String(revision)], ["intent", "next"]]);
        const r = await fetch(`${base}/vragenlijsten/${id}/onderdelen/${section}`, { method: "POST", headers: { cookie: t.cookie, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
        if (r.status !== 302) throw new Error(`flow: section ${section} answered ${r.status}`);
        revision++;
      }
      const done = await fetch(`${base}/vragenlijsten/${id}/indienen`, { method: "POST", headers: { cookie: t.cookie, "content-type": "application/x-www-form-urlencoded" }, body: `revision=${revision}`, redirect: "manual" });
      if (done.status !== 302) throw new Error(`flow: submit answered ${done.status}`);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  return { perSecond: completed / ((Date.now() - started) / 1000), completed };
}

/** JavaScript and CSS of the zelfscan section page, gzip, from the build's asset manifest. */
async function payload(): Promise<{ js: number; css: number }> {
  const build = (await import(new URL("../../build/server/index.js", import.meta.url).href)) as { assets: { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[]; css?: string[] }> } };
  const files = new Set<string>([build.assets.entry.module, ...build.assets.entry.imports]);
  const css = new Set<string>();
  for (const id of ["root", "routes/vragenlijsten.$responseId.onderdelen.$sectionKey"]) {
    const route = build.assets.routes[id]!;
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
    for (const f of route.css ?? []) css.add(f);
  }
  for (const f of readdirCss()) css.add(f);
  const size = (urls: Set<string>) => [...urls].reduce((n, url) => n + gzipSync(readFileSync(join("build/client", url))).length, 0);
  return { js: size(files) / 1024, css: size(css) / 1024 };
}
function readdirCss(): string[] {
  return readFileSync("build/server/index.js", "utf8").match(/\/assets\/[\w.-]+\.css/g) ?? [];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function bench(scale: Scale = NATIONAL, runs = RUNS) {
  if (!existsSync("build/server/index.js")) throw new Error("Run `npm run build` first.");
  const dir = mkdtempSync(join(tmpdir(), "wav-bench-"));
  try {
    const source = join(dir, "national.db");
    const generated = await generate(source, scale);
    console.log(`Data: ${scale.teams} teams, ${scale.rounds} rondes; gegenereerd in ${generated.seconds.toFixed(1)} s; database ${(generated.bytes / 1048576).toFixed(1)} MB`);
    const results: Record<string, number[]> = {};
    const add = (key: string, value: number) => (results[key] ??= []).push(value);
    for (let run = 1; run <= runs; run++) {
      const file = join(dir, `run${run}.db`);
      copyFileSync(source, file);
      const product = await startProduct(file);
      const revisions = new Map<number, number>();
      const regio = generated.cookies.regio[0]!;
      const scenarios: [string, () => RequestSpec[], number][] = [
        ["1 onderdeel", sectionPages(generated), 100],
        ["2 opslaan", draftSaves(generated, revisions), 100],
        ["4 regio-resultaten", pages(`/regios/${regio.regionId}/resultaten`, () => regio.cookie), 20],
        ["5 dashboard", pages(`/programma/dashboard`, () => generated.cookies.programma), 20],
        ["6 csv-export", pages(`/programma/rondetafels.csv`, () => generated.cookies.programma), 20],
      ];
      for (const [name, make, rate] of scenarios) {
        const load = await measure(product.base, make, rate);
        add(`${name} rps`, load.rps);
        add(`${name} errors`, load.errors);
        add(`${name} p50`, load.p50);
        add(`${name} p95`, load.p95);
        add(`${name} p99`, load.p99);
      }
      const f = await flows(product.base, generated);
      add("3 flows/s", f.perSecond);
      add("rss MB", peakRss(product.child.pid!));
      product.child.kill("SIGTERM");
      await new Promise((r) => product.child.once("exit", r));
      add("db MB", statSync(file).size / 1048576);

      const baseFile = join(dir, `base${run}.db`);
      copyFileSync(source, baseFile);
      const port = await freePort();
      const baseline = await startBaseline(baseFile, port);
      const baseRevisions = new Map<number, number>();
      for (const [name, make] of [["1 onderdeel", sectionPages(generated)], ["2 opslaan", draftSaves(generated, baseRevisions)]] as const) {
        const load = await measure(`http://127.0.0.1:${port}`, make, 100);
        add(`baseline ${name} rps`, load.rps);
        add(`baseline ${name} p95`, load.p95);
      }
      await new Promise((r) => baseline.close(r));
      console.log(`Run ${run} van ${runs} klaar.`);
    }
    const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
    const size = await payload();
    const budgets: [string, boolean, string][] = [
      ["onderdeel p95 <= 20 ms bij 100/s", m["1 onderdeel p95"]! <= 20, `${m["1 onderdeel p95"]} ms`],
      ["opslaan p95 <= 20 ms bij 100/s", m["2 opslaan p95"]! <= 20, `${m["2 opslaan p95"]} ms`],
      ["onderdeel >= 50% van baseline", m["1 onderdeel rps"]! >= 0.5 * m["baseline 1 onderdeel rps"]!, `${((m["1 onderdeel rps"]! / m["baseline 1 onderdeel rps"]!) * 100).toFixed(0)}%`],
      ["opslaan >= 50% van baseline", m["2 opslaan rps"]! >= 0.5 * m["baseline 2 opslaan rps"]!, `${((m["2 opslaan rps"]! / m["baseline 2 opslaan rps"]!) * 100).toFixed(0)}%`],
      ["zelfscan-flows >= 30/s", m["3 flows/s"]! >= 30, `${m["3 flows/s"]!.toFixed(1)}/s`],
      ["regio-resultaten p95 <= 100 ms bij 20/s", m["4 regio-resultaten p95"]! <= 100, `${m["4 regio-resultaten p95"]} ms`],
      ["dashboard p95 <= 100 ms bij 20/s", m["5 dashboard p95"]! <= 100, `${m["5 dashboard p95"]} ms`],
      ["piek-RSS <= 250 MB", m["rss MB"]! <= 250, `${m["rss MB"]!.toFixed(0)} MB`],
      ["JavaScript zelfscan <= 150 KB gzip", size.js <= 150, `${size.js.toFixed(1)} KB`],
    ];
    console.log(`\nMachine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs, mediaan.`);
    console.log("\nscenario | req/s bij 50 verbindingen | fouten | p50 | p95 (p97,5) | p99 (ms, vaste aankomst)");
    for (const s of ["1 onderdeel", "2 opslaan", "4 regio-resultaten", "5 dashboard", "6 csv-export"]) {
      console.log(`${s} | ${m[`${s} rps`]!.toFixed(0)} | ${m[`${s} errors`]} | ${m[`${s} p50`]} | ${m[`${s} p95`]} | ${m[`${s} p99`]}`);
    }
    console.log(`baseline 1 onderdeel | ${m["baseline 1 onderdeel rps"]!.toFixed(0)} req/s | p95 ${m["baseline 1 onderdeel p95"]} ms`);
    console.log(`baseline 2 opslaan | ${m["baseline 2 opslaan rps"]!.toFixed(0)} req/s | p95 ${m["baseline 2 opslaan p95"]} ms`);
    console.log(`3 zelfscan-flows: ${m["3 flows/s"]!.toFixed(1)} per seconde; piek-RSS ${m["rss MB"]!.toFixed(0)} MB; database ${m["db MB"]!.toFixed(1)} MB`);
    console.log(`Payload onderdeelpagina: JavaScript ${size.js.toFixed(1)} KB gzip, CSS ${size.css.toFixed(1)} KB gzip; werkt zonder JavaScript (browsertest zelfscan.test.ts)`);
    console.log("\nBudgetten:");
    for (const [name, ok, value] of budgets) console.log(`  ${ok ? "GEHAALD " : "GEMIST  "} ${name}: ${value}`);
    return { medians: m, payload: size, budgets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("run.ts")) {
  bench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
