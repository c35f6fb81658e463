import { allItems, commentField, type Item, type QuestionnaireDefinition, type QuestionnaireSection } from "./definition.ts";
import { isMultiple, optionsOf, typeOf } from "./item-types/index.ts";
import { parseList } from "./item-types/spec.ts";

/** One item's stored answer: the value as the form sends it (multi: a JSON array) and the toelichting. */
export interface StoredAnswer {
  value: string | null;
  comment: string | null;
}
export type AnswerMap = Record<string, StoredAnswer>;

/** A section form's values by field name: item keys and their toelichting fields. */
export type FormValues = Record<string, string | string[]>;

/** The answer values the showIf conditions look at: plain strings, a multi answer as its list. */
export function answerLookup(answers: AnswerMap, overrides: FormValues = {}) {
  return (item: Item): string | string[] | undefined => {
    if (item.key in overrides) return overrides[item.key];
    const stored = answers[item.key]?.value;
    if (stored == null) return undefined;
    return isMultiple(item) ? parseList(stored) : stored;
  };
}

export function hasValue(value: string | string[] | undefined | null): boolean {
  if (value == null) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim() !== "";
}

/**
 * Whether an item is shown, given the answers so far. An item whose condition refers to an item that
 * is itself hidden is hidden too, so a chain of conditions collapses as a user expects.
 */
export function isVisible(definition: QuestionnaireDefinition, item: Item, lookup: (item: Item) => string | string[] | undefined): boolean {
  const condition = item.showIf;
  if (!condition) return true;
  const target = allItems(definition).find((i) => i.key === condition.item);
  if (!target || !isVisible(definition, target, lookup)) return false;
  const answer = lookup(target);
  const wanted = condition.anyOf ?? [condition.equals ?? ""];
  const given = Array.isArray(answer) ? answer : answer ? [answer] : [];
  return given.some((v) => wanted.includes(v));
}

/** When a conditional item applies, in words: shown beside it when the page runs without JavaScript. */
export function conditionText(definition: QuestionnaireDefinition, item: Item): string | undefined {
  if (!item.showIf) return undefined;
  const target = allItems(definition).find((i) => i.key === item.showIf!.item);
  if (!target) return undefined;
  const wanted = item.showIf.anyOf ?? [item.showIf.equals ?? ""];
  const labels = wanted.map((v) => optionsOf(target, definition.scale.options)?.find((o) => o.value === v)?.label ?? v);
  return `Alleen invullen als u bij vraag ${target.key} "${labels.join('" of "')}" hebt gekozen.`;
}

export function sectionFormValues(section: QuestionnaireSection, answers: AnswerMap): FormValues {
  const values: FormValues = {};
  for (const item of section.items) {
    const stored = answers[item.key];
    values[item.key] = typeOf(item).formValue(item, stored?.value ?? null);
    if ("comment" in item && item.comment) values[commentField(item.key)] = stored?.comment ?? "";
  }
  return values;
}

/** The answers to store for a section, from validated form values; empty answers become null. */
export function sectionAnswersFromForm(section: QuestionnaireSection, values: FormValues): AnswerMap {
  const answers: AnswerMap = {};
  for (const item of section.items) {
    const raw = values[item.key];
    let value: string | null;
    if (isMultiple(item)) {
      const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
      value = list.length ? JSON.stringify(list) : null;
    } else {
      const text = typeof raw === "string" ? raw.trim() : "";
      value = text === "" ? null : text;
    }
    const commentRaw = "comment" in item && item.comment ? values[commentField(item.key)] : undefined;
    const comment = typeof commentRaw === "string" && commentRaw.trim() !== "" ? commentRaw.trim() : null;
    answers[item.key] = { value, comment };
  }
  return answers;
}

/** The label a reader sees for a stored answer ("Voldoet deels", "Ja", "3 fte"). */
export function displayAnswer(definition: QuestionnaireDefinition, item: Item, stored: StoredAnswer | undefined): string | null {
  if (!stored?.value) return null;
  return typeOf(item).display(item, stored.value, definition.scale.options);
}
