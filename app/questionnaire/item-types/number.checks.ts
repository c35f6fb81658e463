import { z } from "../../forms/zod.ts";
import { asText, messages } from "./spec.ts";
import { itemBase, type ItemTypeChecks } from "./spec.checks.ts";
import { asNumber, numberPattern } from "./number.ts";

export const numberItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    unit: z.string().optional(),
  })
  .strict();
export type NumberItem = z.output<typeof numberItemSchema>;

export const numberChecks: ItemTypeChecks<NumberItem> = {
  value: (item) =>
    z.preprocess(
      asText,
      z
        .string(messages.notANumber)
        .trim()
        .superRefine((v, ctx) => {
          if (v === "") return;
          if (!numberPattern.test(v)) return void ctx.addIssue({ code: "custom", message: messages.notANumber });
          const n = asNumber(v);
          if (item.integer && !Number.isInteger(n)) ctx.addIssue({ code: "custom", message: messages.notAnInteger });
          else if (item.min !== undefined && n < item.min) ctx.addIssue({ code: "custom", message: messages.tooLow(item.min) });
          else if (item.max !== undefined && n > item.max) ctx.addIssue({ code: "custom", message: messages.tooHigh(item.max) });
        }),
    ) as z.ZodType<string>,
};
