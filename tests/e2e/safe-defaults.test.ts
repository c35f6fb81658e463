import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, stopServer, type ServerProcess } from "../../scripts/start-command.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";

// Issue 23: a real deployment is safe by default. Each test starts the production server as npm start
// does, with its own database and settings, and reads what it printed.

const dir = mkdtempSync(join(tmpdir(), "wav-safe-"));
const started: ServerProcess[] = [];
const start = async (env: Record<string, string>) => {
  const server = await startProductionServer(env, { keepOutput: true });
  started.push(server);
  return server;
};
/** The server's first answer to a login as this demo account: its session cookie. */
const logIn = async (base: string, email: string) => {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "demo-veilig-2025" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
};
const count = (file: string, sql: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const server of started) await stopServer(server);
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("demo data only where it cannot harm", () => {
  const demoFile = join(dir, "demo.db");

  it("the demo's first start with a mail server sends no demo mail; its links use the installation's origin; mail to a real address is sent, and keeps no link once sent", async () => {
    const server = await start({ DATABASE_URL: demoFile, SMTP_URL: sink.url, MAIL_FROM: "Zelfscan <noreply@zelfscan.test>" });
    expect(server.output()).toContain("Nieuwe database met demodata");
    const page = await (await fetch(`${server.base}/login`)).text();
    expect(page).toContain("Demo-omgeving.");
    // The sender looks one second after start: give it three.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(sink.received).toEqual([]);
    expect(count(demoFile, "select count(*) n from outbox")).toBeGreaterThan(50);
    expect(count(demoFile, "select count(*) n from outbox where held = 'demo'")).toBe(count(demoFile, "select count(*) n from outbox"));
    expect(count(demoFile, "select count(*) n from user_account where email not like '%@demo.example'")).toBe(0);
    expect(count(demoFile, `select count(*) n from outbox where body like '%http://localhost:${server.port}/%'`)).toBeGreaterThan(0);
    expect(count(demoFile, "select count(*) n from outbox where body like '%localhost:3000%'")).toBe(0);

    // A reset asked for a demo account is held, not sent.
    await fetch(`${server.base}/wachtwoord-vergeten`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=team.zaandam-oost%40demo.example",
      redirect: "manual",
    });
    // An invitation to a real address leaves, with its link; the stored copy loses the link.
    const cookie = await logIn(server.base, "gemeente.zaanstad@demo.example");
    const accounts = await (await fetch(`${server.base}/beheer/accounts`, { headers: { cookie } })).text();
    const team = /<option value="(\d+)"[^>]*>Wijkteam Zaandam Oost/.exec(accounts)?.[1];
    expect(team).toBeDefined();
    const invite = await fetch(`${server.base}/beheer/accounts`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ intent: "create", name: "Nieuwe Collega", email: "collega@gemeente-voorbeeld.nl", role: "teammanager", scope: team! }),
      redirect: "manual",
    });
    expect(invite.status).toBeLessThan(400);
    await expect.poll(() => sink.received.length, { timeout: 10_000 }).toBe(1);
    expect(sink.received[0]!.to).toEqual(["collega@gemeente-voorbeeld.nl"]);
    expect(sink.received[0]!.text).toMatch(new RegExp(`http://localhost:${server.port}/uitnodiging/[A-Za-z0-9_-]{43}`));
    await expect.poll(() => count(demoFile, "select count(*) n from outbox where recipient = 'collega@gemeente-voorbeeld.nl' and sent_at is not null")).toBe(1);
    expect(count(demoFile, "select count(*) n from outbox where body like '%/uitnodiging/%' or body like '%/wachtwoord-herstellen/%'")).toBe(0);
    expect(sink.received.map((m) => m.to[0])).not.toContain("team.zaandam-oost@demo.example");
    await stopServer(server);
  });

  it("production refuses to start with demo accounts at a public address, naming the variables; SEED_DEMO=true starts it on purpose", async () => {
    const file = join(dir, "demo-copy.db");
    copyFileSync(demoFile, file);
    const publicSite = { DATABASE_URL: file, APP_ORIGIN: "https://zelfscan.gemeente-voorbeeld.nl", SECRET_KEY: "ab".repeat(32) };
    await expect(start(publicSite)).rejects.toThrow(/Start afgebroken: De database bevat de demo-accounts[\s\S]*APP_ORIGIN[\s\S]*SEED_DEMO=true/);
    const onPurpose = await start({ ...publicSite, SEED_DEMO: "true" });
    expect(await (await fetch(`${onPurpose.base}/login`)).text()).toContain("Demo-omgeving.");
    await stopServer(onPurpose);
  });

  it("a new database at a public address gets no demo accounts and no banner", async () => {
    const file = join(dir, "echt.db");
    const server = await start({ DATABASE_URL: file, APP_ORIGIN: "https://zelfscan.gemeente-voorbeeld.nl", SECRET_KEY: "ab".repeat(32) });
    expect(server.output()).not.toContain("Demo-accounts");
    expect(count(file, "select count(*) n from user_account")).toBe(0);
    expect(count(file, "select count(*) n from municipality")).toBe(342);
    expect(await (await fetch(`${server.base}/login`)).text()).not.toContain("Demo-omgeving");
    await stopServer(server);
  });
});

