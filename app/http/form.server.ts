import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors.ts";
import { isSecretField } from "../forms/secrets.ts";
import { readFormData } from "./http.server.ts";

/**
 * The one way actions read a form: read it safely (readFormData), parse it with the form's zod schema
 * (the same one the browser runs), and answer in one shape: the data, or the errors per field, and in
 * both cases the values as entered, so an invalid form comes back filled.
 */

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

/** Reads the request's form and parses it with the schema. */
export async function readForm<S extends z.ZodType>(request: Request, schema: S, options: { fileFields?: string[] } = {}): Promise<Submission<z.output<S>>> {
  return parseForm(await readFormData(request, options), schema);
}

/** The answer to a form that cannot be taken as it is: its errors and the values to show again. */
export function invalid(errors: FieldErrors, values: EnteredValues, status = 400) {
  return data({ errors, values }, { status });
}
