/** A calendar date written as YYYY-MM-DD that exists (no 2027-02-30, no month 13). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

// Dates are entered the Dutch way, dd-mm-jjjj, in a text field: a browser's own date picker shows the
// browser's format (mm/dd/yyyy in an English browser), which a Dutch user misreads. They are stored as
// ISO dates. The same rules serve every date field: the forms here and the questionnaire's date items.

/** "15-03-2027" (also 15-3-2027, 15/03/2027, 15.03.2027, or an ISO date) -> "2027-03-15", or null. */
export function parseDutchDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, "0")}-${dutch[1]!.padStart(2, "0")}` : null;
  return date && isIsoDate(date) ? date : null;
}

const NOT_A_DATE = "Vul een datum in als dag-maand-jaar, bijvoorbeeld 15-03-2027.";
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/**
 * Why a typed date is not one, in words: a date written the right way that does not exist says so
 * ("31-02-2027 bestaat niet: februari 2027 heeft 28 dagen."), anything else asks for dag-maand-jaar.
 */
export function dateProblem(text: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? null;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [day, month, year] = dutch
    ? [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])]
    : parts
      ? [Number(parts[3]), Number(parts[2]), Number(parts[1])]
      : [];
  if (day === undefined || month === undefined || year === undefined) return NOT_A_DATE;
  if (month < 1 || month > 12) return `${text} bestaat niet: een maand is 1 tot en met 12.`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${text} bestaat niet: ${MONTHS[month - 1]} ${year} heeft ${days} dagen.`;
  return NOT_A_DATE;
}

/** "2027-03-15" -> "15-03-2027"; anything else (what a user typed) as it is. */
export const dutchDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);

export const DATE_FORMAT_HINT = "dd-mm-jjjj";