describe("requests the framework or the database would answer with a 500", () => {
  let server: ServerProcess;
  const file = join(dir, "requests.db");
  beforeAll(async () => {
    server = await start({ DATABASE_URL: file, WEB_CONCURRENCY: "1", DATABASE_BUSY_TIMEOUT_MS: "300" });
  });

  it("?_data= is refused with 400 before route code runs, anonymous or signed in, and leaves no stack trace in the log", async () => {
    const cookie = await logIn(server.base, "regio.zaanstreek-waterland@demo.example");
    const before = server.output().length;
    const path = "/rondetafels/2027/21/input?_data=routes%2Frondetafels.%24year.%24regionId.input";
    for (const headers of [{}, { cookie }] as Record<string, string>[]) {
      const response = await fetch(server.base + path, { headers });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("_data");
    }
    expect((await fetch(`${server.base}/login?_data=root`)).status).toBe(400);
    // The request log writes a line when each response has gone out: wait for the three.
    const statuses = () =>
      server
        .output()
        .slice(before)
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { method: string; status: number })
        .filter((line) => line.method === "GET")
        .map((line) => line.status);
    await expect.poll(statuses).toEqual([400, 400, 400]);
    expect(server.output().slice(before)).not.toMatch(/Error| {4}at /);
  });

  it("NUL in a search or any parameter is 400, never 500 (on PostgreSQL too: tests/e2e/postgres.test.ts)", async () => {
    const cookie = await logIn(server.base, "programma@demo.example");
    for (const path of [
      "/programma/audit?wie=a%00b",
      "/programma/audit?handeling=a%00b",
      "/programma/audit?soort=a%00b",
      "/programma/audit?onderwerp=a%00b",
      "/programma/organisatie?regio=alle&zoek=a%00b",
      "/teams/1%00",
    ]) {
      const response = await fetch(server.base + path, { headers: { cookie } });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain("nul-teken");
    }
    expect((await fetch(`${server.base}/programma/audit?wie=a%ZZb`, { headers: { cookie } })).status).toBe(200);
  });

  it("a database that stays busy answers 503 with Retry-After, a Dutch page and one log line", async () => {
    const locker = new SQLite(file);
    locker.exec("begin immediate"); // another process holds the write lock
    try {
      const before = server.output().length;
      const response = await fetch(`${server.base}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=programma%40demo.example&password=demo-veilig-2025",
        redirect: "manual",
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const html = await response.text();
      expect(html).toContain("Even te druk");
      expect(html).toContain("probeer het over een paar seconden opnieuw");
      const log = server.output().slice(before);
      expect(log).toContain('"event":"database_busy"');
      expect(log).not.toMatch(/SqliteError| {4}at /);
    } finally {
      locker.exec("rollback");
      locker.close();
    }
    expect((await fetch(`${server.base}/login`)).status).toBe(200);
  });
});
