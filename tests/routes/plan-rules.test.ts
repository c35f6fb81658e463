import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAction } from "../../app/models/plan.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

// The plan's rules for a new action live in the plan module (issue 24, 5): its improvement point must be
// one of the region's findings of the round, of the action's theme; its owner team one of the gemeente's.

let context: TestContext;
let world: World;
let pointF: number;
let otherRegionPoint: number;
beforeAll(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  const point = (regionId: number, theme: string) =>
    context.db
      .insertInto("improvement_point")
      .values({ region_id: regionId, round_id: world.roundId, theme_key: theme, text: `Punt ${theme}`, position: 0 })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  pointF = await point(world.regions.twente, "F");
  otherRegionPoint = await point(world.regions.zaanstreek, "F");
});
afterAll(() => context.close());

const add = (action: { theme: string; pointId: number | null; ownerTeamId: number | null }) =>
  addAction(context.db, {
    municipalityId: world.municipalities.enschede,
    roundId: world.roundId,
    userId: world.users.gemeenteEnschede,
    action: { ...action, title: "Zicht na afsluiten", ownerName: null, due: "2099-06-30", status: "planned" },
  });

describe("a new improvement action", () => {
  it("refuses a point of another theme or region, and a team of another gemeente, with a message at the field, and stores nothing", async () => {
    expect(await add({ theme: "G", pointId: pointF, ownerTeamId: null })).toEqual({
      ok: false,
      errors: { point: "Dit verbeterpunt hoort bij thema F, niet bij G." },
    });
    expect(await add({ theme: "F", pointId: otherRegionPoint, ownerTeamId: world.teams.teamHengelo })).toEqual({
      ok: false,
      errors: { point: "Kies een verbeterpunt uit de lijst.", ownerTeam: "Kies een team van uw gemeente." },
    });
    expect(await context.db.selectFrom("improvement_action").select("id").execute()).toEqual([]);
  });

  it("adds one whose point and owner team fit", async () => {
    expect(await add({ theme: "F", pointId: pointF, ownerTeamId: world.teams.teamA })).toEqual({ ok: true });
    expect(await context.db.selectFrom("improvement_action").select(["theme_key", "owner_team_id"]).execute()).toEqual([
      { theme_key: "F", owner_team_id: world.teams.teamA },
    ]);
  });
});
