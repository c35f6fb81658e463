// Text that people type is stored, shown and exported (CSV, Excel). Control characters (NUL and the
// other C0 characters, and DEL) have no place in it: they break exports and other programs, and hide
// text. They are refused at validation with a message, so the form comes back filled. Long texts keep
// tab and line breaks (a browser sends a line break as CR LF); a single-line field keeps none.

const CONTROL_IN_LONG_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE =
  "Deze tekst bevat een onzichtbaar stuurteken (dat komt soms mee als u tekst kopieert). Haal het weg of typ de tekst opnieuw.";

export function hasControlCharacter(value: string, kind: "line" | "long"): boolean {
  return (kind === "line" ? CONTROL_IN_LINE : CONTROL_IN_LONG_TEXT).test(value);
}

/**
 * Text no database can store: U+0000 (PostgreSQL refuses it in text; SQLite cuts at it) and a lone
 * surrogate (no UTF-8 encoding exists for it). Any request that carries one, in its address or a form
 * field, is refused with 400 before a route runs (app/server/middleware.ts, app/http/http.server.ts),
 * the same on both databases; a form field is not silently cleaned, since what was typed is not what
 * would be stored.
 */
export function isUnstorableText(value: string): boolean {
  return value.includes("\u0000") || !value.isWellFormed();
}
