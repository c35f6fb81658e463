import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDefinitionFile, registerDefinitions, QuestionnaireDefinitionError } from "../../app/models/questionnaire.server.ts";
import { getDefinition, getOrCreateResponse, getResponse, latestVersionOf, listEvents } from "../../app/models/response.server.ts";
import { previousRoundFigures } from "../../app/models/results.server.ts";
import { cycleRoundId } from "../../app/models/cycles.server.ts";
import { addAction, adoptPlan } from "../../app/models/plan.server.ts";
import type { QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { itemMapping, mappingNote } from "../../app/questionnaire/mapping.ts";
import { setMailNotifications } from "../../app/models/notifications.server.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE, insertResponse, insertRound } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as regionPage from "../../app/routes/regios.$regionId._index.tsx";
import * as teamStart from "../../app/routes/teams.$teamId._index.tsx";
import * as municipalityStart from "../../app/routes/gemeenten.$municipalityId._index.tsx";
import * as municipalityResults from "../../app/routes/gemeenten.$municipalityId.resultaten.tsx";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as section from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as roundsPage from "../../app/routes/programma.rondes.tsx";
import * as account from "../../app/routes/account.tsx";
import * as meldingen from "../../app/routes/meldingen.tsx";
import { currentPhase } from "../../app/models/phase.server.ts";

// Issue 12: each region on its own cycle, one version per round, the gemeente following the phase, the
// review loop finished, notifications, actions reaching the team, results for the gemeente.

let context: TestContext;
let world: World;
let teamDef: QuestionnaireDefinition;
const cookie = (userId: number) => sessionCookieFor(context, userId);
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  teamDef = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
});
afterEach(() => context.close());

const teamPage = async (teamId: number, userId: number) =>
  (await run(teamStart.loader, getRequest(`/teams/${teamId}`, await cookie(userId)), context, { teamId: String(teamId) })).data;
const advance = async (regionId: number, expected: string) =>
  run(regionPage.action, formRequest("/", { intent: "advance", expected }, await cookie(world.users.programma)), context, { regionId: String(regionId) });
const openRoundNow = async (name: string) =>
  run(
    roundsPage.action,
    formRequest("/", { name, opensOn: new Date().toISOString().slice(0, 10), closesOn: "2999-12-31" }, await cookie(world.users.programma)),
    context,
  );
/** A team's zelfscan, complete and submitted. */
const submittedScan = (teamId: number, userId: number, roundId: number) =>
  insertResponse(context.db, { roundId, questionnaireKey: TEAM_QUESTIONNAIRE, subject: { teamId }, userId, answers: validAnswers(teamDef), submit: true });
const currentPhaseOf = () => currentPhase(context.db, world.regions.twente);
const notificationsOf = (userId: number) =>
  context.db.selectFrom("notification").select(["kind", "text", "link"]).where("user_id", "=", userId).orderBy("id").execute();

