import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDefinition, getResponse, latestVersionOf, listEvents } from "../../app/models/response.server.ts";
import { regionResults } from "../../app/models/results.server.ts";
import { currentPhase, phaseLog } from "../../app/models/phase.server.ts";
import type { AnswerMap } from "../../app/questionnaire/answers.ts";
import type { QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE, insertResponse, insertTeam } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as regionPage from "../../app/routes/regios.$regionId._index.tsx";
import * as resultsPage from "../../app/routes/regios.$regionId.resultaten.tsx";
import * as findingsPage from "../../app/routes/regios.$regionId.bevindingen.tsx";
import * as regionPlans from "../../app/routes/regios.$regionId.verbeterplannen.tsx";
import * as teamResults from "../../app/routes/teams.$teamId.resultaten.tsx";
import * as teamStart from "../../app/routes/teams.$teamId._index.tsx";
import * as planPage from "../../app/routes/gemeenten.$municipalityId.verbeterplan.tsx";
import { PAST_DUE_MESSAGE } from "../../app/forms/plan.ts";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as programmaPage from "../../app/routes/programma._index.tsx";
import * as roundsPage from "../../app/routes/programma.rondes.tsx";

let context: TestContext;
let world: World;
let teamDef: QuestionnaireDefinition;
let municipalDef: QuestionnaireDefinition;
const cookie = (userId: number) => sessionCookieFor(context, userId);

beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  teamDef = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
  municipalDef = await getDefinition(context.db, (await latestVersionOf(context.db, MUNICIPALITY_QUESTIONNAIRE))!.id);
});
afterEach(() => context.close());

/** Every scale item answered with `value`; other items valid. */
function answersWith(definition: QuestionnaireDefinition, value: string, overrides: AnswerMap = {}): AnswerMap {
  const answers = validAnswers(definition);
  for (const s of definition.sections) for (const i of s.items) if (i.type === "scale") answers[i.key] = { value, comment: null };
  return { ...answers, ...overrides };
}
const submitTeam = (teamId: number, userId: number, answers: AnswerMap) =>
  insertResponse(context.db, { roundId: world.roundId, questionnaireKey: TEAM_QUESTIONNAIRE, subject: { teamId }, userId, answers, submit: true });
const submitMunicipality = (municipalityId: number, userId: number) =>
  insertResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
    subject: { municipalityId },
    userId,
    answers: answersWith(municipalDef, "voldoet_deels"),
    submit: true,
  });
const regionParams = () => ({ regionId: String(world.regions.twente) });

