import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAnswers, getDefinition, getOrCreateResponse, getResponse } from "../../app/models/response.server.ts";
import type { QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { messages } from "../../app/questionnaire/item-types/spec.ts";
import { TEAM_QUESTIONNAIRE, insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sectionCookie, sectionFields, TEST_PASSWORD, validAnswers, type World } from "./helpers.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as login from "../../app/routes/login.tsx";
import * as logout from "../../app/routes/logout.tsx";
import * as home from "../../app/routes/_index.tsx";
import * as teamPage from "../../app/routes/teams.$teamId._index.tsx";
import * as municipalityPage from "../../app/routes/gemeenten.$municipalityId._index.tsx";
import * as regionPage from "../../app/routes/regios.$regionId._index.tsx";
import * as programmaPage from "../../app/routes/programma._index.tsx";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as submitRoute from "../../app/routes/vragenlijsten.$responseId.indienen.tsx";

let context: TestContext;
let world: World;
let responseId: number;
let definition: QuestionnaireDefinition;
let cookie: (userId: number) => Promise<string>;

beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  responseId = await getOrCreateResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId: world.teams.teamA },
    userId: world.users.teamA,
  });
  definition = await getDefinition(context.db, (await getResponse(context.db, responseId))!.questionnaire_version_id);
  cookie = (userId) => sectionCookie(context, userId);
});
afterEach(() => context.close());

const sectionUrl = (key = "A", id = responseId) => `/vragenlijsten/${id}/onderdelen/${key}`;
const params = (key = "A", id = responseId) => ({ responseId: String(id), sectionKey: key });
const sectionA = () => definition.sections[0]!;

