import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { codeAt } from "../../app/auth/totp.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, TEST_PASSWORD, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run, type Outcome } from "../support/http.ts";
import { startFakeProvider, type FakeProvider, type IssuedToken } from "../support/fake-oidc.ts";
import * as login from "../../app/routes/login.tsx";
import * as logout from "../../app/routes/logout.tsx";
import * as callback from "../../app/routes/login_.organisatie.tsx";
import * as secondStep from "../../app/routes/login_.tweede-stap.tsx";
import * as settings from "../../app/routes/account_.tweede-stap.tsx";
import * as providers from "../../app/routes/programma.inlogdiensten.tsx";

// Issue 29, part 1 (decision 91): signing in with an organisation's account over OpenID Connect. Programma
// registers the provider of gemeente Enschede for the domain enschede.test; its people type their address and
// continue at the provider; a callback that is forged, replayed, from another issuer, expired, unsigned, for an
// unverified address or an account that is not (or no longer) theirs signs nobody in.

let provider: FakeProvider;
let context: TestContext;
let world: World;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());
beforeEach(async () => {
  context = openTestDatabase();
  context.clientAddress = "192.0.2.30";
  world = await buildWorld(context.db);
  // Two people of gemeente Enschede with addresses at its domain, one of Hengelo with such an address too.
  for (const [email, user] of [
    ["beleid@enschede.test", world.users.gemeenteEnschede],
    ["manager@enschede.test", world.users.teamA],
    ["geleend@enschede.test", world.users.gemeenteHengelo],
  ] as const) {
    await context.db.updateTable("user_account").set({ email }).where("id", "=", user).execute();
  }
});
afterEach(() => context.close());

const cookiesOf = (outcome: Outcome) => outcome.headers.getSetCookie().map((c) => c.split(";")[0]!);
const sessionOf = (outcome: Outcome) => cookiesOf(outcome).find((c) => c.startsWith("wav_sessie=") && c !== "wav_sessie=");

async function register(fields: Record<string, string> = {}) {
  const cookie = await sessionCookieFor(context, world.users.programma);
  return run(
    providers.action,
    formRequest(
      "/programma/inlogdiensten",
      {
        name: "Gemeente Enschede",
        organisation: `gemeente:${world.municipalities.enschede}`,
        issuer: provider.issuer,
        clientId: provider.clientId,
        secret: provider.clientSecret,
        domains: "enschede.test",
        ...fields,
      },
      cookie,
    ),
    context,
  );
}

/** Types the address on the login page; gives the provider's address and the state cookie. */
async function leaveFor(email: string, password = "") {
  const outcome = await run(login.action, formRequest("/login", { email, password }), context);
  return { outcome, url: outcome.data?.organisation?.url as string, cookie: cookiesOf(outcome).find((c) => c.startsWith("wav_organisatie="))! };
}

/** The whole way: login page, provider (with the token it issues), back. */
async function signInAs(email: string, token?: IssuedToken) {
  const { url, cookie } = await leaveFor(email);
  const { code, state } = await provider.authorize(url, token);
  return run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, cookie), context);
}

const refusals = () =>
  context.db.selectFrom("audit_log").select(["actor_id", "actor_label", "changes"]).where("action", "=", "login.organisation_failed").orderBy("id").execute();

