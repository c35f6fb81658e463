import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveAnswers, getOrCreateResponse } from "../../app/models/response.server.ts";
import { cleanUp, DEFAULT_RETENTION } from "../../app/models/retention.server.ts";
import { configureMailDelivery } from "../../app/models/outbox.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import { TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import * as professionals from "../../app/routes/teams.$teamId.professionals.tsx";
import * as start from "../../app/routes/bijdrage.$token._index.tsx";
import * as section from "../../app/routes/bijdrage.$token.onderdelen.$sectionKey.tsx";
import * as submit from "../../app/routes/bijdrage.$token.indienen.tsx";
import * as results from "../../app/routes/teams.$teamId.resultaten.tsx";
import * as gesprekskaart from "../../app/routes/teams.$teamId.gesprekskaart.tsx";
import * as downloads from "../../app/routes/downloads.$file.tsx";
import * as regionResults from "../../app/routes/regios.$regionId.resultaten.tsx";
import * as dashboard from "../../app/routes/programma.dashboard.tsx";
import { csvRows, workbookOf } from "../support/downloads.ts";

// The professionals' view (issue 25, decision 79): invitations, personal links, anonymity and the threshold.

let context: TestContext;
let world: World;
beforeEach(async () => {
  // As an installation without a mail server (the tests' configuration says so too: links are shown to copy).
  configureMailDelivery({ sends: false, wake: () => {} });
  context = openTestDatabase();
  context.clientAddress = "192.0.2.30";
  world = await buildWorld(context.db);
});
afterEach(async () => {
  configureMailDelivery({ sends: true, wake: () => {} });
  await context.close();
});

const teamParams = () => ({ teamId: String(world.teams.teamA) });
const manager = () => sessionCookieFor(context, world.users.teamA);
const invite = async (emails: string) => run(professionals.action, formRequest("/", { intent: "invite", emails }, await manager()), context, teamParams());
const tokensOf = (links: { link: string }[]) => links.map((l) => l.link.slice(l.link.lastIndexOf("/") + 1));

/** A professional fills in theme A and submits, through their link, as a browser without JavaScript would. */
async function answer(token: string, a1: string, comment = "") {
  const saved = await run(
    section.action,
    formRequest("/", [
      ["A1", a1],
      ["A1__toelichting", comment],
      ["A2", "voldoet_deels"],
      ["revision", "0"],
      ["intent", "save"],
    ]),
    context,
    { token, sectionKey: "A" },
  );
  expect(saved.status).toBe(302);
  return run(submit.action, formRequest("/", {}), context, { token });
}

describe("the team manager invites the professionals", () => {
  it("refuses a list with a wrong address and invites nobody; then invites each address once, with a link to copy when no mail is sent", async () => {
    const bad = await invite("een@zorg.nl\ngeen-adres");
    expect(bad.status).toBe(400);
    expect(bad.data.errors.emails).toContain("geen-adres");
    expect(await context.db.selectFrom("view_invitation").select("id").execute()).toEqual([]);

    const good = await invite("Een@Zorg.nl, twee@zorg.nl\nDRIE@zorg.nl\neen@zorg.nl");
    expect(good.status).toBe(200);
    expect(good.data.links.map((l: { email: string }) => l.email)).toEqual(["een@zorg.nl", "twee@zorg.nl", "drie@zorg.nl"]);
    expect(good.data.links.every((l: { link: string }) => /^http:\/\/localhost:3000\/bijdrage\/[A-Za-z0-9_-]{43}$/.test(l.link))).toBe(true);
    // Without a mail server the mails are held, without their links; only the token's hash is stored.
    const outbox = await context.db.selectFrom("outbox").select(["recipient", "body", "held"]).execute();
    expect(outbox.map((m) => m.recipient).sort()).toEqual(["drie@zorg.nl", "een@zorg.nl", "twee@zorg.nl"]);
    expect(outbox.every((m) => m.held && !m.body.includes("/bijdrage/"))).toBe(true);
    const stored = await context.db.selectFrom("view_invitation").select(["token_hash", "email", "used"]).execute();
    for (const token of tokensOf(good.data.links)) expect(stored.some((s) => s.token_hash === token)).toBe(false);
    // Adding later: an address already invited is not counted twice (its unused link is renewed).
    const later = await invite("een@zorg.nl\nvier@zorg.nl");
    expect(later.data.links.map((l: { email: string }) => l.email)).toEqual(["vier@zorg.nl", "een@zorg.nl"]);
    const page = await run(professionals.loader, getRequest("/", await manager()), context, teamParams());
    expect(page.data.request).toMatchObject({ invited: 4, responded: 0 });
    // Only the team's own manager asks: its gemeente reads the count, and may not invite.
    const gemeente = await sessionCookieFor(context, world.users.gemeenteEnschede);
    expect((await run(professionals.loader, getRequest("/", gemeente), context, teamParams())).data.canChange).toBe(false);
    expect((await run(professionals.action, formRequest("/", { intent: "invite", emails: "x@zorg.nl" }, gemeente), context, teamParams())).status).toBe(403);
  });
});

