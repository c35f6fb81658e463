import { createHash } from "node:crypto";
import fc from "fast-check";
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadOnlySection } from "../../app/questionnaire/ui/ReadOnlyAnswers.tsx";
import { getDefinition, getOrCreateResponse, latestVersionOf } from "../../app/models/response.server.ts";
import { TEAM_QUESTIONNAIRE, insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { run } from "../support/http.ts";
import * as login from "../../app/routes/login.tsx";
import * as account from "../../app/routes/account.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as submitRoute from "../../app/routes/vragenlijsten.$responseId.indienen.tsx";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as regionPage from "../../app/routes/regios.$regionId._index.tsx";
import * as findings from "../../app/routes/regios.$regionId.bevindingen.tsx";
import * as plan from "../../app/routes/gemeenten.$municipalityId.verbeterplan.tsx";
import * as rounds from "../../app/routes/programma.rondes.tsx";
import * as roundTables from "../../app/routes/programma.rondetafels.tsx";
import * as accounts from "../../app/routes/beheer.accounts.tsx";
import * as invitation from "../../app/routes/uitnodiging.$token.tsx";

/**
 * Property-based: random and hostile bodies (huge strings, wrong types, unknown keys, script tags,
 * SQL fragments, odd Unicode, wrong content types) posted to every action by a user who may use it.
 * Each must answer 4xx with a Dutch message, never 500, and store nothing.
 */

let context: TestContext;
let world: World;
let responseId: number;
let submittedId: number;
beforeAll(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  responseId = await getOrCreateResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId: world.teams.teamZaanstad },
    userId: world.users.teamZaanstad,
  });
  const definition = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
  submittedId = await insertResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId: world.teams.teamA },
    userId: world.users.teamA,
    answers: validAnswers(definition),
    submit: true,
  });
});
afterAll(() => context.close());

/** Everything a user could have stored; sessions and login counters are not input. */
async function digest(): Promise<string> {
  const tables = [
    "answer",
    "response",
    "response_event",
    "phase_transition",
    "region_analysis",
    "analysis_theme",
    "improvement_point",
    "improvement_plan",
    "improvement_action",
    "plan_event",
    "round",
    "user_account",
    "team",
    "invitation",
    "outbox",
  ];
  const hash = createHash("sha256");
  for (const table of tables)
    hash.update(
      JSON.stringify(
        await context.db
          .selectFrom(table as "answer")
          .selectAll()
          .execute(),
      ),
    );
  return hash.digest("hex");
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE answer; --",
    '" OR 1=1 --',
    "\u202E\u0000\uFFFF\uD800",
    "=cmd|' /C calc'!A0",
    "../../etc/passwd",
    "voldoet\u0000",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽",
  ),
  fc.integer().map(String),
  fc.constant("x".repeat(200_000)),
);
const fieldName = fc.oneof(
  fc.constantFrom(
    "intent",
    "revision",
    "A1",
    "A1__toelichting",
    "decision",
    "comment",
    "reason",
    "expected",
    "to",
    "email",
    "password",
    "current",
    "next",
    "repeat",
    "summary",
    "theme",
    "due",
    "status",
    "year",
    "name",
    "opensOn",
    "closesOn",
    "action",
  ),
  fc.string({ maxLength: 20 }),
);
const body = fc.array(fc.tuple(fieldName, hostileString), { maxLength: 10 });
const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded",
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=zz",
  "",
);

const DUTCH = /\b(de|het|een|niet|van|u|uw|kies|vul|geef|dit|deze|formulier|alleen|te|is|op)\b/i;

function messagesOf(data: unknown): string[] {
  if (typeof data === "string") return [data];
  if (data && typeof data === "object") {
    const record = data as Record<string, unknown>;
    if (record.errors && typeof record.errors === "object")
      return Object.values(record.errors as Record<string, string>).concat(Array.isArray(record.errors) ? (record.errors as string[]) : []);
    if (typeof record.message === "string") return [record.message];
    if (typeof record.error === "string") return [record.error];
  }
  return [];
}

interface Target {
  name: string;
  action: (args: any) => unknown;
  userId?: () => number;
  params: () => Record<string, string>;
}
const targets: Target[] = [
  { name: "login", action: login.action, params: () => ({}) },
  { name: "account", action: account.action, userId: () => world.users.teamZaanstad, params: () => ({}) },
  {
    name: "section save",
    action: sectionRoute.action,
    userId: () => world.users.teamZaanstad,
    params: () => ({ responseId: String(responseId), sectionKey: "A" }),
  },
  { name: "submit", action: submitRoute.action, userId: () => world.users.teamZaanstad, params: () => ({ responseId: String(responseId) }) },
  { name: "review", action: overview.action, userId: () => world.users.gemeenteEnschede, params: () => ({ responseId: String(submittedId) }) },
  { name: "phase", action: regionPage.action, userId: () => world.users.regioZaanstreek, params: () => ({ regionId: String(world.regions.zaanstreek) }) },
  { name: "findings", action: findings.action, userId: () => world.users.regioZaanstreek, params: () => ({ regionId: String(world.regions.zaanstreek) }) },
  { name: "plan", action: plan.action, userId: () => world.users.gemeenteZaanstad, params: () => ({ municipalityId: String(world.municipalities.zaanstad) }) },
  { name: "rounds", action: rounds.action, userId: () => world.users.programma, params: () => ({}) },
  { name: "round-table years", action: roundTables.action, userId: () => world.users.programma, params: () => ({}) },
  { name: "accounts", action: accounts.action, userId: () => world.users.gemeenteEnschede, params: () => ({}) },
  { name: "invitation", action: invitation.action, params: () => ({ token: "A".repeat(43) }) },
];

describe("hostile input to every action", () => {
  for (const target of targets) {
    it(`${target.name}: 4xx with a Dutch message, never 500, nothing stored`, async () => {
      const cookie = target.userId ? await sessionCookieFor(context, target.userId()) : undefined;
      const before = await digest();
      await fc.assert(
        fc.asyncProperty(body, contentType, async (fields, type) => {
          // One field that belongs to no form: a tampered body is never a valid one.
          const entries = [...fields, ["zz_onbekend_veld", "1"] as [string, string]];
          const encoded = type.startsWith("application/json") ? JSON.stringify(Object.fromEntries(entries)) : new URLSearchParams(entries).toString();
          const headers: Record<string, string> = {};
          if (type) headers["Content-Type"] = type;
          if (cookie) headers.Cookie = cookie;
          const request = new Request("http://localhost/x", { method: "POST", body: encoded, headers });
          const outcome = await run(target.action, request, context, target.params());
          expect(outcome.status, `${target.name} ${type} ${encoded.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(outcome.status).toBeLessThan(500);
          const messages = messagesOf(outcome.data);
          expect(messages.length, `${target.name}: a message for ${outcome.status}`).toBeGreaterThan(0);
          for (const message of messages) expect(message, `${target.name}: Dutch message`).toMatch(DUTCH);
        }),
        { numRuns: 20, seed: 20261123 },
      );
      expect(await digest()).toBe(before);
    }, 60_000);
  }
});

describe("answers containing HTML", () => {
  it("are shown as text, never as markup", async () => {
    const definition = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
    const html = renderToString(
      createElement(ReadOnlySection, {
        definition,
        section: definition.sections[7]!,
        answers: { H9: { value: "<script>alert('x')</script><b>vet</b>", comment: null }, H1: { value: "voldoet", comment: "<img src=x onerror=alert(1)>" } },
      }),
    );
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<script>");
  });
});