describe("results, computed by hand on a small fixture", () => {
  it("averages per theme over submitted team scans only, with the distribution", async () => {
    await submitTeam(world.teams.teamA, world.users.teamA, answersWith(teamDef, "voldoet", { A1: { value: "voldoet_niet", comment: null } }));
    await submitTeam(world.teams.teamB, world.users.teamB, answersWith(teamDef, "voldoet_deels"));
    // A draft does not count.
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamHengelo },
      userId: world.users.programma,
      answers: answersWith(teamDef, "voldoet_niet"),
    });
    await submitMunicipality(world.municipalities.enschede, world.users.gemeenteEnschede);

    const results = await regionResults(context.db, { roundId: world.roundId, regionId: world.regions.twente });
    const theme = (key: string) => results.region.figures.find((f) => f.theme === key)!;
    // A: team A 5x voldoet + 1x niet = 10 points, team B 6x deels = 6 points; 16 of 24 -> 66.7
    expect(theme("A").score).toBe(66.7);
    expect(theme("A").distribution).toMatchObject({ voldoet: 5, voldoet_deels: 6, voldoet_niet: 1 });
    // B: 6x voldoet + 6x deels = 18 of 24 -> 75
    expect(theme("B").score).toBe(75);
    // I: the municipal part, all deels -> 50
    expect(theme("I").score).toBe(50);
    const enschede = results.municipalities.find((m) => m.name === "Enschede")!;
    const hengelo = results.municipalities.find((m) => m.name === "Hengelo")!;
    expect([enschede.teams, enschede.submitted, hengelo.teams, hengelo.submitted]).toEqual([2, 2, 1, 0]);
    expect(hengelo.figures.every((f) => f.score === null)).toBe(true);
  });

  it("shows a team's comparison groups only with at least 3 other submitted teams, and says why one is missing", async () => {
    await submitTeam(world.teams.teamA, world.users.teamA, answersWith(teamDef, "voldoet"));
    await submitTeam(world.teams.teamB, world.users.teamB, answersWith(teamDef, "voldoet_niet"));
    const hengelo = [world.teams.teamHengelo, await insertTeam(context.db, { municipalityId: world.municipalities.hengelo, name: "Hengelo 2" })];
    for (const teamId of hengelo) await submitTeam(teamId, world.users.programma, answersWith(teamDef, "voldoet_deels"));

    const page = await run(teamResults.loader, getRequest("/", await cookie(world.users.teamA)), context, { teamId: String(world.teams.teamA) });
    const groups = page.data.benchmark.comparisons as {
      label: string;
      teams: number;
      figures: { score: number }[] | null;
      decision: { reason: string | null };
    }[];
    // The team reads only its own answers: a group needs 3 other submitted teams, else it would give one away.
    expect(groups.map((g) => [g.label, g.teams, g.figures === null])).toEqual([
      ["Gemeente Enschede", 2, true],
      ["Regio Twente", 4, false],
      ["Nederland", 4, false],
    ]);
    expect(groups[0]!.decision.reason).toMatch(/minder dan 3 andere ingediende teams/);
    // Region: 1x all voldoet (100), 1x all niet (0), 2x all deels (50) -> 50
    expect(groups[1]!.figures![0]!.score).toBe(50);
    expect(page.data.benchmark.own[0].score).toBe(100);
    // Another team's results are not the team manager's to see.
    expect((await run(teamResults.loader, getRequest("/", await cookie(world.users.teamA)), context, { teamId: String(world.teams.teamB) })).status).toBe(404);
  });

  it("the results page is for the regio of the region and programma only", async () => {
    expect((await run(resultsPage.loader, getRequest("/"), context, regionParams())).status).toBe(302);
    for (const userId of [world.users.regioZaanstreek, world.users.gemeenteEnschede, world.users.teamA]) {
      expect((await run(resultsPage.loader, getRequest("/", await cookie(userId)), context, regionParams())).status).toBe(404);
    }
    expect((await run(resultsPage.loader, getRequest("/", await cookie(world.users.regioTwente)), context, regionParams())).status).toBe(200);
    expect((await run(resultsPage.loader, getRequest("/?ronde=999", await cookie(world.users.regioTwente)), context, regionParams())).status).toBe(404);
    expect((await run(resultsPage.loader, getRequest("/?ronde=abc", await cookie(world.users.regioTwente)), context, regionParams())).status).toBe(404);
  });
});