describe("each region works on the round of its own cycle", () => {
  it("a new national round changes nothing for a region until its next cycle starts; the unfinished scan stays on the start page", async () => {
    const first = await teamPage(world.teams.teamA, world.users.teamA);
    expect(first.scan.round.id).toBe(world.roundId);
    const draftId = first.scan.response.id;
    // Twente starts its cycle on the first round (the transition records it).
    expect((await advance(world.regions.twente, "preparation")).status).toBe(302);

    expect((await openRoundNow("Zelfscan 2027")).status).toBe(302);
    const newRound = (await context.db.selectFrom("round").select("id").where("name", "=", "Zelfscan 2027").executeTakeFirstOrThrow()).id;
    // Twente's team still works on its unfinished scan of the first round.
    const after = await teamPage(world.teams.teamA, world.users.teamA);
    expect(after.scan.round.id).toBe(world.roundId);
    expect(after.scan.response.id).toBe(draftId);
    // Zaanstreek-Waterland never started a cycle: it works on the newest open round.
    expect(await cycleRoundId(context.db, world.regions.zaanstreek)).toBe(newRound);
    // The rounds page says which regions work on which round.
    const rounds = await run(roundsPage.loader, getRequest("/", await cookie(world.users.programma)), context);
    const onFirst = rounds.data.rounds.find((r: { id: number }) => r.id === world.roundId);
    expect(onFirst.regions.map((r: { name: string }) => r.name)).toEqual(["Twente"]);
    expect(rounds.data.rounds.find((r: { id: number }) => r.id === newRound).regions).toHaveLength(27);

    // Programma starts Twente's next cycle on the new round, with a reason: the team gets a fresh scan, the draft moves to its history.
    const programma = await cookie(world.users.programma);
    const withoutReason = await run(regionPage.action, formRequest("/", { intent: "cycle", expected: "selfscan" }, programma), context, {
      regionId: String(world.regions.twente),
    });
    expect(withoutReason.status).toBe(400);
    const cycle = await run(
      regionPage.action,
      formRequest("/", { intent: "cycle", expected: "selfscan", reason: "Opnieuw beginnen op de nieuwe ronde." }, programma),
      context,
      {
        regionId: String(world.regions.twente),
      },
    );
    expect(cycle.status).toBe(302);
    const next = await teamPage(world.teams.teamA, world.users.teamA);
    expect(next.scan.round.id).toBe(newRound);
    expect(next.scan.response.id).not.toBe(draftId);
    expect(next.history.map((h: { id: number; progress: string }) => [h.id, h.progress])).toEqual([[draftId, "not_started"]]);
    // The region's teams and gemeenten were told: of the phase change before (issue 27), and of the new cycle.
    expect((await notificationsOf(world.users.teamA)).map((n) => n.kind)).toEqual(["phase.changed", "cycle.started"]);
    expect((await notificationsOf(world.users.gemeenteEnschede)).map((n) => n.kind)).toEqual(["phase.changed", "phase.changed"]);
    expect((await notificationsOf(world.users.gemeenteZaanstad)).length).toBe(0);
  });
});

/** A second version of the team zelfscan: A1 renamed to A1b (replaces A1), a new item A99, and B1 dropped. */
function secondVersion(v1: QuestionnaireDefinition): QuestionnaireDefinition {
  const copy = structuredClone(v1);
  copy.version = 2;
  const a = copy.sections[0]!;
  a.items[0] = { ...a.items[0]!, key: "A1b", replaces: "A1" };
  a.items.push({ key: "A99", type: "boolean", text: "Nieuwe vraag in versie 2", required: false, comment: false });
  copy.sections[1]!.items = copy.sections[1]!.items.filter((i) => i.key !== "B1");
  for (const section of copy.sections) for (const item of section.items) if (item.showIf?.item === "A1") item.showIf.item = "A1b";
  return copy;
}
const register = (definition: QuestionnaireDefinition) =>
  registerDefinitions(context.db, [parseDefinitionFile("zelfscan-team.v2.json", JSON.stringify(definition))]);

describe("one questionnaire version per round", () => {
  it("a round fixes the version when it opens: a newer file applies from the next round", async () => {
    await register(secondVersion(teamDef));
    const inOldRound = await getOrCreateResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
    });
    expect((await getResponse(context.db, inOldRound))!.questionnaire_version).toBe(1);
    const later = await insertRound(context.db, { name: "Later", opensOn: "2030-01-01", closesOn: "2030-12-31" });
    const inNewRound = await getOrCreateResponse(context.db, {
      roundId: later,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
    });
    expect((await getResponse(context.db, inNewRound))!.questionnaire_version).toBe(2);
  });

  it("maps items explicitly: renamed, new and dropped items; start-up refuses a mapping to an unknown or removed item", async () => {
    const v2 = secondVersion(teamDef);
    const mapping = itemMapping(v2, teamDef);
    expect(mapping.problems).toEqual([]);
    expect(mapping.continues.get("A1b")).toBe("A1");
    expect(mapping.added).toEqual(["A99"]);
    expect(mapping.dropped).toEqual(["B1"]);
    expect(mappingNote(mapping)).toBe("nieuw: A99; vervallen: B1.");

    const unknown = structuredClone(v2);
    unknown.sections[0]!.items[0]!.replaces = "ZZ9";
    await expect(register(unknown)).rejects.toThrow(/vraag A1b vervangt ZZ9, maar die staat niet in versie 1/);
    // Version 3 maps to an item version 2 dropped.
    await register(v2);
    const v3 = structuredClone(v2);
    v3.version = 3;
    v3.sections[1]!.items[0] = { ...v3.sections[1]!.items[0]!, key: "B1c", replaces: "B1" };
    await expect(registerDefinitions(context.db, [parseDefinitionFile("zelfscan-team.v3.json", JSON.stringify(v3))])).rejects.toThrow(
      QuestionnaireDefinitionError,
    );
    const twice = structuredClone(v2);
    twice.sections[0]!.items[1] = { ...twice.sections[0]!.items[1]!, replaces: "A1" };
    expect(itemMapping(twice, teamDef).problems[0]).toMatch(/staat al in versie 1|wordt voortgezet door zowel/);
  });

  it("results beside the previous round compare the items both versions have, and say which are new or dropped", async () => {
    await submittedScan(world.teams.teamA, world.users.teamA, world.roundId);
    await register(secondVersion(teamDef));
    const later = await insertRound(context.db, { name: "Later", opensOn: "2030-01-01", closesOn: "2030-12-31" });
    const previous = (await previousRoundFigures(context.db, later, { regionId: world.regions.twente }))!;
    expect(previous.round.id).toBe(world.roundId);
    expect(previous.note).toBe(
      `Vergeleken over de vragen die in beide versies staan. ${teamDef.title}, versie 2 tegenover versie 1: nieuw: A99; vervallen: B1.`,
    );
    // Theme B of the previous round is counted without B1.
    // The first round has nothing before it.
    expect(await previousRoundFigures(context.db, world.roundId, { regionId: world.regions.twente })).toBeNull();
    expect(previous.figures.find((f) => f.theme === "B")!.counted).toBe(teamDef.sections[1]!.items.filter((i) => i.type === "scale" && i.key !== "B1").length);
  });
});

