import type { Transporter } from "nodemailer";
import type { DB } from "../../db/client.ts";
import { isReservedAddress } from "../domain/mail.ts";
import { claimMail, holdMail, markMailFailed, markMailSent, unsentMail } from "../models/outbox.server.ts";

// Mail leaves through the outbox: a write puts the message in the outbox table (in its transaction,
// app/models/outbox.server.ts); when SMTP_URL is set (smtp://user:password@host:587), the server's
// outbox sender sends what is unsent with nodemailer. Without SMTP mail is held (the inviter copies the
// link from the screen). Mail to a reserved address (the demo's demo.example) is held, never sent.

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
}

/** nodemailer is loaded only when mail is to be sent (about 12 MB that a server without SMTP never needs). */
export async function smtpTransport(smtpUrl: string): Promise<Transporter> {
  const { default: nodemailer } = await import("nodemailer");
  return nodemailer.createTransport(smtpUrl);
}

/** Why mail to a reserved address is held. */
export const HELD_RESERVED_ADDRESS = "gereserveerd adres (demo of voorbeeld), niet verzonden";

/**
 * Sends what is unsent, at most 50 messages a round. Each message is first claimed (only the sender
 * whose claim changed the row sends it), so two processes or machines sending at once send every
 * message once. Mail to a reserved address is held instead of sent.
 */
export async function deliverOutbox(db: DB, via: Pick<Transporter, "sendMail">, from: string, now = () => new Date()) {
  let sent = 0;
  let failed = 0;
  let held = 0;
  for (const mail of await unsentMail(db, now())) {
    if (isReservedAddress(mail.recipient)) {
      await holdMail(db, mail, HELD_RESERVED_ADDRESS);
      held++;
      continue;
    }
    if (!(await claimMail(db, mail.id, now()))) continue; // another sender has it
    try {
      await via.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.body });
      await markMailSent(db, mail, now());
      sent++;
    } catch (error) {
      await markMailFailed(db, mail, error);
      failed++;
    }
  }
  return { sent, failed, held };
}

/**
 * The server's outbox sender: looks every interval, and at once when woken after a write that put
 * mail in the outbox. One round at a time; a failing SMTP server costs a logged error, never a request.
 */
export function startOutboxSender(db: DB, settings: MailSettings, intervalMs = 30_000) {
  if (!settings.smtpUrl) return { wake() {}, stop() {} };
  const smtpUrl = settings.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  let running: Promise<unknown> | null = null;
  let again = false;
  const round = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        transport ??= smtpTransport(smtpUrl);
        await deliverOutbox(db, await transport, settings.from);
      } catch (error) {
        console.error("Uitgaande post niet verstuurd:", error instanceof Error ? error.message : error);
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        round();
      }
    });
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  // What an earlier run left unsent goes out soon after start.
  setTimeout(round, 1000).unref();
  return {
    wake: round,
    stop() {
      clearInterval(timer);
    },
  };
}
