import { z } from "./zod.ts";
import { dateProblem, parseDutchDate } from "./dates.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../domain/text.ts";

// Field schemas the forms share.

/**
 * The revision a form was based on (hidden in the form). The write compares it with the stored one
 * in the same transaction, so a save based on an older state is refused instead of overwriting.
 */
export const REVISION_MISSING = "Het formulier mist gegevens. Laad de pagina opnieuw en probeer het nog eens.";
export const revisionField = z
  .string(REVISION_MISSING)
  .regex(/^\d{1,9}$/, REVISION_MISSING)
  .transform(Number);

/** The id of a record the form names (hidden, or chosen from a list). */
export const idField = (message: string) =>
  z
    .string(message)
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number);

/** An id chosen from a list where "none" is allowed: the empty choice is null. */
export const optionalIdField = (message: string) =>
  z
    .string()
    .regex(/^([1-9]\d{0,9})?$/, message)
    .default("")
    .transform((v) => (v === "" ? null : Number(v)));

/** A one-line text (names, titles): no control characters at all (app/domain/text.ts says why). */
export const lineText = (schema: z.ZodString = z.string()) => schema.refine((v) => !hasControlCharacter(v, "line"), CONTROL_CHARACTER_MESSAGE);

/** A long text (toelichting, notes, summaries): tab and line breaks allowed, other control characters not. */
export const longText = (schema: z.ZodString = z.string()) => schema.refine((v) => !hasControlCharacter(v, "long"), CONTROL_CHARACTER_MESSAGE);

/** A required date field: dd-mm-jjjj (or ISO) in, an ISO date out. */
export const dateField = (missing: string) =>
  z
    .string(missing)
    .trim()
    .min(1, missing)
    .transform((value, ctx) => {
      const date = parseDutchDate(value);
      if (!date) ctx.addIssue({ code: "custom", message: dateProblem(value) });
      return date ?? value;
    });
