import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyDatabase } from "../../db/copy.ts";
import { openDatabase } from "../../db/client.ts";
import { prepareDatabase } from "../../app/server/bootstrap.server.ts";
import * as figuresCsv from "../../app/routes/programma.dashboard[.]csv.tsx";
import { newPostgresDatabase, TEST_CONFIG, type TestContext } from "../support/db.ts";
import { csvRows } from "../support/downloads.ts";
import { sessionCookieFor } from "../support/fixtures.ts";
import { getRequest, run } from "../support/http.ts";
import { onPostgres } from "../support/paths.ts";

// npm run db:copy: the demo's SQLite database into an empty PostgreSQL database; the product on the copy
// shows the same figures. Needs the run's PostgreSQL server, so it runs in the PostgreSQL run only.
const dir = mkdtempSync(join(tmpdir(), "wav-copy-"));
const drops: (() => void)[] = [];
afterAll(() => {
  for (const drop of drops) drop();
  rmSync(dir, { recursive: true, force: true });
});

const contextOf = (url: string): TestContext => {
  const db = openDatabase(url);
  return {
    db,
    file: url,
    config: TEST_CONFIG,
    close: () => db.destroy(),
  };
};

async function dashboardCsv(context: TestContext, year: number) {
  const programma = await context.db.selectFrom("user_account").select("id").where("email", "=", "programma@demo.example").executeTakeFirstOrThrow();
  return csvRows(await run(figuresCsv.loader, getRequest(`/programma/dashboard.csv?jaar=${year}`, await sessionCookieFor(context, programma.id)), context));
}

describe.runIf(onPostgres())("db:copy from SQLite to PostgreSQL", () => {
  it("copies every table with its ids, sets the sequences after them, and the dashboard shows the same figures", { timeout: 120_000 }, async () => {
    const file = join(dir, "demo.db");
    await (await prepareDatabase({ databasePath: file, seedDemo: true, now: new Date("2026-11-01T09:00:00Z") })).db.destroy();
    const target = newPostgresDatabase();
    drops.push(target.drop);

    const copied = await copyDatabase(file, target.url);
    const rows = new Map(copied.map((t) => [t.table, t.rows]));
    expect(rows.get("region")).toBe(28);
    expect(rows.get("municipality")).toBe(342);
    expect(rows.get("answer")).toBeGreaterThan(1000);
    // Parents come before children.
    expect(copied.findIndex((t) => t.table === "region")).toBeLessThan(copied.findIndex((t) => t.table === "municipality"));

    const sqlite = contextOf(file);
    const postgres = contextOf(target.url);
    try {
      for (const year of [2020, 2021, new Date().getFullYear()])
        expect(await dashboardCsv(postgres, year), String(year)).toEqual(await dashboardCsv(sqlite, year));
      // A new row continues after the copied ids.
      const { id: maxId } = await postgres.db
        .selectFrom("region")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirstOrThrow();
      const { id } = await postgres.db.insertInto("region").values({ name: "Nieuwe regio", slug: "nieuwe-regio" }).returning("id").executeTakeFirstOrThrow();
      expect(id).toBe(Number(maxId) + 1);
    } finally {
      await sqlite.close();
      await postgres.close();
    }

    // A second copy into the same (now filled) database is refused.
    await expect(copyDatabase(file, target.url)).rejects.toThrow(/niet leeg/);
  });
});
