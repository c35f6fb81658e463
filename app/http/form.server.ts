import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FieldErrors } from "../forms/field-errors.ts";
import { parseForm, type EnteredValues, type Submission } from "../forms/submission.ts";
import { readFormData } from "./http.server.ts";

/**
 * The one way actions read a form: read it safely (readFormData), parse it with the form's zod schema
 * (forms/submission.ts: the same one the browser runs), and answer in one shape: the data, or the errors
 * per field, and in both cases the values as entered, so an invalid form comes back filled.
 */

/** Reads the request's form and parses it with the schema. */
export async function readForm<S extends z.ZodType>(request: Request, schema: S, options: { fileFields?: string[] } = {}): Promise<Submission<z.output<S>>> {
  return parseForm(await readFormData(request, options), schema);
}

/** The answer to a form that cannot be taken as it is: its errors and the values to show again. */
export function invalid(errors: FieldErrors, values: EnteredValues, status = 400) {
  return data({ errors, values }, { status });
}
