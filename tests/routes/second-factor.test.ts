import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeAt } from "../../app/auth/totp.server.ts";
import { open } from "../../app/auth/secret-box.server.ts";
import { checkSecondFactor, confirmTotp, pendingTotpSecret, SECOND_FACTOR_FREE_FAILURES } from "../../app/auth/second-factor.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run, type Outcome } from "../support/http.ts";
import * as login from "../../app/routes/login.tsx";
import * as secondStep from "../../app/routes/login_.tweede-stap.tsx";
import * as settings from "../../app/routes/account_.tweede-stap.tsx";
import * as forgot from "../../app/routes/wachtwoord-vergeten.tsx";
import * as reset from "../../app/routes/wachtwoord-herstellen.$token.tsx";
import * as removal from "../../app/routes/beheer.accounts_.$userId.tweede-stap.tsx";
import * as accounts from "../../app/routes/beheer.accounts.tsx";
import * as passkeys from "../../app/routes/account_.passkeys.tsx";
import * as passkeyStep from "../../app/routes/login_.passkey.tsx";

// Issue 29, part 2 (decision 90): an authenticator app (TOTP) and recovery codes as a second factor, asked after
// the password; required for the roles the configuration names; a code is taken once; wrong codes are throttled.

let context: TestContext;
let world: World;

beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

/** The name=value pairs of a response's Set-Cookie headers. */
const cookiesOf = (outcome: Outcome) => outcome.headers.getSetCookie().map((c) => c.split(";")[0]!);
const sessionOf = (outcome: Outcome) => cookiesOf(outcome).find((c) => c.startsWith("wav_sessie=") && c !== "wav_sessie=");
const challengeOf = (outcome: Outcome) => cookiesOf(outcome).find((c) => c.startsWith("wav_tweede_stap=") && c !== "wav_tweede_stap=");

const logIn = (email: string) => run(login.action, formRequest("/login", { email, password: TEST_PASSWORD }), context);
const secretOf = async (userId: number) => {
  const row = await context.db.selectFrom("totp_factor").select("secret").where("user_id", "=", userId).executeTakeFirstOrThrow();
  return open(context.config.secretKey, row.secret);
};
const loginMethods = async (userId: number) =>
  (await context.db.selectFrom("audit_log").select("changes").where("actor_id", "=", userId).where("action", "=", "login").orderBy("id").execute()).map(
    (r) => JSON.parse(r.changes!).method[1],
  );

/** Sets up the app for the user through /account/tweede-stap; gives the secret and the recovery codes. */
async function setUpApp(userId: number) {
  const cookie = await sessionCookieFor(context, userId);
  const page = await run(settings.loader, getRequest("/account/tweede-stap", cookie), context);
  const secret = await secretOf(userId);
  const confirmed = await run(settings.action, formRequest("/account/tweede-stap", { code: codeAt(secret, new Date()) }, cookie), context);
  return { page, secret, codes: confirmed.data.recoveryCodes as string[], cookie };
}

