// Dates as the users read them: Dutch, Amsterdam time (fixed, so server and browser render alike).
const dateTime = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" });
const date = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
const time = new Intl.DateTimeFormat("nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" });

// One formatter each, made once: toLocaleString and localeCompare with a locale build a new one per call,
// which on a results page with hundreds of figures cost more than the rest of the page.
const wholeNumber = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const dutchOrder = new Intl.Collator("nl");

// en-CA writes a date as YYYY-MM-DD, the form the database stores days in.
const isoDay = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Amsterdam" });

let lastDay = { minute: Number.NaN, day: "" };

/**
 * The day (YYYY-MM-DD) in the Netherlands at this moment: what "today" means for rounds, due dates and deadlines.
 * Every questionnaire request asks it; the answer is kept for the minute it was asked in (a day in the Netherlands
 * begins on a whole minute, so the kept answer is exact) instead of asking the time-zone rules each time.
 */
export function dayOf(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: isoDay.format(now) };
  return lastDay.day;
}

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));
export const formatTime = (iso: string) => time.format(new Date(iso));

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "1 van 6 teams heeft", "2 van 6 teams hebben", "0 van 1 team": the noun agrees with the total, the verb
 * (when given, singular and plural) with the part.
 */
export function countOf(part: number, total: number, one: string, many: string, verb?: [string, string]): string {
  return `${part} van ${plural(total, one, many)}${verb ? ` ${part === 1 ? verb[0] : verb[1]}` : ""}`;
}

/** A score on 0–100 as a whole number; no score is a dash. */
export function formatScore(value: number | null): string {
  return value == null ? "–" : wholeNumber.format(value);
}

/** Compares two names in Dutch alphabetical order. */
export const compareDutch = (a: string, b: string) => dutchOrder.compare(a, b);
