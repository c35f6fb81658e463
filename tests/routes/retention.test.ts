import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUp, DEFAULT_RETENTION } from "../../app/models/retention.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, type World } from "../support/fixtures.ts";

// The daily cleanup removes what the privacy statement keeps only for a while, each after its own period,
// and nothing younger.
let context: TestContext;
let world: World;
const NOW = new Date("2026-12-02T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const DAY = 86_400_000;

beforeAll(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  const db = context.db;
  const user = world.users.teamA;
  await db
    .insertInto("session")
    .values([
      { id: "oud", user_id: user, created_at: ago(20 * DAY), last_seen_at: ago(9 * DAY), expires_at: ago(8 * DAY) },
      { id: "net-verlopen", user_id: user, created_at: ago(2 * DAY), last_seen_at: ago(DAY), expires_at: ago(DAY) },
    ])
    .execute();
  await db
    .insertInto("pending_save")
    .values([
      { user_id: user, path: "/oud", fields: "[]", created_at: ago(8 * DAY) },
      { user_id: user, path: "/nieuw", fields: "[]", created_at: ago(DAY) },
    ])
    .execute();
  await db
    .insertInto("outbox")
    .values([
      {
        recipient: "a@test.nl",
        subject: "oud, verstuurd",
        body: "x",
        created_at: ago(31 * DAY),
        sent_at: ago(31 * DAY),
        error: null,
        claimed_at: null,
        held: null,
      },
      { recipient: "b@test.nl", subject: "oud, mislukt", body: "x", created_at: ago(31 * DAY), sent_at: null, error: "weg", claimed_at: null, held: null },
      {
        recipient: "e@demo.example",
        subject: "oud, vastgehouden",
        body: "x",
        created_at: ago(31 * DAY),
        sent_at: null,
        error: null,
        claimed_at: null,
        held: "demo",
      },
      {
        recipient: "c@test.nl",
        subject: "oud, nog te versturen",
        body: "Kies uw wachtwoord: http://localhost:3000/uitnodiging/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\nGroet",
        created_at: ago(31 * DAY),
        sent_at: null,
        error: null,
        claimed_at: null,
        held: null,
      },
      {
        recipient: "d@test.nl",
        subject: "nieuw, nog te versturen",
        body: "Herstel: http://localhost:3000/wachtwoord-herstellen/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
        created_at: ago(DAY),
        sent_at: null,
        error: null,
        claimed_at: null,
        held: null,
      },
    ])
    .execute();
  await db
    .insertInto("login_throttle")
    .values([
      { key: "address:192.0.2.1", failures: 3, last_failure_at: ago(25 * 3_600_000), blocked_until: null },
      { key: "account:blok@test.nl", failures: 30, last_failure_at: ago(25 * 3_600_000), blocked_until: new Date(NOW.getTime() + 3_600_000).toISOString() },
      { key: "address:192.0.2.2", failures: 1, last_failure_at: ago(3_600_000), blocked_until: null },
    ])
    .execute();
  await db
    .insertInto("audit_log")
    .values([
      { at: ago(91 * DAY), actor_id: user, actor_label: null, action: "oud", entity: "response", entity_id: "1", changes: null, address: "192.0.2.1" },
      { at: ago(DAY), actor_id: user, actor_label: null, action: "nieuw", entity: "response", entity_id: "1", changes: null, address: "192.0.2.2" },
    ])
    .execute();
});
afterAll(() => context.close());

