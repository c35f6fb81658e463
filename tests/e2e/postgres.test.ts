import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { exited, startProductionServer, stopServer, type ServerProcess } from "../../scripts/start-command.ts";
import { startPostgres, type PostgresServer } from "../../scripts/postgres-server.ts";

// Two instances of the production build on one PostgreSQL server (its own, started here), as behind a
// load balancer: they start together and prepare the database once, a session made on one works on the
// other, a save from both with one revision has one winner, the login throttle counts both, and a
// SIGKILL of both during a burst of saves loses no acknowledged save.

let postgres: PostgresServer;
let url: string;
let a: ServerProcess;
let b: ServerProcess;
const start = () => startProductionServer({ DATABASE_URL: url, REQUEST_LOG: "false", WEB_CONCURRENCY: "1" });

beforeAll(async () => {
  postgres = startPostgres();
  postgres.psql("create database wav");
  url = postgres.url("wav");
  // Both at once on an empty database: one migrates and seeds, the other waits for it.
  [a, b] = await Promise.all([start(), start()]);
});
afterAll(async () => {
  await stopServer(a);
  await stopServer(b);
  postgres?.stop();
});

async function logIn(base: string, email: string, password = "demo-veilig-2025") {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  return { status: response.status, cookie: response.headers.get("set-cookie")?.split(";")[0] ?? "" };
}

async function sectionA(base: string, cookie: string) {
  const html = await (await fetch(`${base}/`, { headers: { Cookie: cookie } })).text();
  const id = Number(html.match(/\/vragenlijsten\/(\d+)\/onderdelen\/A/)![1]);
  const page = await (await fetch(`${base}/vragenlijsten/${id}/onderdelen/A`, { headers: { Cookie: cookie } })).text();
  return { id, revision: Number(page.match(/<input[^>]*name="revision"[^>]*value="(\d+)"/)![1]) };
}

const save = (base: string, cookie: string, id: number, revision: number, comment: string) =>
  fetch(`${base}/vragenlijsten/${id}/onderdelen/A`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ A1: "voldoet", A1__toelichting: comment, revision: String(revision), intent: "save" }),
    redirect: "manual",
  });

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("two instances on one PostgreSQL", () => {
  it("prepared the database once, and a session from one instance works on the other", async () => {
    expect((await query<{ n: number }>("select count(*)::int as n from region"))[0]!.n).toBe(28);
    expect((await query<{ n: number }>("select count(*)::int as n from user_account where email = 'programma@demo.example'"))[0]!.n).toBe(1);
    const { cookie } = await logIn(a.base, "programma@demo.example");
    expect((await fetch(`${b.base}/programma`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
    expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
  });

  it("NUL in a search, which PostgreSQL cannot store or compare, is a 400 with a Dutch message, never a 500 (issue 23, 4)", async () => {
    const { cookie } = await logIn(a.base, "programma@demo.example");
    for (const path of ["/programma/audit?wie=a%00b", "/programma/audit?onderwerp=a%00b", "/programma/organisatie?regio=alle&zoek=a%00b"]) {
      const response = await fetch(a.base + path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain("nul-teken");
    }
    const form = await fetch(`${b.base}/wachtwoord-vergeten`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%00b%40gemeente.nl",
      redirect: "manual",
    });
    expect(form.status).toBe(400);
    expect((await fetch(`${a.base}/programma/audit?wie=programma`, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it("a save sent to both with the same revision: one is stored, the other is told it is stale", async () => {
    const { cookie } = await logIn(a.base, "team.zaandam-oost@demo.example");
    const { id, revision } = await sectionA(a.base, cookie);
    const [fromA, fromB] = await Promise.all([save(a.base, cookie, id, revision, "via A"), save(b.base, cookie, id, revision, "via B")]);
    expect([fromA.status, fromB.status].sort()).toEqual([302, 409]);
    const [row] = await query<{ revision: number }>("select revision from response where id = $1", [id]);
    expect(row!.revision).toBe(revision + 1);
  });

  it("the login throttle counts the failures sent to both instances", async () => {
    const email = "gemeente.enschede@demo.example";
    const wrong = await Promise.all([...Array(3)].flatMap(() => [logIn(a.base, email, "fout-wachtwoord-1"), logIn(b.base, email, "fout-wachtwoord-2")]));
    expect(wrong.every((r) => r.status === 200 || r.status === 400 || r.status === 401)).toBe(true);
    // Six failures in all (five free): the right password now waits, on either instance.
    expect((await logIn(a.base, email)).status).toBe(429);
    expect((await logIn(b.base, email)).status).toBe(429);
  });

  it("keeps every acknowledged save when both instances are killed in a burst of saves", async () => {
    const writers = await Promise.all(
      ["team.enschede-centrum@demo.example", "team.zaandam-west@demo.example"].map(async (email, i) => {
        const base = i === 0 ? a.base : b.base;
        const { cookie } = await logIn(base, email);
        return { base, cookie, ...(await sectionA(base, cookie)), acked: null as null | { revision: number; comment: string }, inFlight: "" };
      }),
    );
    let stop = false;
    const loops = writers.map(async (w) => {
      for (let i = 0; !stop && i < 10_000; i++) {
        w.inFlight = `opslag ${w.id} ${i}`;
        try {
          const response = await save(w.base, w.cookie, w.id, w.revision, w.inFlight);
          if (response.status !== 302) return;
          w.revision += 1;
          w.acked = { revision: w.revision, comment: w.inFlight };
        } catch {
          return; // the instance is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    a.child.kill("SIGKILL");
    b.child.kill("SIGKILL");
    stop = true;
    await Promise.all(loops);
    await Promise.all([exited(a.child), exited(b.child)]);
    for (const w of writers) {
      expect(w.acked).not.toBeNull();
      const [row] = await query<{ revision: number; comment: string }>(
        "select r.revision, a.comment from response r join answer a on a.response_id = r.id and a.item_key = 'A1' where r.id = $1",
        [w.id],
      );
      expect(row!.revision).toBeGreaterThanOrEqual(w.acked!.revision);
      expect([w.acked!.comment, w.inFlight]).toContain(row!.comment);
    }
    // Both start again on the same database.
    [a, b] = await Promise.all([start(), start()]);
    expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
  });
});