describe("setting up an authenticator app", () => {
  it("shows a QR code and the key, the same after a reload; stores the secret sealed; a wrong code confirms nothing, the right one gives ten recovery codes", async () => {
    const cookie = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const first = await run(settings.loader, getRequest("/account/tweede-stap", cookie), context);
    const again = await run(settings.loader, getRequest("/account/tweede-stap", cookie), context);
    expect(first.data.setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(again.data.setup).toEqual(first.data.setup);
    const secret = await secretOf(world.users.gemeenteEnschede);
    expect(first.data.setup.key.replace(/ /g, "")).toBe(secret);
    // In the database only sealed: the key is not in the row, and another key cannot open it.
    const row = await context.db.selectFrom("totp_factor").selectAll().where("user_id", "=", world.users.gemeenteEnschede).executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(secret);
    expect(() => open(Buffer.alloc(32, 1), row.secret)).toThrow();

    const wrong = await run(settings.action, formRequest("/account/tweede-stap", { code: "000000" }, cookie), context);
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.code).toMatch(/klopt niet/);
    const right = await run(settings.action, formRequest("/account/tweede-stap", { code: codeAt(secret, new Date()) }, cookie), context);
    expect(right.data.recoveryCodes).toHaveLength(10);
    expect(new Set(right.data.recoveryCodes).size).toBe(10);
    expect(right.data.recoveryCodes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    // Stored only as keyed hashes.
    const stored = await context.db.selectFrom("recovery_code").select("code_hash").where("user_id", "=", world.users.gemeenteEnschede).execute();
    expect(stored.map((s) => s.code_hash)).not.toContain(right.data.recoveryCodes[0]);
    const audit = await context.db.selectFrom("audit_log").select(["action", "changes"]).where("action", "like", "second_factor.%").execute();
    expect(audit).toEqual([{ action: "second_factor.added", changes: null }]);
    // Set up: the page no longer shows a key.
    expect((await run(settings.loader, getRequest("/account/tweede-stap", cookie), context)).data).toMatchObject({
      totp: true,
      recoveryCodesLeft: 10,
      setup: null,
    });
  });
});

describe("signing in with a second factor", () => {
  it("without one, the password signs in as before; with one, the password leads to the second step and no session", async () => {
    const plain = await logIn("gemeente.hengelo@test.nl");
    expect(plain.location).toBe(`/gemeenten/${world.municipalities.hengelo}`);
    expect(sessionOf(plain)).toBeDefined();
    expect(await loginMethods(world.users.gemeenteHengelo)).toEqual(["wachtwoord"]);

    const { secret } = await setUpApp(world.users.gemeenteEnschede);
    const password = await logIn("gemeente.enschede@test.nl");
    expect(password.location).toBe("/login/tweede-stap");
    expect(sessionOf(password)).toBeUndefined();
    const challenge = challengeOf(password)!;
    expect(challenge).toBeDefined();
    expect((await run(secondStep.loader, getRequest("/login/tweede-stap", challenge), context)).data).toEqual({ mode: "code", totp: true, passkeys: false });

    const wrong = await run(secondStep.action, formRequest("/login/tweede-stap", { code: "123456" }, challenge), context);
    expect(wrong.status).toBe(400);
    expect(sessionOf(wrong)).toBeUndefined();
    // The code of the setup's step was used there: it does not sign in again (no replay).
    const replay = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codeAt(secret, new Date()) }, challenge), context);
    expect(replay.status).toBe(400);
    // The next step's code (an app a little ahead) does.
    const next = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codeAt(secret, new Date(Date.now() + 30_000)) }, challenge), context);
    expect(next.location).toBe(`/gemeenten/${world.municipalities.enschede}`);
    expect(sessionOf(next)).toBeDefined();
    expect(cookiesOf(next)).toContain("wav_tweede_stap="); // the challenge cookie is cleared
    expect(await loginMethods(world.users.gemeenteEnschede)).toEqual(["wachtwoord+authenticator"]);
    // The challenge is finished: its cookie signs nobody in again.
    const reused = await run(secondStep.action, formRequest("/login/tweede-stap", { code: "123456" }, challenge), context);
    expect(reused.location).toBe("/login?stap-verlopen=1");
    expect((await run(secondStep.loader, getRequest("/login/tweede-stap", challenge), context)).data).toEqual({ mode: "expired" });
  });

  it("a recovery code signs in once; the audit log says so", async () => {
    const { codes } = await setUpApp(world.users.gemeenteEnschede);
    const first = challengeOf(await logIn("gemeente.enschede@test.nl"))!;
    const used = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codes[3]!.toUpperCase() }, first), context);
    expect(sessionOf(used)).toBeDefined();
    const second = challengeOf(await logIn("gemeente.enschede@test.nl"))!;
    const again = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codes[3]! }, second), context);
    expect(again.status).toBe(400);
    expect(await loginMethods(world.users.gemeenteEnschede)).toEqual(["wachtwoord+herstelcode"]);
  });

  it("past the free wrong codes (as for passwords: the one past the limit is still checked) the right one waits too; a forged, expired or foreign challenge signs nobody in", async () => {
    const { secret } = await setUpApp(world.users.gemeenteEnschede);
    const challenge = challengeOf(await logIn("gemeente.enschede@test.nl"))!;
    for (let i = 0; i <= SECOND_FACTOR_FREE_FAILURES; i++)
      expect((await run(secondStep.action, formRequest("/x", { code: "000000" }, challenge), context)).status).toBe(400);
    const blocked = await run(secondStep.action, formRequest("/x", { code: codeAt(secret, new Date(Date.now() + 30_000)) }, challenge), context);
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.code).toMatch(/Te vaak een verkeerde code/);
    expect(sessionOf(blocked)).toBeUndefined();

    const forged = await run(secondStep.action, formRequest("/x", { code: "000000" }, `wav_tweede_stap=${"A".repeat(43)}`), context);
    expect(forged.location).toBe("/login?stap-verlopen=1");
    const other = challengeOf(await logIn("gemeente.enschede@test.nl"))!;
    await context.db
      .updateTable("login_challenge")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await run(secondStep.action, formRequest("/x", { code: "000000" }, other), context)).location).toBe("/login?stap-verlopen=1");
    // A session cookie is not a challenge.
    const session = await sessionCookieFor(context, world.users.gemeenteEnschede);
    expect((await run(secondStep.action, formRequest("/x", { code: "000000" }, session), context)).location).toBe("/login?stap-verlopen=1");
  });

  it("an account disabled during the second step is not signed in", async () => {
    const { secret } = await setUpApp(world.users.gemeenteEnschede);
    const challenge = challengeOf(await logIn("gemeente.enschede@test.nl"))!;
    await context.db.updateTable("user_account").set({ disabled_at: new Date().toISOString() }).where("id", "=", world.users.gemeenteEnschede).execute();
    const outcome = await run(secondStep.action, formRequest("/x", { code: codeAt(secret, new Date(Date.now() + 30_000)) }, challenge), context);
    expect(outcome.location).toBe("/login?stap-verlopen=1");
    expect(sessionOf(outcome)).toBeUndefined();
  });
});