describe("the gemeente follows its region's phase", () => {
  it("sees the phases, the region's figure with its own share, what it must still do, and the history", async () => {
    await submittedScan(world.teams.teamA, world.users.teamA, world.roundId);
    await advance(world.regions.twente, "preparation");
    const page = await run(municipalityStart.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(page.data.phase).toBe("selfscan");
    expect(page.data.progress.summary).toBe(
      "In de regio: 1 van de 3 teams ingediend, nodig 3. Van uw gemeente: 1 van 2 teams ingediend; het gemeentelijke deel is nog niet ingediend.",
    );
    expect(page.data.progress.todo).toContain("Beoordeel de ingediende zelfscan van 1 team: accepteren of terugsturen.");
    expect(page.data.phaseLog.map((l: { to_phase: string }) => l.to_phase)).toEqual(["selfscan"]);
    expect(page.data.teams.find((t: { team_name: string }) => t.team_name === "Team Enschede A").progress).toBe("submitted");
  });
});

describe("the review loop", () => {
  let responseId: number;
  beforeEach(async () => {
    responseId = await submittedScan(world.teams.teamA, world.users.teamA, world.roundId);
  });
  const post = async (userId: number, fields: Record<string, string>, id = responseId) =>
    run(overview.action, formRequest("/", fields, await cookie(userId)), context, { responseId: String(id) });
  const revision = async () => (await getResponse(context.db, responseId))!.revision;

  it("accepting asks for confirmation; accepted is a status of its own; the gemeente reopens it with a reason and the team can change it", async () => {
    const asked = await post(world.users.gemeenteEnschede, { decision: "accept", revision: String(await revision()) });
    expect(asked.data.confirmAccept).toBe(true);
    expect((await getResponse(context.db, responseId))!.accepted_at).toBeNull();
    expect((await post(world.users.gemeenteEnschede, { decision: "accept", confirm: "ja", revision: String(await revision()) })).status).toBe(302);

    const listed = await run(municipalityStart.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(listed.data.teams.find((t: { team_name: string }) => t.team_name === "Team Enschede A").progress).toBe("accepted");
    expect((await teamPage(world.teams.teamA, world.users.teamA)).scan.response.progress).toBe("accepted");
    // The regio (and programma) overview counts it as submitted and, of those, accepted.
    const region = await run(regionPage.loader, getRequest("/", await cookie(world.users.programma)), context, { regionId: String(world.regions.twente) });
    const enschede = region.data.municipalities.find((m: { name: string }) => m.name === "Enschede");
    expect([enschede.submitted, enschede.accepted]).toEqual([1, 1]);

    // Reopening needs a reason; another municipality cannot; the team cannot.
    expect((await post(world.users.gemeenteEnschede, { reason: "", revision: String(await revision()) })).status).toBe(400);
    expect((await post(world.users.gemeenteHengelo, { reason: "Fout", revision: String(await revision()) })).status).toBe(404);
    expect((await post(world.users.teamA, { reason: "Graag", revision: String(await revision()) })).status).toBe(403);
    expect((await post(world.users.gemeenteEnschede, { reason: "Thema G klopt niet; graag aanpassen.", revision: String(await revision()) })).status).toBe(302);
    const response = (await getResponse(context.db, responseId))!;
    expect([response.status, response.accepted_at]).toEqual(["draft", null]);
    expect((await listEvents(context.db, responseId)).map((e) => e.type)).toEqual(["started", "submitted", "accepted", "reopened"]);
    expect((await teamPage(world.teams.teamA, world.users.teamA)).scan.fillsIn).toBe(true);
    // The team heard of each step.
    expect((await notificationsOf(world.users.teamA)).map((n) => n.kind)).toEqual(["response.accepted", "response.reopened"]);
  });

  it("a return can point remarks at questions: the team reads each beside its question, the gemeente keeps reading the returned scan and its remarks", async () => {
    // A remark for a question that is not in the questionnaire refuses the whole post.
    const foreign = await post(world.users.gemeenteEnschede, {
      decision: "return",
      comment: "Zie opmerkingen.",
      "opmerking.Z9": "x",
      revision: String(await revision()),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.data.errors.form).toContain("velden die hier niet horen");
    const tooLong = await post(world.users.gemeenteEnschede, {
      decision: "return",
      comment: "Zie opmerkingen.",
      "opmerking.G4": "x".repeat(2001),
      revision: String(await revision()),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors["opmerking.G4"]).toBe("Gebruik hoogstens 2000 tekens.");
    expect(tooLong.data.values["opmerking.G4"]).toHaveLength(2001);
    expect((await getResponse(context.db, responseId))!.status).toBe("submitted");

    const returned = await post(world.users.gemeenteEnschede, {
      decision: "return",
      comment: "Zie de opmerkingen bij de vragen.",
      "opmerking.G4": "Welke afspraken met politie bedoelt u?",
      "opmerking.H2": "",
      revision: String(await revision()),
    });
    expect(returned.status).toBe(302);
    // The gemeente still reads the returned scan, with its remark beside G4.
    const gemeente = await run(overview.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, { responseId: String(responseId) });
    expect(gemeente.data.status).toBe("draft");
    expect(gemeente.data.answers).not.toBeNull();
    expect(gemeente.data.review).toMatchObject({ type: "returned", notes: { G4: "Welke afspraken met politie bedoelt u?" } });
    // Another gemeente still sees nothing of it.
    expect((await run(overview.loader, getRequest("/", await cookie(world.users.gemeenteHengelo)), context, { responseId: String(responseId) })).status).toBe(
      404,
    );
    // The team sees the remark beside G4 in the section form.
    const sectionG = await run(section.loader, getRequest("/", await cookie(world.users.teamA)), context, { responseId: String(responseId), sectionKey: "G" });
    expect(sectionG.data.review).toMatchObject({ type: "returned", notes: { G4: "Welke afspraken met politie bedoelt u?" } });
    expect(Object.keys(sectionG.data.review.notes)).toEqual(["G4"]);
    // The audit log has the remark with the return.
    const audit = await context.db.selectFrom("audit_log").select("changes").where("action", "=", "response.returned").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes!)["opmerking G4"]).toEqual([null, "Welke afspraken met politie bedoelt u?"]);
  });

  it("confirming an acceptance keeps the remarks typed before it; 'Nee, terug' goes back to the review with them", async () => {
    const fields = { decision: "accept", "opmerking.A1": "Mooi uitgewerkt.", comment: "", revision: String(await revision()) };
    const asked = await post(world.users.gemeenteEnschede, fields);
    expect(asked.data).toMatchObject({ confirmAccept: true, values: { "opmerking.A1": "Mooi uitgewerkt." } });
    const back = await post(world.users.gemeenteEnschede, { ...fields, confirm: "nee" });
    expect(back.data).toMatchObject({ confirmAccept: false, values: { "opmerking.A1": "Mooi uitgewerkt." } });
    expect((await getResponse(context.db, responseId))!.accepted_at).toBeNull();
    expect((await post(world.users.gemeenteEnschede, { ...fields, confirm: "ja" })).status).toBe(302);
    const team = await run(overview.loader, getRequest("/", await cookie(world.users.teamA)), context, { responseId: String(responseId) });
    expect(team.data.review).toMatchObject({ type: "accepted", notes: { A1: "Mooi uitgewerkt." } });
  });

  it("accepting a draft or a scan reviewed meanwhile is told, and changes nothing", async () => {
    expect((await post(world.users.gemeenteEnschede, { decision: "return", comment: "Graag aanvullen.", revision: String(await revision()) })).status).toBe(
      302,
    );
    const draft = await post(world.users.gemeenteEnschede, { decision: "accept", confirm: "ja", revision: String(await revision()) });
    expect(draft.status).toBe(409);
    expect(draft.data.errors.form).toContain("intussen gewijzigd, teruggestuurd of al beoordeeld");
    expect((await getResponse(context.db, responseId))!.status).toBe("draft");
    const reopenDraft = await post(world.users.gemeenteEnschede, { reason: "Nog eens", revision: String(await revision()) });
    expect(reopenDraft.status).toBe(409);
    expect((await notificationsOf(world.users.teamA)).map((n) => n.text)).toEqual([
      "De gemeente Enschede heeft de zelfscan (Zelfscan test) teruggestuurd: “Graag aanvullen.” Pas de antwoorden aan en dien opnieuw in.",
    ]);
  });

  it("a notification comes by mail unless the user switched mail off; it never holds answers", async () => {
    await post(world.users.gemeenteEnschede, { decision: "return", comment: "Eerste ronde opmerkingen.", revision: String(await revision()) });
    const mails = await context.db.selectFrom("outbox").select(["recipient", "body"]).where("recipient", "=", "team.a@test.nl").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(`http://localhost:3000/vragenlijsten/${responseId}`);
    for (const answer of Object.values(validAnswers(teamDef)))
      if (answer.value && answer.value.length > 4) expect(mails[0]!.body).not.toContain(`: ${answer.value}`);

    // Switched off on /account: the notification is still on the start page, no mail.
    const off = await run(account.action, formRequest("/account", { intent: "mail", mail: "uit" }, await cookie(world.users.teamA)), context);
    expect(off.location).toBe("/account?meldingen=1");
    await submittedScan(world.teams.teamB, world.users.teamB, world.roundId);
    const b = await context.db.selectFrom("response").select(["id", "revision"]).where("team_id", "=", world.teams.teamB).executeTakeFirstOrThrow();
    await setMailNotifications(context.db, world.users.teamB, false);
    await post(world.users.gemeenteEnschede, { decision: "return", comment: "Ook hier.", revision: String(b.revision) }, b.id);
    expect(await context.db.selectFrom("outbox").select("id").where("recipient", "=", "team.b@test.nl").execute()).toHaveLength(0);
    expect(await notificationsOf(world.users.teamB)).toHaveLength(1);
  });

  it("a submission is announced to the team's gemeente", async () => {
    const draft = await getOrCreateResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
    });
    const { saveAnswers } = await import("../../app/models/response.server.ts");
    await saveAnswers(context.db, { responseId: draft, expectedRevision: 0, answers: validAnswers(teamDef), userId: world.users.teamB });
    const { action } = await import("../../app/routes/vragenlijsten.$responseId.indienen.tsx");
    expect((await run(action, formRequest("/", { revision: "1" }, await cookie(world.users.teamB)), context, { responseId: String(draft) })).status).toBe(302);
    expect((await notificationsOf(world.users.gemeenteEnschede)).map((n) => n.text)).toEqual([
      "Team Enschede B heeft de zelfscan (Zelfscan test) ingediend. U kunt hem nu beoordelen.",
    ]);
    expect(await notificationsOf(world.users.gemeenteHengelo)).toEqual([]);
  });
});

