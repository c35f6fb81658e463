import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { describe, expect, it } from "vitest";
import { bench } from "../../scripts/bench/run.ts";

// `npm run bench` itself, at a small scale and with one-second measurements: every scenario runs
// against the production build and the baseline (which must serve the product's very page), the
// figures and budget lines come out, and no server is left running. What the figures are is the
// benchmark's business, not this test's.

/** Processes this test process started that are still there. */
function children(): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === process.pid ? [readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

describe("the benchmark", () => {
  it("measures every scenario on the product and the baseline, and stops what it started", { timeout: 240_000 }, async () => {
    const before = children();
    const result = await bench({ teams: 240, rounds: 2, answeredShare: 0.9 }, { runs: 1, seconds: 1 });
    for (const scenario of ["1 onderdeel", "2 opslaan", "4 regio-resultaten", "5 dashboard", "6 csv-export", "baseline 1 onderdeel", "baseline 2 opslaan"]) {
      expect(result.medians[`${scenario} rps`], scenario).toBeGreaterThan(0);
      expect(result.medians[`${scenario} errors`], scenario).toBe(0);
      expect(result.medians[`${scenario} p95`], scenario).toBeGreaterThan(0);
      expect(result.medians[`${scenario} cpuMs`], scenario).toBeGreaterThan(0);
    }
    for (const scenario of ["4 regio-resultaten", "5 dashboard", "6 csv-export"]) {
      expect(result.medians[`${scenario} p95@100`], scenario).toBeGreaterThan(0);
      expect(result.medians[`${scenario} p95@20`], scenario).toBeGreaterThan(0);
    }
    expect(result.medians["3 flows/s@10"]).toBeGreaterThan(0);
    expect(result.medians["3 flows/s@50"]).toBeGreaterThan(0);
    expect(result.medians["3 cpuMs per flow@50"]).toBeGreaterThan(0);
    expect(result.medians["rss MB"]).toBeGreaterThan(0);
    // The country's answers export: every round as XLSX and the newest as CSV, with their sizes.
    expect(result.medians["7 export rounds"]).toBe(2);
    expect(result.medians["7 export xlsxMB"]).toBeGreaterThan(0);
    expect(result.medians["7 export csvMB"]).toBeGreaterThan(0);
    // CPU and memory are measured over the server's first process and its workers.
    expect(result.medians["processes"]).toBe(1 + availableParallelism());
    expect(result.medians["rss total MB"]).toBeGreaterThan(result.medians["rss MB"]!);
    // PSS counts what the processes share once: less than their RSS together, more than any one's.
    expect(result.medians["pss total MB"]).toBeGreaterThan(result.medians["rss MB"]! / 2);
    expect(result.medians["pss total MB"]).toBeLessThan(result.medians["rss total MB"]!);
    // Lighthouse scored the five pages (the scores themselves are the benchmark's business) and kept its reports.
    expect(result.lighthouse.map((l) => l.name)).toEqual(["login", "onderdeel", "gemeente", "regio", "dashboard"]);
    for (const l of result.lighthouse) {
      expect(l.performance, l.name).toBeGreaterThan(0);
      expect(l.accessibility, l.name).toBeGreaterThan(0);
      expect(existsSync(`lighthouse-reports/${l.name}.html`), l.name).toBe(true);
    }
    // The public picture and API under anonymous load, beside a signed-in scenario: measured (the per-address
    // limit itself is tested in tests/e2e/public-api.test.ts; a one-second burst may stay under it).
    expect(result.medians["9 publiek p95@20"]).toBeGreaterThan(0);
    expect(result.medians["9 publiek fouten@20"]).toBe(0);
    expect(result.medians["9 publiek rps"]).toBeGreaterThan(0);
    expect(result.medians["9 onderdeel p95 zonder publiek"]).toBeGreaterThan(0);
    expect(result.medians["9 onderdeel p95 met publiek"]).toBeGreaterThan(0);
    expect(result.budgets.map(([name]) => name)).toHaveLength(24);
    // What Chromium transferred: a first visit loads the scripts and the stylesheet, a later page only its HTML and data.
    expect(result.medians["8 firstVisitKB"]).toBeGreaterThan(50);
    expect(result.medians["8 laterPageKB"]).toBeGreaterThan(0);
    expect(result.medians["8 laterPageKB"]).toBeLessThan(result.medians["8 firstVisitKB"]! / 2);
    expect(result.medians["8 dashboardFirstVisitKB"]).toBeGreaterThan(50);
    expect(result.payload.js).toBeGreaterThan(0);
    // Every page the scenarios load has its JavaScript and CSS counted.
    expect(result.pages.length).toBeGreaterThanOrEqual(5);
    for (const page of result.pages) expect(page.js, page.page).toBeGreaterThan(result.pages[0]!.js / 4);
    expect(children()).toEqual(before);
  });

  it("runs the product's scenarios on PostgreSQL with two instances, and stops the server it started", { timeout: 240_000 }, async () => {
    const before = children();
    const servers = () => readdirSync("/proc").filter((pid) => /^\d+$/.test(pid) && /postgres.*wav-pg-/.test(cmdline(pid)));
    const serversBefore = servers();
    const result = await bench({ teams: 240, rounds: 2, answeredShare: 0.9 }, { runs: 1, seconds: 1, database: "postgres", instances: 2 });
    for (const scenario of ["1 onderdeel", "2 opslaan", "4 regio-resultaten", "5 dashboard", "6 csv-export"]) {
      expect(result.medians[`${scenario} rps`], scenario).toBeGreaterThan(0);
      expect(result.medians[`${scenario} errors`], scenario).toBe(0);
    }
    expect(result.medians["3 flows/s@50"]).toBeGreaterThan(0);
    expect(result.medians["3 cpuMs per flow@50"]).toBeGreaterThan(0);
    expect(result.medians["db:copy s"]).toBeGreaterThan(0);
    // Two instances sharing the cores: each with half of them as workers (one worker serves in its first process).
    const workers = Math.max(1, Math.floor(cpus().length / 2));
    expect(result.medians["processes"]).toBe(2 * (workers === 1 ? 1 : 1 + workers));
    // The baseline compares SQLite to SQLite: not run here, so no ratio budget either.
    expect(result.medians["baseline 1 onderdeel rps"]).toBeUndefined();
    expect(result.budgets.map(([name]) => name)).toHaveLength(13);
    expect(children()).toEqual(before);
    expect(servers()).toEqual(serversBefore);
  });
});

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}
