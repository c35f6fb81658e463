import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dayOf } from "../../app/domain/format.ts";
import { remindMissingScans, sendDueAutomaticReminders } from "../../app/models/zelfscan-reminders.server.ts";
import { notificationsFor } from "../../app/services/notification-list.server.ts";
import { insertResponse, insertTeam, insertUser, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, TEST_PASSWORD_COST, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as remindTeams from "../../app/routes/gemeenten.$municipalityId.herinneren.tsx";
import * as remindRegion from "../../app/routes/regios.$regionId.herinneren.tsx";
import * as municipalityStart from "../../app/routes/gemeenten.$municipalityId._index.tsx";
import * as rounds from "../../app/routes/programma.rondes.tsx";

// Issue 27, part 6 (decision 88): the gemeente reminds its teams, the regio its gemeenten and teams, that
// have not submitted the zelfscan; nobody gets more than one a day; the reminder is named before it goes;
// an automatic one goes a configurable number of days before the round closes.

let context: TestContext;
let world: World;
const cookie = (userId: number) => sessionCookieFor(context, userId);
const DAY = 86_400_000;

beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const reminders = (userId: number) =>
  context.db.selectFrom("notification").select(["kind", "text", "link"]).where("user_id", "=", userId).where("kind", "=", "zelfscan.reminder").execute();
const mailTo = (address: string) => context.db.selectFrom("outbox").select(["subject", "body"]).where("recipient", "=", address).execute();
const enschede = () => ({ municipalityId: String(world.municipalities.enschede) });
const twente = () => ({ regionId: String(world.regions.twente) });

describe("the gemeente reminds its teams", () => {
  it("names who would get one before anything is sent; sends once a day per team; says so on the start page and in the audit log", async () => {
    // Team Enschede B has begun; Team Enschede A has not.
    const draft = await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
    });
    const page = await run(remindTeams.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(page.status).toBe(200);
    expect(page.data.page.refusal).toBeNull();
    expect(page.data.page.missing.map((m: { name: string; begun: boolean; accounts: number }) => [m.name, m.begun, m.accounts])).toEqual([
      ["Team Enschede A", false, 1],
      ["Team Enschede B", true, 1],
    ]);
    // Looking sends nothing.
    expect(await reminders(world.users.teamA)).toEqual([]);

    const sent = await run(remindTeams.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(sent.location).toBe(`/gemeenten/${world.municipalities.enschede}?herinnerd=2&al-herinnerd=0&zonder-account=0#teams`);
    expect(await reminders(world.users.teamA)).toEqual([
      {
        kind: "zelfscan.reminder",
        text: expect.stringMatching(
          /^Gemeente Enschede vraagt u de zelfscan van Team Enschede A in te vullen en in te dienen: die is nog niet begonnen\. Zelfscan test sluit op 31 december 2999\.$/,
        ),
        link: `/teams/${world.teams.teamA}#zelfscan`,
      },
    ]);
    expect((await reminders(world.users.teamB))[0]).toMatchObject({
      text: expect.stringContaining("is begonnen maar nog niet ingediend"),
      link: `/vragenlijsten/${draft}`,
    });
    expect((await mailTo("team.a@test.nl")).map((m) => m.subject)).toEqual(["Herinnering: de zelfscan van Team Enschede A (Zelfscan test)"]);
    // Another gemeente's teams heard nothing.
    expect(await reminders(world.users.teamZaanstad)).toEqual([]);

    const start = await run(municipalityStart.loader, getRequest(sent.location!, await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(start.data.reminded).toEqual({ told: 2, alreadyToday: 0, withoutAccount: 0 });
    const logged = await context.db.selectFrom("audit_log").select(["action", "changes"]).where("action", "=", "zelfscan.reminded").execute();
    expect(logged.map((l) => JSON.parse(l.changes!))).toEqual([{ gemeente: [null, "Enschede"], reminded: [null, 2] }]);

    // The same day again: nobody gets a second one, and the page says so before sending.
    const again = await run(remindTeams.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(again.data.page.missing.every((m: { remindedOn: string }) => m.remindedOn === dayOf())).toBe(true);
    const twice = await run(remindTeams.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(twice.location).toContain("herinnerd=0&al-herinnerd=2");
    expect(await reminders(world.users.teamA)).toHaveLength(1);

    // The next day, one more.
    const round = await context.db.selectFrom("round").select(["id", "name", "closes_on"]).where("id", "=", world.roundId).executeTakeFirstOrThrow();
    const tomorrow = await remindMissingScans(context.db, {
      round,
      scope: { municipalityId: world.municipalities.enschede },
      sender: { userId: world.users.gemeenteEnschede, from: "Gemeente Enschede" },
      origin: "http://localhost",
      now: new Date(Date.now() + DAY),
    });
    expect(tomorrow).toEqual({ told: 2, alreadyToday: 0, withoutAccount: 0 });
    expect(await reminders(world.users.teamA)).toHaveLength(2);
  });

  it("skips a team that submitted and a deactivated team; the reminder is settled once the scan is submitted", async () => {
    const teamA = await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
    });
    await context.db.updateTable("response").set({ status: "submitted" }).where("id", "=", teamA).execute();
    const teamC = await insertTeam(context.db, { municipalityId: world.municipalities.enschede, name: "Team Enschede C" });
    const managerC = await insertUser(context.db, {
      email: "team.c@test.nl",
      role: "teammanager",
      teamId: teamC,
      password: TEST_PASSWORD,
      passwordCost: TEST_PASSWORD_COST,
    });
    await context.db.updateTable("team").set({ active: 0 }).where("id", "=", teamC).execute();
    const teamB = await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
    });

    const sent = await run(remindTeams.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(sent.location).toContain("herinnerd=1&");
    expect(await reminders(world.users.teamA)).toEqual([]);
    expect(await reminders(managerC)).toEqual([]);
    expect((await notificationsFor(context.db, world.users.teamB)).items[0]).toMatchObject({ state: "new" });
    await context.db.updateTable("response").set({ status: "submitted" }).where("id", "=", teamB).execute();
    expect((await notificationsFor(context.db, world.users.teamB)).items[0]).toMatchObject({
      state: "settled",
      settledBy: "Afgehandeld: de zelfscan is ingediend.",
    });
  });

  it("only the gemeente itself: another gemeente, the regio, a team manager and Veilig Thuis find no such page", async () => {
    for (const user of [world.users.gemeenteHengelo, world.users.regioTwente, world.users.teamA, world.users.veiligThuisTwente]) {
      expect((await run(remindTeams.loader, getRequest("/", await cookie(user)), context, enschede())).status).toBe(404);
      expect((await run(remindTeams.action, formRequest("/", {}, await cookie(user)), context, enschede())).status).toBe(404);
    }
    expect(await reminders(world.users.teamA)).toEqual([]);
  });

  it("a closed round is refused with its date, on the page and when posted", async () => {
    await context.db.updateTable("round").set({ closed_at: new Date().toISOString() }).where("id", "=", world.roundId).execute();
    await context.db
      .updateTable("round")
      .set({ closes_on: dayOf(new Date(Date.now() - DAY)) })
      .where("id", "=", world.roundId)
      .execute();
    const page = await run(remindTeams.loader, getRequest("/", await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(page.data.page.refusal).toMatch(/^Zelfscan test is gesloten sinds .*; herinneren heeft geen zin meer\.$/);
    const posted = await run(remindTeams.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, enschede());
    expect(posted.status).toBe(409);
    expect(await reminders(world.users.teamA)).toEqual([]);
  });
});

describe("the regio reminds its gemeenten and teams", () => {
  it("teams and gemeenten that have not submitted; one reminded by its gemeente today gets none; those without an account are named", async () => {
    await run(remindTeams.action, formRequest("/", {}, await cookie(world.users.gemeenteEnschede)), context, enschede());
    const page = await run(remindRegion.loader, getRequest("/", await cookie(world.users.regioTwente)), context, twente());
    const missing: { name: string; kind: string; accounts: number; remindedOn: string | null }[] = page.data.page.missing;
    expect(missing.filter((m) => m.kind === "team").map((m) => [m.name, m.accounts, m.remindedOn !== null])).toEqual([
      ["Team Enschede A", 1, true],
      ["Team Enschede B", 1, true],
      ["Team Hengelo", 0, false],
    ]);
    const gemeenten = missing.filter((m) => m.kind === "gemeente");
    expect(gemeenten.filter((m) => m.accounts > 0).map((m) => m.name)).toEqual(["Gemeente Enschede", "Gemeente Hengelo"]);

    const sent = await run(remindRegion.action, formRequest("/", {}, await cookie(world.users.regioTwente)), context, twente());
    // The two gemeenten with an account; the teams reminded today and everyone without an account are not.
    expect(sent.location).toBe(`/regios/${world.regions.twente}?herinnerd=2&al-herinnerd=2&zonder-account=${gemeenten.length - 2 + 1}#voortgang`);
    expect((await reminders(world.users.gemeenteHengelo))[0]!.text).toMatch(
      /^Regio Twente vraagt u het gemeentelijke deel van de zelfscan in te vullen en in te dienen/,
    );
    expect(await reminders(world.users.teamA)).toHaveLength(1);
    expect(await reminders(world.users.gemeenteZaanstad)).toEqual([]);
  });

  it("another region's lead and a gemeente find no such page; programma sends in the programme's name", async () => {
    for (const user of [world.users.regioZaanstreek, world.users.gemeenteEnschede, world.users.veiligThuisTwente]) {
      expect((await run(remindRegion.action, formRequest("/", {}, await cookie(user)), context, twente())).status).toBe(404);
    }
    expect(await reminders(world.users.teamA)).toEqual([]);
    await run(remindRegion.action, formRequest("/", {}, await cookie(world.users.programma)), context, twente());
    expect((await reminders(world.users.teamA))[0]!.text).toMatch(/^Het programma Geweld hoort nergens thuis vraagt u/);
  });

  it("two reminders posted at the same moment give each recipient one", async () => {
    const post = async (user: number, params: Record<string, string>, route: typeof remindRegion | typeof remindTeams) =>
      run(route.action, formRequest("/", {}, await cookie(user)), context, params);
    await Promise.all([post(world.users.regioTwente, twente(), remindRegion), post(world.users.gemeenteEnschede, enschede(), remindTeams)]);
    expect(await reminders(world.users.teamA)).toHaveLength(1);
    expect(await reminders(world.users.teamB)).toHaveLength(1);
  });
});

describe("the automatic reminder before a round closes", () => {
  const closeIn = (days: number, reminderDays = 7) =>
    context.db
      .updateTable("round")
      .set({ closes_on: dayOf(new Date(Date.now() + days * DAY)), reminder_days: reminderDays })
      .where("id", "=", world.roundId)
      .execute();

  it("goes once, on its day, to everyone who has not submitted in every region on the round", async () => {
    await closeIn(8);
    expect(await sendDueAutomaticReminders(context.db, "http://localhost")).toEqual([]);
    await closeIn(5);
    expect(await sendDueAutomaticReminders(context.db, "http://localhost")).toEqual([{ round: "Zelfscan test", told: 6 }]);
    expect((await reminders(world.users.teamA))[0]!.text).toMatch(
      /^Zelfscan test sluit op .+, over 5 dagen\. De zelfscan van Team Enschede A is nog niet begonnen: vul hem in/,
    );
    expect(await reminders(world.users.teamZaanstad)).toHaveLength(1);
    expect(await reminders(world.users.gemeenteZaanstad)).toHaveLength(1);
    // Claimed: a second process, or the next hour, sends nothing.
    expect(await sendDueAutomaticReminders(context.db, "http://localhost", new Date(Date.now() + 3_600_000))).toEqual([]);
    expect(await reminders(world.users.teamA)).toHaveLength(1);
    const logged = await context.db.selectFrom("audit_log").select(["actor_id", "actor_label"]).where("action", "=", "zelfscan.reminded").execute();
    expect(logged).toEqual([{ actor_id: null, actor_label: "Automatische herinnering" }]);
  });

  it("is off at 0 days; programma sets the days per round, and a wrong number is refused", async () => {
    await closeIn(3, 0);
    expect(await sendDueAutomaticReminders(context.db, "http://localhost")).toEqual([]);
    const bad = await run(
      rounds.action,
      formRequest("/", { intent: "herinnering", round: String(world.roundId), reminderDays: "-1" }, await cookie(world.users.programma)),
      context,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors[`herinnering-${world.roundId}`]).toMatch(/van 0 \(geen herinnering\) tot en met 90/);
    const refused = await run(
      rounds.action,
      formRequest("/", { intent: "herinnering", round: String(world.roundId), reminderDays: "5" }, await cookie(world.users.regioTwente)),
      context,
    );
    expect(refused.status).toBe(404);
    const set = await run(
      rounds.action,
      formRequest("/", { intent: "herinnering", round: String(world.roundId), reminderDays: "5" }, await cookie(world.users.programma)),
      context,
    );
    expect(set.location).toBe("/programma/rondes?herinnering-gewijzigd=1");
    expect(await sendDueAutomaticReminders(context.db, "http://localhost")).toEqual([{ round: "Zelfscan test", told: 6 }]);
  });
});
