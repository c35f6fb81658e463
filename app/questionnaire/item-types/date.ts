import { z } from "zod";
import { isIsoDate } from "../../forms/dates.ts";
import { asFormText, asText, itemBase, messages, type ItemTypeSpec } from "./spec.ts";

/**
 * A calendar date. Entered and shown the Dutch way (dd-mm-jjjj, as people write it; a browser's own
 * date picker would show the browser's format), stored as an ISO date (2027-03-15), exported as a
 * real date. Optional bounds min and max are ISO dates in the definition file.
 */
const isoDate = z.string().refine(isIsoDate, "een datum als 2027-03-15");
export const dateItemSchema = z
  .object({ ...itemBase, type: z.literal("date"), min: isoDate.optional(), max: isoDate.optional(), comment: z.boolean().default(false) })
  .strict();
export type DateItem = z.output<typeof dateItemSchema>;

/** "15-03-2027" (also 15-3-2027, 15/03/2027, 15.03.2027, or an ISO date) -> "2027-03-15", or null. */
export function parseDutchDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, "0")}-${dutch[1]!.padStart(2, "0")}` : null;
  return date && isIsoDate(date) ? date : null;
}

/** "2027-03-15" -> "15-03-2027". */
export const dutchDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);

export const dateType: ItemTypeSpec<DateItem> = {
  schema: dateItemSchema,
  problems: (item) => (item.min !== undefined && item.max !== undefined && item.min > item.max ? ["min ligt na max"] : []),
  options: () => null,
  multiple: false,
  formValue: (_item, value) => (value ? dutchDate(value) : asFormText(value)),
  value: (item) =>
    z.preprocess(
      asText,
      z
        .string(messages.notADate)
        .trim()
        .transform((v, ctx) => {
          if (v === "") return "";
          const date = parseDutchDate(v);
          if (!date) ctx.addIssue({ code: "custom", message: messages.notADate });
          else if (item.min !== undefined && date < item.min) ctx.addIssue({ code: "custom", message: messages.dateTooEarly(dutchDate(item.min)) });
          else if (item.max !== undefined && date > item.max) ctx.addIssue({ code: "custom", message: messages.dateTooLate(dutchDate(item.max)) });
          return date ?? v;
        }),
    ) as z.ZodType<string>,
  display: (_item, value) => dutchDate(value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "date" }],
  exportCells: (_item, value) => [value],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.min ?? `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`, comment: null }),
  bench: (item) => item.min ?? "2026-01-15",
};