describe("logging in and out", () => {
  it("sends an anonymous visitor to the login page and back to where they were going", async () => {
    const outcome = await run(teamPage.loader, getRequest(`/teams/${world.teams.teamA}`), context, { teamId: String(world.teams.teamA) });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/login?redirectTo=%2Fteams%2F${world.teams.teamA}`);
  });

  it("refuses a wrong password with one Dutch message that does not say which part was wrong", async () => {
    for (const email of ["team.a@test.nl", "onbekend@test.nl"]) {
      const outcome = await run(login.action, formRequest("/login", { email, password: "fout-wachtwoord" }), context);
      expect(outcome.status).toBe(400);
      expect(outcome.data.errors.form).toBe("Het e-mailadres of het wachtwoord klopt niet.");
      expect(outcome.data.values.email).toBe(email);
      expect(outcome.data.values.password).toBeUndefined();
    }
  });

  it("checks the form: an empty or malformed email gets a message at the field", async () => {
    const outcome = await run(login.action, formRequest("/login", { email: "geen-email", password: "" }), context);
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ email: "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.", password: "Vul uw wachtwoord in." });
  });

  it("logs in with a HttpOnly SameSite=Lax session cookie and lands each role on its own start page", async () => {
    const cases: [string, string][] = [
      ["team.a@test.nl", `/teams/${world.teams.teamA}`],
      ["gemeente.enschede@test.nl", `/gemeenten/${world.municipalities.enschede}`],
      ["regio.twente@test.nl", `/regios/${world.regions.twente}`],
      ["programma@test.nl", "/programma"],
    ];
    for (const [email, start] of cases) {
      const outcome = await run(login.action, formRequest("/login", { email: email.toUpperCase(), password: TEST_PASSWORD }), context);
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe(start);
      const setCookie = outcome.headers.get("Set-Cookie")!;
      expect(setCookie).toMatch(/^wav_sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
      expect(setCookie).not.toContain("Secure");
    }
  });

  it("marks the cookie Secure in production, and stores only a hash of the session token", async () => {
    context.config.secureCookies = true;
    const outcome = await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD }), context);
    const setCookie = outcome.headers.get("Set-Cookie")!;
    expect(setCookie).toContain("; Secure");
    const token = setCookie.split(";")[0]!.split("=")[1]!;
    const stored = await context.db.selectFrom("session").select("id").execute();
    expect(stored.some((s) => s.id.includes(token))).toBe(false);
  });

  it("goes back to a local path after login, never to another site", async () => {
    const local = await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD, redirectTo: sectionUrl("B") }), context);
    expect(local.location).toBe(sectionUrl("B"));
    const foreign = await run(
      login.action,
      formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD, redirectTo: "//evil.example/x" }),
      context,
    );
    expect(foreign.location).toBe(`/teams/${world.teams.teamA}`);
  });

  it("logging out ends the session on the server", async () => {
    const c = await cookie(world.users.teamA);
    const out = await run(logout.action, formRequest("/logout", {}, c), context);
    expect(out.location).toBe("/login?uitgelogd=1");
    const after = await run(home.loader, getRequest("/", c), context);
    expect(after.location).toBe("/login?redirectTo=%2F");
  });

  it("a password is never stored in clear", async () => {
    const rows = await context.db.selectFrom("user_account").select("password_hash").execute();
    expect(rows.every((r) => r.password_hash.startsWith("scrypt$") && !r.password_hash.includes(TEST_PASSWORD))).toBe(true);
  });
});

describe("the team manager's section page", () => {
  it("shows the section of their own team with its saved answers and the revision", async () => {
    await insertResponseAnswers({ A1: { value: "voldoet_deels", comment: "loopt" } });
    const outcome = await run(sectionRoute.loader, getRequest(sectionUrl(), await cookie(world.users.teamA)), context, params());
    expect(outcome.status).toBe(200);
    expect(outcome.data.form.values).toMatchObject({ A1: "voldoet_deels", A1__toelichting: "loopt" });
    expect(outcome.data.form.revision).toBe(1);
    expect(outcome.data.section.key).toBe("A");
  });

  it("answers 404 for another team's response, an unknown id, a malformed id and an unknown section", async () => {
    const own = await cookie(world.users.teamA);
    const other = await cookie(world.users.teamB);
    expect((await run(sectionRoute.loader, getRequest(sectionUrl(), other), context, params())).status).toBe(404);
    expect((await run(sectionRoute.loader, getRequest(sectionUrl("A", 99999), own), context, params("A", 99999))).status).toBe(404);
    for (const bad of ["abc", "1.5", "-1", "0", "1e3", "99999999999999999999"]) {
      expect(
        (await run(sectionRoute.loader, getRequest(`/vragenlijsten/${bad}/onderdelen/A`, own), context, { responseId: bad, sectionKey: "A" })).status,
      ).toBe(404);
    }
    expect((await run(sectionRoute.loader, getRequest(sectionUrl("Z"), own), context, params("Z"))).status).toBe(404);
  });

  it("saves a valid section as a draft and comes back with a confirmation (PRG)", async () => {
    const fields: [string, string][] = [...sectionFields(definition, sectionA()), ["A1__toelichting", "Goed op weg"], ["revision", "0"], ["intent", "save"]];
    const outcome = await run(sectionRoute.action, formRequest(sectionUrl(), fields, await cookie(world.users.teamA)), context, params());
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${sectionUrl()}?opgeslagen=1`);
    const answers = await getAnswers(context.db, responseId);
    expect(answers.A1).toEqual({ value: "voldoet", comment: "Goed op weg" });
    expect(Object.keys(answers)).toHaveLength(sectionA().items.length);
  });

  it("'Opslaan en verder' goes to the next section; autosave answers with the new revision", async () => {
    const c = await cookie(world.users.teamA);
    const next = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet"],
          ["revision", "0"],
          ["intent", "next"],
        ],
        c,
      ),
      context,
      params(),
    );
    expect(next.location).toBe(sectionUrl("B"));
    const auto = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "nvt"],
          ["revision", "1"],
          ["intent", "autosave"],
        ],
        c,
      ),
      context,
      params(),
    );
    expect(auto.status).toBe(200);
    expect(auto.data).toMatchObject({ kind: "saved", revision: 2 });
  });

  it.each([
    ["a value not on the scale", [["A1", "uitstekend"]], "A1", messages.chooseOption],
    [
      "an unknown item key",
      [
        ["A1", "voldoet"],
        ["Z9", "voldoet"],
      ],
      "_form",
      "velden die niet bij dit onderdeel horen (Z9)",
    ],
    ["an item of another section", [["B1", "voldoet"]], "_form", "velden die niet bij dit onderdeel horen (B1)"],
    [
      "a tampered revision",
      [
        ["A1", "voldoet"],
        ["revision", "abc"],
      ],
      "_form",
      "Er is niets opgeslagen",
    ],
    [
      "a missing revision",
      [
        ["A1", "voldoet"],
        ["revision", ""],
      ],
      "_form",
      "Er is niets opgeslagen",
    ],
    [
      "an unknown intent",
      [
        ["A1", "voldoet"],
        ["intent", "delete"],
      ],
      "_form",
      "Onbekende handeling",
    ],
  ] as [string, [string, string][], string, string][])(
    "refuses %s with a Dutch message, stores nothing and gives the input back",
    async (_name, fields, field, message) => {
      const withRevision = fields.some(([k]) => k === "revision") ? fields : [...fields, ["revision", "0"] as [string, string]];
      const outcome = await run(sectionRoute.action, formRequest(sectionUrl(), withRevision, await cookie(world.users.teamA)), context, params());
      expect(outcome.status).toBe(400);
      expect(outcome.data.errors[field]).toContain(message);
      expect(outcome.data.values.A1 ?? "").toBe(fields.find(([k]) => k === "A1")?.[1] ?? "");
      expect(await getAnswers(context.db, responseId)).toEqual({});
      expect((await getResponse(context.db, responseId))!.revision).toBe(0);
    },
  );

  it("a field that fails costs only itself: the valid answers are stored, the failing one comes back with its message and keeps what was stored", async () => {
    const c = await cookie(world.users.teamA);
    const [first, second] = sectionA().items;
    const post = (fields: [string, string][]) => run(sectionRoute.action, formRequest(sectionUrl(), fields, c), context, params());
    const saved = await post([
      ["A1", "voldoet"],
      ["A1__toelichting", "Eerste toelichting"],
      ["revision", "0"],
      ["intent", "save"],
    ]);
    expect(saved.status).toBe(302);
    // An 11,400-character note (the case from the issue) beside a changed A1 and a new answer to the next question.
    const long = "x".repeat(11_400);
    const partial = await post([
      ["A1", "voldoet_deels"],
      ["A1__toelichting", long],
      [second!.key, "voldoet"],
      ["revision", "1"],
      ["intent", "next"],
    ]);
    expect(first!.key).toBe("A1");
    expect(partial.status).toBe(400);
    expect(partial.data).toMatchObject({ kind: "partial", revision: 2 });
    expect(partial.data.errors).toEqual({ A1__toelichting: messages.tooLong(2000) });
    expect(partial.data.values.A1__toelichting).toBe(long);
    expect(partial.data.savedAt).toEqual(expect.any(String));
    const stored = await getAnswers(context.db, responseId);
    expect(stored.A1).toMatchObject({ value: "voldoet_deels", comment: "Eerste toelichting" });
    expect(stored[second!.key]?.value).toBe("voldoet");
    // Posting only what fails again changes nothing: nothing is stored and the revision stays.
    const again = await post([
      ["A1", "voldoet_deels"],
      ["A1__toelichting", long],
      [second!.key, "voldoet"],
      ["revision", "2"],
      ["intent", "autosave"],
    ]);
    expect(again.status).toBe(400);
    expect(again.data.kind).toBe("invalid");
    expect((await getResponse(context.db, responseId))!.revision).toBe(2);
  });

  it("refuses a body that is not a form with 415", async () => {
    const request = new Request(`http://localhost${sectionUrl()}`, {
      method: "POST",
      body: JSON.stringify({ A1: "voldoet", revision: 0 }),
      headers: { "Content-Type": "application/json", Cookie: await cookie(world.users.teamA) },
    });
    const outcome = await run(sectionRoute.action, request, context, params());
    expect(outcome.status).toBe(415);
    expect(outcome.data).toContain("formulier");
    expect(await getAnswers(context.db, responseId)).toEqual({});
  });

  it("tells the later of two tabs that its save is stale, keeps its input and shows what is stored", async () => {
    const c = await cookie(world.users.teamA);
    await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        c,
      ),
      context,
      params(),
    );
    const stale = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet_niet"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        c,
      ),
      context,
      params(),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.errors._form).toContain("intussen");
    expect(stale.data.values.A1).toBe("voldoet_niet");
    expect(stale.data.revision).toBe(1);
    expect(stale.data.conflicts).toEqual([{ key: "A1", text: sectionA().items[0]!.text, saved: "Voldoet" }]);
    expect((await getAnswers(context.db, responseId)).A1?.value).toBe("voldoet");
    // Having been told, saving again on the current revision keeps the user's version.
    const again = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet_niet"],
          ["revision", "1"],
          ["intent", "save"],
        ],
        c,
      ),
      context,
      params(),
    );
    expect(again.status).toBe(302);
    expect((await getAnswers(context.db, responseId)).A1?.value).toBe("voldoet_niet");
  });

  it("lets the gemeente read but not change a team's response (403), and hides it from others (404)", async () => {
    const fields: [string, string][] = [
      ["A1", "voldoet"],
      ["revision", "0"],
      ["intent", "save"],
    ];
    const gemeente = await run(sectionRoute.action, formRequest(sectionUrl(), fields, await cookie(world.users.gemeenteEnschede)), context, params());
    expect(gemeente.status).toBe(403);
    for (const userId of [world.users.teamB, world.users.gemeenteHengelo, world.users.regioZaanstreek, world.users.teamZaanstad]) {
      const outcome = await run(sectionRoute.action, formRequest(sectionUrl(), fields, await cookie(userId)), context, params());
      expect(outcome.status).toBe(404);
    }
    expect(await getAnswers(context.db, responseId)).toEqual({});
  });

  it("keeps what was posted after the session expired and shows it again after logging in", async () => {
    const expired = await sectionCookie(context, world.users.teamA, new Date(Date.now() - 2 * 60 * 60 * 1000));
    const posted = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet_deels"],
          ["A1__toelichting", "bijna klaar"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        expired,
      ),
      context,
      params(),
    );
    expect(posted.status).toBe(302);
    expect(posted.location).toBe(`/login?redirectTo=${encodeURIComponent(sectionUrl())}&verlopen=1`);
    expect(posted.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await getAnswers(context.db, responseId)).toEqual({});

    const loginPage = await run(login.loader, getRequest(`/login?redirectTo=${encodeURIComponent(sectionUrl())}&verlopen=1`), context);
    expect(loginPage.data).toMatchObject({ notices: { expired: true }, redirectTo: sectionUrl() });
    const loggedIn = await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD, redirectTo: sectionUrl() }), context);
    expect(loggedIn.location).toBe(sectionUrl());

    const fresh = loggedIn.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await run(sectionRoute.loader, getRequest(sectionUrl(), fresh), context, params());
    expect(page.data.form.values).toMatchObject({ A1: "voldoet_deels", A1__toelichting: "bijna klaar" });
    expect(page.data.form.restoredAt).not.toBeNull();

    // Saving it stores it and clears the kept copy.
    await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet_deels"],
          ["A1__toelichting", "bijna klaar"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        fresh,
      ),
      context,
      params(),
    );
    expect((await getAnswers(context.db, responseId)).A1).toEqual({ value: "voldoet_deels", comment: "bijna klaar" });
    const later = await run(sectionRoute.loader, getRequest(sectionUrl(), fresh), context, params());
    expect(later.data.form.restoredAt).toBeNull();
  });
});

