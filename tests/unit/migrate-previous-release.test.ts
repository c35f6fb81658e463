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
