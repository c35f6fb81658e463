import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import type { UseFormRegister } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { FormValues } from "../../app/questionnaire/answers.ts";
import { DEFAULT_SCALE } from "../../app/questionnaire/definition.ts";
import { dutchDate, parseDutchDate } from "../../app/forms/dates.ts";
import { ITEM_FIELDS } from "../../app/questionnaire/item-types/fields.tsx";
import { ITEM_KINDS, typeOf, type Item } from "../../app/questionnaire/item-types/index.ts";
import { itemSchema, valueCheckOf } from "../../app/questionnaire/item-types/checks.ts";
import { QuestionField } from "../../app/questionnaire/ui/QuestionField.tsx";

// Every item type, checked through the registry the way the product uses it: a definition file's item,
// the form's value check, what is stored, shown, exported, scored, and the demo and benchmark answers.

const scale = DEFAULT_SCALE.options;
const options = [
  { value: "een", label: "Een" },
  { value: "twee", label: "Twee" },
  { value: "drie", label: "Drie" },
];
const EXAMPLES: Record<string, unknown> = {
  scale: { key: "A1", type: "scale", text: "Stelling", comment: true },
  single: { key: "S1", type: "single", text: "Kies een", options },
  multi: { key: "M1", type: "multi", text: "Kies wat past", options, maxSelected: 2 },
  boolean: { key: "B1", type: "boolean", text: "Ja of nee?" },
  number: { key: "N1", type: "number", text: "Hoeveel?", min: 0, max: 100, unit: "fte" },
  text: { key: "T1", type: "text", text: "Toelichting", maxLength: 200 },
  date: { key: "D1", type: "date", text: "Wanneer?", min: "2026-01-01", max: "2030-12-31" },
};
const parse = (kind: string) => itemSchema.parse(EXAMPLES[kind]) as Item;

describe("every registered item type", () => {
  it("has an example here, a form field, and a definition schema that refuses an unknown property", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...ITEM_KINDS].sort());
    expect(Object.keys(ITEM_FIELDS).sort()).toEqual([...ITEM_KINDS].sort());
    for (const kind of ITEM_KINDS) expect(itemSchema.safeParse({ ...(EXAMPLES[kind] as object), colour: "rood" }).success, kind).toBe(false);
  });

  it.each(ITEM_KINDS)("%s: its benchmark answer is valid, stored as given, shown, and exported in as many cells as it has columns", (kind) => {
    const item = parse(kind);
    const spec = typeOf(item);
    for (const i of [0, 1, 2]) {
      const stored = spec.bench(item, i, scale);
      const entered = spec.formValue(item, stored);
      const checked = valueCheckOf(item, scale).safeParse(entered);
      expect(checked.success, `${kind} ${stored}`).toBe(true);
      // What the form shows, checked, is what was stored: the round trip loses nothing.
      expect(spec.multiple ? JSON.stringify(checked.data) : checked.data).toBe(stored);
      expect(spec.display(item, stored, scale)).not.toBe("");
      expect(spec.exportCells(item, stored, scale)).toHaveLength(spec.exportColumns(item, scale).length);
      expect(spec.exportCells(item, null, scale).every((cell) => cell === null)).toBe(true);
    }
  });

  it.each(ITEM_KINDS)("%s: names itself and its values for the answers export's codebook", (kind) => {
    const spec = typeOf(parse(kind));
    expect(spec.label).toMatch(/^[a-zé/ ]{4,}$/);
    expect(typeof spec.codebookValues(parse(kind), scale)).toBe("string");
  });

  it.each(ITEM_KINDS)("%s: a value that is no answer of it is refused; an empty one is a draft", (kind) => {
    const item = parse(kind);
    const check = valueCheckOf(item, scale);
    expect(check.safeParse(typeOf(item).multiple ? [] : "").success).toBe(true);
    if (kind === "text") expect(check.safeParse("x".repeat(201)).success).toBe(false);
    else expect(check.safeParse(typeOf(item).multiple ? ["vier"] : "vier").success).toBe(false);
  });

  it.each(ITEM_KINDS)("%s: its demo answer is valid", (kind) => {
    const item = parse(kind);
    const spec = typeOf(item);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 20; i++) {
      const { value } = spec.demo(item, { rand, level: 0.5, comment: () => "Toelichting" });
      if (value !== null) expect(valueCheckOf(item, scale).safeParse(spec.formValue(item, value)).success, `${kind} ${value}`).toBe(true);
    }
  });

  it.each(ITEM_KINDS)("%s: its form field renders a labelled input whose id the error summary links to", (kind) => {
    const item = parse(kind);
    const register = ((name: string) => ({ name, onChange: async () => {}, onBlur: async () => {}, ref: () => {} })) as unknown as UseFormRegister<FormValues>;
    const html = renderToStaticMarkup(
      createElement(QuestionField, { definition: { scale: { options: scale } } as never, item, register, value: undefined, comment: undefined }),
    );
    expect(html).toContain(`id="veld-${item.key}"`);
    expect(html).toMatch(typeOf(item).options(item, scale) ? /<legend/ : new RegExp(`<label[^>]*for="veld-${item.key}"`));
  });
});

