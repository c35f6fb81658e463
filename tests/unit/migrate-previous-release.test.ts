import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../app/server/bootstrap.server.ts";
import { cycleRoundId } from "../../app/models/cycles.server.ts";
import { TEMPLATE_DIR } from "../support/paths.ts";

/**
 * `npm run db:migrate` on the demo database of the previous release (commit 6aa3edb, built with its own
 * `npm run db:reset`, kept gzipped in tests/fixtures/): it migrates, every region keeps the round its
 * cycle works on, every response keeps its version, and the rounds get the version they used.
 */
const file = join(TEMPLATE_DIR, `previous-release-${process.pid}.db`);
writeFileSync(file, gunzipSync(readFileSync("tests/fixtures/demo-release-2026-11.db.gz")));
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

function before() {
  const db = new SQLite(file, { readonly: true });
  const migrations = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name);
  const versions = db.prepare("select id, questionnaire_version_id as v from response order by id").all();
  const rounds = db.prepare("select id from round where kind = 'zelfscan' order by opens_on desc, id desc").all() as { id: number }[];
  // The previous release's rule: the round of the latest transition that records one, else the (only) zelfscan round.
  const cycles = (db.prepare("select id from region order by id").all() as { id: number }[]).map((r) => {
    const recorded = db.prepare("select round_id from phase_transition where region_id = ? and round_id is not null order by id desc limit 1").get(r.id) as
      { round_id: number } | undefined;
    return [r.id, recorded?.round_id ?? rounds[0]!.id] as const;
  });
  db.close();
  return { migrations, versions, cycles };
}

describe("the previous release's demo database", () => {
  const old = before();

  it("is what the previous release made (migrations 0001 to 0005)", () => {
    expect(old.migrations).toEqual(["0001-init", "0002-phases-review-plans", "0003-round-kind", "0004-login-throttle", "0005-audit-accounts"]);
  });

  it("migrates with npm run db:migrate, and the product starts on it", async () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], {
      env: { ...process.env, DATABASE_URL: file },
      encoding: "utf8",
    });
    expect(output).toMatch(/^Toegepast: 0006-password-reset, 0007-round-versions-notifications/);

    const db = new SQLite(file, { readonly: true });
    expect(db.prepare("select id, questionnaire_version_id as v from response order by id").all()).toEqual(old.versions);
    // Each round now fixes the version its responses used.
    const unfixed = db
      .prepare(
        "select count(*) n from round_questionnaire rq where rq.questionnaire_version_id is null or exists (select 1 from response r where r.round_id = rq.round_id and r.questionnaire_key = rq.questionnaire_key and r.questionnaire_version_id != rq.questionnaire_version_id)",
      )
      .get() as { n: number };
    expect(unfixed.n).toBe(0);
    // The demo accounts moved to the reserved domain, their unsent mail is held, and no mail keeps a
    // working link (migration 0010).
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("select count(*) n from user_account where email like '%@demo.nl'")).toBe(0);
    expect(count("select count(*) n from user_account where email like '%@demo.example'")).toBeGreaterThan(50);
    expect(count("select count(*) n from outbox where sent_at is null and held is null")).toBe(0);
    expect(count("select count(*) n from outbox where body like '%/uitnodiging/%' or body like '%/wachtwoord-herstellen/%'")).toBe(0);
    db.close();

    const { db: app, seeded } = await prepareDatabase({ databasePath: file });
    try {
      expect(seeded).toBe(false);
      for (const [regionId, roundId] of old.cycles) expect(await cycleRoundId(app, regionId), `region ${regionId}`).toBe(roundId);
    } finally {
      await app.destroy();
    }
  });
});

/**
 * The same on the demo database of the release before issues 23-25 (commit 72222a8, on Node 20, with its own
 * `npm run db:reset`): migration 0010 moves the demo to its reserved domain, and 0011 rebuilds the account and
 * questionnaire tables on SQLite for the Veilig Thuis role and audience, keeping every row, id and reference.
 */
const lastRelease = join(TEMPLATE_DIR, `last-release-${process.pid}.db`);
writeFileSync(lastRelease, gunzipSync(readFileSync("tests/fixtures/demo-release-2026-12.db.gz")));
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(lastRelease + suffix, { force: true });
});

describe("the last release's demo database", () => {
  const snapshot = () => {
    const db = new SQLite(lastRelease, { readonly: true });
    const rows = (sql: string) => db.prepare(sql).all();
    const result = {
      migrations: rows("select name from kysely_migration order by name").map((r) => (r as { name: string }).name),
      accounts: rows("select id, role, team_id, municipality_id, region_id from user_account order by id"),
      versions: rows("select id, key, version, audience from questionnaire_version order by id"),
      fixed: rows("select round_id, questionnaire_key, audience, questionnaire_version_id from round_questionnaire order by round_id, questionnaire_key"),
      responses: rows("select id, questionnaire_version_id, team_id, municipality_id, status from response order by id"),
    };
    db.close();
    return result;
  };
  const old = snapshot();

  it("is what the last release made (migrations 0001 to 0009)", () => {
    expect(old.migrations.at(-1)).toBe("0009-outbox-claim");
    expect(old.migrations).toHaveLength(9);
  });

  it("migrates with npm run db:migrate, keeps every account, version and response, and takes a Veilig Thuis account", async () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], {
      env: { ...process.env, DATABASE_URL: lastRelease },
      encoding: "utf8",
    });
    expect(output).toMatch(/^Toegepast: 0010-safe-demo-and-outbox, 0011-professionals-and-veilig-thuis/);
    const now = snapshot();
    expect(now.accounts).toEqual(old.accounts);
    expect(now.versions).toEqual(old.versions);
    expect(now.fixed).toEqual(old.fixed);
    expect(now.responses).toEqual(old.responses);

    const db = new SQLite(lastRelease);
    try {
      db.pragma("foreign_keys = on");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const region = (db.prepare("select id from region order by id limit 1").get() as { id: number }).id;
      const insert = db.prepare("insert into user_account (email, name, password_hash, role, region_id, created_at) values (?, ?, '', ?, ?, ?)");
      expect(() => insert.run("vt@demo.example", "Veilig Thuis", "veilig_thuis", region, new Date().toISOString())).not.toThrow();
      // The checks still hold: a role that does not exist, or Veilig Thuis without its region, is refused.
      expect(() => insert.run("x@demo.example", "X", "beheerder", region, new Date().toISOString())).toThrow(/CHECK/);
      expect(() => insert.run("y@demo.example", "Y", "veilig_thuis", null, new Date().toISOString())).toThrow(/CHECK/);
    } finally {
      db.close();
    }
    const { db: app, seeded } = await prepareDatabase({ databasePath: lastRelease });
    try {
      expect(seeded).toBe(false);
      expect(await app.selectFrom("view_request").select("id").execute()).toEqual([]);
    } finally {
      await app.destroy();
    }
  });
});
