import { afterEach, describe, expect, it } from "vitest";
import { inTransaction } from "../../db/transaction.ts";
import { configureMailDelivery, HELD_NO_MAIL_SERVER, queueMail } from "../../app/models/outbox.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { getRequest, run } from "../support/http.ts";
import * as root from "../../app/root.tsx";

// Issue 23: what the outbox keeps, when the sender is woken, and what a demo installation says.

const LINK = "http://localhost:3000/uitnodiging/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
let context: TestContext | undefined;
afterEach(async () => {
  configureMailDelivery({ sends: true, wake: () => {} });
  await context?.close();
  context = undefined;
});

describe("the outbox", () => {
  it("wakes the sender once the write that queued the mail has committed, and never for one that rolled back", async () => {
    context = openTestDatabase();
    const db = context.db;
    const wakes: string[] = [];
    configureMailDelivery({ sends: true, wake: () => wakes.push("wake") });
    const mail = { recipient: "a@gemeente.nl", subject: "Onderwerp", body: `Uw link: ${LINK}`, at: new Date() };
    await inTransaction(db, async (trx) => {
      await queueMail(trx, mail);
      expect(wakes).toEqual([]); // not before the commit
    });
    expect(wakes).toEqual(["wake"]);
    await expect(
      inTransaction(db, async (trx) => {
        await queueMail(trx, mail);
        throw new Error("afgebroken");
      }),
    ).rejects.toThrow("afgebroken");
    expect(wakes).toEqual(["wake"]);
    expect((await db.selectFrom("outbox").select("body").execute()).map((m) => m.body)).toEqual([`Uw link: ${LINK}`]);
  });

  it("without a mail server, holds mail at once and keeps no working link in it", async () => {
    context = openTestDatabase();
    configureMailDelivery({ sends: false, wake: () => expect.fail("nothing to wake") });
    await queueMail(context.db, { recipient: "a@gemeente.nl", subject: "Onderwerp", body: `Uw link: ${LINK}\nGroet`, at: new Date() });
    expect(await context.db.selectFrom("outbox").select(["held", "body", "sent_at"]).executeTakeFirstOrThrow()).toEqual({
      held: HELD_NO_MAIL_SERVER,
      body: "Uw link: [link verwijderd]\nGroet",
      sent_at: null,
    });
  });
});

describe("a demo installation", () => {
  it("has its accounts at the reserved domain, holds all of its mail, and every page says Demo-omgeving; an installation without demo data does not", async () => {
    context = openTestDatabase("demo");
    const db = context.db;
    const emails = (await db.selectFrom("user_account").select("email").execute()).map((u) => u.email);
    expect(emails.length).toBeGreaterThan(50);
    expect(emails.every((e) => e.endsWith("@demo.example"))).toBe(true);
    const outbox = await db.selectFrom("outbox").select(["held", "body"]).execute();
    expect(outbox.length).toBeGreaterThan(50);
    expect(outbox.every((m) => m.held === "demo" && !/\/(uitnodiging|wachtwoord-herstellen)\/\w/.test(m.body))).toBe(true);
    expect((await run(root.loader, getRequest("/login"), context)).data.demo).toBe(true);
    await context.close();

    context = openTestDatabase("empty");
    expect((await run(root.loader, getRequest("/login"), context)).data.demo).toBe(false);
  });
});
