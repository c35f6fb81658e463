import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { exited, startProductionServer, workerPids } from "../../scripts/start-command.ts";

// Durability of the production server: SIGKILL during a burst of saves loses no acknowledged save;
// SIGTERM lets requests in flight finish. Its own server on its own database, on 127.0.0.1.

const dir = mkdtempSync(join(tmpdir(), "wav-durability-"));
const database = join(dir, "durable.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (workers = "1") => startProductionServer({ DATABASE_URL: database, REQUEST_LOG: "false", WEB_CONCURRENCY: workers });

async function logIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "demo-veilig-2025" }),
    redirect: "manual",
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function sectionOf(base: string, cookie: string): Promise<{ id: number; revision: number }> {
  const start = await fetch(`${base}/`, { headers: { Cookie: cookie } });
  const html = await start.text();
  const id = Number(html.match(/\/vragenlijsten\/(\d+)\/onderdelen\/A/)![1]);
  const page = await (await fetch(`${base}/vragenlijsten/${id}/onderdelen/A`, { headers: { Cookie: cookie } })).text();
  const input = page.match(/<input[^>]*name="revision"[^>]*>/)![0];
  return { id, revision: Number(input.match(/value="(\d+)"/)![1]) };
}

describe("durability", () => {
  it.each([
    ["one process", "1"],
    ["a worker per core (2), all killed at once", "2"],
  ])("keeps every acknowledged save when the server is killed in a burst of saves: %s", async (_, concurrency) => {
    let server = await start(concurrency);
    const processes = workerPids(server.child.pid!);
    expect(processes).toHaveLength(concurrency === "1" ? 0 : 2);
    const accounts = ["team.zaandam-oost@demo.example", "team.enschede-centrum@demo.example", "team.zaandam-west@demo.example"];
    const workers = await Promise.all(
      accounts.map(async (email) => {
        const cookie = await logIn(server.base, email);
        return {
          email,
          cookie,
          ...(await sectionOf(server.base, cookie)),
          acked: null as null | { revision: number; comment: string },
          inFlight: null as null | { revision: number; comment: string },
        };
      }),
    );
    const values = ["voldoet", "voldoet_deels", "voldoet_niet"];
    let stop = false;
    const loops = workers.map(async (w) => {
      for (let i = 0; !stop && i < 10_000; i++) {
        const comment = `opslag ${w.email} ${i}`;
        w.inFlight = { revision: w.revision + 1, comment };
        try {
          const response = await fetch(`${server.base}/vragenlijsten/${w.id}/onderdelen/A`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: w.cookie },
            body: new URLSearchParams({ A1: values[i % 3]!, A1__toelichting: comment, revision: String(w.revision), intent: "save" }),
            redirect: "manual",
          });
          if (response.status !== 302) throw new Error(`save answered ${response.status}`);
          w.revision += 1;
          w.acked = { revision: w.revision, comment };
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    // The machine goes down: every process at once.
    for (const pid of processes) process.kill(pid, "SIGKILL");
    server.child.kill("SIGKILL");
    stop = true;
    await Promise.all(loops);
    await exited(server.child);

    const acknowledged = workers.reduce((n, w) => n + (w.acked ? 1 : 0), 0);
    expect(acknowledged).toBe(workers.length);
    const db = new SQLite(database, { readonly: true });
    for (const w of workers) {
      const row = db
        .prepare("select r.revision, a.comment from response r join answer a on a.response_id = r.id and a.item_key = 'A1' where r.id = ?")
        .get(w.id) as { revision: number; comment: string };
      expect(row.revision, w.email).toBeGreaterThanOrEqual(w.acked!.revision);
      // The stored state is the last acknowledged save, or the one in flight when the server died.
      expect([w.acked!.comment, w.inFlight!.comment], w.email).toContain(row.comment);
    }
    db.close();

    // It starts again on the same file.
    server = await start();
    expect((await fetch(`${server.base}/login`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
  });

  it.each([
    ["one process", "1"],
    ["a worker per core (2)", "2"],
  ])("lets requests in flight finish on SIGTERM: %s", async (_, workers) => {
    const server = await start(workers);
    const cookie = await logIn(server.base, "programma@demo.example");
    const requests = Array.from({ length: 8 }, () =>
      fetch(`${server.base}/programma/dashboard?jaar=2021`, { headers: { Cookie: cookie } }).then(
        (r) => r.status,
        () => "geweigerd",
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGTERM");
    const statuses = await Promise.all(requests);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === "geweigerd")).toBe(true);
    expect(await exited(server.child)).toBe(0);
  });
});
