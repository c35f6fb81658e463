import { z } from "../../forms/zod.ts";
import { itemBase, choiceValue, optionSchema, type ItemTypeChecks } from "./spec.checks.ts";

export const singleItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("single"),
    options: z.array(optionSchema).min(2),
    comment: z.boolean().default(false),
    /** Filled in from the product when the response is created: "region_phase" is the region's current phase. */
    prefill: z.enum(["region_phase"]).optional(),
  })
  .strict();
export type SingleItem = z.output<typeof singleItemSchema>;

export const singleChecks: ItemTypeChecks<SingleItem> = {
  value: (item) => choiceValue(item.options.map((o) => o.value)),
};
