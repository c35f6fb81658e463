import { z } from "../../forms/zod.ts";
import { asText, keyPattern, messages } from "./spec.ts";

/**
 * The zod half of the item types (see spec.ts): what a definition file may say of an item, and how a posted
 * answer is checked. Only modules that read definitions or validate answers import these.
 */

const valuePattern = /^[a-z0-9_]+$/;

export const optionSchema = z
  .object({
    value: z.string().regex(valuePattern, "gebruik kleine letters, cijfers en _"),
    label: z.string().min(1),
    /** The option's weight in scores; null (or absent) means it does not count, as "weet niet" and "n.v.t.". */
    score: z.number().nullable().optional(),
  })
  .strict();
export type AnswerOption = z.output<typeof optionSchema>;

const conditionSchema = z
  .object({
    /** Key of an earlier item whose answer decides whether this item is shown. */
    item: z.string().regex(keyPattern),
    equals: z.string().optional(),
    anyOf: z.array(z.string()).min(1).optional(),
  })
  .strict()
  .refine((c) => (c.equals === undefined) !== (c.anyOf === undefined), {
    message: "geef precies een van equals of anyOf",
  });

/** The fields every item has, whatever its type. */
export const itemBase = {
  key: z.string().regex(keyPattern, "een sleutel begint met een letter en bevat letters, cijfers, _ of -"),
  text: z.string().min(1),
  help: z.string().min(1).optional(),
  required: z.boolean().default(true),
  showIf: conditionSchema.optional(),
  /**
   * The key of the item in the previous version of this questionnaire that this item continues, when its
   * key changed. An item whose key is also in the previous version continues that item without saying so;
   * any other item is new. Checked at start-up against the previous version.
   */
  replaces: z.string().regex(keyPattern).optional(),
  /**
   * Whether the team's professionals answer it (team questionnaires): by default an item with answer options
   * does and free input does not (app/domain/conversation.ts).
   */
  professionals: z.boolean().optional(),
};

/** An item type's check of its answers (its meta-schema, `<type>ItemSchema`, is listed in checks.ts's `itemSchema`). */
export interface ItemTypeChecks<D> {
  /** The form value's check in draft mode (a given value must be valid; empty is allowed); its output is what is stored. */
  value(item: D, scale: AnswerOption[]): z.ZodType<string | string[]>;
}

/** The shared check of a choice among options (scale, single, boolean). */
export function choiceValue(allowed: string[]) {
  return z.preprocess(
    asText,
    z.string(messages.chooseOption).refine((v) => v === "" || allowed.includes(v), messages.chooseOption),
  ) as z.ZodType<string>;
}
