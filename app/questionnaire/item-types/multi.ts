import { z } from "zod";
import { asList, itemBase, labelOf, messages, optionSchema, parseList, type ItemTypeSpec } from "./spec.ts";

/** Any number of the item's options (at most maxSelected); stored as a JSON list. */
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

export const multiType: ItemTypeSpec<MultiItem> = {
  label: "meer keuzes",
  codebookValues: () => "1 = gekozen, 0 = niet gekozen, leeg = niet beantwoord",
  schema: multiItemSchema,
  problems: (item) => (new Set(item.options.map((o) => o.value)).size !== item.options.length ? ["een antwoordwaarde komt twee keer voor"] : []),
  options: (item) => item.options,
  multiple: true,
  formValue: (_item, value) => parseList(value),
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
  display: (item, value) =>
    parseList(value)
      .map((v) => labelOf(item.options, v))
      .join("; "),
  // One column per option (1 chosen, 0 not), so a spreadsheet can count each option.
  exportColumns: (item) => item.options.map((o) => ({ key: `${item.key}.${o.value}`, header: `${item.text}: ${o.label}`, type: "number" as const })),
  exportCells: (item, value) => {
    const chosen = value === null ? null : parseList(value);
    return item.options.map((o) => (chosen === null ? null : chosen.includes(o.value) ? 1 : 0));
  },
  scored: false,
  score: () => null,
  demo: (item) => ({ value: JSON.stringify([item.options[0]!.value]), comment: null }),
  bench: (item, i) => JSON.stringify([item.options[i % item.options.length]!.value]),
};
