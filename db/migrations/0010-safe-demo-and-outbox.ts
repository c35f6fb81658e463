import { sql, type Kysely } from "kysely";

// Security, second round (frozen once released):
// - outbox.held: why a message will not be sent (demo mail, a reserved demo address, no mail server);
//   held mail is never sent and its credential links are gone;
// - a demo database made by an earlier release moves its demo accounts to the reserved domain
//   demo.example (RFC 2606), so no demo mail can reach a real mail server, and holds its unsent mail;
// - links that act as a credential (an invitation, a password reset) are taken out of every mail that
//   was already sent: a database or backup file must not hold a working link.

const CREDENTIAL_LINK = /(?:https?:\/\/[^\s/]+)?\/(?:uitnodiging|wachtwoord-herstellen)\/[A-Za-z0-9_-]{20,}/g;
const REMOVED = "[link verwijderd]";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("held", "text").execute();

  const demo = await db.selectFrom("app_setting").select("key").where("key", "=", "demo_data").executeTakeFirst();
  if (demo) {
    await sql`update user_account set email = replace(email, '@demo.nl', '@demo.example') where email like '%@demo.nl'`.execute(db);
    await sql`update outbox set recipient = replace(recipient, '@demo.nl', '@demo.example') where recipient like '%@demo.nl'`.execute(db);
    await db.updateTable("outbox").set({ held: "demo" }).where("sent_at", "is", null).where("recipient", "like", "%@demo.example").execute();
  }

  const withLinks = await db
    .selectFrom("outbox")
    .select(["id", "body", "sent_at", "held"])
    .where((eb) => eb.or([eb("body", "like", "%/uitnodiging/%"), eb("body", "like", "%/wachtwoord-herstellen/%")]))
    .execute();
  for (const mail of withLinks) {
    if (mail.sent_at === null && mail.held === null) continue; // still to be sent: the sender removes it once sent
    await db
      .updateTable("outbox")
      .set({ body: String(mail.body).replace(CREDENTIAL_LINK, REMOVED) })
      .where("id", "=", mail.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("held").execute();
}