describe("notifications that mean something (issue 27, part 5)", () => {
  const gemeentePage = async () =>
    (
      await run(municipalityStart.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, {
        municipalityId: String(world.municipalities.enschede),
      })
    ).data.notifications;
  const readAt = (id: number) => context.db.selectFrom("notification").select("read_at").where("id", "=", id).executeTakeFirstOrThrow();

  it("unread first and counted; Bekijken marks read and goes to the scan; a settled one says so and is not counted; Alles gelezen; never another user's", async () => {
    const submit = async (teamId: number, userId: number) => {
      const draft = await getOrCreateResponse(context.db, { roundId: world.roundId, questionnaireKey: TEAM_QUESTIONNAIRE, subject: { teamId }, userId });
      const { saveAnswers } = await import("../../app/models/response.server.ts");
      await saveAnswers(context.db, { responseId: draft, expectedRevision: 0, answers: validAnswers(teamDef), userId });
      const { action } = await import("../../app/routes/vragenlijsten.$responseId.indienen.tsx");
      expect((await run(action, formRequest("/", { revision: "1" }, await cookie(userId)), context, { responseId: String(draft) })).status).toBe(302);
      return draft;
    };
    const a = await submit(world.teams.teamA, world.users.teamA);
    const b = await submit(world.teams.teamB, world.users.teamB);
    let list = await gemeentePage();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { state: string }) => n.state)).toEqual(["new", "new"]);

    // Bekijken: marks read and leads to the scan itself.
    const first = list.items.find((n: { link: string }) => n.link === `/vragenlijsten/${a}`);
    const opened = await run(
      meldingen.action,
      formRequest("/meldingen", { intent: "open", id: String(first.id) }, await cookie(world.users.gemeenteEnschede)),
      context,
    );
    expect(opened).toMatchObject({ status: 302, location: `/vragenlijsten/${a}` });
    expect((await readAt(first.id)).read_at).not.toBeNull();
    // Another user's notification is not found, and stays unread.
    const second = list.items.find((n: { link: string }) => n.link === `/vragenlijsten/${b}`);
    expect(
      (await run(meldingen.action, formRequest("/meldingen", { intent: "open", id: String(second.id) }, await cookie(world.users.teamA)), context)).status,
    ).toBe(404);
    expect((await readAt(second.id)).read_at).toBeNull();

    // Once B is accepted, its "U kunt hem nu beoordelen" is settled: it says so and no longer counts, without being written.
    const revisionB = (await getResponse(context.db, b))!.revision;
    const accepted = await run(
      overview.action,
      formRequest("/", { decision: "accept", confirm: "ja", revision: String(revisionB) }, await cookie(world.users.gemeenteEnschede)),
      context,
      {
        responseId: String(b),
      },
    );
    expect(accepted.status).toBe(302);
    list = await gemeentePage();
    expect(list.unread).toBe(0);
    expect(list.items.find((n: { id: number }) => n.id === second.id)).toMatchObject({
      state: "settled",
      settledBy: "Afgehandeld: de zelfscan is geaccepteerd.",
    });
    expect((await readAt(second.id)).read_at).toBeNull();

    // The team of A hears of a phase change; Alles gelezen marks every notification read.
    await advance(world.regions.twente, (await currentPhaseOf()).phase);
    const team = await teamPage(world.teams.teamA, world.users.teamA);
    expect(team.notifications.unread).toBe(1);
    expect(team.notifications.items[0].text).toMatch(/^Regio Twente is nu in de fase /);
    const all = await run(
      meldingen.action,
      formRequest("/meldingen", { intent: "all", back: `/teams/${world.teams.teamA}` }, await cookie(world.users.teamA)),
      context,
    );
    expect(all).toMatchObject({ status: 302, location: `/teams/${world.teams.teamA}#meldingen` });
    expect((await teamPage(world.teams.teamA, world.users.teamA)).notifications.unread).toBe(0);
    // A redirect elsewhere is not followed.
    const away = await run(
      meldingen.action,
      formRequest("/meldingen", { intent: "all", back: "https://example.org/" }, await cookie(world.users.teamA)),
      context,
    );
    expect(away.location).toBe(`/teams/${world.teams.teamA}#meldingen`);
  });
});

