import { z } from "zod";
import { choiceValue, itemBase, labelOf, type AnswerOption, asFormText, type ItemTypeSpec, optionList } from "./spec.ts";

/** Ja or nee. */
export const booleanItemSchema = z.object({ ...itemBase, type: z.literal("boolean"), comment: z.boolean().default(false) }).strict();
export type BooleanItem = z.output<typeof booleanItemSchema>;

export const BOOLEAN_OPTIONS: AnswerOption[] = [
  { value: "ja", label: "Ja" },
  { value: "nee", label: "Nee" },
];

export const booleanType: ItemTypeSpec<BooleanItem> = {
  label: "ja/nee",
  codebookValues: () => optionList(BOOLEAN_OPTIONS),
  schema: booleanItemSchema,
  problems: () => [],
  options: () => BOOLEAN_OPTIONS,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  value: () => choiceValue(BOOLEAN_OPTIONS.map((o) => o.value)),
  display: (_item, value) => labelOf(BOOLEAN_OPTIONS, value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (_item, value) => [value === null ? null : labelOf(BOOLEAN_OPTIONS, value)],
  scored: false,
  score: () => null,
  demo: (_item, { rand }) => ({ value: rand() < 0.8 ? "ja" : "nee", comment: null }),
  bench: (_item, i) => BOOLEAN_OPTIONS[i % 2]!.value,
};
