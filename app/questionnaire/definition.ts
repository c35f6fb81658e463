import type { z } from "zod";
import type { Item } from "./item-types/index.ts";
import type { questionnaireDefinitionSchema } from "./definition-schema.ts";

export type { Item };

/**
 * A questionnaire definition (the files in questionnaires/) as the product uses it: its types and helpers.
 * What a definition file may say is its meta-schema in definition-schema.ts (with zod), which the loader,
 * the JSON Schema export and the tests read; a page that only shows questions loads no zod.
 */

export const DEFAULT_SCALE = {
  options: [
    { value: "voldoet", label: "Voldoet", score: 2 },
    { value: "voldoet_deels", label: "Voldoet deels", score: 1 },
    { value: "voldoet_niet", label: "Voldoet niet", score: 0 },
    { value: "weet_niet", label: "Weet niet", score: null },
    { value: "nvt", label: "N.v.t.", score: null },
  ],
};

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

/** Where a message about the section form as a whole goes (not one of its fields). */
export const FORM_ERROR = "_form";

/** "sections[2].items[0].type" for a zod issue path: the place inside the file that is wrong. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, "");
}
