import { z } from "zod";
import { itemSchema, optionsOf, typeOf, type Item } from "./item-types/index.ts";
import { optionSchema } from "./item-types/spec.ts";

export type { Item };

/**
 * The meta-schema of a questionnaire definition (the files in questionnaires/). Pure: no I/O, so the
 * browser, the server, the loader and the JSON Schema export all use this one description.
 */

const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const DEFAULT_SCALE = {
  options: [
    { value: "voldoet", label: "Voldoet", score: 2 },
    { value: "voldoet_deels", label: "Voldoet deels", score: 1 },
    { value: "voldoet_niet", label: "Voldoet niet", score: 0 },
    { value: "weet_niet", label: "Weet niet", score: null },
    { value: "nvt", label: "N.v.t.", score: null },
  ],
};

const sectionSchema = z
  .object({
    key: z.string().regex(keyPattern),
    title: z.string().min(1),
    intro: z.string().optional(),
    /** false: the team's professionals are not asked this section (the team zelfscan asks them every section by default). */
    professionals: z.boolean().optional(),
    items: z.array(itemSchema).min(1),
  })
  .strict();

export const questionnaireDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, "kleine letters, cijfers en -"),
    version: z.number().int().positive(),
    title: z.string().min(1),
    audience: z.enum(["team", "municipality", "region", "veilig_thuis"]),
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
        for (const problem of typeOf(item).problems(item as never)) ctx.addIssue({ code: "custom", path, message: problem });
        if (item.showIf) {
          const target = earlier.get(item.showIf.item);
          if (!target) {
            ctx.addIssue({
              code: "custom",
              path: [...path, "showIf", "item"],
              message: `showIf verwijst naar ${item.showIf.item}, dat geen eerdere vraag is`,
            });
          } else {
            const allowed = optionsOf(target, definition.scale.options)?.map((o) => o.value);
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

export function allItems(definition: QuestionnaireDefinition): Item[] {
  return definition.sections.flatMap((s) => s.items);
}

export function findSection(definition: QuestionnaireDefinition, key: string): QuestionnaireSection | undefined {
  return definition.sections.find((s) => s.key === key);
}

/**
 * The number a reader knows a question by ("A2" in the zelfscan), or null when its key is only an
 * internal name ("integrale_sturing" in the round-table report): such a key is never shown.
 */
export function questionNumber(itemKey: string): string | null {
  return /^[A-Z]\d/.test(itemKey) ? itemKey : null;
}

/** A section as its heading reads: "A. Signaleren" in the zelfscan, the title alone where the key is internal ("mda"). */
export function sectionHeading(section: { key: string; title: string }): string {
  return /^[A-Z]$/.test(section.key) ? `${section.key}. ${section.title}` : section.title;
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