describe("the retention cleanup", () => {
  it("removes each kind of row after its period, and keeps what is younger, unsent or still blocking", async () => {
    const result = await cleanUp(context.db, DEFAULT_RETENTION, NOW);
    expect(result).toEqual({ sessions: 1, keptInput: 1, outbox: 3, outboxLinks: 1, professionalAddresses: 0, throttle: 1, auditAddresses: 1 });
    const db = context.db;
    expect((await db.selectFrom("session").select("id").where("id", "in", ["oud", "net-verlopen"]).execute()).map((r) => r.id)).toEqual(["net-verlopen"]);
    expect((await db.selectFrom("pending_save").select("path").execute()).map((r) => r.path)).toEqual(["/nieuw"]);
    // Unsent mail stays (a mail server may come back), but a link older than any link lives is taken out.
    expect(await db.selectFrom("outbox").select(["subject", "body"]).orderBy("id").execute()).toEqual([
      { subject: "oud, nog te versturen", body: "Kies uw wachtwoord: [link verwijderd]\nGroet" },
      { subject: "nieuw, nog te versturen", body: "Herstel: http://localhost:3000/wachtwoord-herstellen/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" },
    ]);
    expect((await db.selectFrom("login_throttle").select("key").orderBy("key").execute()).map((r) => r.key)).toEqual([
      "account:blok@test.nl",
      "address:192.0.2.2",
    ]);
    const audit = await db.selectFrom("audit_log").select(["action", "address", "actor_id"]).where("action", "in", ["oud", "nieuw"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "oud", address: null, actor_id: world.users.teamA },
      { action: "nieuw", address: "192.0.2.2", actor_id: world.users.teamA },
    ]);
    // A second run finds nothing more.
    expect(await cleanUp(context.db, DEFAULT_RETENTION, NOW)).toEqual({
      sessions: 0,
      keptInput: 0,
      outbox: 0,
      outboxLinks: 0,
      professionalAddresses: 0,
      throttle: 0,
      auditAddresses: 0,
    });
  });

  it("removes the steps of sign-ins nobody finished (second step, way to a provider, passkey ceremony) once they expired", async () => {
    const db = context.db;
    const user = world.users.teamA;
    const { id: provider } = await db
      .insertInto("identity_provider")
      .values({
        name: "P",
        issuer: "https://p.example",
        client_id: "c",
        client_secret: null,
        secret_name: null,
        organisation: "programma",
        region_id: null,
        municipality_id: null,
        created_at: ago(DAY),
        created_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const expired = ago(60_000);
    const fresh = new Date(NOW.getTime() + 60_000).toISOString();
    await db
      .insertInto("login_challenge")
      .values([
        { id: "oud", user_id: user, redirect_to: "", created_at: ago(DAY), expires_at: expired, identity_provider_id: null },
        { id: "nieuw", user_id: user, redirect_to: "", created_at: ago(60_000), expires_at: fresh, identity_provider_id: null },
      ])
      .execute();
    await db
      .insertInto("oidc_login")
      .values([
        { id: "oud", provider_id: provider, nonce: "n", code_verifier: "v", redirect_to: "", created_at: ago(DAY), expires_at: expired },
        { id: "nieuw", provider_id: provider, nonce: "n", code_verifier: "v", redirect_to: "", created_at: ago(60_000), expires_at: fresh },
      ])
      .execute();
    await db
      .insertInto("webauthn_challenge")
      .values([
        { user_id: user, purpose: "inloggen", challenge: "oud", expires_at: expired },
        { user_id: user, purpose: "registreren", challenge: "nieuw", expires_at: fresh },
      ])
      .execute();
    expect((await cleanUp(db, DEFAULT_RETENTION, NOW)).sessions).toBe(3);
    expect((await db.selectFrom("login_challenge").select("id").execute()).map((r) => r.id)).toEqual(["nieuw"]);
    expect((await db.selectFrom("oidc_login").select("id").execute()).map((r) => r.id)).toEqual(["nieuw"]);
    expect((await db.selectFrom("webauthn_challenge").select("challenge").execute()).map((r) => r.challenge)).toEqual(["nieuw"]);
  });

  it("follows configured periods", async () => {
    await context.db
      .insertInto("pending_save")
      .values({ user_id: world.users.teamA, path: "/twee-dagen", fields: "[]", created_at: ago(2 * DAY) })
      .execute();
    expect((await cleanUp(context.db, { ...DEFAULT_RETENTION, keptInputDays: 3 }, NOW)).keptInput).toBe(0);
    // One day: the two-day-old input goes; the one of exactly a day ago is not older than its period.
    expect((await cleanUp(context.db, { ...DEFAULT_RETENTION, keptInputDays: 1 }, NOW)).keptInput).toBe(1);
    expect((await context.db.selectFrom("pending_save").select("path").execute()).map((r) => r.path)).toEqual(["/nieuw"]);
  });
});
