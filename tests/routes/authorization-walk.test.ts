import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateResponse } from "../../app/models/response.server.ts";
import { ensureRoundTableRound, getOrCreateRoundTable } from "../../app/models/rondetafel.server.ts";
import { INPUT_QUESTIONNAIRE, openRoundTableInput } from "../../app/models/round-table-input.server.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";

/**
 * Walks every route module in app/routes, for an anonymous visitor and for signed-in users of every
 * role whose scope does not include the record, and asserts refusal. A route file that is missing
 * from the table below fails the test: a new route must say who may use it.
 */

type Access =
  | { kind: "public" }
  /** Any signed-in user (their own account, their own start page). */
  | { kind: "signed-in" }
  /** Programma only. */
  | { kind: "programma" }
  /** Records in Zaanstreek-Waterland; users of Twente (each role) must be refused. */
  | { kind: "scoped"; params: (ids: Ids) => Record<string, string> };

interface Ids extends World {
  teamResponse: number;
  municipalResponse: number;
  roundTableResponse: number;
  inputResponse: number;
  veiligThuisResponse: number;
}

const ROUTES: Record<string, Access> = {
  "_index.tsx": { kind: "signed-in" },
  "healthz.ts": { kind: "public" },
  "toegankelijkheid.tsx": { kind: "public" },
  "privacy.tsx": { kind: "public" },
  "contact.tsx": { kind: "public" },
  "login.tsx": { kind: "public" },
  // Public, but it only acts with the challenge cookie that a correct password gave (tests/routes/second-factor.test.ts).
  "login_.tweede-stap.tsx": { kind: "public" },
  // The provider's way back: it acts only with the state of a sign-in this browser began (tests/routes/organisation-sign-in.test.ts).
  "login_.organisatie.tsx": { kind: "public" },
  // Public, but it acts only with the challenge cookie of a sign-in's second step (tests/routes/second-factor.test.ts).
  "login_.passkey.tsx": { kind: "public" },
  "programma.inlogdiensten.tsx": { kind: "programma" },
  "programma.publicaties.tsx": { kind: "programma" },
  // The published national picture: public by design, no session read (tests/routes/publications.test.ts).
  "cijfers._index.tsx": { kind: "public" },
  "cijfers.$year.tsx": { kind: "public" },
  "cijfers.$year.data[.]json.tsx": { kind: "public" },
  "cijfers.$year.data[.]csv.tsx": { kind: "public" },
  // The read-only API of the published picture (tests/routes/public-api.test.ts).
  "api.v1._index.tsx": { kind: "public" },
  "api.v1.openapi[.]json.tsx": { kind: "public" },
  "api.v1.jaren._index.tsx": { kind: "public" },
  "api.v1.jaren.$year._index.tsx": { kind: "public" },
  "api.v1.jaren.$year.regios.tsx": { kind: "public" },
  "api.v1.$.tsx": { kind: "public" },
  "logout.tsx": { kind: "public" },
  "account.tsx": { kind: "signed-in" },
  "account_.tweede-stap.tsx": { kind: "signed-in" },
  "account_.passkeys.tsx": { kind: "signed-in" },
  "sessie.tsx": { kind: "signed-in" },
  // Opening one's own notification or marking all read; another user's id is not found (notifications.test.ts).
  "meldingen.tsx": { kind: "signed-in" },
  "programma._index.tsx": { kind: "programma" },
  "programma.rondes.tsx": { kind: "programma" },
  "programma.rondetafels.tsx": { kind: "programma" },
  "programma.dashboard.tsx": { kind: "programma" },
  "programma.dashboard[.]csv.tsx": { kind: "programma" },
  "programma.rondetafels[.]csv.tsx": { kind: "programma" },
  "programma.rondetafels[.]xlsx.tsx": { kind: "programma" },
  "programma.audit.tsx": { kind: "programma" },
  "programma.organisatie._index.tsx": { kind: "programma" },
  "programma.organisatie.import.tsx": { kind: "programma" },
  // The invitation link's single-use token is its own credential (tested in accounts.test.ts).
  "uitnodiging.$token.tsx": { kind: "public" },
  // Anyone may ask for a reset link (the answer never tells whether the address is known); the
  // reset link's single-use token is its own credential (tested in password-reset.test.ts).
  "wachtwoord-vergeten.tsx": { kind: "public" },
  "wachtwoord-herstellen.$token.tsx": { kind: "public" },
  // Account management: programma, regio and gemeente, each within their own scope (accounts.test.ts).
  "beheer.accounts.tsx": { kind: "signed-in" },
  // Programma removes a person's second factor; every other manager gets a 404 (tests/routes/second-factor.test.ts).
  "beheer.accounts_.$userId.tweede-stap.tsx": { kind: "programma" },
  "teams.$teamId._index.tsx": { kind: "scoped", params: (w) => ({ teamId: String(w.teams.teamZaanstad) }) },
  "teams.$teamId.resultaten.tsx": { kind: "scoped", params: (w) => ({ teamId: String(w.teams.teamZaanstad) }) },
  "gemeenten.$municipalityId._index.tsx": { kind: "scoped", params: (w) => ({ municipalityId: String(w.municipalities.zaanstad) }) },
  "gemeenten.$municipalityId.resultaten.tsx": { kind: "scoped", params: (w) => ({ municipalityId: String(w.municipalities.zaanstad) }) },
  "gemeenten.$municipalityId.verbeterplan.tsx": { kind: "scoped", params: (w) => ({ municipalityId: String(w.municipalities.zaanstad) }) },
  // Reminders: the gemeente its own teams, the regio (and programma) the region's (zelfscan-reminders.test.ts).
  "gemeenten.$municipalityId.herinneren.tsx": { kind: "scoped", params: (w) => ({ municipalityId: String(w.municipalities.zaanstad) }) },
  "regios.$regionId.herinneren.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "regios.$regionId._index.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "regios.$regionId.resultaten.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "regios.$regionId.bevindingen.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "regios.$regionId.verbeterplannen.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "regios.$regionId.rondetafel.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
  "rondetafels.$year.$regionId._index.tsx": { kind: "scoped", params: (w) => ({ year: "2021", regionId: String(w.regions.zaanstreek) }) },
  // Input for a round-table talk: asked of Zaanstreek-Waterland only (a user elsewhere finds none).
  "rondetafel-input.$year.tsx": { kind: "scoped", params: () => ({ year: "2030" }) },
  "rondetafels.$year.$regionId.input.tsx": { kind: "scoped", params: (w) => ({ year: "2030", regionId: String(w.regions.zaanstreek) }) },
  // The scope is in the query (?regio=, ?gemeente=); none is the country, programma's only (export-scope tests in exports.test.ts).
  "downloads.$file.tsx": { kind: "programma" },
  "vragenlijsten.$responseId._index.tsx": { kind: "scoped", params: (w) => ({ responseId: String(w.teamResponse) }) },
  "vragenlijsten.$responseId.onderdelen.$sectionKey.tsx": { kind: "scoped", params: (w) => ({ responseId: String(w.teamResponse), sectionKey: "A" }) },
  "vragenlijsten.$responseId.indienen.tsx": { kind: "scoped", params: (w) => ({ responseId: String(w.teamResponse) }) },
  // The team manager's request for the professionals' view, and the gesprekskaart (professionals.test.ts).
  "teams.$teamId.professionals.tsx": { kind: "scoped", params: (w) => ({ teamId: String(w.teams.teamZaanstad) }) },
  "teams.$teamId.gesprekskaart.tsx": { kind: "scoped", params: (w) => ({ teamId: String(w.teams.teamZaanstad) }) },
  // A professional's personal link is its own credential (professionals.test.ts); the thank-you page holds nothing.
  "bijdrage.$token._index.tsx": { kind: "public" },
  "bijdrage.$token.onderdelen.$sectionKey.tsx": { kind: "public" },
  "bijdrage.$token.indienen.tsx": { kind: "public" },
  "bijdrage-ontvangen.tsx": { kind: "public" },
  // Veilig Thuis's start page: its own region only (every other role and region gets a 404).
  "veilig-thuis.$regionId.tsx": { kind: "scoped", params: (w) => ({ regionId: String(w.regions.zaanstreek) }) },
};