describe("a professional's link", () => {
  it("opens their form without an account, keeps their draft, is spent by submitting, and a wrong link tells nothing", async () => {
    const [token] = tokensOf((await invite("een@zorg.nl")).data.links);
    const opened = await run(start.loader, getRequest("/"), context, { token: token! });
    expect(opened.status).toBe(200);
    expect(opened.data.tasks.sections.map((s: { key: string }) => s.key)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    const saved = await run(
      section.action,
      formRequest("/", [
        ["A1", "voldoet"],
        ["revision", "0"],
        ["intent", "save"],
      ]),
      context,
      { token: token!, sectionKey: "A" },
    );
    expect(saved.status).toBe(302);
    // The same link again later: the draft is there.
    const again = await run(section.loader, getRequest("/"), context, { token: token!, sectionKey: "A" });
    expect(again.data.form.values.A1).toBe("voldoet");
    // A save from a second tab with the old revision is told, not stored over the first.
    const stale = await run(
      section.action,
      formRequest("/", [
        ["A1", "voldoet_niet"],
        ["revision", "0"],
        ["intent", "save"],
      ]),
      context,
      { token: token!, sectionKey: "A" },
    );
    expect(stale.status).toBe(409);
    // A note over its limit costs only itself: the answer beside it is stored, the note comes back with its message.
    const partial = await run(
      section.action,
      formRequest("/", [
        ["A1", "voldoet_deels"],
        ["A1__toelichting", "x".repeat(2001)],
        ["revision", "1"],
        ["intent", "next"],
      ]),
      context,
      { token: token!, sectionKey: "A" },
    );
    expect(partial.status).toBe(400);
    expect(partial.data).toMatchObject({ kind: "partial", revision: 2, errors: { A1__toelichting: "Gebruik hoogstens 2000 tekens." } });
    const kept = await run(section.loader, getRequest("/"), context, { token: token!, sectionKey: "A" });
    expect(kept.data.form.values).toMatchObject({ A1: "voldoet_deels", A1__toelichting: "" });

    const done = await run(submit.action, formRequest("/", {}), context, { token: token! });
    expect(done).toMatchObject({ status: 302, location: "/bijdrage-ontvangen" });
    const used = await run(start.loader, getRequest("/"), context, { token: token! });
    expect(used.status).toBe(410);
    expect(used.data).toContain("al een bijdrage ingediend");
    const wrong = await run(start.loader, getRequest("/"), context, { token: "x".repeat(43) });
    expect(wrong.status).toBe(404);
    expect(wrong.data).not.toMatch(/team|Enschede/i);
  });

  it("posted twice at once stores one view", async () => {
    const [token] = tokensOf((await invite("een@zorg.nl")).data.links);
    const outcomes = await Promise.all([
      run(submit.action, formRequest("/", {}), context, { token: token! }),
      run(submit.action, formRequest("/", {}), context, { token: token! }),
    ]);
    // Each lands on the thank-you page, or is told the link was used if the other had already finished.
    for (const o of outcomes) expect([302, 410]).toContain(o.status);
    expect((await context.db.selectFrom("view_response").select("id").execute()).length).toBe(1);
  });

  it("stops working when the manager closes the request, and the addresses are gone then", async () => {
    const [token] = tokensOf((await invite("een@zorg.nl\ntwee@zorg.nl")).data.links);
    const asked = await run(professionals.action, formRequest("/", { intent: "close" }, await manager()), context, teamParams());
    expect(asked.data.confirmClose).toBe(true);
    const closed = await run(professionals.action, formRequest("/", { intent: "close", confirm: "ja" }, await manager()), context, teamParams());
    expect(closed.status).toBe(302);
    expect((await run(start.loader, getRequest("/"), context, { token: token! })).status).toBe(410);
    expect((await context.db.selectFrom("view_invitation").select("email").execute()).every((i) => i.email === null)).toBe(true);
  });

  it("expires with the round: once the round is over for the team, the link is closed and the cleanup removes the addresses", async () => {
    const [token] = tokensOf((await invite("een@zorg.nl")).data.links);
    await context.db.updateTable("round").set({ closed_at: new Date().toISOString() }).where("id", "=", world.roundId).execute();
    expect((await run(start.loader, getRequest("/"), context, { token: token! })).status).toBe(410);
    const cleaned = await cleanUp(context.db, DEFAULT_RETENTION);
    expect(cleaned.professionalAddresses).toBe(1);
    expect((await context.db.selectFrom("view_invitation").select("email").executeTakeFirstOrThrow()).email).toBeNull();
  });

  it("invited again, someone who lost the mail gets a new link and the old one stops; someone who responded gets nothing, and the manager is not told which", async () => {
    const [lost, responded] = tokensOf((await invite("een@zorg.nl\ntwee@zorg.nl")).data.links);
    await answer(responded!, "voldoet");
    // With a mail server now: the answer is only the notice, whatever was renewed.
    configureMailDelivery({ sends: true, wake: () => {} });
    context.config = { ...context.config, sendsMail: true };
    const again = await invite("een@zorg.nl\ntwee@zorg.nl");
    expect(again).toMatchObject({ status: 302, location: `/teams/${world.teams.teamA}/professionals?gedaan=uitgenodigd-0-2` });
    const page = await run(professionals.loader, getRequest(again.location!, await manager()), context, teamParams());
    expect(page.status).toBe(200);
    expect((await run(start.loader, getRequest("/"), context, { token: lost! })).status).toBe(404);
    const mails = await context.db.selectFrom("outbox").select(["recipient", "body"]).orderBy("id").execute();
    expect(mails.map((m) => m.recipient)).toEqual(["een@zorg.nl", "twee@zorg.nl", "een@zorg.nl"]);
    expect(mails[2]!.body).toContain("een eerdere link werkt niet meer");
    // The audit log says how many were asked again, not whose link was renewed.
    const logged = await context.db
      .selectFrom("audit_log")
      .select("changes")
      .where("action", "=", "views.invited")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(logged.changes!)).toEqual({ invited: [2, 2], invitedAgain: [null, 2] });
    expect(page.data.request).toMatchObject({ invited: 2, responded: 1 });
  });

  it("a reminder goes once a day to those who have not responded, without a link", async () => {
    const tokens = tokensOf((await invite("een@zorg.nl\ntwee@zorg.nl")).data.links);
    await answer(tokens[0]!, "voldoet");
    const first = await run(professionals.action, formRequest("/", { intent: "remind" }, await manager()), context, teamParams());
    expect(first.status).toBe(302);
    const reminders = await context.db.selectFrom("outbox").select(["recipient", "subject", "body"]).where("subject", "like", "Herinnering%").execute();
    expect(reminders.map((r) => r.recipient)).toEqual(["twee@zorg.nl"]);
    expect(reminders[0]!.body).not.toContain("/bijdrage/");
    const second = await run(professionals.action, formRequest("/", { intent: "remind" }, await manager()), context, teamParams());
    expect(second.status).toBe(409);
    expect(second.data.errors.form).toContain("morgen");
  });
});