describe("the region's phase", () => {
  it("offers the next phase only when the guard holds, and logs who moved it", async () => {
    const regio = await cookie(world.users.regioTwente);
    const page = await run(regionPage.loader, getRequest("/", regio), context, regionParams());
    expect(page.data).toMatchObject({ phase: "preparation", since: null, canAdvance: true });
    const moved = await run(regionPage.action, formRequest("/", { intent: "advance", expected: "preparation" }, regio), context, regionParams());
    expect(moved.status).toBe(302);
    expect((await currentPhase(context.db, world.regions.twente)).phase).toBe("selfscan");

    // 0 of 3 teams submitted: refused, with the reason in words, and nothing logged.
    const refused = await run(regionPage.action, formRequest("/", { intent: "advance", expected: "selfscan" }, regio), context, regionParams());
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toContain("0 van de 3 teams hebben ingediend; nodig: 3 (80%).");
    expect(await phaseLog(context.db, world.regions.twente)).toHaveLength(1);
  });

  it("moving back needs a reason; a stale form is told; bad input changes nothing", async () => {
    const regio = await cookie(world.users.regioTwente);
    await run(regionPage.action, formRequest("/", { intent: "advance", expected: "preparation" }, regio), context, regionParams());
    const noReason = await run(regionPage.action, formRequest("/", { intent: "back", expected: "selfscan", reason: " " }, regio), context, regionParams());
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors).toEqual(["Geef een reden op."]);
    const stale = await run(regionPage.action, formRequest("/", { intent: "back", expected: "preparation", reason: "x" }, regio), context, regionParams());
    expect(stale.status).toBe(409);
    const bad: Record<string, string>[] = [
      { intent: "jump", expected: "selfscan" },
      { intent: "back", expected: "fase-9", reason: "x" },
      { intent: "override", expected: "selfscan", to: "plans", reason: "x" },
    ];
    for (const fields of bad) {
      expect((await run(regionPage.action, formRequest("/", fields, regio), context, regionParams())).status).toBe(400);
    }
    const back = await run(
      regionPage.action,
      formRequest("/", { intent: "back", expected: "selfscan", reason: "Ronde te vroeg gestart" }, regio),
      context,
      regionParams(),
    );
    expect(back.status).toBe(302);
    const log = await phaseLog(context.db, world.regions.twente);
    expect(log.map((l) => [l.from_phase, l.to_phase, l.kind, l.reason])).toEqual([
      ["preparation", "selfscan", "advance", null],
      ["selfscan", "preparation", "back", "Ronde te vroeg gestart"],
    ]);
  });

  it("programma overrides with a reason, marked in the log; others cannot reach the region", async () => {
    const programma = await cookie(world.users.programma);
    const done = await run(
      regionPage.action,
      formRequest("/", { intent: "override", expected: "preparation", to: "plans", reason: "Volgens rondetafel" }, programma),
      context,
      regionParams(),
    );
    expect(done.status).toBe(302);
    expect((await phaseLog(context.db, world.regions.twente)).at(-1)).toMatchObject({ kind: "override", to_phase: "plans", reason: "Volgens rondetafel" });
    for (const userId of [world.users.regioZaanstreek, world.users.gemeenteEnschede, world.users.teamA]) {
      const outcome = await run(
        regionPage.action,
        formRequest("/", { intent: "back", expected: "plans", reason: "x" }, await cookie(userId)),
        context,
        regionParams(),
      );
      expect(outcome.status).toBe(404);
    }
    const anonymous = await run(
      regionPage.action,
      formRequest(`/regios/${world.regions.twente}`, { intent: "back", expected: "plans", reason: "x" }),
      context,
      regionParams(),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login");
    const national = await run(programmaPage.loader, getRequest("/", programma), context);
    const plans = national.data.byPhase.find((p: { key: string }) => p.key === "plans");
    expect(plans.regions.map((r: { name: string }) => r.name)).toEqual(["Twente"]);
    expect(national.data.byPhase.find((p: { key: string }) => p.key === "preparation").regions).toHaveLength(27);
  });

  it("a new round lets a region in uitvoering start its next cycle, keeping the earlier round", async () => {
    const programma = await cookie(world.users.programma);
    await run(
      regionPage.action,
      formRequest("/", { intent: "override", expected: "preparation", to: "execution", reason: "Demo" }, programma),
      context,
      regionParams(),
    );
    const regio = await cookie(world.users.regioTwente);
    expect((await run(regionPage.action, formRequest("/", { intent: "cycle", expected: "execution" }, regio), context, regionParams())).status).toBe(400);

    expect(
      (await run(roundsPage.action, formRequest("/", { name: "Zelfscan 2030", opensOn: "2030-13-01", closesOn: "2030-01-01" }, programma), context)).status,
    ).toBe(400);
    expect(
      (await run(roundsPage.action, formRequest("/", { name: "Zelfscan 2030", opensOn: "2020-02-01", closesOn: "2999-12-31" }, regio), context)).status,
    ).toBe(404);
    const opened = await run(roundsPage.action, formRequest("/", { name: "Zelfscan 2030", opensOn: "2020-02-01", closesOn: "2999-12-31" }, programma), context);
    expect(opened.status).toBe(302);
    const cycle = await run(regionPage.action, formRequest("/", { intent: "cycle", expected: "execution" }, regio), context, regionParams());
    expect(cycle.status).toBe(302);
    const log = await phaseLog(context.db, world.regions.twente);
    expect(log.at(-1)).toMatchObject({ kind: "cycle", to_phase: "selfscan" });
    expect(log.at(-1)!.round_id).not.toBe(world.roundId);
    const rounds = await run(resultsPage.loader, getRequest(`/?ronde=${world.roundId}`, regio), context, regionParams());
    expect(rounds.data.round.id).toBe(world.roundId);
    expect(rounds.data.rounds).toHaveLength(2);
  });
});

