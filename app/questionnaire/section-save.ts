import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors.ts";
import { sectionAnswersFromForm, sectionFormValues, type AnswerMap, type FormValues } from "./answers.ts";
import { FORM_ERROR, type QuestionnaireDefinition, type QuestionnaireSection } from "./definition.ts";
import { sectionSchema } from "./schema.ts";

/**
 * What of a posted section can be stored as a draft. A field that fails its check never costs the
 * others: every valid field is stored, a failing one keeps what was stored before and returns its
 * message, and the form shows the failing input again so nothing typed is lost.
 * answers is null when there is nothing to store: no valid field differs from what is stored (or not even the
 * stored values pass, a definition that changed under a draft).
 * The stored answers are read only when a field fails.
 */
export async function sectionDraftToSave(
  definition: QuestionnaireDefinition,
  section: QuestionnaireSection,
  values: FormValues,
  readStored: () => Promise<AnswerMap>,
): Promise<{ answers: AnswerMap | null; errors: FieldErrors }> {
  const schema = sectionSchema(definition, section, "draft");
  const parsed = schema.safeParse(values);
  if (parsed.success) return { answers: sectionAnswersFromForm(section, parsed.data), errors: {} };
  const errors = fieldErrorsOf(parsed.error, FORM_ERROR);
  const stored = await readStored();
  const before = sectionFormValues(section, stored);
  const merged: FormValues = { ...values };
  for (const field of Object.keys(errors)) if (field in before) merged[field] = before[field]!;
  const retry = schema.safeParse(merged);
  if (!retry.success) return { answers: null, errors };
  const answers = sectionAnswersFromForm(section, retry.data);
  // Nothing valid that differs from what is stored: there is nothing to save.
  const changed = section.items.some(
    (item) =>
      (answers[item.key]?.value ?? null) !== (stored[item.key]?.value ?? null) || (answers[item.key]?.comment ?? null) !== (stored[item.key]?.comment ?? null),
  );
  return { answers: changed ? answers : null, errors };
}
