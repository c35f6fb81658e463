import { z } from "zod";
import { choiceValue, itemBase, labelOf, optionSchema, asFormText, type ItemTypeSpec, optionList } from "./spec.ts";

/** One answer from the item's own options. */
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

export const singleType: ItemTypeSpec<SingleItem> = {
  label: "één keuze",
  codebookValues: (item) => optionList(item.options),
  schema: singleItemSchema,
  problems: (item) => (new Set(item.options.map((o) => o.value)).size !== item.options.length ? ["een antwoordwaarde komt twee keer voor"] : []),
  options: (item) => item.options,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  value: (item) => choiceValue(item.options.map((o) => o.value)),
  display: (item, value) => labelOf(item.options, value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (item, value) => [value === null ? null : labelOf(item.options, value)],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.options[Math.floor(rand() * item.options.length)]!.value, comment: null }),
  bench: (item, i) => item.options[(i * 7) % Math.min(item.options.length, 3)]!.value,
};
