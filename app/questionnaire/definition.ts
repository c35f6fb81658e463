import { z } from "zod";

/**
 * The meta-schema of a questionnaire definition (the files in questionnaires/). Pure: no I/O, so the
 * browser, the server, the loader and the JSON Schema export all use this one description.
 */

const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
const valuePattern = /^[a-z0-9_]+$/;

const optionSchema = z
  .object({
    value: z.string().regex(valuePattern, "gebruik kleine letters, cijfers en _"),
    label: z.string().min(1),
    /** The option's weight in scores; null (or absent) means it does not count, as "weet niet" and "n.v.t.". */
    score: z.number().nullable().optional(),
  })
  .strict();

export const DEFAULT_SCALE = {
  options: [
    { value: "voldoet", label: "Voldoet", score: 2 },
    { value: "voldoet_deels", label: "Voldoet deels", score: 1 },
    { value: "voldoet_niet", label: "Voldoet niet", score: 0 },
    { value: "weet_niet", label: "Weet niet", score: null },
    { value: "nvt", label: "N.v.t.", score: null },
  ],
};

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

const itemBase = {
  key: z.string().regex(keyPattern, "een sleutel begint met een letter en bevat letters, cijfers, _ of -"),
  text: z.string().min(1),
  help: z.string().min(1).optional(),
  required: z.boolean().default(true),
  showIf: conditionSchema.optional(),
};

const scaleItem = z.object({ ...itemBase, type: z.literal("scale"), comment: z.boolean().default(false) }).strict();
const singleItem = z
  .object({
    ...itemBase,
    type: z.literal("single"),
    options: z.array(optionSchema).min(2),
    comment: z.boolean().default(false),
    /** Filled in from the product when the response is created: "region_phase" is the region's current phase. */
    prefill: z.enum(["region_phase"]).optional(),
  })
  .strict();
const multiItem = z
  .object({
    ...itemBase,
    type: z.literal("multi"),
    options: z.array(optionSchema).min(2),
    maxSelected: z.number().int().positive().optional(),
    comment: z.boolean().default(false),
  })
  .strict();
const booleanItem = z.object({ ...itemBase, type: z.literal("boolean"), comment: z.boolean().default(false) }).strict();
const numberItem = z
  .object({
    ...itemBase,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    unit: z.string().optional(),
  })
  .strict();
const textItem = z
  .object({
    ...itemBase,
    type: z.literal("text"),
    maxLength: z.number().int().positive().max(20000),
    multiline: z.boolean().default(true),
  })
  .strict();

export const itemSchema = z.discriminatedUnion("type", [scaleItem, singleItem, multiItem, booleanItem, numberItem, textItem]);

const sectionSchema = z
  .object({
    key: z.string().regex(keyPattern),
    title: z.string().min(1),
    intro: z.string().optional(),
    items: z.array(itemSchema).min(1),
  })
  .strict();

export const questionnaireDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, "kleine letters, cijfers en -"),
    version: z.number().int().positive(),
    title: z.string().min(1),
    audience: z.enum(["team", "municipality", "region"]),
    description: z.string().optional(),
    scale: z
      .object({ options: z.array(optionSchema).min(2) })
      .strict()
      .default(DEFAULT_SCALE),
    sections: z.array(sectionSchema).min(1),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const seenSections = new Set<string>();
    const earlier = new Map<string, Item>();
    definition.sections.forEach((section, s) => {
      if (seenSections.has(section.key)) {
        ctx.addIssue({ code: "custom", path: ["sections", s, "key"], message: `onderdeel ${section.key} komt twee keer voor` });
      }
      seenSections.add(section.key);
      section.items.forEach((item, i) => {
        const path = ["sections", s, "items", i];
        if (earlier.has(item.key)) {
          ctx.addIssue({ code: "custom", path: [...path, "key"], message: `vraag ${item.key} komt twee keer voor` });
        }
        if ("options" in item) {
          const values = item.options.map((o) => o.value);
          if (new Set(values).size !== values.length) {
            ctx.addIssue({ code: "custom", path: [...path, "options"], message: "een antwoordwaarde komt twee keer voor" });
          }
        }
        if (item.type === "number" && item.min !== undefined && item.max !== undefined && item.min > item.max) {
          ctx.addIssue({ code: "custom", path: [...path, "min"], message: "min is groter dan max" });
        }
        if (item.showIf) {
          const target = earlier.get(item.showIf.item);
          if (!target) {
            ctx.addIssue({
              code: "custom",
              path: [...path, "showIf", "item"],
              message: `showIf verwijst naar ${item.showIf.item}, dat geen eerdere vraag is`,
            });
          } else {
            const allowed = answerValuesOf(target, definition.scale.options);
            const wanted = item.showIf.anyOf ?? [item.showIf.equals ?? ""];
            const unknown = allowed ? wanted.filter((v) => !allowed.includes(v)) : [];
            if (unknown.length > 0) {
              ctx.addIssue({
                code: "custom",
                path: [...path, "showIf"],
                message: `${unknown.join(", ")} is geen antwoord van ${target.key}`,
              });
            }
          }
        }
        earlier.set(item.key, item);
      });
    });
  });

export type QuestionnaireDefinition = z.output<typeof questionnaireDefinitionSchema>;
export type QuestionnaireSection = QuestionnaireDefinition["sections"][number];
export type Item = z.output<typeof itemSchema>;
export type ItemType = Item["type"];
export type AnswerOption = z.output<typeof optionSchema>;

export const BOOLEAN_OPTIONS: AnswerOption[] = [
  { value: "ja", label: "Ja" },
  { value: "nee", label: "Nee" },
];

/** The values an item's answer can take, or null for free input (number, text). */
export function answerValuesOf(item: Item, scale: AnswerOption[]): string[] | null {
  return optionsOf(item, scale)?.map((o) => o.value) ?? null;
}

export function optionsOf(item: Item, scale: AnswerOption[]): AnswerOption[] | null {
  switch (item.type) {
    case "scale":
      return scale;
    case "single":
    case "multi":
      return item.options;
    case "boolean":
      return BOOLEAN_OPTIONS;
    default:
      return null;
  }
}

export function allItems(definition: QuestionnaireDefinition): Item[] {
  return definition.sections.flatMap((s) => s.items);
}

export function findSection(definition: QuestionnaireDefinition, key: string): QuestionnaireSection | undefined {
  return definition.sections.find((s) => s.key === key);
}

/** Field name of an item's optional explanation (toelichting). */
export function commentField(itemKey: string): string {
  return `${itemKey}__toelichting`;
}

export const COMMENT_MAX_LENGTH = 2000;

/** "sections[2].items[0].type" for a zod issue path: the place inside the file that is wrong. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, "");
}
