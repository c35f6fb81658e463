import { labelOf, asFormText, type ItemTypeSpec, optionList } from "./spec.ts";
import type { ScaleItem } from "./scale.checks.ts";

export type { ScaleItem };

/** A statement answered on the questionnaire's scale (voldoet / voldoet deels / voldoet niet / weet niet / n.v.t.). */
export const scaleType: ItemTypeSpec<ScaleItem> = {
  label: "schaal",
  codebookValues: (_item, scale) => optionList(scale),
  problems: () => [],
  options: (_item, scale) => scale,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  display: (_item, value, scale) => labelOf(scale, value),
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (_item, value, scale) => [value === null ? null : labelOf(scale, value)],
  scored: true,
  score: (_item, value, scale) => scale.find((o) => o.value === value)?.score ?? null,
  demo: (_item, { rand, level, comment }) => {
    const r = rand();
    let value: string;
    if (r < 0.04) value = "weet_niet";
    else if (r < 0.06) value = "nvt";
    else {
      const spread = level + (rand() - 0.5) * 0.5;
      value = spread > 0.6 ? "voldoet" : spread > 0.3 ? "voldoet_deels" : "voldoet_niet";
    }
    return { value, comment: rand() < 0.12 ? comment() : null };
  },
  // The first option for the first scan, then spread over the first three (voldoet .. voldoet niet).
  bench: (_item, i, scale) => scale[(i * 7) % Math.min(scale.length, 3)]!.value,
};
