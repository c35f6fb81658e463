import { dutchDate } from "../../forms/dates.ts";
import { asFormText, type ItemTypeSpec } from "./spec.ts";
import type { DateItem } from "./date.checks.ts";

export type { DateItem };

/**
 * A calendar date. Entered and shown the Dutch way (dd-mm-jjjj, as people write it; a browser's own
 * date picker would show the browser's format), stored as an ISO date (2027-03-15), exported as a
 * real date. Optional bounds min and max are ISO dates in the definition file.
 */
export const dateType: ItemTypeSpec<DateItem> = {
  label: "datum",
  codebookValues: () => "",
  problems: (item) => (item.min !== undefined && item.max !== undefined && item.min > item.max ? ["min ligt na max"] : []),
  options: () => null,
  multiple: false,
  formValue: (_item, value) => (value ? dutchDate(value) : asFormText(value)),
  display: (_item, value) => dutchDate(value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "date" }],
  exportCells: (_item, value) => [value],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.min ?? `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`, comment: null }),
  bench: (item) => item.min ?? "2026-01-15",
};
