import { z } from "../../forms/zod.ts";
import { asList, messages } from "./spec.ts";
import { itemBase, optionSchema, type ItemTypeChecks } from "./spec.checks.ts";

export const multiItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("multi"),
    options: z.array(optionSchema).min(2),
    maxSelected: z.number().int().positive().optional(),
    comment: z.boolean().default(false),
  })
  .strict();
export type MultiItem = z.output<typeof multiItemSchema>;

export const multiChecks: ItemTypeChecks<MultiItem> = {
  value: (item) => {
    const allowed = item.options.map((o) => o.value);
    let list = z
      .array(z.string(messages.chooseOptions), messages.chooseOptions)
      .refine((vs) => vs.every((v) => allowed.includes(v)) && new Set(vs).size === vs.length, messages.chooseOptions);
    if (item.maxSelected !== undefined) {
      const max = item.maxSelected;
      list = list.refine((vs) => vs.length <= max, messages.tooMany(max));
    }
    return z.preprocess(asList, list) as z.ZodType<string[]>;
  },
};
