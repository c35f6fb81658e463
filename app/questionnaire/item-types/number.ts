import { z } from "zod";
import { asText, itemBase, messages, asFormText, type ItemTypeSpec } from "./spec.ts";

/** A number, whole by default, with optional bounds and unit ("fte"). A comma is accepted as decimal sign. */
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

const numberPattern = /^-?\d+([.,]\d+)?$/;
const asNumber = (value: string) => Number(value.replace(",", "."));

export const numberType: ItemTypeSpec<NumberItem> = {
  label: "getal",
  codebookValues: (item) =>
    [item.min !== undefined ? `vanaf ${item.min}` : "", item.max !== undefined ? `tot en met ${item.max}` : "", item.unit ?? ""].filter(Boolean).join(", "),
  schema: numberItemSchema,
  problems: (item) => (item.min !== undefined && item.max !== undefined && item.min > item.max ? ["min is groter dan max"] : []),
  options: () => null,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
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
  display: (item, value) => (item.unit ? `${value} ${item.unit}` : value),
  exportColumns: (item) => [{ key: item.key, header: item.unit ? `${item.text} (${item.unit})` : item.text, type: "number" }],
  exportCells: (_item, value) => [value === null ? null : asNumber(value)],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.required || rand() < 0.7 ? String(12 + Math.floor(rand() * 20)) : null, comment: null }),
  bench: (item) => String(item.min ?? 1),
};