describe("submitting", () => {
  it("lists what is missing with links, and submits nothing while incomplete", async () => {
    await insertResponseAnswers(validAnswers(definition, definition.sections.slice(0, 7)));
    const c = await cookie(world.users.teamA);
    const page = await run(submitRoute.loader, getRequest(`/vragenlijsten/${responseId}/indienen`, c), context, { responseId: String(responseId) });
    const required = definition.sections[7]!.items.filter((i) => i.required && !i.showIf).map((i) => i.key);
    expect(page.data.missing.map((m: { itemKey: string }) => m.itemKey)).toEqual(required);
    const attempt = await run(submitRoute.action, formRequest(`/vragenlijsten/${responseId}/indienen`, { revision: "1" }, c), context, {
      responseId: String(responseId),
    });
    expect(attempt.status).toBe(400);
    expect(attempt.data.message).toContain("nog niet compleet");
    expect((await getResponse(context.db, responseId))!.status).toBe("draft");
  });

  it("submits a complete scan, which is then read-only with when and by whom", async () => {
    await insertResponseAnswers(validAnswers(definition));
    const c = await cookie(world.users.teamA);
    const done = await run(submitRoute.action, formRequest(`/vragenlijsten/${responseId}/indienen`, { revision: "1" }, c), context, {
      responseId: String(responseId),
    });
    expect(done.location).toBe(`/vragenlijsten/${responseId}?ingediend=1`);

    const view = await run(overview.loader, getRequest(`/vragenlijsten/${responseId}`, c), context, { responseId: String(responseId) });
    expect(view.data).toMatchObject({ status: "submitted", submittedBy: "team.a" });
    expect(view.data.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const section = await run(sectionRoute.loader, getRequest(sectionUrl(), c), context, params());
    expect(section.data.form).toBeNull();
    expect(section.data.answers.A1.value).toBe("voldoet");
    const change = await run(
      sectionRoute.action,
      formRequest(
        sectionUrl(),
        [
          ["A1", "voldoet_niet"],
          ["revision", "2"],
          ["intent", "save"],
        ],
        c,
      ),
      context,
      params(),
    );
    expect(change.status).toBe(409);
    expect(change.data.errors._form).toContain("al ingediend");
    expect((await getAnswers(context.db, responseId)).A1?.value).toBe("voldoet");
  });

  it("drops answers to questions whose condition is not met when submitting", async () => {
    await insertResponseAnswers({ ...validAnswers(definition), H4: { value: "nee", comment: null }, H5: { value: "voldoet", comment: null } });
    const c = await cookie(world.users.teamA);
    await run(submitRoute.action, formRequest(`/vragenlijsten/${responseId}/indienen`, { revision: "1" }, c), context, { responseId: String(responseId) });
    const answers = await getAnswers(context.db, responseId);
    expect(answers.H4?.value).toBe("nee");
    expect(answers.H5).toBeUndefined();
  });

  it("refuses a submit on a stale revision", async () => {
    await insertResponseAnswers(validAnswers(definition));
    const outcome = await run(
      submitRoute.action,
      formRequest(`/vragenlijsten/${responseId}/indienen`, { revision: "0" }, await cookie(world.users.teamA)),
      context,
      { responseId: String(responseId) },
    );
    expect(outcome.status).toBe(409);
    expect((await getResponse(context.db, responseId))!.status).toBe("draft");
  });
});

describe("start pages", () => {
  it("the gemeente sees its teams with their state; a submitted scan opens read-only, a draft shows no answers", async () => {
    await insertResponseAnswers(validAnswers(definition));
    await run(submitRoute.action, formRequest(`/vragenlijsten/${responseId}/indienen`, { revision: "1" }, await cookie(world.users.teamA)), context, {
      responseId: String(responseId),
    });
    const draftId = await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
      answers: { A1: { value: "voldoet", comment: null } },
    });
    const c = await cookie(world.users.gemeenteEnschede);
    const page = await run(municipalityPage.loader, getRequest(`/gemeenten/${world.municipalities.enschede}`, c), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(page.data.teams.map((t: { team_name: string; progress: string }) => [t.team_name, t.progress])).toEqual([
      ["Team Enschede A", "submitted"],
      ["Team Enschede B", "in_progress"],
    ]);
    const submitted = await run(overview.loader, getRequest(`/vragenlijsten/${responseId}`, c), context, { responseId: String(responseId) });
    expect(submitted.data.canEdit).toBe(false);
    expect(submitted.data.answers.A1.value).toBe("voldoet");
    const draft = await run(overview.loader, getRequest(`/vragenlijsten/${draftId}`, c), context, { responseId: String(draftId) });
    expect(draft.data.answers).toBeNull();
    expect(draft.data.tasks.sections[0].answered).toBe(1);
  });

  it("the gemeente starts its own municipal part from its start page; a team manager cannot see it", async () => {
    const c = await cookie(world.users.gemeenteEnschede);
    const page = await run(municipalityPage.loader, getRequest(`/gemeenten/${world.municipalities.enschede}`, c), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(page.data.municipalScan.fillsIn).toBe(true);
    const municipalId = page.data.municipalScan.response.id;
    const municipalResponse = (await getResponse(context.db, municipalId))!;
    expect(municipalResponse.questionnaire_key).toBe("zelfscan-gemeente");
    const save = await run(
      sectionRoute.action,
      formRequest(
        `/vragenlijsten/${municipalId}/onderdelen/I`,
        [
          ["I1", "voldoet"],
          ["I11", "3"],
          ["revision", "0"],
          ["intent", "save"],
        ],
        c,
      ),
      context,
      { responseId: String(municipalId), sectionKey: "I" },
    );
    expect(save.status).toBe(302);
    const manager = await run(overview.loader, getRequest(`/vragenlijsten/${municipalId}`, await cookie(world.users.teamA)), context, {
      responseId: String(municipalId),
    });
    expect(manager.status).toBe(404);
    const neighbour = await run(
      municipalityPage.loader,
      getRequest(`/gemeenten/${world.municipalities.enschede}`, await cookie(world.users.gemeenteHengelo)),
      context,
      { municipalityId: String(world.municipalities.enschede) },
    );
    expect(neighbour.status).toBe(404);
  });

  it("each start page is only for its scope", async () => {
    const regio = await cookie(world.users.regioTwente);
    expect((await run(regionPage.loader, getRequest("/", regio), context, { regionId: String(world.regions.twente) })).status).toBe(200);
    expect((await run(regionPage.loader, getRequest("/", regio), context, { regionId: String(world.regions.zaanstreek) })).status).toBe(404);
    expect((await run(programmaPage.loader, getRequest("/programma", regio), context)).status).toBe(404);
    const programma = await cookie(world.users.programma);
    const national = await run(programmaPage.loader, getRequest("/programma", programma), context);
    expect(national.data.regions).toHaveLength(28);
    expect((await run(teamPage.loader, getRequest("/", await cookie(world.users.teamB)), context, { teamId: String(world.teams.teamA) })).status).toBe(404);
    expect((await run(teamPage.loader, getRequest("/", regio), context, { teamId: String(world.teams.teamA) })).status).toBe(200);
    expect((await run(teamPage.loader, getRequest("/", regio), context, { teamId: String(world.teams.teamZaanstad) })).status).toBe(404);
  });
});

async function insertResponseAnswers(answers: Parameters<typeof insertResponse>[1]["answers"]) {
  const { saveAnswers } = await import("../../app/models/response.server.ts");
  const response = (await getResponse(context.db, responseId))!;
  const result = await saveAnswers(context.db, { responseId, expectedRevision: response.revision, answers: answers!, userId: world.users.teamA });
  if (!result.ok) throw new Error("could not save");
}