describe("programma registers an organisation's provider", () => {
  it("checks the issuer answers, stores the secret sealed, never logs or shows it, refuses a domain twice", async () => {
    expect((await register()).location).toBe("/programma/inlogdiensten?opgeslagen=1");
    const row = await context.db.selectFrom("identity_provider").selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret).toMatch(/^v1\./);
    expect(row.client_secret).not.toContain(provider.clientSecret);
    const page = await run(providers.loader, getRequest("/programma/inlogdiensten", await sessionCookieFor(context, world.users.programma)), context);
    expect(JSON.stringify(page.data)).not.toContain(provider.clientSecret);
    expect(page.data.providers[0]).toMatchObject({
      name: "Gemeente Enschede",
      organisationName: "Gemeente Enschede",
      domains: ["enschede.test"],
      has_stored_secret: true,
    });
    expect(page.data.redirectUri).toBe("http://localhost:3000/login/organisatie");
    const audit = await context.db.selectFrom("audit_log").select("changes").where("action", "=", "identity_provider.created").executeTakeFirstOrThrow();
    expect(audit.changes).not.toContain(provider.clientSecret);
    expect(JSON.parse(audit.changes!).secret[1]).toBe("opgeslagen (versleuteld)");

    const twice = await register({ name: "Nogmaals" });
    expect(twice.status).toBe(400);
    expect(twice.data.errors.domains).toMatch(/al een provider: enschede\.test/);
    expect(twice.data.values.secret).toBe("");
    const wrongIssuer = await register({ domains: "ander.test", issuer: "http://127.0.0.1:9/niets" });
    expect(wrongIssuer.data.errors.issuer).toMatch(/antwoordt niet als OpenID Provider/);
    const plainHttp = await register({ domains: "ander.test", issuer: "http://sso.example.nl" });
    expect(plainHttp.data.errors.issuer).toMatch(/https:\/\//);
    const unsetSecret = await register({ domains: "ander.test", secret: "", secretName: "ONBEKEND" });
    expect(unsetSecret.data.errors.secretName).toBe("OIDC_SECRET_ONBEKEND is niet ingesteld op deze server.");
  });
});

