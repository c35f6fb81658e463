import { z } from "zod";
import { answerLookup, hasValue, isVisible, type AnswerMap, type FormValues } from "./answers.ts";
import { COMMENT_MAX_LENGTH, answerValuesOf, commentField, type Item, type QuestionnaireDefinition, type QuestionnaireSection } from "./definition.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../domain/text.ts";

/**
 * Derives the zod schema of one section's form from its definition. The same schema runs in the
 * browser (react-hook-form's zodResolver) and in the action; the server's verdict is the one that counts.
 *
 * mode "draft": every value given must be valid, but required items may be empty (save and come back).
 * mode "complete": in addition, every visible required item must be answered (submitting).
 */
export type SchemaMode = "draft" | "complete";

export const messages = {
  chooseOption: "Kies een van de antwoorden die bij deze vraag horen.",
  chooseOptions: "Kies alleen antwoorden die bij deze vraag horen.",
  required: "Beantwoord deze vraag.",
  notANumber: "Vul een getal in, bijvoorbeeld 12.",
  notAnInteger: "Vul een heel getal in, zonder komma.",
  tooLow: (min: number) => `Vul een getal in van ${min} of hoger.`,
  tooHigh: (max: number) => `Vul een getal in van ${max} of lager.`,
  tooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
  tooMany: (max: number) => `Kies hoogstens ${max} antwoorden.`,
};

// react-hook-form reports an untouched radio group as null and a checkbox group as false.
const asText = (v: unknown) => (v == null || v === false ? "" : v);
const asList = (v: unknown) => (v == null || v === false || v === "" ? [] : typeof v === "string" ? [v] : v);

const numberPattern = /^-?\d+([.,]\d+)?$/;

function valueSchema(item: Item, definition: QuestionnaireDefinition): z.ZodType<string | string[]> {
  const allowed = answerValuesOf(item, definition.scale.options);
  switch (item.type) {
    case "scale":
    case "single":
    case "boolean":
      return z.preprocess(
        asText,
        z.string(messages.chooseOption).refine((v) => v === "" || allowed!.includes(v), messages.chooseOption),
      );
    case "multi": {
      let list = z
        .array(z.string(messages.chooseOptions), messages.chooseOptions)
        .refine((vs) => vs.every((v) => allowed!.includes(v)) && new Set(vs).size === vs.length, messages.chooseOptions);
      if (item.maxSelected !== undefined) {
        const max = item.maxSelected;
        list = list.refine((vs) => vs.length <= max, messages.tooMany(max));
      }
      return z.preprocess(asList, list);
    }
    case "number":
      return z.preprocess(
        asText,
        z
          .string(messages.notANumber)
          .trim()
          .superRefine((v, ctx) => {
            if (v === "") return;
            if (!numberPattern.test(v)) return void ctx.addIssue({ code: "custom", message: messages.notANumber });
            const n = Number(v.replace(",", "."));
            if (item.integer && !Number.isInteger(n)) ctx.addIssue({ code: "custom", message: messages.notAnInteger });
            else if (item.min !== undefined && n < item.min) ctx.addIssue({ code: "custom", message: messages.tooLow(item.min) });
            else if (item.max !== undefined && n > item.max) ctx.addIssue({ code: "custom", message: messages.tooHigh(item.max) });
          }),
      );
    case "text":
      return z.preprocess(
        asText,
        z
          .string(messages.tooLong(item.maxLength))
          .max(item.maxLength, messages.tooLong(item.maxLength))
          .refine((v) => !hasControlCharacter(v, item.multiline ? "long" : "line"), CONTROL_CHARACTER_MESSAGE),
      );
  }
}

// A section's value checks depend only on the section (and its definition's scale), so each is built
// once per section object: building a zod object schema, and the code zod compiles for it on its
// first parse, cost more than the parse itself on every save.
const valueSchemas = new WeakMap<QuestionnaireSection, z.ZodType<FormValues, FormValues>>();

export function sectionSchema(
  definition: QuestionnaireDefinition,
  section: QuestionnaireSection,
  mode: SchemaMode,
  /** Stored answers of the other sections, for conditions that look at an earlier section. */
  context: AnswerMap = {},
): z.ZodType<FormValues, FormValues> {
  let object = valueSchemas.get(section);
  if (!object) valueSchemas.set(section, (object = sectionValuesSchema(definition, section)));
  if (mode === "draft") return object;
  return object.superRefine((values, ctx) => {
    const lookup = answerLookup(context, values);
    for (const item of section.items) {
      if (item.required && isVisible(definition, item, lookup) && !hasValue(values[item.key])) {
        ctx.addIssue({ code: "custom", path: [item.key], message: messages.required });
      }
    }
  });
}

function sectionValuesSchema(definition: QuestionnaireDefinition, section: QuestionnaireSection): z.ZodType<FormValues, FormValues> {
  const shape: Record<string, z.ZodType<string | string[]>> = {};
  for (const item of section.items) {
    shape[item.key] = valueSchema(item, definition);
    if ("comment" in item && item.comment) {
      shape[commentField(item.key)] = z.preprocess(
        asText,
        z
          .string(messages.tooLong(COMMENT_MAX_LENGTH))
          .max(COMMENT_MAX_LENGTH, messages.tooLong(COMMENT_MAX_LENGTH))
          .refine((v) => !hasControlCharacter(v, "long"), CONTROL_CHARACTER_MESSAGE),
      );
    }
  }
  // Inputs are loose (react-hook-form's null for an untouched radio group); outputs are FormValues.
  return z.object(shape) as unknown as z.ZodType<FormValues, FormValues>;
}
