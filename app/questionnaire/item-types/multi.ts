import { labelOf, parseList, type ItemTypeSpec } from "./spec.ts";
import type { MultiItem } from "./multi.checks.ts";

export type { MultiItem };

/** Any number of the item's options (at most maxSelected); stored as a JSON list. */
export const multiType: ItemTypeSpec<MultiItem> = {
  label: "meer keuzes",
  codebookValues: () => "1 = gekozen, 0 = niet gekozen, leeg = niet beantwoord",
  problems: (item) => (new Set(item.options.map((o) => o.value)).size !== item.options.length ? ["een antwoordwaarde komt twee keer voor"] : []),
  options: (item) => item.options,
  multiple: true,
  formValue: (_item, value) => parseList(value),
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
