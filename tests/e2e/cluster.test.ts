import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, startProductionServer, workerPids } from "../../scripts/start-command.ts";

// npm start with a worker per core: the first process forks the workers, a worker that dies is
// replaced, SIGTERM stops them all. Its own server on its own database, on 127.0.0.1.

const dir = mkdtempSync(join(tmpdir(), "wav-cluster-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a worker per core", () => {
  it("serves with WEB_CONCURRENCY workers, replaces one that dies, and stops them all on SIGTERM", { timeout: 120_000 }, async () => {
    const server = await startProductionServer({ DATABASE_URL: join(dir, "cluster.db"), REQUEST_LOG: "false", WEB_CONCURRENCY: "3" });
    const primary = server.child.pid!;
    const workers = workerPids(primary);
    expect(workers).toHaveLength(3);
    const statuses = await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.base}/login`).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);

    // A worker dies: another takes its place, and the site keeps answering meanwhile.
    process.kill(workers[0]!, "SIGKILL");
    // A request the dying worker had been handed fails as a dropped connection; the next one (a browser
    // retries a dropped idempotent request once) is served by a live worker.
    const once = () => fetch(`${server.base}/login`).then((r) => r.status);
    expect(await once().catch(once)).toBe(200);
    const started = Date.now();
    while (workerPids(primary).filter((pid) => pid !== workers[0]).length < 3 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 100));
    const replaced = workerPids(primary);
    expect(replaced).toHaveLength(3);
    expect(replaced).not.toContain(workers[0]);

    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
    for (const pid of replaced) expect(alive(pid), `worker ${pid}`).toBe(false);
  });

  it("WEB_CONCURRENCY=1 serves from the one process", { timeout: 60_000 }, async () => {
    const server = await startProductionServer({ DATABASE_URL: join(dir, "single.db"), REQUEST_LOG: "false", WEB_CONCURRENCY: "1" });
    expect(workerPids(server.child.pid!)).toEqual([]);
    expect((await fetch(`${server.base}/login`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
  });
});