describe("improvement actions reach the team that owns them", () => {
  async function planWithAction(teamId: number) {
    await addAction(context.db, {
      municipalityId: world.municipalities.enschede,
      roundId: world.roundId,
      userId: world.users.gemeenteEnschede,
      action: {
        theme: "F",
        pointId: null,
        title: "Zicht op veiligheid na afsluiten",
        ownerTeamId: teamId,
        ownerName: null,
        due: "2020-01-01",
        status: "ongoing",
      },
    });
    await adoptPlan(context.db, { municipalityId: world.municipalities.enschede, roundId: world.roundId, userId: world.users.gemeenteEnschede });
    return (await context.db.selectFrom("improvement_action").select("id").executeTakeFirstOrThrow()).id;
  }
  const note = async (userId: number, teamId: number, actionId: number, text = "Eerste vervolgmomenten staan gepland.") =>
    run(teamStart.action, formRequest("/", { action: String(actionId), note: text }, await cookie(userId)), context, { teamId: String(teamId) });

  it("the team manager sees the team's actions (overdue marked) and adds progress notes in the execution phase; the gemeente sees them", async () => {
    const actionId = await planWithAction(world.teams.teamA);
    const page = await teamPage(world.teams.teamA, world.users.teamA);
    expect(page.actions.map((a: { title: string; canNote: boolean }) => [a.title, a.canNote])).toEqual([["Zicht op veiligheid na afsluiten", false]]);
    // Not yet in the execution phase.
    const early = await note(world.users.teamA, world.teams.teamA, actionId);
    expect(early.status).toBe(409);
    expect(early.data.errors.form).toContain("Uitvoering/monitoring");
    await context.db
      .insertInto("phase_transition")
      .values({
        region_id: world.regions.twente,
        from_phase: "plans",
        to_phase: "execution",
        kind: "override",
        round_id: world.roundId,
        actor_id: world.users.programma,
        at: new Date().toISOString(),
        reason: "test",
      })
      .execute();
    expect((await note(world.users.teamA, world.teams.teamA, actionId)).status).toBe(302);
    const { getPlan } = await import("../../app/models/plan.server.ts");
    const plan = (await getPlan(context.db, world.municipalities.enschede, world.roundId))!;
    expect(plan.actions[0]!.notes.map((n) => n.text)).toEqual(["Eerste vervolgmomenten staan gepland."]);
    // Another team's action is not found; another team's manager cannot note it; bad input is told.
    expect((await note(world.users.teamB, world.teams.teamB, actionId)).status).toBe(404);
    expect((await note(world.users.teamA, world.teams.teamA, actionId, "x")).status).toBe(400);
    expect((await note(world.users.teamA, world.teams.teamA, 999999)).status).toBe(404);
  });
});

