import { z } from "./zod.ts";
import { revisionField, longText } from "./fields.ts";
import { COMMENT_MAX, NOTE_PREFIX } from "../domain/review.ts";

const tooLong = `Gebruik hoogstens ${COMMENT_MAX} tekens.`;

/** The gemeente's review of a submitted team scan: accept, or return with a comment for the team. */
export const reviewSchema = z
  .object({
    revision: revisionField,
    decision: z.enum(["accept", "return"], "Kies accepteren of terugsturen."),
    comment: longText(z.string().trim().max(COMMENT_MAX, tooLong)).default(""),
    /** Accepting is final for the team, so it asks once more: "ja" is the answer to that question. */
    confirm: z.string().default(""),
  })
  .refine((v) => v.decision !== "return" || v.comment !== "", { path: ["comment"], message: "Schrijf een opmerking voor het team: wat moet er anders?" });

/** Reopening (a round-table record by programma, an accepted scan by its gemeente): a reason is required. */
export const reopenSchema = z.object({
  revision: revisionField,
  reason: longText(z.string("Geef een reden op voor het heropenen.").trim().min(1, "Geef een reden op voor het heropenen.").max(COMMENT_MAX, tooLong)),
});

const noteSchema = longText(z.string().trim().max(COMMENT_MAX, tooLong));

/**
 * The remarks per question in a posted review: only questions of the questionnaire (another key refuses
 * the form), empty ones left out; errors are keyed by their field.
 */
export function reviewNotesOf(
  form: FormData,
  itemKeys: ReadonlySet<string>,
): { notes: { itemKey: string; comment: string }[]; errors: Record<string, string> } {
  const notes: { itemKey: string; comment: string }[] = [];
  const errors: Record<string, string> = {};
  for (const [name, value] of form) {
    if (!name.startsWith(NOTE_PREFIX)) continue;
    const itemKey = name.slice(NOTE_PREFIX.length);
    if (!itemKeys.has(itemKey) || typeof value !== "string" || notes.some((n) => n.itemKey === itemKey)) {
      errors.form = "Het formulier bevat velden die hier niet horen. Er is niets opgeslagen.";
      continue;
    }
    const parsed = noteSchema.safeParse(value);
    if (!parsed.success) errors[name] = parsed.error.issues[0]?.message ?? tooLong;
    else if (parsed.data !== "") notes.push({ itemKey, comment: parsed.data });
  }
  return { notes, errors };
}
