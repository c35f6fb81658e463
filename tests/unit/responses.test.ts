import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  getAnswers,
  getOrCreateResponse,
  getResponse,
  latestVersionOf,
  listTeamResponses,
  saveAnswers,
  submitResponse,
  summariseMunicipalities,
} from "../../app/models/response.server.ts";
import { TEAM_QUESTIONNAIRE, MUNICIPALITY_QUESTIONNAIRE, insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const start = (teamId = world.teams.teamA, userId = world.users.teamA) =>
  getOrCreateResponse(context.db, { roundId: world.roundId, questionnaireKey: TEAM_QUESTIONNAIRE, subject: { teamId }, userId });

describe("responses on a real SQLite file", () => {
  it("creates one response per team and round, pinned to the newest version, also when asked twice at once", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a).toBe(b);
    const response = (await getResponse(context.db, a))!;
    const version = (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!;
    expect(response.questionnaire_version_id).toBe(version.id);
    expect(response).toMatchObject({ status: "draft", revision: 0, team_name: "Team Enschede A", municipality_name: "Enschede", region_name: "Twente" });
  });

  it("saves answers and raises the revision; clearing an answer removes it", async () => {
    const id = await start();
    const first = await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 0,
      userId: world.users.teamA,
      answers: { A1: { value: "voldoet", comment: "toelichting" }, A2: { value: "nvt", comment: null } },
    });
    expect(first).toEqual({ ok: true, revision: 1 });
    const second = await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 1,
      userId: world.users.teamA,
      answers: { A2: { value: null, comment: null } },
    });
    expect(second).toEqual({ ok: true, revision: 2 });
    expect(await getAnswers(context.db, id)).toEqual({ A1: { value: "voldoet", comment: "toelichting" } });
  });

  it("rewrites only the answers that changed, so an unchanged answer keeps when and by whom it was last changed", async () => {
    const id = await start();
    const save = (expectedRevision: number, answers: Parameters<typeof saveAnswers>[1]["answers"], now: string) =>
      saveAnswers(context.db, { responseId: id, expectedRevision, userId: world.users.teamA, answers, now: new Date(now) });
    await save(0, { A1: { value: "voldoet", comment: null }, A2: { value: "nvt", comment: null } }, "2026-11-01T09:00:00Z");
    await save(1, { A1: { value: "voldoet", comment: null }, A2: { value: "voldoet_niet", comment: null } }, "2026-11-02T09:00:00Z");
    const rows = await context.db.selectFrom("answer").select(["item_key", "updated_at"]).where("response_id", "=", id).orderBy("item_key").execute();
    expect(rows).toEqual([
      { item_key: "A1", updated_at: "2026-11-01T09:00:00.000Z" },
      { item_key: "A2", updated_at: "2026-11-02T09:00:00.000Z" },
    ]);
  });

  it("saves and clears a section of any size: more answers than one statement takes values for", async () => {
    const id = await start();
    const keys = Array.from({ length: 6_000 }, (_, i) => `X${i}`);
    const answers = (value: string | null) => Object.fromEntries(keys.map((key) => [key, { value, comment: value && `bij ${value}` }]));
    expect(await saveAnswers(context.db, { responseId: id, expectedRevision: 0, userId: world.users.teamA, answers: answers("voldoet") })).toEqual({
      ok: true,
      revision: 1,
    });
    const saved = await getAnswers(context.db, id);
    expect(Object.keys(saved)).toHaveLength(6_000);
    expect(saved.X5999).toEqual({ value: "voldoet", comment: "bij voldoet" });
    expect(await saveAnswers(context.db, { responseId: id, expectedRevision: 1, userId: world.users.teamA, answers: answers(null) })).toEqual({
      ok: true,
      revision: 2,
    });
    expect(await getAnswers(context.db, id)).toEqual({});
  });

  it("writes what the caller adds in the same transaction, and not when the save is refused", async () => {
    const id = await start();
    const marks: string[] = [];
    const alsoWrite = async (trx: typeof context.db) => {
      await trx
        .insertInto("pending_save")
        .values({ user_id: world.users.teamA, path: "/marker", fields: "[]", created_at: new Date().toISOString() })
        .execute();
      marks.push("written");
    };
    await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 0,
      userId: world.users.teamA,
      answers: { A1: { value: "voldoet", comment: null } },
      alsoWrite,
    });
    await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 0,
      userId: world.users.teamA,
      answers: { A1: { value: "nvt", comment: null } },
      alsoWrite,
    });
    expect(marks).toEqual(["written"]);
    expect(await context.db.selectFrom("pending_save").select("path").execute()).toEqual([{ path: "/marker" }]);
  });

  it("refuses a save based on an older revision and leaves the stored answers alone", async () => {
    const id = await start();
    await saveAnswers(context.db, { responseId: id, expectedRevision: 0, userId: world.users.teamA, answers: { A1: { value: "voldoet", comment: null } } });
    const stale = await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 0,
      userId: world.users.teamA,
      answers: { A1: { value: "voldoet_niet", comment: null } },
    });
    expect(stale).toEqual({ ok: false, reason: "stale", revision: 1 });
    expect((await getAnswers(context.db, id)).A1?.value).toBe("voldoet");
  });

  it("of two saves on the same revision exactly one wins", async () => {
    const id = await start();
    const results = await Promise.all(
      ["voldoet", "voldoet_niet"].map((value) =>
        saveAnswers(context.db, { responseId: id, expectedRevision: 0, userId: world.users.teamA, answers: { A1: { value, comment: null } } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
  });

  it("submits once, records who and when, and then refuses every change", async () => {
    const id = await start();
    const now = new Date("2026-11-20T10:00:00Z");
    expect(await submitResponse(context.db, { responseId: id, expectedRevision: 0, userId: world.users.teamA, now })).toEqual({ ok: true, revision: 1 });
    const response = (await getResponse(context.db, id))!;
    expect(response).toMatchObject({ status: "submitted", submitted_at: now.toISOString(), submitted_by_name: "team.a" });
    const late = await saveAnswers(context.db, {
      responseId: id,
      expectedRevision: 1,
      userId: world.users.teamA,
      answers: { A1: { value: "voldoet", comment: null } },
    });
    expect(late).toEqual({ ok: false, reason: "submitted", revision: 1 });
    expect(await submitResponse(context.db, { responseId: id, expectedRevision: 1, userId: world.users.teamA })).toMatchObject({
      ok: false,
      reason: "submitted",
    });
  });

  it("lists a municipality's teams with their state, and summarises per municipality", async () => {
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
      answers: { A1: { value: "voldoet", comment: null } },
      submit: true,
    });
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
      answers: { A1: { value: "voldoet", comment: null } },
    });
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
      subject: { municipalityId: world.municipalities.enschede },
      userId: world.users.gemeenteEnschede,
      submit: true,
    });

    const teams = await listTeamResponses(context.db, {
      municipalityId: world.municipalities.enschede,
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
    });
    expect(teams.map((t) => [t.team_name, t.status, Number(t.answer_count ?? 0)])).toEqual([
      ["Team Enschede A", "submitted", 1],
      ["Team Enschede B", "draft", 1],
    ]);

    const rows = await summariseMunicipalities(context.db, {
      regionIds: [world.regions.twente],
      roundId: world.roundId,
      teamKey: TEAM_QUESTIONNAIRE,
      municipalityKey: MUNICIPALITY_QUESTIONNAIRE,
    });
    const enschede = rows.find((r) => r.name === "Enschede")!;
    const hengelo = rows.find((r) => r.name === "Hengelo")!;
    expect([enschede.team_count, enschede.submitted_count, enschede.in_progress_count, enschede.municipal_status]).toEqual([2, 1, 1, "submitted"]);
    expect([hengelo.team_count, hengelo.submitted_count, hengelo.in_progress_count, hengelo.municipal_status]).toEqual([1, 0, 0, null]);
    expect(rows).toHaveLength(14);
  });
});