describe("roles that must have a second factor", () => {
  it("leads a programma account without one to set it up before it is signed in; a gemeente is not asked", async () => {
    context.config = { ...context.config, secondFactorRoles: ["programma", "regio"] };
    expect(sessionOf(await logIn("gemeente.hengelo@test.nl"))).toBeDefined();
    const password = await logIn("programma@test.nl");
    expect(password.location).toBe("/login/tweede-stap");
    expect(sessionOf(password)).toBeUndefined();
    const challenge = challengeOf(password)!;
    const page = await run(secondStep.loader, getRequest("/login/tweede-stap", challenge), context);
    expect(page.data).toMatchObject({ mode: "setup", role: "Programma" });
    const secret = page.data.key.replace(/ /g, "");
    const done = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codeAt(secret, new Date()) }, challenge), context);
    expect(done.data.recoveryCodes).toHaveLength(10);
    expect(done.data.next).toBe("/programma");
    expect(sessionOf(done)).toBeDefined();
    // It may not be removed by its owner.
    const cookie = sessionOf(done)!;
    const removal = await run(
      settings.action,
      formRequest("/account/tweede-stap", { intent: "verwijderen", code: codeAt(secret, new Date(Date.now() + 30_000)) }, cookie),
      context,
    );
    expect(removal.status).toBe(403);
    expect((await context.db.selectFrom("totp_factor").select("confirmed_at").executeTakeFirst())?.confirmed_at).toBeTruthy();
  });

  it("an account whose role does not require one removes it with a code, and signs in with the password again", async () => {
    const { cookie, codes } = await setUpApp(world.users.gemeenteEnschede);
    const noCode = await run(settings.action, formRequest("/account/tweede-stap", { intent: "verwijderen", code: "000000" }, cookie), context);
    expect(noCode.status).toBe(400);
    const removed = await run(settings.action, formRequest("/account/tweede-stap", { intent: "verwijderen", code: codes[0]! }, cookie), context);
    expect(removed.location).toBe("/account?tweede-stap=verwijderd");
    expect(await context.db.selectFrom("recovery_code").select("id").execute()).toEqual([]);
    expect(sessionOf(await logIn("gemeente.enschede@test.nl"))).toBeDefined();
  });
});