describe("the gemeente's review of a team scan", () => {
  it("returns with a required comment, the team resubmits, the gemeente accepts; both see the history", async () => {
    const responseId = await submitTeam(world.teams.teamA, world.users.teamA, answersWith(teamDef, "voldoet"));
    const gemeente = await cookie(world.users.gemeenteEnschede);
    const params = { responseId: String(responseId) };
    const noComment = await run(overview.action, formRequest("/", { decision: "return", comment: "", revision: "2" }, gemeente), context, params);
    expect(noComment.status).toBe(400);
    expect(noComment.data.errors.comment).toContain("opmerking");
    const returned = await run(
      overview.action,
      formRequest("/", { decision: "return", comment: "Thema F graag toelichten.", revision: "2" }, gemeente),
      context,
      params,
    );
    expect(returned.status).toBe(302);
    expect((await getResponse(context.db, responseId))!.status).toBe("draft");

    // The team sees the comment on its start page, and can change and submit again.
    const team = await cookie(world.users.teamA);
    const start = await run(teamStart.loader, getRequest("/", team), context, { teamId: String(world.teams.teamA) });
    expect(start.data.scan.response.returned).toMatchObject({ comment: "Thema F graag toelichten." });
    const saved = await run(
      sectionRoute.action,
      formRequest(
        "/",
        [
          ["F1", "voldoet_deels"],
          ["F1__toelichting", "Toegelicht"],
          ["revision", "3"],
          ["intent", "save"],
        ],
        team,
      ),
      context,
      { ...params, sectionKey: "F" },
    );
    expect(saved.status).toBe(302);
    const { submitResponse } = await import("../../app/models/response.server.ts");
    expect((await submitResponse(context.db, { responseId, expectedRevision: 4, userId: world.users.teamA })).ok).toBe(true);

    // A stale review is told; a foreign gemeente and the team itself cannot review.
    expect((await run(overview.action, formRequest("/", { decision: "accept", revision: "2", confirm: "ja" }, gemeente), context, params)).status).toBe(409);
    expect(
      (await run(overview.action, formRequest("/", { decision: "accept", revision: "5" }, await cookie(world.users.gemeenteHengelo)), context, params)).status,
    ).toBe(404);
    expect((await run(overview.action, formRequest("/", { decision: "accept", revision: "5" }, team), context, params)).status).toBe(403);
    expect((await run(overview.action, formRequest("/", { decision: "maybe", revision: "5" }, gemeente), context, params)).status).toBe(400);
    // Accepting asks once more; only the confirmed accept changes anything.
    const asked = await run(overview.action, formRequest("/", { decision: "accept", revision: "5" }, gemeente), context, params);
    expect(asked).toMatchObject({ status: 200, data: { confirmAccept: true } });
    expect((await getResponse(context.db, responseId))!.accepted_at).toBeNull();
    expect((await run(overview.action, formRequest("/", { decision: "accept", revision: "5", confirm: "ja" }, gemeente), context, params)).status).toBe(302);

    expect((await listEvents(context.db, responseId)).map((e) => e.type)).toEqual(["started", "submitted", "returned", "resubmitted", "accepted"]);
    const teamView = await run(overview.loader, getRequest("/", team), context, params);
    expect(teamView.data.events.find((e: { type: string }) => e.type === "returned").comment).toBe("Thema F graag toelichten.");
    expect(teamView.data.acceptedAt).not.toBeNull();
  });
});

