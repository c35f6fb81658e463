import { z } from "zod";
import { dateProblem, dutchDate, isIsoDate, parseDutchDate } from "../../forms/dates.ts";
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

export const dateType: ItemTypeSpec<DateItem> = {
  label: "datum",
  codebookValues: () => "",
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
          if (!date) ctx.addIssue({ code: "custom", message: dateProblem(v) });
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
