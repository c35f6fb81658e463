import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedQuery } from "../../db/fixed-query.ts";
import type { DB } from "../../db/client.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

// A fixed query is built once and then run with each call's values (db/fixed-query.ts). What callers
// rely on: every call gets the rows of its own values, on SQLite and on PostgreSQL, inside and outside
// a transaction, with constants of the query kept as they were written.

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const teamsOf = fixedQuery((db: DB, args: { municipalityId: number; name: string }) =>
  db
    .selectFrom("team")
    .select(["id", "name"])
    .where("municipality_id", "=", args.municipalityId)
    .where("name", "!=", args.name)
    // A constant beside the values: it stays what it was when the query was built.
    .where("active", "=", 1)
    .orderBy("id"),
);

const directly = (municipalityId: number, name: string) =>
  context.db
    .selectFrom("team")
    .select(["id", "name"])
    .where("municipality_id", "=", municipalityId)
    .where("name", "!=", name)
    .where("active", "=", 1)
    .orderBy("id")
    .execute();

describe("a fixed query", () => {
  it("answers every call with the rows of that call's values, as the query built anew would", async () => {
    const municipalities = await context.db.selectFrom("municipality").select("id").orderBy("id").limit(3).execute();
    const team = await context.db.selectFrom("team").select(["municipality_id", "name"]).where("id", "=", world.teams.teamA).executeTakeFirstOrThrow();
    const asked = [[team.municipality_id, "niet bestaand"], [team.municipality_id, team.name], ...municipalities.map((m) => [m.id, "x"] as const)] as const;
    let nonEmpty = 0;
    for (const [municipalityId, name] of asked) {
      const rows = await teamsOf.execute(context.db, { municipalityId, name });
      expect(rows).toEqual(await directly(municipalityId, name));
      if (rows.length) nonEmpty++;
    }
    // The comparison means something only if some calls found teams and leaving one out changed the answer.
    expect(nonEmpty).toBeGreaterThan(0);
    const withA = await teamsOf.execute(context.db, { municipalityId: team.municipality_id, name: "niet bestaand" });
    const withoutA = await teamsOf.execute(context.db, { municipalityId: team.municipality_id, name: team.name });
    expect(withA.map((r) => r.name)).toContain(team.name);
    expect(withoutA.map((r) => r.name)).not.toContain(team.name);
  });

  it("takes a user's text as a value, never as SQL, and runs inside a transaction", async () => {
    const team = await context.db.selectFrom("team").select(["municipality_id"]).where("id", "=", world.teams.teamA).executeTakeFirstOrThrow();
    const hostile = `x' or '1'='1`;
    const rows = await context.db.transaction().execute((trx) => teamsOf.execute(trx, { municipalityId: -1, name: hostile }));
    expect(rows).toEqual([]);
    expect(await teamsOf.executeTakeFirst(context.db, { municipalityId: team.municipality_id, name: hostile })).toBeDefined();
  });

  it("refuses a call that leaves a value out", async () => {
    await expect(teamsOf.execute(context.db, { municipalityId: 1 } as never)).rejects.toThrow(/no value for name/);
  });
});
