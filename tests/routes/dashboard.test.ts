import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhaseKey } from "../../app/domain/phases.ts";
import { phasePicture, zelfscanPicture } from "../../app/models/dashboard.server.ts";
import { ensureRoundTableRound } from "../../app/models/rondetafel.server.ts";
import { getDefinition } from "../../app/models/response.server.ts";
import { roundVersionId } from "../../app/models/rounds.server.ts";
import { insertResponse, insertTeam, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import * as dashboard from "../../app/routes/programma.dashboard.tsx";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { getRequest, run } from "../support/http.ts";

// Where each dashboard figure comes from: the product's transition log, the round-table record, or
// neither, on a small world with hand-made data.
let context: TestContext;
let world: World;
const NOW = new Date("2026-12-01T12:00:00Z");
const regionId = async (name: string) => (await context.db.selectFrom("region").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

async function transition(region: number, to: PhaseKey, at: string) {
  await context.db
    .insertInto("phase_transition")
    .values({
      region_id: region,
      from_phase: "preparation",
      to_phase: to,
      kind: "override",
      round_id: null,
      actor_id: world.users.programma,
      at,
      reason: "test",
    })
    .execute();
}

async function record(region: number, year: number, fase: PhaseKey) {
  const roundId = await ensureRoundTableRound(context.db, year, NOW);
  await insertResponse(context.db, {
    roundId,
    questionnaireKey: "rondetafel",
    subject: { regionId: region },
    userId: world.users.programma,
    answers: { fase: { value: fase, comment: null } },
    submit: false,
  });
  // A record counts once submitted; the test sets the status directly, the answers are what matters here.
  await context.db
    .updateTable("response")
    .set({ status: "submitted", submitted_at: `${year}-09-20T10:00:00.000Z` })
    .where("round_id", "=", roundId)
    .where("region_id", "=", region)
    .execute();
}

beforeAll(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  const groningen = await regionId("Groningen");
  // Twente: a log (selfscan since May 2024) and a record of 2024 that says analysis: the log wins.
  await transition(world.regions.twente, "selfscan", "2024-05-01T10:00:00.000Z");
  await record(world.regions.twente, 2024, "analysis");
  // Zaanstreek-Waterland: a record of 2024 only; its log starts in 2025.
  await record(world.regions.zaanstreek, 2024, "plans");
  await transition(world.regions.zaanstreek, "analysis", "2025-03-01T10:00:00.000Z");
  // Groningen: a log only.
  await transition(groningen, "plans", "2024-02-01T10:00:00.000Z");
});
afterAll(() => context.close());

describe("the phase of each region and where it comes from", () => {
  it("in a past year: the log where the region had a transition by the end of the year, else the record, else unknown", async () => {
    const picture = await phasePicture(context.db, 2024, NOW);
    const of = (name: string) => picture.regions.find((r) => r.name === name)!;
    expect(of("Twente")).toMatchObject({ phase: "selfscan", source: "log" });
    expect(of("Zaanstreek-Waterland")).toMatchObject({ phase: "plans", source: "record" });
    expect(of("Groningen")).toMatchObject({ phase: "plans", source: "log" });
    expect(of("Drenthe")).toMatchObject({ phase: null, source: null });
    expect(picture.perSource).toEqual({ log: 2, record: 1, none: 25 });
    expect(picture.perPhase).toEqual({ preparation: 0, selfscan: 1, analysis: 0, plans: 2, execution: 0 });
    expect(picture.live).toBe(false);
  });

  it("this year: every region the product knows has a phase (no transition yet: voorbereiding), stand on today", async () => {
    const picture = await phasePicture(context.db, 2026, NOW);
    expect(picture.perSource).toEqual({ log: 28, record: 0, none: 0 });
    expect(picture.perPhase).toEqual({ preparation: 25, selfscan: 1, analysis: 1, plans: 1, execution: 0 });
    expect(picture.until).toBe(NOW.toISOString());
  });

  it("the page says per block how many regions each source gave", async () => {
    const page = await run(dashboard.loader, getRequest("/programma/dashboard?jaar=2024", await sessionCookieFor(context, world.users.programma)), context);
    expect(page.status).toBe(200);
    expect(page.data.view.phases.source).toBe(
      "Bron: de faseregistratie in deze toepassing voor 2 regio's (stand op 31 december 2024), het rondetafelverslag 2024 voor 1 regio; van 25 regio's is de fase in 2024 niet bekend.",
    );
    // Not the demo database: the product's own figures say so, and no list of regions is marked demo.
    expect(page.data.view.demo).toBe(false);
    const rows = [page.data.view.phases, ...page.data.view.blocks].flatMap((b: { rows: { provenance: string; regionsDemo: boolean }[] }) => b.rows);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatchObject({ provenance: "uit deze toepassing", regionsDemo: false });
    // The 25 regions of which nothing is known are counted and named, so the phases account for all 28.
    const unknown = page.data.view.phases.rows.find((r: { key: string }) => r.key === "fase-onbekend");
    expect(unknown).toMatchObject({ count: 25, label: "Fase niet bekend (geen registratie of verslag)" });
    expect(unknown.regions).toContain("Drenthe");
    expect(page.data.view.phases.rows.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(28);
  });
});

describe("the zelfscan per region", () => {
  it("shows the share of teams that submitted, and theme scores only from 3 submitted teams on", async () => {
    const versionId = (await roundVersionId(context.db, world.roundId, TEAM_QUESTIONNAIRE))!;
    const definition = await getDefinition(context.db, versionId);
    const submit = (teamId: number, userId: number) =>
      insertResponse(context.db, {
        roundId: world.roundId,
        questionnaireKey: TEAM_QUESTIONNAIRE,
        subject: { teamId },
        userId,
        answers: validAnswers(definition),
        submit: true,
      });
    await submit(world.teams.teamA, world.users.teamA);
    await submit(world.teams.teamB, world.users.teamB);
    await submit(world.teams.teamZaanstad, world.users.teamZaanstad);
    let twente = (await zelfscanPicture(context.db, 2026, NOW)).find((r) => r.name === "Twente")!;
    expect(twente).toMatchObject({ round: "Zelfscan test", teams: 3, submitted: 2, themes: null });

    await submit(world.teams.teamHengelo, world.users.programma);
    await insertTeam(context.db, { municipalityId: world.municipalities.hengelo, name: "Team Hengelo Noord" });
    const picture = await zelfscanPicture(context.db, 2026, NOW);
    twente = picture.find((r) => r.name === "Twente")!;
    expect(twente).toMatchObject({ teams: 4, submitted: 3 });
    expect(twente.themes!.map((t) => t.theme)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    expect(twente.themes!.slice(0, 8).every((t) => t.score !== null)).toBe(true);
    expect(picture.find((r) => r.name === "Zaanstreek-Waterland")).toMatchObject({ submitted: 1, themes: null });
  });
});