describe("results for the gemeente", () => {
  it("its teams together beside the region and the country, each group through the small-group rule; links to each team", async () => {
    const page = async () =>
      (
        await run(municipalityResults.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, {
          municipalityId: String(world.municipalities.enschede),
        })
      ).data;
    await submittedScan(world.teams.teamA, world.users.teamA, world.roundId);
    const one = await page();
    expect(one.results.teams).toBe(1);
    // One team, which the gemeente reads anyway: its total, the region's and the country's are that team's, shown and said so.
    for (const group of [one.results.own, one.results.region, one.results.country])
      expect(group.find((f: { theme: string }) => f.theme === "A").score).toBe(100);
    expect(one.results.decisions.own.note).toBe("uit 1 team, dat u zelf kunt inzien");
    expect(one.teams).toEqual([{ id: world.teams.teamA, name: "Team Enschede A" }]);
    await submittedScan(world.teams.teamB, world.users.teamB, world.roundId);
    await submittedScan(world.teams.teamHengelo, world.users.teamA, world.roundId);
    const three = await page();
    // Its own two teams' total stays; the region's three would give Hengelo's one team away, so it goes, with why.
    expect(three.results.own.find((f: { theme: string }) => f.theme === "A").score).toBe(100);
    expect(three.results.region).toBeNull();
    expect(three.results.country).toBeNull();
    expect(three.results.decisions.region.reason).toMatch(/minder dan 3 andere ingediende teams/);
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
      subject: { municipalityId: world.municipalities.enschede },
      userId: world.users.gemeenteEnschede,
      answers: validAnswers(await getDefinition(context.db, (await latestVersionOf(context.db, MUNICIPALITY_QUESTIONNAIRE))!.id)),
      submit: true,
    });
    expect((await page()).results.municipalPart.find((f: { theme: string }) => f.theme === "I").score).toBe(100);
    // Another gemeente's results page is not found.
    expect(
      (
        await run(municipalityResults.loader, getRequest("/", await cookie(world.users.gemeenteHengelo)), context, {
          municipalityId: String(world.municipalities.enschede),
        })
      ).status,
    ).toBe(404);
  });
});
