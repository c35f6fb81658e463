import { z } from "zod";
import { longText } from "../domain/text.ts";
import { revisionField } from "./fields.ts";

export const COMMENT_MAX = 2000;
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