/** Moves Twente to a phase, as programma may (an override with a reason). */
async function toPhase(phase: string) {
  await run(
    regionPage.action,
    formRequest(
      "/",
      { intent: "override", expected: (await currentPhase(context.db, world.regions.twente)).phase, to: phase, reason: "Test" },
      await cookie(world.users.programma),
    ),
    context,
    regionParams(),
  );
}

describe("findings and improvement plans", () => {
  it("the regio records findings in the analysis phase only; bad input stores nothing", async () => {
    const regio = await cookie(world.users.regioTwente);
    const fields = {
      summary: "Zicht op veiligheid na afsluiten is zwak.",
      strengths_F: "",
      points_F: "Zicht tot 1,5 jaar borgen\n- Vervolgmomenten vastleggen\n\n",
    };
    expect((await run(findingsPage.action, formRequest("/", fields, regio), context, regionParams())).status).toBe(409);
    await toPhase("analysis");
    const unknown = await run(findingsPage.action, formRequest("/", { ...fields, points_Z: "x" }, regio), context, regionParams());
    expect(unknown.status).toBe(400);
    const tooLong = await run(findingsPage.action, formRequest("/", { ...fields, summary: "x".repeat(5001) }, regio), context, regionParams());
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.values.points_F).toBe(fields.points_F);
    expect(await context.db.selectFrom("improvement_point").selectAll().execute()).toEqual([]);
    expect((await run(findingsPage.action, formRequest("/", fields, await cookie(world.users.regioZaanstreek)), context, regionParams())).status).toBe(404);

    expect((await run(findingsPage.action, formRequest("/", fields, regio), context, regionParams())).status).toBe(302);
    const page = await run(findingsPage.loader, getRequest("/", regio), context, regionParams());
    expect(page.data.analysis.summary).toBe(fields.summary);
    expect(page.data.analysis.points.map((p: { text: string }) => p.text)).toEqual(["Zicht tot 1,5 jaar borgen", "Vervolgmomenten vastleggen"]);
  });

  it("the gemeente adds actions and adopts its plan in the plans phase, then updates progress; others cannot", async () => {
    const gemeente = await cookie(world.users.gemeenteEnschede);
    const params = { municipalityId: String(world.municipalities.enschede) };
    const action = {
      intent: "add",
      theme: "F",
      point: "",
      title: "Vervolgmomenten vastleggen",
      ownerTeam: String(world.teams.teamA),
      ownerName: "",
      // Written the Dutch way, as the form asks; stored as 2027-03-31.
      due: "31-03-2027",
      status: "planned",
    };
    expect((await run(planPage.action, formRequest("/", action, gemeente), context, params)).status).toBe(409);
    await toPhase("plans");
    const bad: [Record<string, string>, string, string][] = [
      [{ ...action, due: "31-13-2027" }, "due", "31-13-2027 bestaat niet: een maand is 1 tot en met 12."],
      [{ ...action, due: "2027-02-30" }, "due", "2027-02-30 bestaat niet: februari 2027 heeft 28 dagen."],
      [{ ...action, due: "eind maart" }, "due", "dag-maand-jaar"],
      [{ ...action, theme: "Z" }, "theme", "thema uit het kwaliteitskader"],
      [{ ...action, status: "klaar" }, "status", "status uit de lijst"],
      [{ ...action, ownerTeam: String(world.teams.teamZaanstad) }, "ownerTeam", "team van uw gemeente"],
      [{ ...action, ownerTeam: "", ownerName: "" }, "ownerName", "eigenaar"],
      [{ ...action, point: "999" }, "point", "verbeterpunt uit de lijst"],
      [{ ...action, title: "" }, "title", "ten minste 3 tekens"],
    ];
    for (const [fields, field, message] of bad) {
      const outcome = await run(planPage.action, formRequest("/", fields, gemeente), context, params);
      expect(outcome.status, `${field}`).toBe(400);
      expect(outcome.data.errors[field]).toContain(message);
    }
    expect((await run(planPage.action, formRequest("/", { intent: "adopt" }, gemeente), context, params)).status).toBe(400);
    expect(await context.db.selectFrom("improvement_action").selectAll().execute()).toEqual([]);

    expect((await run(planPage.action, formRequest("/", action, gemeente), context, params)).status).toBe(302);
    expect((await run(planPage.action, formRequest("/", action, await cookie(world.users.regioTwente)), context, params)).status).toBe(403);
    expect((await run(planPage.action, formRequest("/", action, await cookie(world.users.gemeenteHengelo)), context, params)).status).toBe(404);
    // Adopting asks once more; only "ja" adopts.
    const asked = await run(planPage.action, formRequest("/", { intent: "adopt" }, gemeente), context, params);
    expect(asked.data.confirm).toMatchObject({ kind: "confirm", intent: "adopt" });
    expect((await context.db.selectFrom("improvement_plan").select("adopted_at").executeTakeFirstOrThrow()).adopted_at).toBeNull();
    expect((await run(planPage.action, formRequest("/", { intent: "adopt", confirm: "ja" }, gemeente), context, params)).status).toBe(302);
    expect((await run(planPage.action, formRequest("/", action, gemeente), context, params)).status).toBe(409);

    const plan = await run(planPage.loader, getRequest("/", gemeente), context, params);
    const actionId = String(plan.data.plan.actions[0].id);
    expect(plan.data.plan.actions[0].due_on).toBe("2027-03-31");
    expect(
      (await run(planPage.action, formRequest("/", { intent: "progress", action: actionId, status: "afgerond", note: "" }, gemeente), context, params)).status,
    ).toBe(400);
    expect(
      (await run(planPage.action, formRequest("/", { intent: "progress", action: "99999", status: "done", note: "" }, gemeente), context, params)).status,
    ).toBe(404);
    await toPhase("execution");
    expect(
      (
        await run(
          planPage.action,
          formRequest("/", { intent: "progress", action: actionId, status: "ongoing", note: "Gestart in maart" }, gemeente),
          context,
          params,
        )
      ).status,
    ).toBe(302);

    const regionView = await run(regionPlans.loader, getRequest("/", await cookie(world.users.regioTwente)), context, regionParams());
    const enschede = regionView.data.plans.find((p: { name: string }) => p.name === "Enschede");
    expect(enschede.adopted_at).not.toBeNull();
    expect(enschede.actions[0]).toMatchObject({ status: "ongoing", progress_note: "Gestart in maart", overdue: false });
    const events = plan.data.plan.events.map((e: { type: string }) => e.type);
    expect(events).toEqual(["created", "action_added", "adopted"]);
  });
});

