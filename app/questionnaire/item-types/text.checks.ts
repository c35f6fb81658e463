import { z } from "../../forms/zod.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../../domain/text.ts";
import { asText, messages } from "./spec.ts";
import { itemBase, type ItemTypeChecks } from "./spec.checks.ts";

export const textItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("text"),
    maxLength: z.number().int().positive().max(20000),
    multiline: z.boolean().default(true),
  })
  .strict();
export type TextItem = z.output<typeof textItemSchema>;

export const textChecks: ItemTypeChecks<TextItem> = {
  value: (item) =>
    z.preprocess(
      asText,
      z
        .string(messages.tooLong(item.maxLength))
        .max(item.maxLength, messages.tooLong(item.maxLength))
        .refine((v) => !hasControlCharacter(v, item.multiline ? "long" : "line"), CONTROL_CHARACTER_MESSAGE),
    ) as z.ZodType<string>,
};
