import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";
import { isRoundOpen } from "../domain/cycles.ts";
import { dayOf, formatDate } from "../domain/format.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import {
  auditReminder,
  missingScans,
  remindMissingScans,
  type MissingScan,
  type ReminderOutcome,
  type ReminderScope,
} from "../models/zelfscan-reminders.server.ts";

// The reminder page of a gemeente (its teams) and a regio (its gemeenten and teams): who has not submitted
// the zelfscan of the round their region works on, named before anything is sent; then the reminder.

export interface ReminderPage {
  round: { id: number; name: string; closes_on: string } | null;
  /** Why nothing can be sent now (no round, or it is closed), in words. */
  refusal: string | null;
  missing: MissingScan[];
  today: string;
}

async function openRoundOf(db: DB, regionId: number, now: Date) {
  const round = await regionCycleRound(db, regionId, now);
  const today = dayOf(now);
  if (!round) return { round: null, refusal: "Er is geen zelfscanronde om aan te herinneren.", today };
  if (!isRoundOpen(round, today))
    return {
      round,
      refusal:
        round.opens_on > today
          ? `${round.name} opent pas op ${formatDate(round.opens_on)}.`
          : `${round.name} is gesloten sinds ${formatDate(round.closes_on)}; herinneren heeft geen zin meer.`,
      today,
    };
  return { round, refusal: null, today };
}

/** What the reminder page shows: the round, and who has not submitted (with whether they can be reminded today). */
export async function reminderPage(db: DB, scope: ReminderScope, regionId: number, now = new Date()): Promise<ReminderPage> {
  const { round, refusal, today } = await openRoundOf(db, regionId, now);
  return {
    round: round && { id: round.id, name: round.name, closes_on: round.closes_on },
    refusal,
    missing: round && !refusal ? await missingScans(db, round, scope) : [],
    today,
  };
}

export type ReminderResult = { ok: true; outcome: ReminderOutcome } | { ok: false; message: string };

/**
 * Sends the reminders and records who sent them: `from` is how the reminder names the sender, `scopeName`
 * the gemeente or regio the audit log names with how many were reminded.
 */
export async function sendZelfscanReminders(
  db: DB,
  input: { userId: number; scope: ReminderScope; scopeName: string; from: string; regionId: number; origin: string; now?: Date },
): Promise<ReminderResult> {
  const now = input.now ?? new Date();
  const { round, refusal } = await openRoundOf(db, input.regionId, now);
  if (!round || refusal) return { ok: false, message: refusal ?? "Er is geen zelfscanronde om aan te herinneren." };
  const outcome = await inTransaction(db, async (trx) => {
    const result = await remindMissingScans(trx, {
      round,
      scope: input.scope,
      sender: { userId: input.userId, from: input.from },
      origin: input.origin,
      now,
    });
    if (result.told > 0)
      await auditReminder(trx, { userId: input.userId, roundId: round.id, scope: input.scope, scopeName: input.scopeName, told: result.told, now });
    return result;
  });
  return { ok: true, outcome };
}
