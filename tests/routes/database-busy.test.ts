import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseBusy, openDatabase, type DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";
import { isPostgres } from "../../db/dialect.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

// Issue 23, 7: a database that stays busy past DATABASE_BUSY_TIMEOUT_MS fails with an error the server
// recognises as "busy" (it answers 503 with Retry-After: tests/e2e/safe-defaults.test.ts), on both
// databases: SQLite's write lock held by another connection, PostgreSQL's row lock held by another.

let context: TestContext;
let world: World;
let impatient: DB;
beforeAll(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  impatient = openDatabase(context.file, { busyTimeoutMs: 200 });
});
afterAll(async () => {
  await impatient.destroy();
  await context.close();
});

describe("a database that stays busy", () => {
  it("fails after the configured busy timeout with an error isDatabaseBusy recognises, and works again once free", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // Another connection writes and keeps its transaction open (SQLite: the write lock; PostgreSQL: the row).
    const holder = inTransaction(context.db, async (trx) => {
      await trx.updateTable("user_account").set({ name: "Vastgehouden" }).where("id", "=", world.users.teamA).execute();
      locked();
      await held;
    });
    await lockTaken;
    const started = Date.now();
    const error = await impatient
      .updateTable("user_account")
      .set({ name: "Ongeduldig" })
      .where("id", "=", world.users.teamA)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    const waited = Date.now() - started;
    release();
    await holder;
    expect(error, isPostgres(context.db) ? "PostgreSQL lock_timeout" : "SQLITE_BUSY").toBeInstanceOf(Error);
    expect(isDatabaseBusy(error)).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(150);
    await impatient.updateTable("user_account").set({ name: "Weer vrij" }).where("id", "=", world.users.teamA).execute();
    expect(isDatabaseBusy(new Error("iets anders"))).toBe(false);
  });
});
