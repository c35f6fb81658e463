import { z } from "../../forms/zod.ts";
import { itemBase, choiceValue, type ItemTypeChecks } from "./spec.checks.ts";
import { BOOLEAN_OPTIONS } from "./boolean.ts";

export const booleanItemSchema = z.object({ ...itemBase, type: z.literal("boolean"), comment: z.boolean().default(false) }).strict();
export type BooleanItem = z.output<typeof booleanItemSchema>;

export const booleanChecks: ItemTypeChecks<BooleanItem> = {
  value: () => choiceValue(BOOLEAN_OPTIONS.map((o) => o.value)),
};
