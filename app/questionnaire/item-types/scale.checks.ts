import { z } from "../../forms/zod.ts";
import { itemBase, choiceValue, type ItemTypeChecks } from "./spec.checks.ts";

export const scaleItemSchema = z.object({ ...itemBase, type: z.literal("scale"), comment: z.boolean().default(false) }).strict();
export type ScaleItem = z.output<typeof scaleItemSchema>;

export const scaleChecks: ItemTypeChecks<ScaleItem> = {
  value: (_item, scale) => choiceValue(scale.map((o) => o.value)),
};