describe("plans that can be corrected (issue 27, part 4)", () => {
  it("before adoption actions are corrected and removed, after it corrected; a date in the past is refused; each change is logged; the owner team notes progress from adoption on", async () => {
    const gemeente = await cookie(world.users.gemeenteEnschede);
    const params = { municipalityId: String(world.municipalities.enschede) };
    const post = (fields: Record<string, string>, who = gemeente) => run(planPage.action, formRequest("/", fields, who), context, params);
    await toPhase("plans");
    const base = { intent: "add", theme: "F", point: "", ownerTeam: String(world.teams.teamA), ownerName: "", status: "planned" };
    // A date before today is refused with a message that says why.
    const past = await post({ ...base, title: "Te laat begonnen", due: "01-01-2020" });
    expect(past.status).toBe(400);
    expect(past.data.errors.due).toBe(PAST_DUE_MESSAGE);
    expect((await post({ ...base, title: "Vervolgmomenten vastleggen", due: "31-03-2027" })).status).toBe(302);
    expect((await post({ ...base, theme: "G", title: "Afspraken met Veilig Thuis", due: "30-06-2027" })).status).toBe(302);
    const actionsNow = async () =>
      (await run(planPage.loader, getRequest("/", gemeente), context, params)).data.plan.actions as { id: number; title: string; due_on: string }[];
    const [first, second] = await actionsNow();

    // Corrected: the form opens with the action (?wijzig=), the change is stored and logged field by field.
    const editing = await run(planPage.loader, getRequest(`/?wijzig=${first!.id}`, gemeente), context, params);
    expect(editing.data.editing).toMatchObject({ id: first!.id, title: "Vervolgmomenten vastleggen" });
    const corrected = await post({
      ...base,
      intent: "correct",
      action: String(first!.id),
      title: "Vervolgmomenten vastleggen met het gezin",
      due: "30-04-2027",
    });
    expect(corrected.status).toBe(302);
    expect((await actionsNow()).find((a) => a.id === first!.id)).toMatchObject({ title: "Vervolgmomenten vastleggen met het gezin", due_on: "2027-04-30" });
    const correctedAudit = await context.db.selectFrom("audit_log").select("changes").where("action", "=", "plan.action_corrected").executeTakeFirstOrThrow();
    expect(JSON.parse(correctedAudit.changes!)).toEqual({
      title: ["Vervolgmomenten vastleggen", "Vervolgmomenten vastleggen met het gezin"],
      due_on: ["2027-03-31", "2027-04-30"],
    });
    // A new date in the past is refused in a correction too; an action of another plan is not found.
    expect((await post({ ...base, intent: "correct", action: String(first!.id), title: "X y z", due: "01-01-2020" })).data.errors.due).toBe(PAST_DUE_MESSAGE);
    expect((await post({ ...base, intent: "correct", action: "99999", title: "X y z", due: "30-04-2027" })).status).toBe(404);

    // Removed after a confirmation; the history keeps a line.
    const asked = await post({ intent: "remove", action: String(second!.id) });
    expect(asked.data.confirm).toMatchObject({ intent: "remove", action: { id: second!.id, title: "Afspraken met Veilig Thuis" } });
    expect(await actionsNow()).toHaveLength(2);
    expect((await post({ intent: "remove", action: String(second!.id), confirm: "ja" })).status).toBe(302);
    expect((await actionsNow()).map((a) => a.id)).toEqual([first!.id]);
    const removedAudit = await context.db
      .selectFrom("audit_log")
      .select(["changes", "entity_id"])
      .where("action", "=", "plan.action_removed")
      .executeTakeFirstOrThrow();
    expect(removedAudit.entity_id).toBe(String(second!.id));

    // The owner team cannot note progress before adoption; from adoption on it can, in the plans phase.
    const team = await cookie(world.users.teamA);
    const note = (actionId: number) =>
      run(teamStart.action, formRequest("/", { action: String(actionId), note: "Eerste gesprek gepland." }, team), context, {
        teamId: String(world.teams.teamA),
      });
    expect((await note(first!.id)).status).toBe(409);
    expect((await post({ intent: "adopt", confirm: "ja" })).status).toBe(302);
    expect((await note(first!.id)).status).toBe(302);

    // After adoption: no removal (set Vervallen instead), but a correction; an overdue date left as it is stays allowed.
    const removeAfter = await post({ intent: "remove", action: String(first!.id), confirm: "ja" });
    expect(removeAfter.status).toBe(409);
    expect(removeAfter.data.errors.form).toContain("Vervallen");
    await context.db.updateTable("improvement_action").set({ due_on: "2026-01-15" }).where("id", "=", first!.id).execute();
    const late = await post({ ...base, intent: "correct", action: String(first!.id), title: "Vervolgmomenten met het gezin", due: "15-01-2026" });
    expect(late.status).toBe(302);
    const events = (await run(planPage.loader, getRequest("/", gemeente), context, params)).data.plan.events.map((e: { type: string }) => e.type);
    expect(events).toEqual(["created", "action_added", "action_added", "action_corrected", "action_removed", "adopted", "action_updated", "action_corrected"]);
  });
});
