// The review's form fields as the pages and the checks (app/forms/review.ts) both know them.

/** The longest comment or remark a review, a return or a reopening takes. */
export const COMMENT_MAX = 2000;

/** The field of a remark about one question: `opmerking.G4`. */
export const NOTE_PREFIX = "opmerking.";
export const noteField = (itemKey: string) => `${NOTE_PREFIX}${itemKey}`;
