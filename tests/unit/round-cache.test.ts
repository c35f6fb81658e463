import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedForRound } from "../../app/models/results.server.ts";
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
  it("computes once for requests that arrive together, and again after a change to the round", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return computed;
    };
    const together = await Promise.all(Array.from({ length: 5 }, () => cachedForRound(context.db, world.roundId, "test", compute)));
    expect(together).toEqual([1, 1, 1, 1, 1]);
    expect(computed).toBe(1);
    await context.db.updateTable("team").set({ active: 0 }).where("id", "=", world.teams.teamB).execute();
    expect(await cachedForRound(context.db, world.roundId, "test", compute)).toBe(2);
  });

  it("does not keep a computation that failed", async () => {
    const failing = () => Promise.reject(new Error("kapot"));
    await expect(cachedForRound(context.db, world.roundId, "fails", failing)).rejects.toThrow("kapot");
    expect(await cachedForRound(context.db, world.roundId, "fails", async () => "gelukt")).toBe("gelukt");
  });
});
