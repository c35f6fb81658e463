import { asFormText, type ItemTypeSpec } from "./spec.ts";
import type { TextItem } from "./text.checks.ts";

export type { TextItem };

/** Free text up to maxLength; one line or (the default) several. */
export const textType: ItemTypeSpec<TextItem> = {
  label: "tekst",
  codebookValues: () => "",
  problems: () => [],
  options: () => null,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  display: (_item, value) => value,
  exportColumns: (item) => [{ key: item.key, header: item.text, type: "text" }],
  exportCells: (_item, value) => [value],
  scored: false,
  score: () => null,
  demo: (item, { rand }) => ({
    value: item.required || rand() < 0.4 ? "Meer tijd voor casusoverleg en vaste afspraken met Veilig Thuis over terugkoppeling." : null,
    comment: null,
  }),
  bench: () => "Toelichting van het team.",
};
