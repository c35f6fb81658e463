import type { Transporter } from "nodemailer";
import type { DB } from "../db/client.ts";

// Mail leaves through the outbox: a write puts the message in the outbox table (in its transaction);
// when SMTP_URL is set (smtp://user:password@host:587), this sends what is unsent with nodemailer.
// Without SMTP the outbox is the record, and the inviter copies the link from the screen.

// nodemailer is loaded only when mail is to be sent (about 12 MB that a server without SMTP never needs).
let transport: Promise<Transporter | null> | undefined;
export function mailTransport(env: NodeJS.ProcessEnv = process.env): Promise<Transporter | null> {
  transport ??= env.SMTP_URL ? import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(env.SMTP_URL)) : Promise.resolve(null);
  return transport;
}

export async function deliverOutbox(db: DB, transporter?: Transporter | null, from = process.env.MAIL_FROM ?? "Werken aan veiligheid <noreply@localhost>") {
  const via = transporter === undefined ? await mailTransport() : transporter;
  if (!via) return { sent: 0, failed: 0 };
  const unsent = await db.selectFrom("outbox").selectAll().where("sent_at", "is", null).where("error", "is", null).orderBy("id").limit(50).execute();
  let sent = 0;
  let failed = 0;
  for (const mail of unsent) {
    try {
      await via.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.body });
      await db.updateTable("outbox").set({ sent_at: new Date().toISOString() }).where("id", "=", mail.id).execute();
      sent++;
    } catch (error) {
      await db.updateTable("outbox").set({ error: error instanceof Error ? error.message.slice(0, 500) : "onbekende fout" }).where("id", "=", mail.id).execute();
      failed++;
    }
  }
  return { sent, failed };
}
