import { z } from "../forms/zod.ts";
import type { DB } from "../../db/client.ts";
import { planChange, type PlanChange } from "../domain/policy.ts";
import type { PhaseKey } from "../domain/phases.ts";
import type { CurrentUser } from "../domain/user.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { actionSchema, progressSchema } from "../forms/plan.ts";
import { parseForm, type EnteredValues } from "../forms/submission.ts";
import { idField } from "../forms/fields.ts";
import { addAction, adoptPlan, correctAction, NOT_IN_PLAN, removeAction, updateActionProgress } from "../models/plan.server.ts";

// What the gemeente does on its improvement plan's page, between the route's guard and its answer: add,
// correct and remove actions, adopt the plan (after a confirmation), keep progress. Each write checks the
// policy for the region's phase and whether the plan was adopted.

const INTENTS = ["add", "correct", "remove", "adopt", "progress"] as const;
type Intent = (typeof INTENTS)[number];
const CHANGE_OF: Record<Intent, PlanChange> = {
  add: "add-action",
  correct: "correct-action",
  remove: "remove-action",
  adopt: "adopt",
  progress: "progress",
};
const NOTICE_OF: Record<Intent, string> = { add: "toegevoegd", correct: "gecorrigeerd", remove: "verwijderd", adopt: "vastgesteld", progress: "bijgewerkt" };

const intentSchema = z.object({ intent: z.enum(INTENTS, "Onbekende handeling: er is niets gewijzigd.") });
const chosenActionSchema = z.object({ action: idField("Onbekende actie."), confirm: z.string().default("") });

interface PlanState {
  round: { id: number } | null;
  phase: PhaseKey;
  themes: { key: string }[];
  plan: { adopted_at: string | null; actions: { id: number; title: string; due_on: string }[] } | null;
}

export type PlanPostOutcome =
  | { kind: "done"; notice: string }
  | { kind: "failed"; intent: string; errors: FieldErrors; values: EnteredValues; status: 400 | 404 | 409 }
  /** Adopting and removing ask once more; the page shows the question with "Ja" and "Nee". */
  | { kind: "confirm"; intent: "adopt" | "remove"; action: { id: number; title: string } | null; values: EnteredValues }
  /** Someone who may not change this plan at all. */
  | { kind: "forbidden"; message: string };

export async function handlePlanPost(
  db: DB,
  input: { user: CurrentUser; municipalityId: number; state: PlanState; form: FormData; today: string },
): Promise<PlanPostOutcome> {
  const { user, municipalityId, state, form, today } = input;
  const chosen = parseForm(form, intentSchema);
  const values = chosen.values;
  const fail = (errors: FieldErrors, status: 400 | 404 | 409 = 400): PlanPostOutcome => ({
    kind: "failed",
    intent: values.intent ?? "",
    errors,
    values,
    status,
  });
  if (!chosen.ok) return fail({ form: "Onbekende handeling: er is niets gewijzigd." });
  const { intent } = chosen.data;
  const decision = planChange(user, municipalityId, CHANGE_OF[intent], { phase: state.phase, adopted: Boolean(state.plan?.adopted_at) });
  if (!decision.allowed) return decision.status === 403 ? { kind: "forbidden", message: decision.reason } : fail({ form: decision.reason }, 409);
  const round = state.round;
  if (!round) return fail({ form: "Er is geen zelfscanronde." }, 409);
  const themes = state.themes.map((t) => t.key);
  const scope = { municipalityId, roundId: round.id, userId: user.id };
  const done = (): PlanPostOutcome => ({ kind: "done", notice: NOTICE_OF[intent] });

  switch (intent) {
    case "add":
    case "correct": {
      const chosenAction = intent === "correct" ? parseForm(form, chosenActionSchema) : null;
      if (chosenAction && !chosenAction.ok) return fail({ form: "Onbekende actie: er is niets gewijzigd." }, 404);
      const existing = chosenAction?.ok ? state.plan?.actions.find((a) => a.id === chosenAction.data.action) : undefined;
      if (chosenAction && !existing) return fail({ form: NOT_IN_PLAN }, 404);
      const submission = parseForm(form, actionSchema(themes, { today, keepDue: existing?.due_on }));
      if (!submission.ok) return fail(submission.errors);
      const a = submission.data;
      const action = {
        theme: a.theme,
        pointId: a.point,
        title: a.title,
        ownerTeamId: a.ownerTeam,
        ownerName: a.ownerName || null,
        due: a.due,
        status: a.status,
      };
      const result = existing ? await correctAction(db, { ...scope, actionId: existing.id, action }) : await addAction(db, { ...scope, action });
      return result.ok ? done() : fail(result.errors);
    }
    case "remove": {
      const chosenAction = parseForm(form, chosenActionSchema);
      const existing = chosenAction.ok ? state.plan?.actions.find((a) => a.id === chosenAction.data.action) : undefined;
      if (!chosenAction.ok || !existing) return fail({ form: NOT_IN_PLAN }, 404);
      if (chosenAction.data.confirm !== "ja") return { kind: "confirm", intent, action: { id: existing.id, title: existing.title }, values };
      const result = await removeAction(db, { ...scope, actionId: existing.id });
      return result.ok ? done() : fail({ form: result.message }, 409);
    }
    case "adopt": {
      // Nothing to adopt is said at once, not after a question.
      if (!state.plan?.actions.length) return fail({ form: "Voeg eerst ten minste één actie toe." });
      if (form.get("confirm") !== "ja") return { kind: "confirm", intent, action: null, values };
      const result = await adoptPlan(db, scope);
      return result.ok ? done() : fail({ form: result.message }, 409);
    }
    case "progress": {
      const submission = parseForm(form, progressSchema);
      if (!submission.ok) return fail(submission.errors);
      const result = await updateActionProgress(db, {
        ...scope,
        actionId: submission.data.action,
        status: submission.data.status,
        note: submission.data.note || null,
      });
      return result.ok ? done() : fail({ form: result.message }, 404);
    }
  }
}
