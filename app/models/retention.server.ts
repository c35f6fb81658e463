import type { DB } from "../../db/client.ts";
import { removeOldLinks } from "./outbox.server.ts";
import { removeClosedRoundAddresses } from "./professional-views.server.ts";
import { INVITATION_DAYS } from "../forms/accounts.ts";

// What the privacy statement says is kept only for a while, removed when its time is up. Run daily by
// the server (the first process) and by `npm run db:cleanup`; each period is configurable
// (RETENTION_* in app/server/config.server.ts) and the privacy statement shows the periods in force.

export interface RetentionPeriods {
  /** An ended session's row (its token hash, the account, when it was used last). */
  sessionDays: number;
  /** Input kept after a session expired mid-form, for the user to restore after logging in again. */
  keptInputDays: number;
  /** A mail in the outbox (address and text), once sent, failed or held. A credential link in it is gone once it is sent, failed or held, and after 7 days in any case. */
  outboxDays: number;
  /** A login-throttle row (an email address or an IP address with its failures), after its last failure, once not blocked. */
  throttleHours: number;
  /** The IP address in the audit log; who did what stays. */
  auditAddressDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = { sessionDays: 7, keptInputDays: 7, outboxDays: 30, throttleHours: 24, auditAddressDays: 90 };

export interface CleanupResult {
  sessions: number;
  keptInput: number;
  outbox: number;
  /** Mails whose credential link was taken out (mail still unsent after the longest a link lives). */
  outboxLinks: number;
  /** Professionals' addresses (and unfinished drafts) of requests whose round or request has closed. */
  professionalAddresses: number;
  throttle: number;
  auditAddresses: number;
}

const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();
const DAY = 86_400_000;

export async function cleanUp(db: DB, periods: RetentionPeriods = DEFAULT_RETENTION, now = new Date()): Promise<CleanupResult> {
  const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint } | undefined) => Number(result?.numDeletedRows ?? result?.numUpdatedRows ?? 0);
  const sessions = await db
    .deleteFrom("session")
    .where("expires_at", "<", before(now, periods.sessionDays * DAY))
    .executeTakeFirst();
  // The steps of a sign-in live minutes (the second step, the way to an organisation's provider, a passkey
  // ceremony); those nobody finished go with the old sessions.
  let loginChallenges = 0;
  for (const table of ["login_challenge", "oidc_login", "webauthn_challenge"] as const) {
    loginChallenges += count(await db.deleteFrom(table).where("expires_at", "<", now.toISOString()).executeTakeFirst());
  }
  const keptInput = await db
    .deleteFrom("pending_save")
    .where("created_at", "<", before(now, periods.keptInputDays * DAY))
    .executeTakeFirst();
  const outbox = await db
    .deleteFrom("outbox")
    .where((eb) => eb.or([eb("sent_at", "is not", null), eb("error", "is not", null), eb("held", "is not", null)]))
    .where("created_at", "<", before(now, periods.outboxDays * DAY))
    .executeTakeFirst();
  const outboxLinks = await removeOldLinks(db, before(now, INVITATION_DAYS * DAY));
  const professionalAddresses = await removeClosedRoundAddresses(db, now);
  const throttle = await db
    .deleteFrom("login_throttle")
    .where("last_failure_at", "<", before(now, periods.throttleHours * 3_600_000))
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<", now.toISOString())]))
    .executeTakeFirst();
  const auditAddresses = await db
    .updateTable("audit_log")
    .set({ address: null })
    .where("address", "is not", null)
    .where("at", "<", before(now, periods.auditAddressDays * DAY))
    .executeTakeFirst();
  return {
    sessions: count(sessions) + loginChallenges,
    keptInput: count(keptInput),
    outbox: count(outbox),
    outboxLinks,
    professionalAddresses,
    throttle: count(throttle),
    auditAddresses: count(auditAddresses),
  };
}
