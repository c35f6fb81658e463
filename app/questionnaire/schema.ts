import { z } from "../forms/zod.ts";
import { answerLookup, hasValue, isVisible, type AnswerMap, type FormValues } from "./answers.ts";
import { COMMENT_MAX_LENGTH, commentField, type Item, type QuestionnaireDefinition, type QuestionnaireSection } from "./definition.ts";
import { valueCheckOf } from "./item-types/checks.ts";
import { asText, messages } from "./item-types/spec.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../domain/text.ts";

/**
 * Derives the zod schema of one section's form from its definition. The same schema runs in the
 * browser (react-hook-form's zodResolver) and in the action; the server's verdict is the one that counts.
 *
 * mode "draft": every value given must be valid, but required items may be empty (save and come back).
 * mode "complete": in addition, every visible required item must be answered (submitting).
 */
export type SchemaMode = "draft" | "complete";

function valueSchema(item: Item, definition: QuestionnaireDefinition): z.ZodType<string | string[]> {
  return valueCheckOf(item, definition.scale.options);
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

/**
 * Checks a section's values as for submitting, on the server. The complete schema is made per call (its
 * refinement reads the other sections' answers), so zod's compiled parser would be generated and compiled anew
 * for each one: per section, on every submit check and section page that shows what is missing. Parsed
 * without it, a section costs a fraction of that (allocation profile of the zelfscan flow: the code generation
 * was an eighth of all the server allocated). The draft schema, made once per section, keeps the compiled parser.
 */
export function checkSectionComplete(definition: QuestionnaireDefinition, section: QuestionnaireSection, values: FormValues, context: AnswerMap) {
  return sectionSchema(definition, section, "complete", context).safeParse(values, { jitless: true });
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
