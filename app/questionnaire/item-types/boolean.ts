import { labelOf, type AnswerOption, asFormText, type ItemTypeSpec, optionList } from "./spec.ts";
import type { BooleanItem } from "./boolean.checks.ts";

export type { BooleanItem };

/** Ja or nee. */
export const BOOLEAN_OPTIONS: AnswerOption[] = [
  { value: "ja", label: "Ja" },
  { value: "nee", label: "Nee" },
];

export const booleanType: ItemTypeSpec<BooleanItem> = {
  label: "ja/nee",
  codebookValues: () => optionList(BOOLEAN_OPTIONS),
  problems: () => [],
  options: () => BOOLEAN_OPTIONS,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  display: (_item, value) => labelOf(BOOLEAN_OPTIONS, value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (_item, value) => [value === null ? null : labelOf(BOOLEAN_OPTIONS, value)],
  scored: false,
  score: () => null,
  demo: (_item, { rand }) => ({ value: rand() < 0.8 ? "ja" : "nee", comment: null }),
  bench: (_item, i) => BOOLEAN_OPTIONS[i % 2]!.value,
};
