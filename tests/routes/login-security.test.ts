import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordProblem } from "../../app/auth/password-policy.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as login from "../../app/routes/login.tsx";
import * as account from "../../app/routes/account.tsx";
import * as sessie from "../../app/routes/sessie.tsx";
import * as home from "../../app/routes/_index.tsx";

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  context.clientAddress = "192.0.2.10";
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const attempt = (email: string, password: string, cookie?: string) => run(login.action, formRequest("/login", { email, password }, cookie), context);
const sessionsOf = (userId: number) => context.db.selectFrom("session").select("id").where("user_id", "=", userId).execute();

describe("login throttling", () => {
  it("after 5 failures an account waits, longer after each further failure, with a Dutch message", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("team.a@test.nl", "fout-wachtwoord")).status).toBe(400);
    expect((await attempt("team.a@test.nl", "fout-wachtwoord")).status).toBe(400);
    const blocked = await attempt("team.a@test.nl", TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.form).toBe("Te veel mislukte inlogpogingen. Wacht 30 seconden en probeer het dan opnieuw.");
    // Another account from the same address is not affected.
    expect((await attempt("team.b@test.nl", TEST_PASSWORD)).status).toBe(302);
    // When the wait is over, the right password works and clears the count.
    await context.db
      .updateTable("login_throttle")
      .set({ blocked_until: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await attempt("TEAM.A@test.nl", TEST_PASSWORD)).status).toBe(302);
    // The account's counts are gone; the shared address keeps only the failures it had.
    const rows = await context.db.selectFrom("login_throttle").select(["key", "failures"]).execute();
    expect(rows).toEqual([{ key: "address:192.0.2.10", failures: 6 }]);
  });

  it("the delay is capped, so nobody is locked out for long", async () => {
    const { claimAttempt, waitFor } = await import("../../app/models/login-throttle.server.ts");
    for (let i = 0; i < 40; i++) await claimAttempt(context.db, [{ key: "account:x@test.nl", free: 5 }], new Date(Date.now() + i * 16 * 60_000));
    const wait = await waitFor(context.db, ["account:x@test.nl"], new Date(Date.now() + 39 * 16 * 60_000));
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
  });
});

describe("sessions and passwords", () => {
  it("a login starts a new session and ends the one the browser had", async () => {
    const old = await sessionCookieFor(context, world.users.teamA);
    const outcome = await attempt("team.a@test.nl", TEST_PASSWORD, old);
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Set-Cookie")!.split(";")[0]).not.toBe(old);
    expect(await sessionsOf(world.users.teamA)).toHaveLength(1);
    expect((await run(home.loader, getRequest("/", old), context)).location).toContain("/login");
  });

  it("changing the password checks the current one and refuses weak ones, then ends the other sessions", async () => {
    const here = await sessionCookieFor(context, world.users.teamA);
    await sessionCookieFor(context, world.users.teamA);
    const change = (fields: Record<string, string>) => run(account.action, formRequest("/account", fields, here), context);
    expect((await change({ current: "fout", next: "vier woorden in een zin", repeat: "vier woorden in een zin" })).data.errors.current).toBe(
      "Uw huidige wachtwoord klopt niet.",
    );
    expect((await change({ current: TEST_PASSWORD, next: "kort", repeat: "kort" })).data.errors.next).toContain("ten minste 12 tekens");
    expect((await change({ current: TEST_PASSWORD, next: "welkom123456", repeat: "welkom123456" })).data.errors.next).toContain("te makkelijk te raden");
    expect((await change({ current: TEST_PASSWORD, next: "vier woorden in een zin", repeat: "vijf woorden" })).data.errors.repeat).toContain("niet gelijk");
    expect(await sessionsOf(world.users.teamA)).toHaveLength(2);

    const done = await change({ current: TEST_PASSWORD, next: "paarse fiets langs het kanaal", repeat: "paarse fiets langs het kanaal" });
    expect(done.location).toBe("/account?gewijzigd=1");
    expect(await sessionsOf(world.users.teamA)).toHaveLength(1);
    expect((await attempt("team.a@test.nl", TEST_PASSWORD)).status).toBe(400);
    expect((await attempt("team.a@test.nl", "paarse fiets langs het kanaal")).status).toBe(302);
  });

  it("log out everywhere ends every session of the user", async () => {
    const here = await sessionCookieFor(context, world.users.teamA);
    await sessionCookieFor(context, world.users.teamA);
    await sessionCookieFor(context, world.users.teamB);
    const out = await run(account.action, formRequest("/account", { intent: "logout-everywhere" }, here), context);
    expect(out.location).toBe("/login?uitgelogd=1");
    expect(await sessionsOf(world.users.teamA)).toHaveLength(0);
    expect(await sessionsOf(world.users.teamB)).toHaveLength(1);
  });

  it("'Ingelogd blijven' extends the session; it needs a session", async () => {
    const past = new Date(Date.now() - 30 * 60_000);
    const cookie = await sessionCookieFor(context, world.users.teamA, past);
    const before = (await context.db.selectFrom("session").select("expires_at").executeTakeFirstOrThrow()).expires_at;
    expect((await run(sessie.loader, getRequest("/sessie", cookie), context)).data).toEqual({ ok: true });
    const after = (await context.db.selectFrom("session").select("expires_at").executeTakeFirstOrThrow()).expires_at;
    expect(after > before).toBe(true);
    expect((await run(sessie.loader, getRequest("/sessie"), context)).status).toBe(302);
  });

  it("the password policy knows common and Dutch passwords", async () => {
    for (const weak of ["wachtwoord123", "welkom123456", "qwertyuiop12", "voetbal12345"]) expect(await passwordProblem(weak)).not.toBeNull();
    expect(await passwordProblem("jan.jansen@gemeente.nl", ["jan.jansen@gemeente.nl"])).not.toBeNull();
    expect(await passwordProblem("paarse fiets langs het kanaal")).toBeNull();
  });
});
