import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getOrCreateResponse } from "../../app/models/response.server.ts";
import { TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as login from "../../app/routes/login.tsx";
import * as auditPage from "../../app/routes/programma.audit.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as regionPage from "../../app/routes/regios.$regionId._index.tsx";

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  context.clientAddress = "198.51.100.7";
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const entries = () => context.db.selectFrom("audit_log").selectAll().orderBy("id").execute();

describe("the audit log", () => {
  it("records logins and failed logins with the address, never the password", async () => {
    await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: "fout-wachtwoord" }), context);
    await run(login.action, formRequest("/login", { email: "niemand@test.nl", password: "raden-raden" }), context);
    await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD }), context);
    const log = await entries();
    expect(log.map((e) => [e.action, e.actor_id, e.actor_label, e.address])).toEqual([
      ["login.failed", world.users.teamA, "team.a@test.nl", "198.51.100.7"],
      ["login.failed", null, "niemand@test.nl", "198.51.100.7"],
      ["login", world.users.teamA, null, "198.51.100.7"],
    ]);
    expect(JSON.stringify(log)).not.toContain("fout-wachtwoord");
  });

  it("records a save with the changed fields before and after, and a phase change", async () => {
    const responseId = await getOrCreateResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
    });
    const cookie = await sessionCookieFor(context, world.users.teamA);
    const params = { responseId: String(responseId), sectionKey: "A" };
    await run(
      sectionRoute.action,
      formRequest(
        "/",
        [
          ["A1", "voldoet"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        cookie,
      ),
      context,
      params,
    );
    await run(
      sectionRoute.action,
      formRequest(
        "/",
        [
          ["A1", "voldoet_niet"],
          ["A1__toelichting", "eerlijk"],
          ["revision", "1"],
          ["intent", "save"],
        ],
        cookie,
      ),
      context,
      params,
    );
    await run(
      regionPage.action,
      formRequest("/", { intent: "advance", expected: "preparation" }, await sessionCookieFor(context, world.users.regioTwente)),
      context,
      { regionId: String(world.regions.twente) },
    );

    const saves = (await entries()).filter((e) => e.action === "answers.saved");
    expect(saves).toHaveLength(2);
    expect(JSON.parse(saves[1]!.changes!)).toEqual({ A1: ["voldoet", "voldoet_niet"], "A1.toelichting": [null, "eerlijk"] });
    expect(saves[1]).toMatchObject({ actor_id: world.users.teamA, entity: "response", entity_id: String(responseId) });
    const phase = (await entries()).find((e) => e.action === "phase.advance")!;
    expect(JSON.parse(phase.changes!)).toEqual({ phase: ["preparation", "selfscan"] });

    // The page reads it in Dutch: the action, the subject by name, each change as before and after,
    // a question by its number and text, an answer by its label, a phase by its name.
    const programma = await sessionCookieFor(context, world.users.programma);
    const page = await run(auditPage.loader, getRequest("/programma/audit", programma), context);
    const [advance, secondSave] = page.data.rows;
    expect(advance).toMatchObject({ actionLabel: "Naar de volgende fase", subject: { kind: "Regio", name: "Regio Twente" } });
    expect(advance.changes).toEqual([{ field: "Fase", before: "In fase van voorbereiding", after: "Bezig met uitvoeren zelfscan" }]);
    expect(secondSave).toMatchObject({ actionLabel: "Antwoorden opgeslagen", subject: { kind: "Vragenlijst", name: "Team Enschede A, Zelfscan test" } });
    expect(secondSave.changes).toEqual([
      { field: expect.stringMatching(/^A1\. \S.+/), before: "Voldoet", after: "Voldoet niet" },
      { field: expect.stringMatching(/^A1\. .+ \(toelichting\)$/), before: "–", after: "eerlijk" },
    ]);
    expect(page.data.actions).toContainEqual({ key: "answers.saved", label: "Antwoorden opgeslagen" });
    expect(page.data.entities).toContainEqual({ key: "response", label: "Vragenlijst" });

    // Filtered by subject: only this response's entries (its creation and both saves), named above the table.
    const bySubject = await run(auditPage.loader, getRequest(`/programma/audit?onderwerp=response:${responseId}`, programma), context);
    expect(bySubject.data.rows.map((r: { action: string }) => r.action)).toEqual(["answers.saved", "answers.saved", "response.created"]);
    expect(bySubject.data.subjectName).toBe("Team Enschede A, Zelfscan test");
    const byKind = await run(auditPage.loader, getRequest("/programma/audit?soort=region", programma), context);
    expect(byKind.data.rows.map((r: { action: string }) => r.action)).toEqual(["phase.advance"]);
    // By person (any case, on both databases); a malformed subject is ignored rather than an error.
    const byPerson = await run(auditPage.loader, getRequest("/programma/audit?wie=REGIO.Twente", programma), context);
    expect(byPerson.data.rows.map((r: { action: string }) => r.action)).toEqual(["phase.advance"]);
    expect((await run(auditPage.loader, getRequest("/programma/audit?onderwerp=response:abc", programma), context)).data.rows).toHaveLength(
      page.data.rows.length,
    );
  });

  it("programma reads and filters it; nobody else can", async () => {
    await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: "fout-wachtwoord" }), context);
    await run(login.action, formRequest("/login", { email: "team.b@test.nl", password: TEST_PASSWORD }), context);
    const programma = await sessionCookieFor(context, world.users.programma);
    const all = await run(auditPage.loader, getRequest("/programma/audit", programma), context);
    expect(all.data.rows.map((r: { action: string }) => r.action)).toEqual(["login", "login.failed"]);
    const filtered = await run(auditPage.loader, getRequest("/programma/audit?handeling=login.failed&wie=team.a", programma), context);
    expect(filtered.data.rows).toHaveLength(1);
    const none = await run(auditPage.loader, getRequest("/programma/audit?van=2999-01-01", programma), context);
    expect(none.data.rows).toHaveLength(0);
    const odd = await run(auditPage.loader, getRequest("/programma/audit?van=gisteren&pagina=-4", programma), context);
    expect(odd.status).toBe(200);
    // A date that is not one is said so beside its field, with what was typed kept; a Dutch date applies.
    expect(odd.data.dateErrors).toEqual({ van: expect.stringMatching(/dag-maand-jaar/) });
    expect(odd.data.typed.van).toBe("gisteren");
    expect(odd.data.rows).toHaveLength(2);
    expect((await run(auditPage.loader, getRequest("/programma/audit?van=01-01-2999", programma), context)).data.rows).toHaveLength(0);
    expect((await run(auditPage.loader, getRequest("/programma/audit", await sessionCookieFor(context, world.users.regioTwente)), context)).status).toBe(404);
  });
});