describe("anonymity and the threshold", () => {
  it("with 2 views nothing of them shows on the results page or the gesprekskaart; with 3 their counts and comments do, sorted, without dates", async () => {
    const responseId = await getOrCreateResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
    });
    await saveAnswers(context.db, { responseId, expectedRevision: 0, answers: { A1: { value: "voldoet", comment: null } }, userId: world.users.teamA });
    const tokens = tokensOf((await invite("een@zorg.nl\ntwee@zorg.nl\ndrie@zorg.nl")).data.links);
    await answer(tokens[0]!, "voldoet_niet", "Zo werkt het niet");
    await answer(tokens[1]!, "voldoet_niet", "Alleen op papier");
    const gemeente = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const ronde = { ...teamParams() };
    const two = await run(results.loader, getRequest(`/?ronde=${world.roundId}`, gemeente), context, ronde);
    expect(two.data.talk.conversation).toEqual({ shown: false, responses: 2, missing: 1 });
    expect(JSON.stringify(two.data)).not.toMatch(/Zo werkt het niet|Alleen op papier/);
    const card = await run(gesprekskaart.loader, getRequest(`/?ronde=${world.roundId}`, await manager()), context, ronde);
    expect(card.data.talk.conversation).toEqual({ shown: false, responses: 2, missing: 1 });
    expect(JSON.stringify(card.data)).not.toMatch(/Zo werkt het niet|Alleen op papier|voldoet_niet/);
    // Nor the region's page, nor the dashboard's count.
    const programma = await sessionCookieFor(context, world.users.programma);
    const regio = await sessionCookieFor(context, world.users.regioTwente);
    const regionTalk = async () =>
      (await run(regionResults.loader, getRequest(`/?ronde=${world.roundId}`, regio), context, { regionId: String(world.regions.twente) })).data.talk;
    const dashboardCount = async () => (await run(dashboard.loader, getRequest("/", programma), context)).data.view.zelfscan.withViews;
    expect((await regionTalk()).region).toEqual({ teams: 0, figures: expect.any(Array) });
    const scores = async () =>
      (await regionTalk()).municipalities
        .flatMap((m: { figures: { score: number | null }[] }) => m.figures.map((f) => f.score))
        .filter((x: unknown) => x !== null);
    expect(await scores()).toEqual([]);
    expect(await dashboardCount()).toBe(0);

    // The files say nothing of two views either: no row for the team, no count.
    const file = (format: string) =>
      run(downloads.loader, getRequest(`/downloads/zelfscan-professionals.${format}?ronde=${world.roundId}`, programma), context, {
        file: `zelfscan-professionals.${format}`,
      });
    expect((await csvRows(await file("csv"))).slice(1)).toEqual([]);
    expect((await workbookOf(await file("xlsx"))).worksheets[0]!.rowCount).toBe(1);

    await answer(tokens[2]!, "voldoet_deels", "Afhankelijk van de casus");
    expect((await regionTalk()).region.teams).toBe(1);
    expect((await scores()).length).toBeGreaterThan(0);
    expect(await dashboardCount()).toBe(1);
    const [header, ...rows] = await csvRows(await file("csv"));
    expect(header!.slice(0, 7)).toEqual(["Team", "Gemeente", "Regio", "Reacties van professionals", "Vraag", "Vraagtekst", "Voldoet"]);
    const a1Row = rows.find((r) => r[0] === "Team Enschede A" && r[4] === "A1")!;
    expect(a1Row.slice(3, 5)).toEqual(["3", "A1"]);
    expect(a1Row.slice(6, 11)).toEqual(["0", "1", "2", "0", "0"]);
    const workbook = await workbookOf(await file("xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([expect.stringMatching(/^Professionals/), "Codeboek"]);
    expect(JSON.stringify(rows)).not.toMatch(/Zo werkt het niet/);
    const three = await run(results.loader, getRequest(`/?ronde=${world.roundId}`, await manager()), context, ronde);
    const a1 = three.data.talk.conversation.themes[0].items.find((i: { key: string }) => i.key === "A1");
    expect(a1.manager).toBe("Voldoet");
    expect(a1.counts.map((c: { count: number }) => c.count)).toEqual([0, 1, 2, 0, 0]);
    expect(a1.comments).toEqual(["Afhankelijk van de casus", "Alleen op papier", "Zo werkt het niet"]);
    expect(three.data.talk.conversation.topics[0].key).toBe("A1");
    // The gemeente sees the distribution, and the team's answers only once submitted.
    const forGemeente = await run(results.loader, getRequest(`/?ronde=${world.roundId}`, gemeente), context, ronde);
    expect(forGemeente.data.talk.managerAnswersShown).toBe(false);
    // The gesprekskaart of the team's current round (no round asked for) shows them now.
    const shown = await run(gesprekskaart.loader, getRequest("/", await manager()), context, ronde);
    expect(shown.data.talk.conversation.topics[0].key).toBe("A1");
  });

  it("keeps nothing that links an invitation to a view: no shared column but the team's request, a random id, the day only, no draft left", async () => {
    const tokens = tokensOf((await invite("een@zorg.nl\ntwee@zorg.nl\ndrie@zorg.nl")).data.links);
    for (const token of tokens) await answer(token, "voldoet");
    const columns = async (table: string) =>
      (await context.db.introspection.getTables())
        .find((t) => t.name === table)!
        .columns.map((c) => c.name)
        .sort();
    expect(await columns("view_invitation")).toEqual(["email", "id", "invited_on", "reminded_on", "request_id", "token_hash", "used"]);
    expect(await columns("view_response")).toEqual(["id", "request_id", "submitted_on"]);
    expect(await columns("view_answer")).toEqual(["comment", "item_key", "response_id", "value"]);
    const views = await context.db.selectFrom("view_response").selectAll().execute();
    expect(views.every((v) => /^[0-9a-f-]{36}$/.test(v.id) && /^\d{4}-\d{2}-\d{2}$/.test(v.submitted_on))).toBe(true);
    const invitations = await context.db.selectFrom("view_invitation").select(["token_hash"]).execute();
    for (const v of views) expect(invitations.some((i) => i.token_hash.includes(v.id) || v.id.includes(i.token_hash.slice(0, 8)))).toBe(false);
    expect(await context.db.selectFrom("view_draft").selectAll().execute()).toEqual([]);
    // The audit log says how many were invited, never who.
    const audit = JSON.stringify(await context.db.selectFrom("audit_log").selectAll().where("action", "like", "views.%").execute());
    expect(audit).toContain("views.invited");
    expect(audit).not.toMatch(/zorg\.nl/);
  });
});
