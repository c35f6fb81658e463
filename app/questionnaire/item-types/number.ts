import { asFormText, type ItemTypeSpec } from "./spec.ts";
import type { NumberItem } from "./number.checks.ts";

export type { NumberItem };

export const numberPattern = /^-?\d+([.,]\d+)?$/;
export const asNumber = (value: string) => Number(value.replace(",", "."));

/** A number, whole by default, with optional bounds and unit ("fte"). A comma is accepted as decimal sign. */
export const numberType: ItemTypeSpec<NumberItem> = {
  label: "getal",
  codebookValues: (item) =>
    [item.min !== undefined ? `vanaf ${item.min}` : "", item.max !== undefined ? `tot en met ${item.max}` : "", item.unit ?? ""].filter(Boolean).join(", "),
  problems: (item) => (item.min !== undefined && item.max !== undefined && item.min > item.max ? ["min is groter dan max"] : []),
  options: () => null,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  display: (item, value) => (item.unit ? `${value} ${item.unit}` : value),
  exportColumns: (item) => [{ key: item.key, header: item.unit ? `${item.text} (${item.unit})` : item.text, type: "number" }],
  exportCells: (_item, value) => [value === null ? null : asNumber(value)],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({ value: item.required || rand() < 0.7 ? String(12 + Math.floor(rand() * 20)) : null, comment: null }),
  bench: (item) => String(item.min ?? 1),
};