describe("the authenticator's codes against a clock the test sets", () => {
  it("takes the current and the previous step, not two steps back; never a step at or before the last one taken", async () => {
    const user = world.users.teamA;
    const t0 = new Date("2026-12-07T10:00:00Z");
    const secret = (await pendingTotpSecret(context, user, t0))!;
    expect(await confirmTotp(context, user, codeAt(secret, t0), t0)).toEqual({ ok: true });
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    // The same code again, even a moment later: refused.
    expect(await checkSecondFactor(context, user, codeAt(secret, t0), at(5))).toEqual({ ok: false });
    // Two minutes later: the code of the previous step (typed as it changed) is taken ...
    expect(await checkSecondFactor(context, user, codeAt(secret, at(90)), at(120))).toEqual({ ok: true, method: "authenticator" });
    // ... and after it, the current one, but not one of two steps back.
    expect(await checkSecondFactor(context, user, codeAt(secret, at(150)), at(210))).toEqual({ ok: false });
    expect(await checkSecondFactor(context, user, codeAt(secret, at(210)), at(210))).toEqual({ ok: true, method: "authenticator" });
    expect(await checkSecondFactor(context, user, codeAt(secret, at(210)), at(215))).toEqual({ ok: false });
  });
});

describe("a password reset of an account with a second factor", () => {
  it("asks for a code too: without one, or a wrong one, the password stays; with a recovery code it changes", async () => {
    const { codes } = await setUpApp(world.users.gemeenteEnschede);
    await run(forgot.action, formRequest("/wachtwoord-vergeten", { email: "gemeente.enschede@test.nl" }), context);
    const mail = await context.db.selectFrom("outbox").select("body").where("recipient", "=", "gemeente.enschede@test.nl").executeTakeFirstOrThrow();
    const token = /\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1]!;
    const params = { token };
    expect((await run(reset.loader, getRequest(`/wachtwoord-herstellen/${token}`), context, params)).data).toMatchObject({ valid: true, askCode: true });
    const choose = (fields: Record<string, string>) =>
      run(
        reset.action,
        formRequest(`/wachtwoord-herstellen/${token}`, { password: "paarse fiets langs het kanaal", repeat: "paarse fiets langs het kanaal", ...fields }),
        context,
        params,
      );
    const without = await choose({});
    expect(without.status).toBe(400);
    expect(without.data.errors.code).toMatch(/Vul de code/);
    const wrong = await choose({ code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.code).toMatch(/klopt niet/);
    // The old password still works (and asks the second step).
    expect((await logIn("gemeente.enschede@test.nl")).location).toBe("/login/tweede-stap");
    const done = await choose({ code: codes[5]! });
    expect(done.location).toBe("/login?hersteld=1");
    expect(
      (await run(login.action, formRequest("/login", { email: "gemeente.enschede@test.nl", password: "paarse fiets langs het kanaal" }), context)).location,
    ).toBe("/login/tweede-stap");
    // An account without a second factor is not asked.
    await run(forgot.action, formRequest("/wachtwoord-vergeten", { email: "gemeente.hengelo@test.nl" }), context);
    const other = await context.db.selectFrom("outbox").select("body").where("recipient", "=", "gemeente.hengelo@test.nl").executeTakeFirstOrThrow();
    const otherToken = /\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(other.body)![1]!;
    expect((await run(reset.loader, getRequest("/"), context, { token: otherToken })).data).toMatchObject({ valid: true, askCode: false });
  });
});

