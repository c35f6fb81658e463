import type { FormValues } from "./answers.ts";
import { isMultiple } from "./item-types/index.ts";
import { commentField, type QuestionnaireSection } from "./definition.ts";

/** Fields a section form carries besides the answers. */
export const CONTROL_FIELDS = ["revision", "intent"] as const;

export interface SectionFormData {
  values: FormValues;
  /** Field names that are neither an item of this section nor a control field: a tampered form. */
  unknownFields: string[];
  /** Single-answer fields sent more than once: also a tampered form. */
  repeatedFields: string[];
}

/** Reads a section's posted fields into the shape the derived schema validates. */
export function readSectionForm(section: QuestionnaireSection, entries: Iterable<[string, FormDataEntryValue]>): SectionFormData {
  const multi = new Set(section.items.filter(isMultiple).map((i) => i.key));
  const known = new Set<string>(CONTROL_FIELDS);
  for (const item of section.items) {
    known.add(item.key);
    if ("comment" in item && item.comment) known.add(commentField(item.key));
  }
  const values: FormValues = {};
  const unknownFields = new Set<string>();
  const repeatedFields = new Set<string>();
  for (const [name, raw] of entries) {
    if (!known.has(name)) {
      unknownFields.add(name);
      continue;
    }
    if ((CONTROL_FIELDS as readonly string[]).includes(name)) continue;
    const value = typeof raw === "string" ? raw : "";
    if (multi.has(name)) {
      const list = values[name];
      values[name] = Array.isArray(list) ? [...list, value] : [value];
    } else if (name in values) {
      repeatedFields.add(name);
    } else {
      values[name] = value;
    }
  }
  return { values, unknownFields: [...unknownFields], repeatedFields: [...repeatedFields] };
}
