import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, startProductionServer, stopServer, workerPids } from "../../scripts/start-command.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { giveAccountAnAddress } from "./browser.ts";

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

  it("the first process only supervises: no database, no web server in it; the workers send each other's mail through it", { timeout: 120_000 }, async () => {
    const sink = await startSmtpSink();
    const database = join(dir, "supervised.db");
    const server = await startProductionServer({
      DATABASE_URL: database,
      REQUEST_LOG: "false",
      WEB_CONCURRENCY: "3",
      SMTP_URL: sink.url,
      MAIL_FROM: "Zelfscan <noreply@zelfscan.test>",
    });
    try {
      const primary = server.child.pid!;
      const workers = workerPids(primary);
      expect(workers).toHaveLength(3);
      // A native addon shows in a process's memory map once loaded: the workers have SQLite's (better-sqlite3/prebuilds/…), the supervisor not.
      const loads = (pid: number, file: string) => readFileSync(`/proc/${pid}/maps`, "utf8").includes(file);
      expect(loads(primary, "/better-sqlite3/")).toBe(false);
      for (const pid of workers) expect(loads(pid, "/better-sqlite3/"), `worker ${pid}`).toBe(true);

      // Three accounts get an address a mail server takes; each asks for a new password on a connection of its
      // own, which the supervisor hands to the workers in turn: each mail leaves at once (the outbox is looked
      // at every 30 s otherwise), also when the request reached a worker that does not send the mail itself.
      const addresses = ["een", "twee", "drie"].map((name) => `${name}@gemeente-voorbeeld.nl`);
      const accounts = ["team.zaandam-oost", "team.enschede-centrum", "gemeente.zaanstad"];
      for (const [i, email] of addresses.entries()) await giveAccountAnAddress(`${accounts[i]}@demo.example`, email, database);
      // The sender also looks once, a second after it starts: past that, only a wake sends at once.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (const email of addresses) expect(await postOnNewConnection(`${server.base}/wachtwoord-vergeten`, `email=${encodeURIComponent(email)}`)).toBe(302);
      await expect.poll(() => sink.received.map((mail) => mail.to[0]).sort(), { timeout: 10_000 }).toEqual([...addresses].sort());
    } finally {
      await stopServer(server);
      await sink.close();
    }
  });

  it("with workers, settings that do not hold stop the start with their reason", { timeout: 60_000 }, async () => {
    await expect(startProductionServer({ DATABASE_URL: join(dir, "refused.db"), WEB_CONCURRENCY: "3", MAX_BODY_BYTES: "veel" })).rejects.toThrow(
      /Start afgebroken: de instellingen kloppen niet[\s\S]*MAX_BODY_BYTES/,
    );
  });
});

/** A form post on a connection of its own (no keep-alive), so that consecutive posts may reach different workers. */
function postOnNewConnection(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin } },
      (res) => {
        res.resume();
        resolve(res.statusCode!);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