describe("programma removes a person's second factor", () => {
  it("after a page that names whom; the person is told by mail, the audit log names programma; they sign in with the password again", async () => {
    await setUpApp(world.users.gemeenteEnschede);
    const programma = await sessionCookieFor(context, world.users.programma);
    const params = { userId: String(world.users.gemeenteEnschede) };
    const list = await run(accounts.loader, getRequest("/beheer/accounts?zoek=gemeente.enschede", programma), context);
    expect(list.data.accounts[0]).toMatchObject({ email: "gemeente.enschede@test.nl", second_factor_at: expect.any(String) });
    const page = await run(removal.loader, getRequest("/x", programma), context, params);
    expect(page.data).toEqual({ name: expect.any(String), email: "gemeente.enschede@test.nl", hasSecondFactor: true, removed: false });

    const removed = await run(removal.action, formRequest("/x", {}, programma), context, params);
    expect(removed.location).toBe(`/beheer/accounts/${world.users.gemeenteEnschede}/tweede-stap?verwijderd=1`);
    expect(await context.db.selectFrom("totp_factor").select("user_id").execute()).toEqual([]);
    expect(await context.db.selectFrom("recovery_code").select("id").execute()).toEqual([]);
    const mail = await context.db
      .selectFrom("outbox")
      .select(["subject", "body"])
      .where("recipient", "=", "gemeente.enschede@test.nl")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Uw tweede stap bij inloggen is verwijderd: Werken aan veiligheid");
    expect(mail.body).toMatch(/heeft de tweede stap van uw account in Werken aan veiligheid verwijderd: authenticator-app, passkeys en herstelcodes/);
    const entry = await context.db
      .selectFrom("audit_log")
      .select(["actor_id", "entity_id"])
      .where("action", "=", "second_factor.removed_by_programma")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_id: world.users.programma, entity_id: String(world.users.gemeenteEnschede) });
    expect(sessionOf(await logIn("gemeente.enschede@test.nl"))).toBeDefined();
    // Nothing left to remove: a second post changes nothing and says so.
    expect((await run(removal.action, formRequest("/x", {}, programma), context, params)).status).toBe(404);
  });

  it("is programma's alone: a regio or gemeente that manages the account, and programma for itself, get a 404", async () => {
    await setUpApp(world.users.teamA);
    await setUpApp(world.users.programma);
    for (const manager of [world.users.regioTwente, world.users.gemeenteEnschede]) {
      const cookie = await sessionCookieFor(context, manager);
      for (const fn of [removal.loader, removal.action]) {
        expect((await run(fn, formRequest("/x", {}, cookie), context, { userId: String(world.users.teamA) })).status).toBe(404);
      }
    }
    const programma = await sessionCookieFor(context, world.users.programma);
    expect((await run(removal.action, formRequest("/x", {}, programma), context, { userId: String(world.users.programma) })).status).toBe(404);
    expect(await context.db.selectFrom("totp_factor").select("user_id").orderBy("user_id").execute()).toHaveLength(2);
  });
});

