import type { z } from "zod";

/** Field name -> first message: the shape every form, its error summary and the routes use. */
export type FieldErrors = Record<string, string>;

/** Where a message about the form as a whole goes (not one of its fields). */
export const FORM_LEVEL = "form";

/** Fields the user never sees or types (the revision a form was based on, the button pressed): a message about them is about the form. */
const HIDDEN_FIELDS = new Set(["revision", "intent"]);

export const UNKNOWN_FIELDS_MESSAGE = "Het formulier bevat velden die hier niet horen. Er is niets opgeslagen.";

/** The first message per field of a zod error; messages about hidden fields or unknown fields go to the form. */
export function fieldErrorsOf(error: z.ZodError, formKey: string = FORM_LEVEL): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      errors[formKey] ??= UNKNOWN_FIELDS_MESSAGE;
      continue;
    }
    const field = issue.path.length ? String(issue.path[0]) : formKey;
    errors[HIDDEN_FIELDS.has(field) ? formKey : field] ??= issue.message;
  }
  return errors;
}
