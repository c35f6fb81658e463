import { z } from "../../forms/zod.ts";
import { booleanChecks, booleanItemSchema } from "./boolean.checks.ts";
import { dateChecks, dateItemSchema } from "./date.checks.ts";
import { multiChecks, multiItemSchema } from "./multi.checks.ts";
import { numberChecks, numberItemSchema } from "./number.checks.ts";
import { scaleChecks, scaleItemSchema } from "./scale.checks.ts";
import { singleChecks, singleItemSchema } from "./single.checks.ts";
import { textChecks, textItemSchema } from "./text.checks.ts";
import type { Item, ItemKind, ItemOf } from "./index.ts";
import type { AnswerOption, ItemTypeChecks } from "./spec.checks.ts";

/**
 * The registry of the item types' checks (with zod), beside index.ts's registry of their specs (without):
 * a definition's items are read with `itemSchema`, a posted answer is checked with `valueCheckOf`.
 */

/** An item in a definition file: one of the types, told apart by `type`. */
export const itemSchema = z.discriminatedUnion("type", [
  scaleItemSchema,
  singleItemSchema,
  multiItemSchema,
  booleanItemSchema,
  numberItemSchema,
  textItemSchema,
  dateItemSchema,
]);

// The union in index.ts and the schemas are one list: an item the schema accepts always has a spec.
const _schemaMatchesItems: z.output<typeof itemSchema> extends Item ? (Item extends z.output<typeof itemSchema> ? true : never) : never = true;
void _schemaMatchesItems;

const ITEM_CHECKS: { [K in ItemKind]: ItemTypeChecks<ItemOf<K>> } = {
  scale: scaleChecks,
  single: singleChecks,
  multi: multiChecks,
  boolean: booleanChecks,
  number: numberChecks,
  text: textChecks,
  date: dateChecks,
};

/** The check of an item's posted answer in draft mode (empty allowed); its output is what is stored. */
export function valueCheckOf<I extends Item>(item: I, scale: AnswerOption[]): z.ZodType<string | string[]> {
  return (ITEM_CHECKS[item.type] as unknown as ItemTypeChecks<I>).value(item, scale);
}