describe("signing in with an organisation's account", () => {
  beforeEach(async () => {
    await register();
  });

  it("sends an address of the domain to the provider with PKCE, state and nonce, and signs the account in when it comes back", async () => {
    const page = await run(login.loader, getRequest("/login"), context);
    expect(page.data.organisationDomains).toEqual([{ domain: "enschede.test", passwordAllowed: false }]);
    const { outcome, url, cookie } = await leaveFor("Beleid@Enschede.test");
    expect(sessionOf(outcome)).toBeUndefined();
    const asked = new URL(url);
    expect(asked.origin + asked.pathname).toBe(`${provider.issuer}/authorize`);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: "http://localhost:3000/login/organisatie",
      response_type: "code",
      scope: "openid email profile",
      code_challenge_method: "S256",
      login_hint: "Beleid@Enschede.test",
    });
    expect(asked.searchParams.get("state")).toBe(cookie.split("=")[1]);
    // The verifier is kept sealed; the state only as a hash.
    const stored = await context.db.selectFrom("oidc_login").selectAll().executeTakeFirstOrThrow();
    expect(stored.code_verifier).toMatch(/^v1\./);
    expect(stored.id).not.toBe(asked.searchParams.get("state"));

    const { code, state } = await provider.authorize(url, { claims: { email: "beleid@enschede.test" } });
    const back = await run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, cookie), context);
    expect(back.location).toBe(`/gemeenten/${world.municipalities.enschede}`);
    expect(sessionOf(back)).toBeDefined();
    expect(cookiesOf(back)).toContain("wav_organisatie=");
    const entry = await context.db
      .selectFrom("audit_log")
      .select("changes")
      .where("action", "=", "login")
      .where("actor_id", "=", world.users.gemeenteEnschede)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.changes!)).toEqual({ method: [null, "organisatie"], provider: [null, "Gemeente Enschede"] });

    // Logging out offers the provider's own logout.
    const out = await run(logout.action, formRequest("/logout", {}, sessionOf(back)), context);
    expect(out.location).toMatch(/^\/login\?uitgelogd=1&organisatie=\d+$/);
    const after = await run(login.loader, getRequest(out.location!), context);
    expect(after.data.notices.organisationLogout.name).toBe("Gemeente Enschede");
    expect(after.data.notices.organisationLogout.url).toMatch(new RegExp(`^${provider.issuer}/logout\\?`));
    expect(new URL(after.data.notices.organisationLogout.url).searchParams.get("post_logout_redirect_uri")).toBe("http://localhost:3000/login?uitgelogd=1");
  });

  it("a team manager of the gemeente signs in too (with Entra ID's form of a verified address); an address of another domain gets the password field as before", async () => {
    expect((await signInAs("manager@enschede.test", { claims: { email_verified: undefined, xms_edov: true } })).location).toBe(`/teams/${world.teams.teamA}`);
    const password = await run(login.action, formRequest("/login", { email: "programma@test.nl", password: TEST_PASSWORD }), context);
    expect(password.location).toBe("/programma");
    // A password for an address of the domain is not checked: the provider decides.
    const typed = await leaveFor("beleid@enschede.test", TEST_PASSWORD);
    expect(typed.url).toMatch(/\/authorize\?/);
    expect(sessionOf(typed.outcome)).toBeUndefined();
  });

  it("refuses a forged, replayed or foreign callback and every bent token, in Dutch, logging only the kind", async () => {
    const cases: [string, () => Promise<Outcome>, string][] = [
      // Another browser's sign-in: the state is not this browser's cookie.
      [
        "state not this browser's",
        async () => {
          const mine = await leaveFor("beleid@enschede.test");
          const theirs = await leaveFor("beleid@enschede.test");
          const { code, state } = await provider.authorize(theirs.url);
          return run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, mine.cookie), context);
        },
        "state",
      ],
      ["no cookie at all", async () => run(callback.loader, getRequest("/login/organisatie?code=x&state=y"), context), "state"],
      ["another issuer", () => signInAs("beleid@enschede.test", { claims: { iss: "https://andere-uitgever.example" } }), "token"],
      ["another audience", () => signInAs("beleid@enschede.test", { claims: { aud: "een-andere-client" } }), "token"],
      ["a wrong nonce", () => signInAs("beleid@enschede.test", { claims: { nonce: "geraden" } }), "token"],
      [
        "expired",
        () => signInAs("beleid@enschede.test", { claims: { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 } }),
        "token",
      ],
      ["unsigned", () => signInAs("beleid@enschede.test", { unsigned: true }), "token"],
      ["signed with a key the provider does not publish", () => signInAs("beleid@enschede.test", { foreignKey: true }), "token"],
      ["an address the provider did not verify", () => signInAs("beleid@enschede.test", { claims: { email_verified: false } }), "unverified"],
      ["no address at all", () => signInAs("beleid@enschede.test", { claims: { email: undefined } }), "unverified"],
      ["an address of another domain", () => signInAs("beleid@enschede.test", { claims: { email: "programma@test.nl" } }), "outside"],
      ["an account of another gemeente", () => signInAs("geleend@enschede.test"), "outside"],
      ["no such account", () => signInAs("niemand@enschede.test"), "unknown"],
      [
        "the person cancelled at the provider",
        async () => {
          const { url, cookie } = await leaveFor("beleid@enschede.test");
          return run(callback.loader, getRequest(`/login/organisatie?error=access_denied&state=${new URL(url).searchParams.get("state")}`, cookie), context);
        },
        "cancelled",
      ],
    ];
    for (const [label, attempt, refusal] of cases) {
      const outcome = await attempt();
      expect(outcome.location, label).toBe(`/login?organisatie-fout=${refusal}`);
      expect(sessionOf(outcome), label).toBeUndefined();
    }
    // Only programma's own session (it registered the provider) exists.
    expect(await context.db.selectFrom("session").select("user_id").execute()).toEqual([{ user_id: world.users.programma }]);
    // The log says which kind of refusal, and nothing of the provider's answer.
    const logged = await refusals();
    expect(logged.map((r) => JSON.parse(r.changes!).reason[1])).toEqual(cases.map(([, , refusal]) => refusal));
    expect(logged.every((r) => r.actor_id === null && (r.actor_label === null || r.actor_label === "Gemeente Enschede"))).toBe(true);
    expect(JSON.stringify(logged)).not.toMatch(/enschede\.test|geraden|eyJ/);
    const page = await run(login.loader, getRequest("/login?organisatie-fout=token"), context);
    expect(page.data.notices.organisationRefusal).toBe(
      "Het antwoord van de inlogdienst van uw organisatie klopte niet. U bent niet ingelogd; probeer het opnieuw.",
    );
  });

  it("takes a callback once: the same answer replayed, or the code used again, signs nobody in", async () => {
    const { url, cookie } = await leaveFor("beleid@enschede.test");
    const { code, state } = await provider.authorize(url);
    const first = await run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, cookie), context);
    expect(sessionOf(first)).toBeDefined();
    const replay = await run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, cookie), context);
    expect(replay.location).toBe("/login?organisatie-fout=state");
    // A new sign-in that brings back the old code: the provider takes each code once.
    const again = await leaveFor("beleid@enschede.test");
    const fresh = new URL(again.url).searchParams.get("state");
    const reused = await run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${fresh}`, again.cookie), context);
    expect(reused.location).toBe("/login?organisatie-fout=token");
  });

  it("a disabled account is refused; an expired sign-in too", async () => {
    await context.db.updateTable("user_account").set({ disabled_at: new Date().toISOString() }).where("id", "=", world.users.gemeenteEnschede).execute();
    expect((await signInAs("beleid@enschede.test")).location).toBe("/login?organisatie-fout=disabled");
    const { url, cookie } = await leaveFor("manager@enschede.test");
    await context.db
      .updateTable("oidc_login")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const { code, state } = await provider.authorize(url);
    expect((await run(callback.loader, getRequest(`/login/organisatie?code=${code}&state=${state}`, cookie), context)).location).toBe(
      "/login?organisatie-fout=state",
    );
  });

  it("asks the account's second step after the provider, as after a password", async () => {
    const cookie = await sessionCookieFor(context, world.users.gemeenteEnschede);
    await run(settings.loader, getRequest("/account/tweede-stap", cookie), context);
    const row = await context.db.selectFrom("totp_factor").select("secret").executeTakeFirstOrThrow();
    const { open } = await import("../../app/auth/secret-box.server.ts");
    const secret = open(context.config.secretKey, row.secret);
    await run(settings.action, formRequest("/account/tweede-stap", { code: codeAt(secret, new Date()) }, cookie), context);

    const back = await signInAs("beleid@enschede.test");
    expect(back.location).toBe("/login/tweede-stap");
    expect(sessionOf(back)).toBeUndefined();
    const challenge = cookiesOf(back).find((c) => c.startsWith("wav_tweede_stap="))!;
    const done = await run(secondStep.action, formRequest("/login/tweede-stap", { code: codeAt(secret, new Date(Date.now() + 30_000)) }, challenge), context);
    expect(sessionOf(done)).toBeDefined();
    const entry = await context.db.selectFrom("audit_log").select("changes").where("action", "=", "login").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(entry.changes!)).toEqual({ method: [null, "organisatie+authenticator"], provider: [null, "Gemeente Enschede"] });
    const session = await context.db.selectFrom("session").select("identity_provider_id").where("user_id", "=", world.users.gemeenteEnschede).execute();
    expect(session.some((s) => s.identity_provider_id !== null)).toBe(true);
  });
});

describe("when passwords stay allowed, and when the provider is down", () => {
  it("a typed password signs in with the password; an empty one goes to the provider; a provider that does not answer says so", async () => {
    await register({ passwordAllowed: "ja" });
    const withPassword = await run(login.action, formRequest("/login", { email: "beleid@enschede.test", password: TEST_PASSWORD }), context);
    expect(withPassword.location).toBe(`/gemeenten/${world.municipalities.enschede}`);
    expect((await leaveFor("beleid@enschede.test")).url).toMatch(/\/authorize\?/);

    await context.db.updateTable("identity_provider").set({ issuer: "http://127.0.0.1:9", client_id: "elders" }).execute();
    const down = await leaveFor("manager@enschede.test");
    expect(down.outcome.status).toBe(503);
    expect(down.outcome.data.errors.form).toBe(
      "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw. U kunt ook met uw wachtwoord inloggen.",
    );
  });
});
