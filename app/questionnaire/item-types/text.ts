import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../../domain/text.ts";
import { asText, itemBase, messages, asFormText, type ItemTypeSpec } from "./spec.ts";

/** Free text up to maxLength; one line or (the default) several. */
export const textItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("text"),
    maxLength: z.number().int().positive().max(20000),
    multiline: z.boolean().default(true),
  })
  .strict();
export type TextItem = z.output<typeof textItemSchema>;

export const textType: ItemTypeSpec<TextItem> = {
  label: "tekst",
  codebookValues: () => "",
  schema: textItemSchema,
  problems: () => [],
  options: () => null,
  multiple: false,
  formValue: (_item, value) => asFormText(value),
  value: (item) =>
    z.preprocess(
      asText,
      z
        .string(messages.tooLong(item.maxLength))
        .max(item.maxLength, messages.tooLong(item.maxLength))
        .refine((v) => !hasControlCharacter(v, item.multiline ? "long" : "line"), CONTROL_CHARACTER_MESSAGE),
    ) as z.ZodType<string>,
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
