import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedForRound } from "../../app/models/results.server.ts";
import { openDatabase } from "../../db/client.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

// The results cache of a round (cachedForRound): what the dashboard and results pages rely on.

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

describe("the round's results cache", () => {
  it("computes once for requests that arrive together, reuses it while nothing changed, and computes again after a change", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return computed;
    };
    const together = await Promise.all(Array.from({ length: 5 }, () => cachedForRound(context.db, world.roundId, "test", compute)));
    expect(together).toEqual([1, 1, 1, 1, 1]);
    expect(computed).toBe(1);
    // A later read with nothing changed gets the kept value.
    expect(await cachedForRound(context.db, world.roundId, "test", compute)).toBe(1);
    expect(computed).toBe(1);
    await context.db.updateTable("team").set({ active: 0 }).where("id", "=", world.teams.teamB).execute();
    expect(await cachedForRound(context.db, world.roundId, "test", compute)).toBe(2);
  });

  it("sees a write made through another connection (another worker, a CLI) at the next read", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedForRound(context.db, world.roundId, "other", compute)).toBe(1);
    const other = openDatabase(context.file);
    try {
      await other.updateTable("team").set({ active: 0 }).where("id", "=", world.teams.teamB).execute();
    } finally {
      await other.destroy();
    }
    expect(await cachedForRound(context.db, world.roundId, "other", compute)).toBe(2);
  });

  it("does not keep a computation that failed", async () => {
    const failing = () => Promise.reject(new Error("kapot"));
    await expect(cachedForRound(context.db, world.roundId, "fails", failing)).rejects.toThrow("kapot");
    expect(await cachedForRound(context.db, world.roundId, "fails", async () => "gelukt")).toBe("gelukt");
  });
});
