import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../db/client.ts";
import type { Database } from "../../db/schema.ts";

// The outbox's rows: what is to be sent, and the claim that makes one sender send each message.

/** A claim older than this belongs to a sender that died before it sent: another may take the message. */
const CLAIM_EXPIRES_MS = 10 * 60_000;

const unclaimed = (stale: string) => (eb: ExpressionBuilder<Database, "outbox">) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", stale)]);

/** Unsent messages nobody is sending now, oldest first. */
export async function unsentMail(db: DB, now: Date, limit = 50) {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS).toISOString();
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .where("error", "is", null)
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
    .where(unclaimed(stale))
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

export async function markMailSent(db: DB, id: number, now: Date) {
  await db.updateTable("outbox").set({ sent_at: now.toISOString() }).where("id", "=", id).execute();
}

export async function markMailFailed(db: DB, id: number, error: unknown) {
  await db
    .updateTable("outbox")
    .set({ error: error instanceof Error ? error.message.slice(0, 500) : "onbekende fout" })
    .where("id", "=", id)
    .execute();
}
