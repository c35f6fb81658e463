import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client.ts";
import { audit } from "./audit.server.ts";
import { claimAttempt } from "./login-throttle.server.ts";
import { RESET_VALID_MINUTES } from "../forms/account.ts";

// "Wachtwoord vergeten": a single-use link, valid for an hour, mailed through the outbox to a known
// account that is not disabled. Whether the address is known is never told: the page answers the
// same either way, and requests are throttled per account and per address (silently: past the
// limit no mail is sent, and the answer stays the same).

export { RESET_VALID_MINUTES };
/** Mails to one account in a row; further requests wait (30 s, doubling) before one is sent again. */
export const RESET_MAILS_PER_ACCOUNT = 3;
/** Requests from one address in a row (guessing which addresses exist, or mail to many). */
export const RESET_REQUESTS_PER_ADDRESS = 10;

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

/** Handles a request for a reset link; says nothing about whether the address is known. */
export async function requestPasswordReset(db: DB, input: { email: string; address: string; origin: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const claim = await claimAttempt(
    db,
    [
      // The attempt past `free` is the last one let through before the block.
      { key: `reset-account:${email}`, free: RESET_MAILS_PER_ACCOUNT - 1 },
      { key: `reset-address:${input.address}`, free: RESET_REQUESTS_PER_ADDRESS - 1 },
    ],
    now,
  );
  if (!claim.ok) {
    await audit(db, { actorId: null, actorLabel: email, action: "password.reset_throttled", entity: "user_account", address: input.address, at: now });
    return;
  }
  const user = await db
    .selectFrom("user_account")
    .select(["id", "name", "email"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) {
    // Logged as well: it is worth knowing, and it costs about as long as a known address (one commit),
    // so the answer's timing does not tell which addresses are known.
    await db
      .transaction()
      .execute((trx) =>
        audit(trx, { actorId: null, actorLabel: email, action: "password.reset_unknown", entity: "user_account", address: input.address, at: now }),
      );
    return;
  }
  const token = randomBytes(32).toString("base64url");
  const link = `${input.origin}/wachtwoord-herstellen/${token}`;
  const mail = resetMail(user.name, link);
  await db.transaction().execute(async (trx) => {
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
    await trx
      .insertInto("outbox")
      .values({ recipient: user.email, subject: mail.subject, body: mail.body, created_at: now.toISOString(), sent_at: null, error: null })
      .execute();
    await audit(trx, {
      actorId: null,
      actorLabel: email,
      action: "password.reset_requested",
      entity: "user_account",
      entityId: user.id,
      address: input.address,
      at: now,
    });
  });
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

/**
 * Uses a reset link: spends it, sets the new password and ends every session of the account, in one
 * transaction (a second use of the same link fails).
 */
export async function completePasswordReset(
  db: DB,
  input: { resetId: number; userId: number; passwordHash: string; address?: string; now?: Date },
): Promise<boolean> {
  const now = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("password_reset")
      .set({ used_at: now })
      .where("id", "=", input.resetId)
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!spent) return false;
    await trx.updateTable("user_account").set({ password_hash: input.passwordHash }).where("id", "=", input.userId).execute();
    await trx.deleteFrom("session").where("user_id", "=", input.userId).execute();
    // An open invitation would be a second way in with the old state: spend it too.
    await trx.updateTable("invitation").set({ used_at: now }).where("user_id", "=", input.userId).where("used_at", "is", null).execute();
    await audit(trx, { actorId: input.userId, action: "password.reset", entity: "user_account", entityId: input.userId, address: input.address ?? null });
    return true;
  });
}
