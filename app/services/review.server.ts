import type { DB } from "../../db/client.ts";
import { reopenChange, reviewChange } from "../domain/policy.ts";
import type { CurrentUser } from "../domain/user.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { reopenSchema, reviewNotesOf, reviewSchema } from "../forms/review.ts";
import { parseForm, type EnteredValues } from "../forms/submission.ts";
import { getDefinition, reopenResponse, reviewResponse, type ResponseDetail } from "../models/response.server.ts";
import { allItems } from "../questionnaire/definition.ts";
import { notifyReviewed } from "./notifications.server.ts";

// The gemeente's review of its teams' scans (accept, return with a comment and remarks per question,
// reopen an accepted one with a reason) and programma's reopening of a round-table record; the team
// hears of each in the same transaction.

export async function reviewScan(db: DB, input: Omit<Parameters<typeof reviewResponse>[1], "alsoWrite"> & { origin: string }) {
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

export type ReviewPostOutcome =
  | { kind: "done"; to: string }
  /** Accepting asks once more ("confirm"); "Nee, terug" goes back to the review with what was typed ("back"). */
  | { kind: "confirm" | "back"; values: EnteredValues }
  | { kind: "invalid"; errors: FieldErrors; values: EnteredValues; status: 400 | 409 }
  | { kind: "forbidden"; message: string };

/**
 * A post on a questionnaire's overview: a review (accept or return, it carries a decision) or a reopening
 * (a reason). Accepting is final for the team, so the page asks once more and only "ja" accepts; the
 * remarks per question travel with that confirmation.
 */
export async function handleReviewPost(
  db: DB,
  input: { user: CurrentUser; response: ResponseDetail; form: FormData; origin: string },
): Promise<ReviewPostOutcome> {
  const { user, response, form, origin } = input;
  const reopening = !form.has("decision");
  const change = reopening ? reopenChange(user, response) : reviewChange(user, response);
  // Someone who may not review at all is refused outright; a review that came too late is told why.
  if (!change.allowed && change.status === 403) return { kind: "forbidden", message: change.reason };
  const refused = change.allowed ? null : change.reason;
  if (reopening) {
    const submission = parseForm(form, reopenSchema);
    if (!submission.ok) return { kind: "invalid", errors: submission.errors, values: submission.values, status: 400 };
    if (refused) return { kind: "invalid", errors: { form: refused }, values: submission.values, status: 409 };
    const result = await reopenSubmitted(db, {
      responseId: response.id,
      expectedRevision: submission.data.revision,
      userId: user.id,
      reason: submission.data.reason,
      origin,
    });
    if (!result.ok) return { kind: "invalid", errors: { form: result.message }, values: submission.values, status: 409 };
    return { kind: "done", to: `/vragenlijsten/${response.id}?heropend=1` };
  }
  const submission = parseForm(form, reviewSchema);
  const definition = await getDefinition(db, response.questionnaire_version_id);
  const { notes, errors } = reviewNotesOf(form, new Set(allItems(definition).map((item) => item.key)));
  if (!submission.ok || Object.keys(errors).length) {
    return { kind: "invalid", errors: { ...errors, ...(submission.ok ? {} : submission.errors) }, values: submission.values, status: 400 };
  }
  if (refused) return { kind: "invalid", errors: { form: refused }, values: submission.values, status: 409 };
  const { revision, decision, comment, confirm } = submission.data;
  if (decision === "accept" && confirm === "nee") return { kind: "back", values: submission.values };
  if (decision === "accept" && confirm !== "ja") return { kind: "confirm", values: submission.values };
  const result = await reviewScan(db, {
    responseId: response.id,
    expectedRevision: revision,
    userId: user.id,
    decision,
    comment: comment || null,
    notes,
    origin,
  });
  if (!result.ok) return { kind: "invalid", errors: { form: result.message }, values: submission.values, status: 409 };
  return { kind: "done", to: `/vragenlijsten/${response.id}?beoordeeld=${decision === "accept" ? "geaccepteerd" : "teruggestuurd"}` };
}
