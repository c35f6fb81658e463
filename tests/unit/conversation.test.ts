import { describe, expect, it } from "vitest";
import { conversation, professionalDefinition, professionalItems, PROFESSIONALS_MIN } from "../../app/domain/conversation.ts";
import type { AnswerMap } from "../../app/questionnaire/answers.ts";
import { questionnaireDefinitionSchema } from "../../app/questionnaire/definition-schema.ts";

// The conversation of a team's zelfscan (decision 79), on a hand-made questionnaire and hand-made views.

const definition = questionnaireDefinitionSchema.parse({
  key: "zelfscan-test",
  version: 1,
  title: "Test",
  audience: "team",
  sections: [
    {
      key: "A",
      title: "Visie",
      items: [
        { key: "A1", type: "scale", text: "Eens", comment: true },
        { key: "A2", type: "scale", text: "Verdeeld" },
        { key: "A3", type: "scale", text: "Anders dan het team" },
        { key: "A4", type: "number", text: "Hoeveel fte?" },
      ],
    },
    { key: "B", title: "Overslaan", professionals: false, items: [{ key: "B1", type: "scale", text: "Niet gevraagd" }] },
    {
      key: "C",
      title: "Ja of nee",
      items: [
        { key: "C1", type: "boolean", text: "Is er een aandachtsfunctionaris?" },
        { key: "C2", type: "text", text: "Toelichting", maxLength: 500, professionals: true },
      ],
    },
  ],
});

const v = (value: string, comment: string | null = null) => ({ value, comment });
const view = (a1: string, a2: string, a3: string, c1: string, comment: string | null = null): AnswerMap => ({
  A1: v(a1, comment),
  A2: v(a2),
  A3: v(a3),
  C1: v(c1),
});

describe("which items the professionals answer", () => {
  it("every item with answer options, not a section or item the definition leaves out, free input only where asked; nothing required", () => {
    expect(professionalItems(definition).map((i) => i.key)).toEqual(["A1", "A2", "A3", "C1", "C2"]);
    const shown = professionalDefinition(definition);
    expect(shown.sections.map((s) => s.key)).toEqual(["A", "C"]);
    expect(shown.sections.flatMap((s) => s.items).every((i) => !i.required)).toBe(true);
  });
});

describe("the conversation", () => {
  const manager: AnswerMap = { A1: v("voldoet"), A2: v("voldoet_deels"), A3: v("voldoet"), C1: v("ja") };

  it(`shows nothing of ${PROFESSIONALS_MIN - 1} views, only how many are missing`, () => {
    const two = [view("voldoet", "voldoet", "voldoet_niet", "ja"), view("voldoet", "voldoet_niet", "voldoet_niet", "nee")];
    expect(conversation(definition, manager, two)).toEqual({ shown: false, responses: 2, missing: 1 });
  });

  it("orders the topics by how much there is to talk about: the team far from the professionals first, then a divided team; agreement is no topic", () => {
    const views = [
      view("voldoet", "voldoet", "voldoet_niet", "ja", "Zo werken we"),
      view("voldoet", "voldoet_niet", "voldoet_niet", "ja"),
      view("voldoet", "voldoet", "voldoet_deels", "ja", "Afgesproken"),
      view("voldoet", "voldoet_niet", "voldoet_niet", "nee"),
    ];
    const result = conversation(definition, manager, views);
    if (!result.shown) throw new Error("expected the conversation to be shown");
    expect(result.responses).toBe(4);
    // A3: the manager says voldoet (2), the professionals average 0.25: difference 0.875, spread ~0.43.
    // A2: the professionals split between 2 and 0 (spread 1), the manager (1) sits at their mean (difference 0).
    expect(result.topics.map((t) => t.key)).toEqual(["A3", "A2"]);
    const a3 = result.themes[0]!.items.find((i) => i.key === "A3")!;
    expect(a3).toMatchObject({ manager: "Voldoet", answered: 4, difference: 0.88, spread: 0.43, weight: 1.31 });
    expect(a3.counts.map((c) => [c.value, c.count])).toEqual([
      ["voldoet", 0],
      ["voldoet_deels", 1],
      ["voldoet_niet", 3],
      ["weet_niet", 0],
      ["nvt", 0],
    ]);
    const a1 = result.themes[0]!.items.find((i) => i.key === "A1")!;
    expect(a1).toMatchObject({ difference: 0, spread: 0, weight: 0 });
    // Comments in alphabetical order, not in the order they were given.
    expect(a1.comments).toEqual(["Afgesproken", "Zo werken we"]);
    // A yes/no item: the share that answered otherwise than the team, and outside the most given answer.
    const c1 = result.themes[1]!.items.find((i) => i.key === "C1")!;
    expect(c1).toMatchObject({ difference: 0.25, spread: 0.25 });
    expect(result.themes.map((t) => t.key)).toEqual(["A", "C"]);
  });

  it("without the team's answer compares nothing with it, and a difference is then no reason for a topic", () => {
    const views = [
      view("voldoet_niet", "voldoet", "voldoet_niet", "ja"),
      view("voldoet_niet", "voldoet", "voldoet_niet", "ja"),
      view("voldoet_niet", "voldoet", "voldoet_niet", "ja"),
    ];
    const result = conversation(definition, {}, views);
    expect(result.shown && result.topics).toEqual([]);
    expect(result.shown && result.themes[0]!.items[0]!.manager).toBeNull();
  });
});
