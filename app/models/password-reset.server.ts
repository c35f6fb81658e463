import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client.ts";
import { countAnonymousRequest } from "./audit.server.ts";
import { claimAttempt, type ThrottleRule } from "./login-throttle.server.ts";
import { RESET_VALID_MINUTES } from "../forms/account.ts";
import { inTransaction } from "../../db/transaction.ts";
import { queueMail } from "./outbox.server.ts";

// "Wachtwoord vergeten": a single-use link, valid for an hour, mailed through the outbox to a known
// account that is not disabled. Whether the address is known is never told: the page answers the
// same either way. Requests are limited per account and per (account, address), silently (past the
// limit no mail is sent, and the answer stays the same); an address alone is only slowed down, never
// silenced, since everyone in one municipal office shares it (decision 78). Each request is counted in
// the audit log, one row per address and hour.

export { RESET_VALID_MINUTES };
/** Mails to one account from one address in a row; further requests wait (30 s, doubling) before one is sent again. */
export const RESET_MAILS_PER_PAIR = 3;
/** Mails to one account from any addresses in a row. */
export const RESET_MAILS_PER_ACCOUNT = 5;
/** Requests from one address past which each answer is held back (1 s more each, at most 10 s). */
export const RESET_REQUESTS_PER_ADDRESS = 10;
/** The audit log's summary row of anonymous reset requests. */
export const RESET_REQUESTS_ACTION = "password.reset_requests";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function resetMail(name: string, link: string) {
  return {
    subject: "Wachtwoord opnieuw instellen: Werken aan veiligheid",
    body: [
      `Beste ${name},`,
      "",
      "Iemand (hopelijk u) heeft gevraagd om een nieuw wachtwoord voor uw account in Werken aan veiligheid.",
      `Kies via deze link een nieuw wachtwoord. De link werkt één keer en is ${RESET_VALID_MINUTES} minuten geldig:`,
      "",
      link,
      "",
      "Als u een nieuw wachtwoord kiest, wordt u op al uw apparaten uitgelogd.",
      "Hebt u hier niet om gevraagd? Dan kunt u deze mail negeren: uw wachtwoord blijft zoals het is.",
    ].join("\n"),
  };
}

const resetRules = (email: string, address: string): ThrottleRule[] => [
  // The attempt past `free` is the last one let through before the block.
  { key: `reset-pair:${email}|${address}`, free: RESET_MAILS_PER_PAIR - 1 },
  { key: `reset-account:${email}`, free: RESET_MAILS_PER_ACCOUNT - 1 },
  { key: `reset-address:${address}`, free: RESET_REQUESTS_PER_ADDRESS, delayOnly: true },
];

/**
 * Handles a request for a reset link; says nothing about whether the address is known. Resolves with
 * how long the answer should be held back (an address that asks very often is slowed down).
 */
export async function requestPasswordReset(db: DB, input: { email: string; address: string; origin: string; now?: Date }): Promise<{ delayMs: number }> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const count = (outcome: string) => countAnonymousRequest(db, { action: RESET_REQUESTS_ACTION, outcome, address: input.address, at: now });
  const claim = await claimAttempt(db, resetRules(email, input.address), now);
  if (!claim.ok) {
    await count("throttled");
    return { delayMs: 0 };
  }
  const user = await db
    .selectFrom("user_account")
    .select(["id", "name", "email"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) {
    // Counted as well: it is worth knowing, and it costs about as long as a known address (one commit),
    // so the answer's timing does not tell which addresses are known.
    await count("unknown");
    return { delayMs: claim.delayMs };
  }
  const token = randomBytes(32).toString("base64url");
  const link = `${input.origin}/wachtwoord-herstellen/${token}`;
  const mail = resetMail(user.name, link);
  await inTransaction(db, async (trx) => {
    // One link at a time: a new request spends the earlier ones.
    await trx.updateTable("password_reset").set({ used_at: now.toISOString() }).where("user_id", "=", user.id).where("used_at", "is", null).execute();
    await trx
      .insertInto("password_reset")
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000).toISOString(),
        used_at: null,
      })
      .execute();
    await queueMail(trx, { recipient: user.email, subject: mail.subject, body: mail.body, at: now });
    await countAnonymousRequest(trx, { action: RESET_REQUESTS_ACTION, outcome: "requested", address: input.address, at: now });
  });
  return { delayMs: claim.delayMs };
}

/** The account a reset link belongs to, if the link is unused, not expired and the account not disabled. */
export async function findPasswordReset(db: DB, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db
    .selectFrom("password_reset")
    .innerJoin("user_account", "user_account.id", "password_reset.user_id")
    .select(["password_reset.id", "password_reset.user_id", "user_account.email", "user_account.name"])
    .where("password_reset.token_hash", "=", hashToken(token))
    .where("password_reset.used_at", "is", null)
    .where("password_reset.expires_at", ">", now.toISOString())
    .where("user_account.disabled_at", "is", null)
    .executeTakeFirst();
}
