import type { AnswerMap } from "../questionnaire/answers.ts";
import { questionNumber, type Item, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { optionsOf, typeOf } from "../questionnaire/item-types/index.ts";
import { compareDutch, dayOf, formatDate } from "./format.ts";

/**
 * The zelfscan as a conversation: the team manager's answer beside the distribution of the team's
 * professionals' answers, per item, and the items where views differ most as the topics of the team
 * meeting (gespreksonderwerpen). Pure: the counting of submitted views is the models' work.
 *
 * Anonymity is a promise: no view of the professionals' answers exists below PROFESSIONALS_MIN
 * submitted views of the team, and even then only counts per answer option, and comments without
 * anything that orders them by who or when (they are sorted alphabetically).
 */

/** The fewest submitted views of one team from which anything of them is shown, anywhere. */
export const PROFESSIONALS_MIN = 3;

/**
 * How long a professional's link works, in words: until the round's closing day, or, once that has passed
 * while the team's region still works on the round (a cycle running late), for as long as it does.
 */
export function linkLasts(closesOn: string, today: string = dayOf()): string {
  return closesOn >= today ? `tot en met ${formatDate(closesOn)}` : "zolang het team nog aan deze ronde werkt";
}

/** Topics: at most this many items, each with more than this much to talk about (weight, 0..2). */
export const MAX_TOPICS = 5;
export const TOPIC_MIN_WEIGHT = 0.5;

/**
 * Which items the professionals answer: every item that has answer options (a distribution of options
 * can be shown without showing anyone), unless the definition leaves its section or the item out
 * (professionals: false); free input (a number, a text, a date) only where the definition asks for it.
 * An item whose condition looks at an item they do not answer is left out too.
 */
export function professionalItems(definition: QuestionnaireDefinition): Item[] {
  const asked: Item[] = [];
  const keys = new Set<string>();
  for (const section of definition.sections) {
    if (section.professionals === false) continue;
    for (const item of section.items) {
      const hasOptions = optionsOf(item, definition.scale.options) !== null;
      if (!(item.professionals ?? hasOptions)) continue;
      if (item.showIf && !keys.has(item.showIf.item)) continue;
      asked.push(item);
      keys.add(item.key);
    }
  }
  return asked;
}

/** The definition as the professionals see it: only their sections and items, nothing required (they may skip what they do not know). */
export function professionalDefinition(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  const keys = new Set(professionalItems(definition).map((i) => i.key));
  return {
    ...definition,
    sections: definition.sections
      .map((section) => ({ ...section, items: section.items.filter((i) => keys.has(i.key)).map((i) => ({ ...i, required: false })) }))
      .filter((section) => section.items.length > 0),
  };
}

export interface OptionCount {
  value: string;
  label: string;
  count: number;
}

export interface ItemConversation {
  key: string;
  /** The question's number and text as the definition gives them. */
  number: string;
  text: string;
  theme: string;
  /** The team's answer (the manager's zelfscan), as its label, or null while open. */
  manager: string | null;
  /** How many professionals chose each option, in the definition's order. */
  counts: OptionCount[];
  /** Professionals who answered the item. */
  answered: number;
  /** How far the team's answer is from the professionals' (0..1): the distance of scores, or the share that answered otherwise. */
  difference: number;
  /** How divided the professionals are (0..1): the spread of their scores, or the share outside the most given answer. */
  spread: number;
  /** difference + spread: how much there is to talk about. */
  weight: number;
  /** Their toelichtingen, sorted alphabetically (not by who or when). */
  comments: string[];
}

export interface ThemeConversation {
  key: string;
  title: string;
  items: ItemConversation[];
}

export type Conversation =
  { shown: false; responses: number; missing: number } | { shown: true; responses: number; themes: ThemeConversation[]; topics: ItemConversation[] };

function itemConversation(definition: QuestionnaireDefinition, item: Item, theme: string, manager: AnswerMap, views: AnswerMap[]): ItemConversation {
  const scale = definition.scale.options;
  const spec = typeOf(item);
  const options = optionsOf(item, scale) ?? [];
  const given = views.flatMap((view) => {
    const value = view[item.key]?.value;
    if (!value) return [];
    return spec.multiple ? (JSON.parse(value) as string[]) : [value];
  });
  const counts = options.map((o) => ({ value: o.value, label: o.label, count: given.filter((v) => v === o.value).length }));
  const answered = views.filter((view) => view[item.key]?.value).length;
  const managerValue = manager[item.key]?.value ?? null;
  let difference = 0;
  let spread = 0;
  if (answered > 0) {
    const scores = spec.scored ? given.map((v) => spec.score(item, v, scale)).filter((s): s is number => s !== null) : [];
    const max = Math.max(0, ...options.map((o) => o.score ?? 0));
    if (spec.scored && scores.length > 0 && max > 0) {
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
      spread = sd / (max / 2);
      const managerScore = managerValue === null ? null : spec.score(item, managerValue, scale);
      difference = managerScore === null ? 0 : Math.abs(managerScore - mean) / max;
    } else if (!spec.multiple) {
      const modal = Math.max(...counts.map((c) => c.count));
      spread = 1 - modal / answered;
      difference = managerValue === null ? 0 : given.filter((v) => v !== managerValue).length / answered;
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    key: item.key,
    number: questionNumber(item.key) ?? "",
    text: item.text,
    theme,
    manager: managerValue === null ? null : spec.display(item, managerValue, scale),
    counts,
    answered,
    difference: round(difference),
    spread: round(spread),
    weight: round(difference + spread),
    comments: views
      .map((view) => view[item.key]?.comment?.trim() ?? "")
      .filter(Boolean)
      .sort(compareDutch),
  };
}

/**
 * The conversation of a team's zelfscan: nothing but how many views there are until PROFESSIONALS_MIN
 * have been submitted; then per theme and item the team's answer beside the professionals', and the
 * topics: the items with the most to talk about, most first (ties in the questionnaire's order).
 */
export function conversation(definition: QuestionnaireDefinition, manager: AnswerMap, views: AnswerMap[]): Conversation {
  if (views.length < PROFESSIONALS_MIN) return { shown: false, responses: views.length, missing: PROFESSIONALS_MIN - views.length };
  const asked = new Set(professionalItems(definition).map((i) => i.key));
  const themes = definition.sections
    .map((section) => ({
      key: section.key,
      title: section.title,
      items: section.items.filter((i) => asked.has(i.key)).map((item) => itemConversation(definition, item, section.key, manager, views)),
    }))
    .filter((theme) => theme.items.length > 0);
  const order = new Map([...asked].map((key, i) => [key, i]));
  const topics = themes
    .flatMap((t) => t.items)
    .filter((i) => i.weight > TOPIC_MIN_WEIGHT)
    .sort((a, b) => b.weight - a.weight || order.get(a.key)! - order.get(b.key)!)
    .slice(0, MAX_TOPICS);
  return { shown: true, responses: views.length, themes, topics };
}
