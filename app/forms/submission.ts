import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "./field-errors.ts";
import { isSecretField } from "./secrets.ts";

// A read form parsed with its zod schema, in one shape for every action and use case: the data, or the
// errors per field, and in both cases the values as entered, so an invalid form comes back filled.

/** The text fields of a form as entered, to fill the form again. */
export type EnteredValues = Record<string, string>;

export type Submission<T> =
  { ok: true; data: T; values: EnteredValues; form: FormData } | { ok: false; errors: FieldErrors; values: EnteredValues; form: FormData };

/** The longest text kept for filling a form again (no field of the product's forms is longer). */
const MAX_VALUE_LENGTH = 25_000;

/** The text fields of a form as entered (the first value of each name). */
function textFields(form: FormData): EnteredValues {
  const values: EnteredValues = {};
  for (const [name, value] of form) if (typeof value === "string" && !(name in values)) values[name] = value.slice(0, MAX_VALUE_LENGTH);
  return values;
}

/** What goes back to the page to fill the form again: what was entered, but never a password. */
export function enteredValues(form: FormData): EnteredValues {
  return Object.fromEntries(Object.entries(textFields(form)).filter(([name]) => !isSecretField(name)));
}

/** Parses an already read form with a schema. */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): Submission<z.output<S>> {
  const parsed = schema.safeParse(textFields(form));
  const values = enteredValues(form);
  return parsed.success ? { ok: true, data: parsed.data, values, form } : { ok: false, errors: fieldErrorsOf(parsed.error), values, form };
}
