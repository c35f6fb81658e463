import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  requestPasswordReset,
  RESET_MAILS_PER_ACCOUNT,
  RESET_MAILS_PER_PAIR,
  RESET_REQUESTS_ACTION,
  RESET_REQUESTS_PER_ADDRESS,
} from "../../app/models/password-reset.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as forgot from "../../app/routes/wachtwoord-vergeten.tsx";
import * as reset from "../../app/routes/wachtwoord-herstellen.$token.tsx";
import * as login from "../../app/routes/login.tsx";

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  context.clientAddress = "192.0.2.20";
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const ask = (email: string) => run(forgot.action, formRequest("/wachtwoord-vergeten", { email }), context);
const outbox = () => context.db.selectFrom("outbox").select(["recipient", "body"]).orderBy("id").execute();
const tokenIn = (body: string) => /\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(body)![1]!;
const NEW_PASSWORD = "paarse fiets langs het kanaal";

describe("asking for a reset link", () => {
  it("answers the same for a known and an unknown address; only the known one gets mail", async () => {
    const known = await ask("team.a@test.nl");
    const unknown = await ask("niemand@test.nl");
    expect(known).toMatchObject({ status: 302, location: "/wachtwoord-vergeten?verstuurd=1" });
    expect(unknown).toMatchObject({ status: 302, location: "/wachtwoord-vergeten?verstuurd=1" });
    const mails = await outbox();
    expect(mails.map((m) => m.recipient)).toEqual(["team.a@test.nl"]);
    expect(mails[0]!.body).toMatch(/^http:\/\/localhost:3000\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/m);
    // Only the token's hash is stored.
    const stored = await context.db.selectFrom("password_reset").select(["token_hash", "expires_at", "created_at"]).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tokenIn(mails[0]!.body));
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(60 * 60_000);
    const page = await run(forgot.loader, getRequest("/wachtwoord-vergeten?verstuurd=1"), context);
    expect(page.data).toEqual({ sent: true });
  });

  it("a disabled account gets no link; a malformed address gets a message at the field", async () => {
    await context.db.updateTable("user_account").set({ disabled_at: new Date().toISOString() }).where("id", "=", world.users.teamB).execute();
    expect((await ask("team.b@test.nl")).status).toBe(302);
    expect(await outbox()).toEqual([]);
    const bad = await ask("geen-adres");
    expect(bad.status).toBe(400);
    expect(bad.data.errors.email).toBe("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.");
  });

  it("is limited per (account, address) and per account, silently: the answer stays the same", async () => {
    for (let i = 0; i < RESET_MAILS_PER_PAIR + 3; i++) expect((await ask("team.a@test.nl")).status).toBe(302);
    expect((await outbox()).length).toBe(RESET_MAILS_PER_PAIR);
    // The owner asking from elsewhere still gets a link, up to the account's own limit.
    for (let i = 0; i < RESET_MAILS_PER_ACCOUNT + 3; i++) {
      context.clientAddress = `198.51.100.${i}`;
      expect((await ask("team.a@test.nl")).status).toBe(302);
    }
    expect((await outbox()).length).toBe(RESET_MAILS_PER_ACCOUNT);
  });

  it("an address that asks very often is slowed down, never silenced: everyone behind one office address keeps getting links (issue 23, 6)", async () => {
    const at = new Date();
    const fromOffice = (email: string) => requestPasswordReset(context.db, { email, address: "192.0.2.99", origin: "http://localhost:3000", now: at });
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++) expect(await fromOffice(`iemand${i}@test.nl`)).toEqual({ delayMs: 0 });
    for (let i = 0; i < 20; i++) await fromOffice(`nog${i}@test.nl`);
    const colleague = await fromOffice("team.b@test.nl");
    expect(colleague.delayMs).toBe(10_000);
    expect((await outbox()).map((m) => m.recipient)).toEqual(["team.b@test.nl"]);
  });

  it("counts anonymous requests in one audit row per address and hour, however many there are", async () => {
    for (let i = 0; i < 4; i++) await ask(`niemand${i}@test.nl`);
    for (let i = 0; i < RESET_MAILS_PER_PAIR + 2; i++) await ask("team.a@test.nl");
    context.clientAddress = "192.0.2.21";
    await ask("team.b@test.nl");
    const rows = await context.db
      .selectFrom("audit_log")
      .select(["action", "address", "changes"])
      .where("action", "like", "password.%")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => ({ ...r, changes: JSON.parse(r.changes!) }))).toEqual([
      { action: RESET_REQUESTS_ACTION, address: "192.0.2.20", changes: { unknown: [null, 4], requested: [null, RESET_MAILS_PER_PAIR], throttled: [null, 2] } },
      { action: RESET_REQUESTS_ACTION, address: "192.0.2.21", changes: { requested: [null, 1] } },
    ]);
  });
});

describe("using a reset link", () => {
  it("sets a new password under the policy, ends every session, logs it, and works once", async () => {
    await sessionCookieFor(context, world.users.teamA);
    await sessionCookieFor(context, world.users.teamA);
    await ask("team.a@test.nl");
    const token = tokenIn((await outbox())[0]!.body);
    expect((await run(reset.loader, getRequest("/"), context, { token })).data).toEqual({ valid: true, email: "team.a@test.nl", askCode: false });

    const weak = await run(reset.action, formRequest("/", { password: "welkom123456", repeat: "welkom123456" }), context, { token });
    expect(weak.status).toBe(400);
    expect(weak.data.errors.password).toContain("te makkelijk te raden");
    const different = await run(reset.action, formRequest("/", { password: NEW_PASSWORD, repeat: "iets anders" }), context, { token });
    expect(different.data.errors.repeat).toBe("De twee wachtwoorden zijn niet gelijk.");

    const done = await run(reset.action, formRequest("/", { password: NEW_PASSWORD, repeat: NEW_PASSWORD }), context, { token });
    expect(done.location).toBe("/login?hersteld=1");
    expect((await context.db.selectFrom("session").select("id").where("user_id", "=", world.users.teamA).execute()).length).toBe(0);
    const logged = await context.db.selectFrom("audit_log").select(["action", "actor_id"]).where("action", "like", "password.%").orderBy("id").execute();
    expect(logged).toEqual([
      { action: RESET_REQUESTS_ACTION, actor_id: null },
      { action: "password.reset", actor_id: world.users.teamA },
    ]);

    expect((await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD }), context)).status).toBe(400);
    expect((await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: NEW_PASSWORD }), context)).status).toBe(302);
    // Spent: a second use says so and changes nothing.
    expect((await run(reset.loader, getRequest("/"), context, { token })).data.valid).toBe(false);
    expect(
      (await run(reset.action, formRequest("/", { password: "nog een ander lang wachtwoord", repeat: "nog een ander lang wachtwoord" }), context, { token }))
        .status,
    ).toBe(410);
  });

  it("expires after an hour; a newer link replaces an older one", async () => {
    await ask("team.a@test.nl");
    await ask("team.a@test.nl");
    const [first, second] = (await outbox()).map((m) => tokenIn(m.body));
    expect((await run(reset.loader, getRequest("/"), context, { token: first! })).data.valid).toBe(false);
    expect((await run(reset.loader, getRequest("/"), context, { token: second! })).data.valid).toBe(true);
    await context.db
      .updateTable("password_reset")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await run(reset.loader, getRequest("/"), context, { token: second! })).data.valid).toBe(false);
    expect((await run(reset.loader, getRequest("/"), context, { token: "kort" })).data.valid).toBe(false);
  });
});
