import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../app/server/mail.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as accounts from "../../app/routes/beheer.accounts.tsx";
import * as invitation from "../../app/routes/uitnodiging.$token.tsx";
import * as login from "../../app/routes/login.tsx";
import * as home from "../../app/routes/_index.tsx";

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const create = async (managerId: number, fields: Record<string, string>) =>
  run(accounts.action, formRequest("/beheer/accounts", { intent: "create", ...fields }, await sessionCookieFor(context, managerId)), context);
const tokenOf = (link: string) => link.split("/uitnodiging/")[1]!;

describe("account management by scope", () => {
  it("a gemeente invites a team manager of its own team, who sets a password and is logged in", async () => {
    const created = await create(world.users.gemeenteEnschede, {
      name: "Nieuwe Manager",
      email: "Nieuw@Test.nl",
      role: "teammanager",
      scope: String(world.teams.teamB),
    });
    expect(created.status).toBe(200);
    const link: string = created.data.created.link;
    expect(link).toMatch(/^http:\/\/localhost:3000\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    const outbox = await context.db.selectFrom("outbox").selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recipient: "nieuw@test.nl", subject: "Uitnodiging: Werken aan veiligheid" });
    expect(outbox[0]!.body).toContain(link);
    // Before accepting, the account cannot log in.
    expect((await run(login.action, formRequest("/login", { email: "nieuw@test.nl", password: "!uitgenodigd" }), context)).status).toBe(400);

    const token = tokenOf(link);
    expect((await run(invitation.loader, getRequest(`/uitnodiging/${token}`), context, { token })).data).toMatchObject({ valid: true, name: "Nieuwe Manager" });
    const weak = await run(invitation.action, formRequest("/", { password: "wachtwoord123", repeat: "wachtwoord123" }), context, { token });
    expect(weak.status).toBe(400);
    expect(weak.data.errors.password).toContain("te makkelijk te raden");
    const done = await run(invitation.action, formRequest("/", { password: "groene tram door de polder", repeat: "groene tram door de polder" }), context, {
      token,
    });
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/teams\/\d+$/);
    expect(
      (await run(invitation.action, formRequest("/", { password: "groene tram door de polder", repeat: "groene tram door de polder" }), context, { token }))
        .status,
    ).toBe(410);
    expect((await run(invitation.loader, getRequest("/"), context, { token })).data.valid).toBe(false);
    expect((await run(login.action, formRequest("/login", { email: "nieuw@test.nl", password: "groene tram door de polder" }), context)).status).toBe(302);
    const actions = (await context.db.selectFrom("audit_log").select("action").orderBy("id").execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["account.created", "account.invited", "account.invitation_accepted"]));
  });

  it("nobody creates an account outside their scope or above their role", async () => {
    const refused: [number, Record<string, string>][] = [
      [world.users.gemeenteEnschede, { name: "X Y", email: "a@test.nl", role: "teammanager", scope: String(world.teams.teamZaanstad) }],
      [world.users.gemeenteEnschede, { name: "X Y", email: "b@test.nl", role: "regio", scope: String(world.regions.twente) }],
      [world.users.gemeenteEnschede, { name: "X Y", email: "c@test.nl", role: "programma", scope: "" }],
      [world.users.regioTwente, { name: "X Y", email: "d@test.nl", role: "gemeente", scope: String(world.municipalities.zaanstad) }],
      [world.users.regioTwente, { name: "X Y", email: "e@test.nl", role: "teammanager", scope: String(world.teams.teamA) }],
      [world.users.regioTwente, { name: "X Y", email: "team.a@test.nl", role: "gemeente", scope: String(world.municipalities.hengelo) }],
    ];
    for (const [manager, fields] of refused) {
      const outcome = await create(manager, fields);
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
    }
    expect(
      await context.db
        .selectFrom("user_account")
        .select("id")
        .where("email", "in", ["a@test.nl", "b@test.nl", "c@test.nl", "d@test.nl", "e@test.nl"])
        .execute(),
    ).toEqual([]);
    expect(
      (
        await create(world.users.regioTwente, {
          name: "Gemeente Hengelo 2",
          email: "g2@test.nl",
          role: "gemeente",
          scope: String(world.municipalities.hengelo),
        })
      ).status,
    ).toBe(200);
    const teamManager = await sessionCookieFor(context, world.users.teamA);
    expect((await run(accounts.loader, getRequest("/beheer/accounts", teamManager), context)).status).toBe(404);
    expect(
      (
        await run(
          accounts.action,
          formRequest("/", { intent: "create", name: "X Y", email: "f@test.nl", role: "teammanager", scope: String(world.teams.teamA) }, teamManager),
          context,
        )
      ).status,
    ).toBe(404);
  });

  it("each manager lists only the accounts they manage", async () => {
    const list = async (userId: number) =>
      (await run(accounts.loader, getRequest("/", await sessionCookieFor(context, userId)), context)).data.accounts.map((a: { email: string }) => a.email);
    expect(await list(world.users.gemeenteEnschede)).toEqual(["team.a@test.nl", "team.b@test.nl"]);
    expect(await list(world.users.regioTwente)).toEqual(["gemeente.enschede@test.nl", "gemeente.hengelo@test.nl", "vt.twente@test.nl"]);
    expect(await list(world.users.programma)).toHaveLength(11);
  });

  it("the list searches on name, e-mail or scope and pages at 50 accounts", async () => {
    for (let i = 0; i < 60; i++)
      await context.db
        .insertInto("user_account")
        .values({
          email: `extra${String(i).padStart(2, "0")}@test.nl`,
          name: `Extra ${i}`,
          role: "programma",
          password_hash: "!uitgenodigd",
          created_at: new Date().toISOString(),
        })
        .execute();
    const programma = await sessionCookieFor(context, world.users.programma);
    const page = async (query: string) => (await run(accounts.loader, getRequest(`/beheer/accounts${query}`, programma), context)).data;
    const first = await page("");
    expect(first.accounts).toHaveLength(50);
    expect(first.paging).toMatchObject({ page: 1, pages: 2, total: 71, first: 1, last: 50 });
    const second = await page("?pagina=2");
    expect(second.accounts).toHaveLength(21);
    expect(new Set([...first.accounts, ...second.accounts].map((a: { id: number }) => a.id)).size).toBe(71);
    // A page past the end shows the last one; nonsense is page 1.
    expect((await page("?pagina=99")).paging.page).toBe(2);
    expect((await page("?pagina=-1")).paging.page).toBe(1);
    expect((await page("?zoek=HENGELO")).accounts.map((a: { email: string }) => a.email)).toEqual(["gemeente.hengelo@test.nl"]);
    expect((await page("?zoek=Team%20Enschede%20A")).accounts.map((a: { email: string }) => a.email)).toEqual(["team.a@test.nl"]);
    expect((await page("?zoek=niemand")).paging.total).toBe(0);
  });

  it("disabling an account ends its sessions at once; a foreign account is not found", async () => {
    const victim = await sessionCookieFor(context, world.users.teamA);
    const gemeente = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const disable = (account: number) => run(accounts.action, formRequest("/", { intent: "disable", account: String(account) }, gemeente), context);
    expect((await disable(world.users.teamA)).status).toBe(200);
    expect((await run(home.loader, getRequest("/", victim), context)).location).toContain("/login");
    expect((await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD }), context)).status).toBe(400);
    expect((await disable(world.users.teamZaanstad)).status).toBe(404);
    expect((await disable(world.users.gemeenteEnschede)).status).toBe(404);
    expect((await run(accounts.action, formRequest("/", { intent: "disable", account: "abc" }, gemeente), context)).status).toBe(400);
    expect((await run(accounts.action, formRequest("/", { intent: "enable", account: String(world.users.teamA) }, gemeente), context)).status).toBe(200);
    expect((await run(login.action, formRequest("/login", { email: "team.a@test.nl", password: TEST_PASSWORD }), context)).status).toBe(302);
  });

  it("an invitation expires after 7 days, and a new link replaces the old one", async () => {
    const created = await create(world.users.gemeenteEnschede, {
      name: "Later",
      email: "later@test.nl",
      role: "teammanager",
      scope: String(world.teams.teamB),
    });
    const first = tokenOf(created.data.created.link);
    const again = await run(
      accounts.action,
      formRequest(
        "/",
        {
          intent: "reinvite",
          account: String(
            created.data.created
              ? (await context.db.selectFrom("user_account").select("id").where("email", "=", "later@test.nl").executeTakeFirstOrThrow()).id
              : 0,
          ),
        },
        await sessionCookieFor(context, world.users.gemeenteEnschede),
      ),
      context,
    );
    const second = tokenOf(again.data.created.link);
    expect((await run(invitation.loader, getRequest("/"), context, { token: first })).data.valid).toBe(false);
    expect((await run(invitation.loader, getRequest("/"), context, { token: second })).data.valid).toBe(true);
    await context.db
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await run(invitation.loader, getRequest("/"), context, { token: second })).data.valid).toBe(false);
    expect((await run(invitation.loader, getRequest("/"), context, { token: "kort" })).data.valid).toBe(false);
  });

  /** nodemailer's JSON transport (sends nothing), keeping the text of each message it was given. */
  const recordingTransport = () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const texts: string[] = [];
    const via = { sendMail: async (message: { text: string }) => (texts.push(message.text), transport.sendMail(message)) };
    return { via, texts };
  };

  it("mails the outbox when a transport is configured; the stored mail keeps no working link once sent (issue 23, 3)", async () => {
    await create(world.users.gemeenteEnschede, { name: "Post", email: "post@test.nl", role: "teammanager", scope: String(world.teams.teamB) });
    const queued = await context.db.selectFrom("outbox").select("body").executeTakeFirstOrThrow();
    const link = /http:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(queued.body)![0];
    const { via, texts } = recordingTransport();
    const sent = await deliverOutbox(context.db, via, "Test <noreply@test.nl>");
    expect(sent).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(texts[0]).toContain(link);
    const stored = await context.db.selectFrom("outbox").select(["sent_at", "body"]).executeTakeFirstOrThrow();
    expect(stored.sent_at).not.toBeNull();
    expect(stored.body).not.toContain("/uitnodiging/");
    expect(stored.body).toContain("[link verwijderd]");
  });

  it("holds mail to the demo's reserved domain instead of sending it, and keeps no link in it", async () => {
    await create(world.users.gemeenteEnschede, { name: "Demo", email: "nieuw@demo.example", role: "teammanager", scope: String(world.teams.teamB) });
    const { via, texts } = recordingTransport();
    const sent = await deliverOutbox(context.db, via, "Test <noreply@test.nl>");
    expect(sent).toEqual({ sent: 0, failed: 0, held: 1 });
    expect(texts).toEqual([]);
    const stored = await context.db.selectFrom("outbox").select(["sent_at", "held", "body"]).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ sent_at: null, held: expect.stringContaining("gereserveerd") });
    expect(stored.body).not.toContain("/uitnodiging/");
  });
});