/** The municipal part and the round table are walked too, through the same questionnaire routes. */
const EXTRA_RECORDS: ((w: Ids) => Record<string, string>)[] = [
  (w) => ({ responseId: String(w.municipalResponse), sectionKey: "I" }),
  (w) => ({ responseId: String(w.roundTableResponse), sectionKey: "sturing" }),
  (w) => ({ responseId: String(w.inputResponse), sectionKey: "ervaring" }),
  (w) => ({ responseId: String(w.veiligThuisResponse), sectionKey: "G" }),
];

let context: TestContext;
let ids: Ids;
beforeAll(async () => {
  context = openTestDatabase();
  const world = await buildWorld(context.db);
  const teamResponse = await getOrCreateResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId: world.teams.teamZaanstad },
    userId: world.users.teamZaanstad,
  });
  const municipalResponse = await getOrCreateResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
    subject: { municipalityId: world.municipalities.zaanstad },
    userId: world.users.gemeenteZaanstad,
  });
  const rt = await ensureRoundTableRound(context.db, 2021);
  const roundTableResponse = await getOrCreateRoundTable(context.db, { roundId: rt, regionId: world.regions.zaanstreek, userId: world.users.programma });
  const input = await openRoundTableInput(context.db, {
    year: 2030,
    regionId: world.regions.zaanstreek,
    deadline: "2030-06-01",
    userId: world.users.programma,
    origin: "http://localhost",
  });
  if (!input.ok) throw new Error(input.message);
  const inputResponse = await getOrCreateResponse(context.db, {
    roundId: input.roundId,
    questionnaireKey: INPUT_QUESTIONNAIRE.team,
    subject: { teamId: world.teams.teamZaanstad },
    userId: world.users.teamZaanstad,
  });
  const veiligThuisResponse = await getOrCreateResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: "zelfscan-veilig-thuis",
    subject: { municipalityId: world.municipalities.zaanstad },
    userId: world.users.veiligThuisZaanstreek,
  });
  ids = { ...world, teamResponse, municipalResponse, roundTableResponse, inputResponse, veiligThuisResponse };
});
afterAll(() => context.close());

