import { z } from "../../forms/zod.ts";
import { dateProblem, dutchDate, isIsoDate, parseDutchDate } from "../../forms/dates.ts";
import { asText, messages } from "./spec.ts";
import { itemBase, type ItemTypeChecks } from "./spec.checks.ts";

const isoDate = z.string().refine(isIsoDate, "een datum als 2027-03-15");
export const dateItemSchema = z
  .object({ ...itemBase, type: z.literal("date"), min: isoDate.optional(), max: isoDate.optional(), comment: z.boolean().default(false) })
  .strict();
export type DateItem = z.output<typeof dateItemSchema>;

export const dateChecks: ItemTypeChecks<DateItem> = {
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
};
