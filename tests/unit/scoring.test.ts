import { describe, expect, it } from "vitest";
import { questionnaireDefinitionSchema } from "../../app/questionnaire/definition-schema.ts";
import { lowThemes, themeFigures } from "../../app/domain/scoring.ts";

const definition = questionnaireDefinitionSchema.parse({
  key: "s",
  version: 1,
  title: "S",
  audience: "team",
  sections: [
    {
      key: "A",
      title: "Een",
      items: [
        { key: "A1", type: "scale", text: "a1" },
        { key: "A2", type: "scale", text: "a2" },
        { key: "A3", type: "number", text: "n" },
      ],
    },
    { key: "B", title: "Twee", items: [{ key: "B1", type: "scale", text: "b1" }] },
    { key: "C", title: "Drie", items: [{ key: "C1", type: "text", text: "t", maxLength: 5 }] },
  ],
});

describe("theme figures", () => {
  it("average the scores of the answers that count, as a share of the maximum; weet niet and n.v.t. do not count", () => {
    // A: 3x voldoet (2), 1x deels (1), 2x niet (0), 4x weet niet -> (6 + 1 + 0) / 6 = 1.1667 of 2 -> 58.3
    // B: 1x deels, 1x nvt -> 1 / 1 = 1 of 2 -> 50
    const figures = themeFigures(definition, [
      { item_key: "A1", value: "voldoet", n: 2 },
      { item_key: "A2", value: "voldoet", n: 1 },
      { item_key: "A1", value: "voldoet_deels", n: 1 },
      { item_key: "A2", value: "voldoet_niet", n: 2 },
      { item_key: "A2", value: "weet_niet", n: 4 },
      { item_key: "A3", value: "12", n: 3 },
      { item_key: "B1", value: "voldoet_deels", n: 1 },
      { item_key: "B1", value: "nvt", n: 1 },
    ]);
    expect(figures.map((f) => f.theme)).toEqual(["A", "B"]);
    expect(figures[0]).toMatchObject({ score: 58.3, counted: 6, distribution: { voldoet: 3, voldoet_deels: 1, voldoet_niet: 2, weet_niet: 4, nvt: 0 } });
    expect(figures[1]).toMatchObject({ score: 50, counted: 1, distribution: { voldoet: 0, voldoet_deels: 1, voldoet_niet: 0, weet_niet: 0, nvt: 1 } });
  });

  it("have no score where nothing counted", () => {
    expect(themeFigures(definition, [{ item_key: "B1", value: "weet_niet", n: 3 }])[1]!.score).toBeNull();
  });

  it("low themes are those below the threshold, lowest first", () => {
    const figures = themeFigures(definition, [
      { item_key: "A1", value: "voldoet_niet", n: 1 },
      { item_key: "B1", value: "voldoet_deels", n: 1 },
    ]);
    expect(lowThemes(figures, 75)).toEqual(["A", "B"]);
    expect(lowThemes(figures, 40)).toEqual(["A"]);
  });
});