const files = readdirSync("app/routes").filter((f) => /\.tsx?$/.test(f));
const load = (file: string) => import(`../../app/routes/${file}`) as Promise<{ loader?: (a: unknown) => unknown; action?: (a: unknown) => unknown }>;
const body = {
  intent: "save",
  revision: "0",
  A1: "voldoet",
  reason: "x",
  decision: "accept",
  year: "2030",
  name: "Ronde",
  opensOn: "2030-01-01",
  closesOn: "2030-12-31",
  expected: "preparation",
};

async function refusals(file: string, params: Record<string, string>, cookie: string | undefined) {
  const module = await load(file);
  const outcomes: { kind: string; status: number; location: string | null }[] = [];
  if (module.loader) outcomes.push({ kind: "loader", ...(await run(module.loader, getRequest("/x", cookie), context, params)) });
  if (module.action) outcomes.push({ kind: "action", ...(await run(module.action, formRequest("/x", body, cookie), context, params)) });
  return outcomes;
}

describe("every route says who may use it", () => {
  it("the table lists every route file", () => {
    expect(files.filter((f) => !(f in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((f) => !files.includes(f))).toEqual([]);
  });
});

describe("an anonymous visitor is sent to the login page by every non-public route", () => {
  for (const file of files) {
    const access = ROUTES[file];
    if (!access || access.kind === "public") continue;
    it(file, async () => {
      const params = access.kind === "scoped" ? access.params(ids) : {};
      for (const outcome of await refusals(file, params, undefined)) {
        expect(outcome.status, `${file} ${outcome.kind}`).toBe(302);
        expect(outcome.location, `${file} ${outcome.kind}`).toMatch(/^\/login\?redirectTo=/);
      }
    });
  }
});

describe("a signed-in user outside the record's scope is refused (403 or 404), for every role", () => {
  const twente = () => [ids.users.teamA, ids.users.gemeenteEnschede, ids.users.regioTwente, ids.users.veiligThuisTwente];
  for (const file of files) {
    const access = ROUTES[file];
    if (!access || (access.kind !== "scoped" && access.kind !== "programma")) continue;
    it(file, async () => {
      const users =
        access.kind === "programma"
          ? [...twente(), ids.users.regioZaanstreek, ids.users.gemeenteZaanstad, ids.users.teamZaanstad, ids.users.veiligThuisZaanstreek]
          : twente();
      const paramSets = access.kind === "scoped" ? [access.params(ids), ...(file.startsWith("vragenlijsten.") ? EXTRA_RECORDS.map((p) => p(ids)) : [])] : [{}];
      for (const userId of users) {
        const cookie = await sessionCookieFor(context, userId);
        for (const params of paramSets) {
          for (const outcome of await refusals(file, params, cookie)) {
            expect([403, 404], `${file} ${outcome.kind} as user ${userId} with ${JSON.stringify(params)}`).toContain(outcome.status);
          }
        }
      }
    });
  }
});

describe("Veilig Thuis reaches nothing of its own region but its start page and its own view of each gemeente", () => {
  const own = new Set(["veilig-thuis.$regionId.tsx"]);
  for (const file of files) {
    const access = ROUTES[file];
    if (!access || (access.kind !== "scoped" && access.kind !== "programma") || own.has(file)) continue;
    it(file, async () => {
      const cookie = await sessionCookieFor(context, ids.users.veiligThuisZaanstreek);
      // Its own view of Zaanstad is the one questionnaire it reaches; every other record of its region is a 404.
      const paramSets =
        access.kind === "scoped" ? [access.params(ids), ...(file.startsWith("vragenlijsten.") ? EXTRA_RECORDS.slice(0, -1).map((p) => p(ids)) : [])] : [{}];
      for (const params of paramSets) {
        for (const outcome of await refusals(file, params, cookie)) {
          expect([403, 404], `${file} ${outcome.kind} with ${JSON.stringify(params)}`).toContain(outcome.status);
        }
      }
    });
  }

  it("opens its own start page and its own view", async () => {
    const cookie = await sessionCookieFor(context, ids.users.veiligThuisZaanstreek);
    const start = await load("veilig-thuis.$regionId.tsx");
    expect((await run(start.loader!, getRequest("/x", cookie), context, { regionId: String(ids.regions.zaanstreek) })).status).toBe(200);
    const view = await load("vragenlijsten.$responseId._index.tsx");
    expect((await run(view.loader!, getRequest("/x", cookie), context, { responseId: String(ids.veiligThuisResponse) })).status).toBe(200);
  });
});