describe("scores", () => {
  it("only scale answers count, with the scale's weights; weet niet and n.v.t. do not", () => {
    const item = parse("scale");
    expect(typeOf(item).score(item, "voldoet", scale)).toBe(2);
    expect(typeOf(item).score(item, "voldoet_deels", scale)).toBe(1);
    expect(typeOf(item).score(item, "weet_niet", scale)).toBeNull();
    for (const kind of ITEM_KINDS.filter((k) => k !== "scale")) expect(typeOf(parse(kind)).scored, kind).toBe(false);
  });
});

describe("a multi answer in an export", () => {
  it("has one column per option, 1 when chosen and 0 when not", () => {
    const item = parse("multi");
    expect(
      typeOf(item)
        .exportColumns(item, scale)
        .map((c) => c.header),
    ).toEqual(["Kies wat past: Een", "Kies wat past: Twee", "Kies wat past: Drie"]);
    expect(typeOf(item).exportCells(item, JSON.stringify(["een", "drie"]), scale)).toEqual([1, 0, 1]);
  });
});

describe("dates", () => {
  it("are entered the Dutch way, stored as ISO dates and shown the Dutch way again", () => {
    const item = parse("date");
    const check = valueCheckOf(item, scale);
    expect(check.parse("15-03-2027")).toBe("2027-03-15");
    expect(check.parse("5-3-2027")).toBe("2027-03-05");
    expect(check.parse("15/03/2027")).toBe("2027-03-15");
    // Written the right way but not a day of the calendar: the message says so (issue 27).
    expect(check.safeParse("31-02-2027").error?.issues[0]?.message).toBe("31-02-2027 bestaat niet: februari 2027 heeft 28 dagen.");
    expect(check.safeParse("29-02-2028").success).toBe(true);
    expect(check.safeParse("31-04-2027").error?.issues[0]?.message).toBe("31-04-2027 bestaat niet: april 2027 heeft 30 dagen.");
    expect(check.safeParse("eind maart").error?.issues[0]?.message).toBe("Vul een datum in als dag-maand-jaar, bijvoorbeeld 15-03-2027.");
    expect(check.safeParse("15-03-2025").error?.issues[0]?.message).toBe("Vul een datum in op of na 01-01-2026.");
    expect(check.safeParse("01-01-2031").error?.issues[0]?.message).toBe("Vul een datum in op of voor 31-12-2030.");
    expect(typeOf(item).display(item, "2027-03-15", scale)).toBe("15-03-2027");
    expect(typeOf(item).formValue(item, "2027-03-15")).toBe("15-03-2027");
    expect(parseDutchDate("2027-03-15")).toBe("2027-03-15");
    expect(dutchDate("2027-12-01")).toBe("01-12-2027");
    expect(typeOf(item).exportColumns(item, scale)[0]!.type).toBe("date");
  });

  it("a definition's bounds must be dates, and min before max", () => {
    expect(itemSchema.safeParse({ ...(EXAMPLES.date as object), min: "1-1-2026" }).success).toBe(false);
    const item = itemSchema.parse({ ...(EXAMPLES.date as object), min: "2031-01-01" }) as Item;
    expect(typeOf(item).problems(item)).toEqual(["min ligt na max"]);
  });
});