describe("passkeys (the ceremonies themselves run in Chromium: tests/e2e/passkeys.test.ts)", () => {
  const addPasskey = (userId: number, credentialId: string) =>
    context.db
      .insertInto("passkey")
      .values({
        user_id: userId,
        credential_id: credentialId,
        public_key: "AA",
        counter: 0,
        transports: null,
        name: "Laptop",
        created_at: new Date().toISOString(),
        last_used_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

  it("gives registration options bound to this installation, takes an answer once, and refuses one that does not verify", async () => {
    const cookie = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const options = await run(passkeys.action, formRequest("/account/passkeys", { intent: "opties" }, cookie), context);
    const body = await options.raw!.json();
    expect(body.rp).toEqual({ name: "Werken aan veiligheid", id: "localhost" });
    expect(body.user.name).toBe("gemeente.enschede@test.nl");
    const stored = await context.db.selectFrom("webauthn_challenge").select(["challenge", "purpose"]).executeTakeFirstOrThrow();
    expect(stored).toEqual({ challenge: body.challenge, purpose: "registreren" });
    const forged = JSON.stringify({
      id: "abc",
      rawId: "abc",
      type: "public-key",
      response: { clientDataJSON: "e30", attestationObject: "oA" },
      clientExtensionResults: {},
    });
    const refused = await run(passkeys.action, formRequest("/account/passkeys", { intent: "antwoord", response: forged }, cookie), context);
    expect(refused.raw!.status).toBe(400);
    expect(await context.db.selectFrom("passkey").select("id").execute()).toEqual([]);
    // The challenge went with that answer.
    expect(await context.db.selectFrom("webauthn_challenge").select("id").execute()).toEqual([]);
    const garbage = await run(passkeys.action, formRequest("/account/passkeys", { intent: "antwoord", response: "{niet" }, cookie), context);
    expect(garbage.raw!.status).toBe(400);
  });

  it("the second step's passkey endpoint answers only with a challenge cookie, and an account with only a passkey is asked for it", async () => {
    expect((await run(passkeyStep.action, formRequest("/login/passkey", { intent: "opties" }), context)).raw!.status).toBe(410);
    await addPasskey(world.users.gemeenteEnschede, "cred-1");
    const password = await logIn("gemeente.enschede@test.nl");
    expect(password.location).toBe("/login/tweede-stap");
    const challenge = challengeOf(password)!;
    expect((await run(secondStep.loader, getRequest("/login/tweede-stap", challenge), context)).data).toEqual({ mode: "code", totp: false, passkeys: true });
    const options = await (await run(passkeyStep.action, formRequest("/login/passkey", { intent: "opties" }, challenge), context)).raw!.json();
    expect(options.allowCredentials).toEqual([{ id: "cred-1", type: "public-key" }]);
    const forged = JSON.stringify({
      id: "cred-1",
      rawId: "cred-1",
      type: "public-key",
      response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
      clientExtensionResults: {},
    });
    const refused = await run(passkeyStep.action, formRequest("/login/passkey", { intent: "antwoord", response: forged }, challenge), context);
    expect(refused.raw!.status).toBe(400);
    expect(sessionOf(refused)).toBeUndefined();
  });

  it("a passkey is removed by its owner only, and not the last second step of a role that must have one", async () => {
    const mine = await addPasskey(world.users.gemeenteEnschede, "cred-2");
    const theirs = await addPasskey(world.users.gemeenteHengelo, "cred-3");
    const cookie = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const foreign = await run(
      settings.action,
      formRequest("/account/tweede-stap", { intent: "passkey-verwijderen", passkey: String(theirs.id) }, cookie),
      context,
    );
    expect(foreign.status).toBe(404);
    context.config = { ...context.config, secondFactorRoles: ["gemeente"] };
    const last = await run(settings.action, formRequest("/account/tweede-stap", { intent: "passkey-verwijderen", passkey: String(mine.id) }, cookie), context);
    expect(last.status).toBe(403);
    context.config = { ...context.config, secondFactorRoles: [] };
    const removed = await run(
      settings.action,
      formRequest("/account/tweede-stap", { intent: "passkey-verwijderen", passkey: String(mine.id) }, cookie),
      context,
    );
    expect(removed.location).toBe("/account/tweede-stap");
    expect((await context.db.selectFrom("passkey").select("credential_id").execute()).map((p) => p.credential_id)).toEqual(["cred-3"]);
  });
});
