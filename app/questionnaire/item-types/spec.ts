import type { AnswerOption } from "./spec.checks.ts";

export type { AnswerOption };

/**
 * What an item type is: everything the product needs to know of one kind of question, in two modules: this
 * spec (how to show, export, score and invent its answers: no zod, so a page that shows questions loads none)
 * and its checks (`<type>.checks.ts`: its meta-schema and its answers' check, with zod, loaded where a
 * definition is read or a form validated).
 * Each type's module (scale.ts, number.ts, ...) gives every member; the registry (index.ts) lists the
 * types, and its type makes a type that misses a member, or a registered type without a form field
 * (fields.tsx), fail to compile. docs/how-to/add-an-item-type.md walks through adding one.
 */

export const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

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
  notADate: "Vul een datum in als dag-maand-jaar, bijvoorbeeld 15-03-2027.",
  dateTooEarly: (min: string) => `Vul een datum in op of na ${min}.`,
  dateTooLate: (max: string) => `Vul een datum in op of voor ${max}.`,
};

// react-hook-form reports an untouched radio group as null and a checkbox group as false.
/** A posted text as the user typed it: browsers send a line break as CRLF, the counter beside the field counts it as one character. */
export const asText = (v: unknown) => (v == null || v === false ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);
export const asList = (v: unknown) => (v == null || v === false || v === "" ? [] : typeof v === "string" ? [v] : v);

/** One column an item contributes to an answers export. */
export interface ExportColumn {
  /** Column key: the item key, or item key and option for an item with one column per option. */
  key: string;
  /** The column's heading for a reader. */
  header: string;
  type: "text" | "number" | "date";
}

/** What demo data generation knows when it picks an answer. */
export interface DemoContext {
  rand: () => number;
  /** 0 (the team has hardly started) .. 1 (it meets the kwaliteitskader), minus how hard the theme is. */
  level: number;
  /** A believable toelichting. */
  comment: () => string;
}

export interface ItemTypeSpec<D extends { type: string; key: string; text: string }> {
  /** What the type is called in the answers export's codebook ("schaal", "getal"). */
  label: string;
  /** The codebook's description of the values its export columns hold ("Voldoet (score 2); ...", "vanaf 0, fte"). */
  codebookValues(item: D, scale: AnswerOption[]): string;
  /** Checks of the item that its schema alone cannot make, as messages (e.g. min above max). */
  problems(item: D): string[];
  /** The answer options, or null for free input. */
  options(item: D, scale: AnswerOption[]): AnswerOption[] | null;
  /** An answer holds several values (stored as a JSON list, posted as repeated fields). */
  multiple: boolean;
  /** A stored value as the form shows it to change it (a list for a multiple answer). */
  formValue(item: D, value: string | null): string | string[];
  /** A stored value as a reader sees it ("Voldoet deels", "3 fte", "15-03-2027"). */
  display(item: D, value: string, scale: AnswerOption[]): string;
  /** The columns of this item in an answers export. */
  exportColumns(item: D, scale: AnswerOption[]): ExportColumn[];
  /** Its cells in those columns for a stored value (null: not answered). Numbers and dates as such. */
  exportCells(item: D, value: string | null, scale: AnswerOption[]): unknown[];
  /** Whether answers of this type count in theme scores. */
  scored: boolean;
  /** A value's weight in theme scores, or null when it does not count. */
  score(item: D, value: string, scale: AnswerOption[]): number | null;
  /** A believable answer for the demo data (value null: the item is left open). */
  demo(item: D, context: DemoContext): { value: string | null; comment: string | null };
  /** The benchmark's answer in the i-th scan it fills in (deterministic); at i = 0 the first option, which the tests use as a valid answer. */
  bench(item: D, i: number, scale: AnswerOption[]): string;
}

/** Parses a stored multi answer (a JSON list of option values). */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** A single stored value as the form shows it. */
export const asFormText = (value: string | null) => value ?? "";

/** Options as the codebook lists them: each label, with its score where it counts. */
export const optionList = (options: AnswerOption[]) =>
  options.map((o) => `${o.label}${o.score !== null && o.score !== undefined ? ` (score ${o.score})` : ""}`).join("; ");

export const labelOf = (options: AnswerOption[], value: string) => options.find((o) => o.value === value)?.label ?? value;
