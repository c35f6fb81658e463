import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../db/client.ts";
import type { Database } from "../../db/schema.ts";
import { afterCommit } from "../../db/transaction.ts";
import { CREDENTIAL_LINK_PATHS, withoutCredentialLinks } from "../domain/mail.ts";

// The outbox: every mail the product sends is written here in the transaction of the write it tells
// of, then sent by the outbox sender (app/server/mail.server.ts) when a mail server is configured.
// A credential link (an invitation, a password reset) is readable in a stored mail only until the mail
// is sent, fails or is held; after that the stored text keeps "[link verwijderd]" in its place.

/** A claim older than this belongs to a sender that died before it sent: another may take the message. */
const CLAIM_EXPIRES_MS = 10 * 60_000;

/** Why a mail is held when this process has no mail server to send it with. */
export const HELD_NO_MAIL_SERVER = "geen mailserver (SMTP_URL)";

/**
 * How this process delivers mail, set once at start-up from the configuration: whether a sender will
 * send the outbox (SMTP_URL), and how to wake it. Without a sender, mail is held at once and keeps no
 * link: nothing will ever send it, so a working link in it would only wait for someone reading the
 * database. Kept on globalThis under a registered symbol because the server entry and the Remix build
 * each bundle their own copy of this module, and the entry's setting must reach the build's. Tests that
 * do not set it get a sender that is never woken.
 */
interface MailDelivery {
  sends: boolean;
  wake: () => void;
}
const DELIVERY = Symbol.for("werken-aan-veiligheid.mail-delivery");
const delivery = (): MailDelivery => (globalThis as { [DELIVERY]?: MailDelivery })[DELIVERY] ?? { sends: true, wake: () => {} };
export function configureMailDelivery(settings: MailDelivery) {
  (globalThis as { [DELIVERY]?: MailDelivery })[DELIVERY] = settings;
}

export interface Mail {
  recipient: string;
  subject: string;
  body: string;
  at: Date;
  /** Why it must never be sent (demo mail); the sender also holds mail to reserved addresses. */
  held?: string;
}

/** Puts a mail in the outbox; the sender is woken once the write it belongs to has committed. */
export async function queueMail(db: DB, mail: Mail): Promise<void> {
  const { sends, wake } = delivery();
  const held = mail.held ?? (sends ? null : HELD_NO_MAIL_SERVER);
  await db
    .insertInto("outbox")
    .values({
      recipient: mail.recipient,
      subject: mail.subject,
      body: held ? withoutCredentialLinks(mail.body) : mail.body,
      created_at: mail.at.toISOString(),
      sent_at: null,
      error: null,
      held,
    })
    .execute();
  if (!held) afterCommit(db, wake);
}

const unclaimed = (stale: string) => (eb: ExpressionBuilder<Database, "outbox">) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", stale)]);

/** Unsent messages nobody is sending now, oldest first. */
export async function unsentMail(db: DB, now: Date, limit = 50) {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS).toISOString();
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .where("error", "is", null)
    .where("held", "is", null)
    .where(unclaimed(stale))
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Claims a message with a conditional update: true only for the one sender whose update changed the row. */
export async function claimMail(db: DB, id: number, now: Date): Promise<boolean> {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS).toISOString();
  const claim = await db
    .updateTable("outbox")
    .set({ claimed_at: now.toISOString() })
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where("held", "is", null)
    .where(unclaimed(stale))
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

/** Sent: the stored text loses its credential links. */
export async function markMailSent(db: DB, mail: { id: number; body: string }, now: Date) {
  await db
    .updateTable("outbox")
    .set({ sent_at: now.toISOString(), body: withoutCredentialLinks(mail.body) })
    .where("id", "=", mail.id)
    .execute();
}

/** Failed: not tried again (the inviter makes a new link); the stored text loses its credential links. */
export async function markMailFailed(db: DB, mail: { id: number; body: string }, error: unknown) {
  await db
    .updateTable("outbox")
    .set({ error: error instanceof Error ? error.message.slice(0, 500) : "onbekende fout", body: withoutCredentialLinks(mail.body) })
    .where("id", "=", mail.id)
    .execute();
}

/** Held: never sent; the stored text loses its credential links. */
export async function holdMail(db: DB, mail: { id: number; body: string }, reason: string) {
  await db
    .updateTable("outbox")
    .set({ held: reason, body: withoutCredentialLinks(mail.body) })
    .where("id", "=", mail.id)
    .execute();
}

/** Holds every unsent mail (the demo seed's, which must never leave the machine). */
export async function holdUnsentMail(db: DB, reason: string) {
  const unsent = await db.selectFrom("outbox").select(["id", "body"]).where("sent_at", "is", null).where("held", "is", null).execute();
  for (const mail of unsent) await holdMail(db, mail, reason);
}

/**
 * For the retention cleanup: takes the credential links out of mail still unsent after `before` (a mail
 * server that has been down that long); every such link has expired by then (invitations last 7 days).
 */
export async function removeOldLinks(db: DB, before: string): Promise<number> {
  const old = await db
    .selectFrom("outbox")
    .select(["id", "body"])
    .where("created_at", "<", before)
    .where((eb) => eb.or(CREDENTIAL_LINK_PATHS.map((path) => eb("body", "like", `%/${path}/%`))))
    .execute();
  let changed = 0;
  for (const mail of old) {
    const body = withoutCredentialLinks(mail.body);
    if (body === mail.body) continue;
    await db.updateTable("outbox").set({ body }).where("id", "=", mail.id).execute();
    changed++;
  }
  return changed;
}
