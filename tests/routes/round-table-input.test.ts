import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dayOf } from "../../app/domain/format.ts";
import { getResponse } from "../../app/models/response.server.ts";
import { INPUT_QUESTIONNAIRE, openRoundTableInput } from "../../app/models/round-table-input.server.ts";
import { regionInputView } from "../../app/services/round-table-input.server.ts";
import { insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as roundTables from "../../app/routes/programma.rondetafels.tsx";
import * as startInput from "../../app/routes/rondetafel-input.$year.tsx";
import * as inputPage from "../../app/routes/rondetafels.$year.$regionId.input.tsx";
import * as teamStart from "../../app/routes/teams.$teamId._index.tsx";
import * as municipalityStart from "../../app/routes/gemeenten.$municipalityId._index.tsx";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as section from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as submit from "../../app/routes/vragenlijsten.$responseId.indienen.tsx";
import * as openRecord from "../../app/routes/rondetafels.$year.$regionId._index.tsx";

// Issue 13: programma asks the teams and gemeenten of a region for input before its round-table talk;
// they answer a short questionnaire; the regio sees who answered and reminds the others; programma reads
// the input beside the record.

let context: TestContext;
let world: World;
const cookie = (userId: number) => sessionCookieFor(context, userId);
const inDays = (days: number) => dayOf(new Date(Date.now() + days * 86_400_000));
const YEAR = new Date().getUTCFullYear() + 1;

beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const ask = async (fields: Record<string, string>, userId = world.users.programma) =>
  run(
    roundTables.action,
    formRequest("/", { intent: "input", year: String(YEAR), region: "", deadline: inDays(30), ...fields }, await cookie(userId)),
    context,
  );
const asked = () => context.db.selectFrom("round_table_input").select(["region_id", "deadline"]).execute();
const notificationsOf = (userId: number) => context.db.selectFrom("notification").select(["kind", "text", "link"]).where("user_id", "=", userId).execute();

describe("programma asks for input", () => {
  it("for one region, then for all the others; twice for one region, a past deadline or another role stores nothing", async () => {
    const one = await ask({ region: String(world.regions.twente) });
    expect(one.status).toBe(302);
    expect(await asked()).toEqual([{ region_id: world.regions.twente, deadline: inDays(30) }]);
    // The teams and gemeenten of Twente were told; Zaanstreek's were not.
    expect((await notificationsOf(world.users.teamA)).map((n) => n.kind)).toEqual(["round_table_input.opened"]);
    expect((await notificationsOf(world.users.gemeenteHengelo))[0]!.text).toMatch(new RegExp(`rondetafelgesprek ${YEAR}, graag vóór`));
    expect(await notificationsOf(world.users.teamZaanstad)).toEqual([]);

    const twice = await ask({ region: String(world.regions.twente) });
    expect(twice.status).toBe(409);
    expect(twice.data.errors.region).toBe(`De input voor het rondetafelgesprek ${YEAR} is voor regio Twente al gevraagd. Er is niets gewijzigd.`);

    const past = await ask({ deadline: inDays(-1) });
    expect(past.status).toBe(409);
    expect(past.data.errors.deadline).toBe("Kies een uiterste datum vanaf vandaag.");
    // A date written the right way that does not exist says so.
    expect((await ask({ deadline: "2027-02-30" })).data.errors.deadline).toBe("2027-02-30 bestaat niet: februari 2027 heeft 28 dagen.");
    expect((await ask({ deadline: "30-02-2027" })).data.errors.deadline).toBe("30-02-2027 bestaat niet: februari 2027 heeft 28 dagen.");
    expect((await ask({ deadline: "eind februari" })).data.errors.deadline).toMatch(/dag-maand-jaar/);
    expect((await ask({ year: "2019" })).data.errors.year).toMatch(/dit jaar of later/);
    expect((await ask({ region: "999999" })).status).toBe(409);
    expect((await ask({}, world.users.regioTwente)).status).toBe(404);
    expect(await asked()).toHaveLength(1);

    // "All regions": every region not asked yet, each with this deadline; Twente keeps its own.
    const all = await ask({ deadline: inDays(40) });
    expect(all.location).toMatch(/input-gevraagd=27&al=1/);
    const rows = await asked();
    expect(rows).toHaveLength(28);
    expect(rows.find((r) => r.region_id === world.regions.twente)!.deadline).toBe(inDays(30));
    expect(rows.find((r) => r.region_id === world.regions.zaanstreek)!.deadline).toBe(inDays(40));
    expect((await ask({})).data.errors.region).toMatch(/al voor alle regio's gevraagd/);
  });
});

describe("a team manager gives input", () => {
  beforeEach(async () => {
    expect((await ask({ region: String(world.regions.twente) })).status).toBe(302);
  });
  const start = async (method: "GET" | "POST", userId: number) =>
    method === "GET"
      ? run(startInput.loader, getRequest(`/rondetafel-input/${YEAR}`, await cookie(userId)), context, { year: String(YEAR) })
      : run(startInput.action, formRequest(`/rondetafel-input/${YEAR}`, {}, await cookie(userId)), context, { year: String(YEAR) });

  it("sees the task, begins with a POST (GET writes nothing, twice is one response), fills in and submits", async () => {
    const page = await run(teamStart.loader, getRequest("/", await cookie(world.users.teamA)), context, { teamId: String(world.teams.teamA) });
    expect(page.data.inputTasks).toEqual([expect.objectContaining({ year: YEAR, deadline: inDays(30), responseId: null, status: null, open: true })]);
    expect((await start("GET", world.users.teamA)).status).toBe(200);
    expect(await context.db.selectFrom("response").select("id").where("questionnaire_key", "=", INPUT_QUESTIONNAIRE.team).execute()).toEqual([]);
    const first = await start("POST", world.users.teamA);
    const second = await start("POST", world.users.teamA);
    expect(first.location).toMatch(/^\/vragenlijsten\/\d+$/);
    expect(second.location).toBe(first.location);
    const responseId = Number(first.location!.split("/").pop());
    // GET now opens it.
    expect((await start("GET", world.users.teamA)).location).toBe(first.location);

    const post = async (key: string, fields: [string, string][]) =>
      run(
        section.action,
        formRequest(
          "/",
          [["intent", "save"], ["revision", String((await getResponse(context.db, responseId))!.revision)], ...fields],
          await cookie(world.users.teamA),
        ),
        context,
        {
          responseId: String(responseId),
          sectionKey: key,
        },
      );
    expect(
      (
        await post("ervaring", [
          ["goed", "Casusoverleg met Veilig Thuis."],
          ["knelpunten", "capaciteit"],
          ["knelpunten", "kennis"],
        ])
      ).status,
    ).toBeLessThan(400);
    const tooMany = await post("nodig", [
      ["nodig_regio", "Scholing."],
      ["kwaliteitskader", "verbeteren"],
      ["prioriteiten", "mda"],
      ["prioriteiten", "sociale_steun"],
      ["prioriteiten", "vrouwenopvang"],
      ["prioriteiten", "ouderenmishandeling"],
    ]);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.data)).toContain("Kies hoogstens 3 antwoorden.");
    expect(
      (
        await post("nodig", [
          ["nodig_regio", "Scholing."],
          ["kwaliteitskader", "verbeteren"],
          ["prioriteiten", "mda"],
        ])
      ).status,
    ).toBeLessThan(400);
    const submitted = await run(
      submit.action,
      formRequest("/", { revision: String((await getResponse(context.db, responseId))!.revision) }, await cookie(world.users.teamA)),
      context,
      { responseId: String(responseId) },
    );
    expect(submitted.location).toMatch(/ingediend=1/);
    // Input is not a zelfscan: the gemeente is not asked to review it.
    expect((await notificationsOf(world.users.gemeenteEnschede)).map((n) => n.kind)).toEqual(["round_table_input.opened"]);
    const after = await run(teamStart.loader, getRequest("/", await cookie(world.users.teamA)), context, { teamId: String(world.teams.teamA) });
    expect(after.data.inputTasks[0]).toMatchObject({ responseId, status: "submitted", open: false });
  });

  it("who sees the input: the team its own, the gemeente its own and its teams' once submitted, regio its region's, programma all", async () => {
    const round = (await context.db.selectFrom("round").select("id").where("year", "=", YEAR).executeTakeFirstOrThrow()).id;
    const teamInput = await insertResponse(context.db, {
      roundId: round,
      questionnaireKey: INPUT_QUESTIONNAIRE.team,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
    });
    const view = async (userId: number) => run(overview.loader, getRequest("/", await cookie(userId)), context, { responseId: String(teamInput) });
    expect((await view(world.users.teamA)).status).toBe(200);
    expect((await view(world.users.teamB)).status).toBe(404);
    expect((await view(world.users.gemeenteHengelo)).status).toBe(404);
    expect((await view(world.users.regioZaanstreek)).status).toBe(404);
    // A draft: the gemeente and the regio see that it exists, not its answers.
    expect((await view(world.users.gemeenteEnschede)).data.answers).toBeNull();
    expect((await view(world.users.regioTwente)).data.answers).toBeNull();
    expect((await view(world.users.programma)).data.answers).toBeNull();
    // A team of another region has nothing asked of it.
    expect((await start("GET", world.users.teamZaanstad)).status).toBe(404);
    expect((await start("POST", world.users.teamZaanstad)).status).toBe(404);
    expect((await start("GET", world.users.regioTwente)).status).toBe(404);
  });

  it("after the deadline the input stays readable and changes nothing", async () => {
    const startedId = Number((await start("POST", world.users.teamA)).location!.split("/").pop());
    await context.db
      .updateTable("round_table_input")
      .set({ deadline: inDays(-1) })
      .execute();
    const save = await run(
      section.action,
      formRequest(
        "/",
        [
          ["intent", "save"],
          ["revision", "0"],
          ["goed", "Te laat."],
        ],
        await cookie(world.users.teamA),
      ),
      context,
      { responseId: String(startedId), sectionKey: "ervaring" },
    );
    expect(save.status).toBe(403);
    expect(String(save.data)).toMatch(/De input kon tot en met .* worden gegeven/);
    expect(await context.db.selectFrom("answer").select("item_key").where("response_id", "=", startedId).execute()).toEqual([]);
    const page = await run(overview.loader, getRequest("/", await cookie(world.users.teamA)), context, { responseId: String(startedId) });
    expect(page.data).toMatchObject({ canEdit: false, lockedReason: expect.stringMatching(/kunnen niet meer worden gewijzigd/) });
    // The gemeente's own input cannot begin any more either.
    const late = await run(startInput.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, { year: String(YEAR) });
    expect(late.status).toBe(409);
    const start2 = await run(municipalityStart.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(start2.data.inputTasks[0]).toMatchObject({ open: false, responseId: null });
  });
});

describe("the regio and programma read the input", () => {
  let roundId: number;
  beforeEach(async () => {
    const opened = await openRoundTableInput(context.db, {
      year: YEAR,
      regionId: world.regions.twente,
      deadline: inDays(30),
      userId: world.users.programma,
      origin: "http://localhost",
    });
    if (!opened.ok) throw new Error(opened.message);
    roundId = opened.roundId;
    const give = (subject: { teamId: number } | { municipalityId: number }, userId: number, answers: Record<string, string>, submit = true) =>
      insertResponse(context.db, {
        roundId,
        questionnaireKey: "teamId" in subject ? INPUT_QUESTIONNAIRE.team : INPUT_QUESTIONNAIRE.municipality,
        subject,
        userId,
        answers: Object.fromEntries(Object.entries(answers).map(([k, value]) => [k, { value, comment: null }])),
        submit,
      });
    const complete = { nodig_regio: "Scholing.", kwaliteitskader: "zelfscan", prioriteiten: '["mda"]' };
    await give({ teamId: world.teams.teamA }, world.users.teamA, { ...complete, goed: "Casusoverleg.", knelpunten: '["capaciteit","kennis"]' });
    await give({ teamId: world.teams.teamB }, world.users.teamB, { ...complete, goed: "Scholen.", knelpunten: '["capaciteit"]', kwaliteitskader: "geborgd" });
    // A draft counts nowhere.
    await give({ teamId: world.teams.teamHengelo }, world.users.teamA, { goed: "Concept, nog niet af.", knelpunten: '["kennis"]' }, false);
    await give({ municipalityId: world.municipalities.hengelo }, world.users.gemeenteHengelo, { ...complete, goed: "Regie.", knelpunten: '["geen"]' });
  });

  it("per question the counts of the choices and every written answer with its team or gemeente; drafts left out", async () => {
    const [teams, municipalities] = await regionInputView(context.db, roundId, world.regions.twente);
    expect(teams!.submitted).toBe(2);
    const question = (key: string) => teams!.questions.find((q) => q.key === key)!;
    expect(Object.fromEntries(question("knelpunten").counts!.map((c) => [c.value, c.count]))).toEqual({
      draagvlak: 0,
      samenwerking: 0,
      capaciteit: 2,
      kennis: 1,
      gegevensdeling: 0,
      financiering: 0,
      geen: 0,
    });
    expect(
      question("kwaliteitskader")
        .counts!.filter((c) => c.count > 0)
        .map((c) => [c.value, c.count]),
    ).toEqual([
      ["zelfscan", 1],
      ["geborgd", 1],
    ]);
    expect(question("goed").texts).toEqual([
      { from: "Team Enschede A (Enschede)", text: "Casusoverleg." },
      { from: "Team Enschede B (Enschede)", text: "Scholen." },
    ]);
    expect(municipalities!.submitted).toBe(1);
    expect(municipalities!.questions.find((q) => q.key === "goed")!.texts).toEqual([{ from: "Gemeente Hengelo", text: "Regie." }]);
  });

  it("the input page lists who answered; the regio reminds the others once a day; another region's lead finds nothing", async () => {
    const params = { year: String(YEAR), regionId: String(world.regions.twente) };
    const page = await run(inputPage.loader, getRequest("/", await cookie(world.users.regioTwente)), context, params);
    expect(page.data.status.teams.map((t: { name: string; status: string }) => [t.name, t.status])).toEqual([
      ["Team Enschede A", "submitted"],
      ["Team Enschede B", "submitted"],
      ["Team Hengelo", "in_progress"],
    ]);
    expect((await run(inputPage.loader, getRequest("/", await cookie(world.users.regioZaanstreek)), context, params)).status).toBe(404);
    expect((await run(inputPage.action, formRequest("/", { confirm: "ja" }, await cookie(world.users.regioZaanstreek)), context, params)).status).toBe(404);
    expect((await run(inputPage.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, params)).status).toBe(404);

    // The first press only asks; nothing is sent before "Ja".
    const asking = await run(inputPage.action, formRequest("/", {}, await cookie(world.users.regioTwente)), context, params);
    expect(asking.data).toEqual({ confirm: true });
    expect((await notificationsOf(world.users.gemeenteEnschede)).map((n) => n.kind)).toEqual(["round_table_input.opened"]);
    const reminded = await run(inputPage.action, formRequest("/", { confirm: "ja" }, await cookie(world.users.regioTwente)), context, params);
    expect(reminded.location).toMatch(/herinnerd=\d+$/);
    // Told: Team Hengelo (a draft) and the gemeente Enschede (nothing yet); not those that submitted.
    expect((await notificationsOf(world.users.teamA)).map((n) => n.kind)).toEqual(["round_table_input.opened"]);
    expect((await notificationsOf(world.users.gemeenteEnschede)).map((n) => n.kind)).toEqual(["round_table_input.opened", "round_table_input.reminder"]);
    expect((await notificationsOf(world.users.gemeenteHengelo)).map((n) => n.kind)).toEqual(["round_table_input.opened"]);
    const again = await run(inputPage.action, formRequest("/", { confirm: "ja" }, await cookie(world.users.regioTwente)), context, params);
    expect(again.status).toBe(409);
    expect(again.data.error).toMatch(/al een herinnering gestuurd/);
  });

  it("the round-table record shows the region's input beside its own questions", async () => {
    const params = { year: String(YEAR), regionId: String(world.regions.twente) };
    const started = await run(openRecord.action, formRequest("/", {}, await cookie(world.users.programma)), context, params);
    const recordId = started.location!.split("/").pop()!;
    const record = await run(overview.loader, getRequest("/", await cookie(world.users.programma)), context, { responseId: recordId });
    expect(record.data.regionInput.views.map((v: { audience: string; submitted: number }) => [v.audience, v.submitted])).toEqual([
      ["team", 2],
      ["municipality", 1],
    ]);
  });
});
