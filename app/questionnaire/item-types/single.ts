import { labelOf, asFormText, type ItemTypeSpec, optionList } from "./spec.ts";
import type { SingleItem } from "./single.checks.ts";

export type { SingleItem };

/** One answer from the item's own options. */
export const singleType: ItemTypeSpec<SingleItem> = {
  label: "één keuze",
  codebookValues: (item) => optionList(item.options),
  problems: (item) => (new Set(item.options.map((o) => o.value)).size !== item.options.length ? ["een antwoordwaarde komt twee keer voor"] : []),
  options: (item) => item.options,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  display: (item, value) => labelOf(item.options, value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (item, value) => [value === null ? null : labelOf(item.options, value)],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.options[Math.floor(rand() * item.options.length)]!.value, comment: null }),
  bench: (item, i) => item.options[(i * 7) % Math.min(item.options.length, 3)]!.value,
};
