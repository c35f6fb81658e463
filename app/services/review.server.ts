import type { DB } from "../../db/client.ts";
import { reopenResponse, reviewResponse } from "../models/response.server.ts";
import { notifyReviewed } from "./notifications.server.ts";

// The gemeente's review of its teams' scans (accept, return with a comment, reopen an accepted one with
// a reason) and programma's reopening of a round-table record; the team hears of each in the same
// transaction.

export async function reviewScan(
  db: DB,
  input: { responseId: number; expectedRevision: number; userId: number; decision: "accept" | "return"; comment: string | null; origin: string; now?: Date },
) {
  return reviewResponse(db, {
    ...input,
    alsoWrite: (trx) =>
      notifyReviewed(trx, { responseId: input.responseId, decision: input.decision, comment: input.comment, origin: input.origin, now: input.now }),
  });
}

export async function reopenSubmitted(
  db: DB,
  input: { responseId: number; expectedRevision: number; userId: number; reason: string; origin: string; now?: Date },
) {
  return reopenResponse(db, {
    ...input,
    alsoWrite: (trx) => notifyReviewed(trx, { responseId: input.responseId, decision: "reopen", comment: input.reason, origin: input.origin, now: input.now }),
  });
}
