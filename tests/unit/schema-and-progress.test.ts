import { describe, expect, it, vi } from "vitest";
import { sectionAnswersFromForm, sectionFormValues, type AnswerMap } from "../../app/questionnaire/answers.ts";
import { type QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { questionnaireDefinitionSchema } from "../../app/questionnaire/definition-schema.ts";
import { readSectionForm } from "../../app/questionnaire/form-data.ts";
import { sectionProgress, taskList } from "../../app/questionnaire/progress.ts";
import { sectionSchema } from "../../app/questionnaire/schema.ts";
import { messages } from "../../app/questionnaire/item-types/spec.ts";
import { fieldErrorsOf } from "../../app/forms/field-errors.ts";
import { checkComplete } from "../../app/services/questionnaire-pages.server.ts";

const definition: QuestionnaireDefinition = questionnaireDefinitionSchema.parse({
  key: "proef",
  version: 1,
  title: "Proef",
  audience: "team",
  sections: [
    {
      key: "A",
      title: "Eerste",
      items: [
        { key: "A1", type: "scale", text: "Schaalvraag", comment: true },
        { key: "A2", type: "boolean", text: "Ja of nee" },
        { key: "A3", type: "scale", text: "Alleen bij ja", showIf: { item: "A2", equals: "ja" } },
        { key: "A4", type: "number", text: "Aantal", min: 0, max: 50, required: false },
        { key: "A5", type: "text", text: "Toelichting", maxLength: 20, required: false },
      ],
    },
    {
      key: "B",
      title: "Tweede",
      items: [
        {
          key: "B1",
          type: "multi",
          text: "Kies",
          options: [
            { value: "x", label: "X" },
            { value: "y", label: "Y" },
            { value: "z", label: "Z" },
          ],
          maxSelected: 2,
        },
        {
          key: "B2",
          type: "single",
          text: "Een",
          options: [
            { value: "p", label: "P" },
            { value: "q", label: "Q" },
          ],
          showIf: { item: "A2", equals: "nee" },
        },
      ],
    },
  ],
});
const [A, B] = definition.sections as [QuestionnaireDefinition["sections"][number], QuestionnaireDefinition["sections"][number]];

const errorsOf = (section = A, values: Record<string, unknown>, mode: "draft" | "complete" = "draft", context: AnswerMap = {}) => {
  const result = sectionSchema(definition, section, mode, context).safeParse(values);
  return result.success ? {} : fieldErrorsOf(result.error, "_form");
};

describe("the schema derived from a section", () => {
  it("accepts a partial draft: empty answers are allowed until submitting", () => {
    expect(errorsOf(A, { A1: "", A2: "", A3: "", A4: "", A5: "" })).toEqual({});
    expect(errorsOf(A, {})).toEqual({});
  });

  it("treats react-hook-form's null (untouched radio group) as empty", () => {
    expect(errorsOf(A, { A1: null, A2: null })).toEqual({});
  });

  it("refuses a value that is not on the scale or not an option", () => {
    expect(errorsOf(A, { A1: "heel_goed", A2: "misschien" })).toEqual({ A1: messages.chooseOption, A2: messages.chooseOption });
    expect(errorsOf(B, { B1: ["x", "w"] })).toEqual({ B1: messages.chooseOptions });
  });

  it("checks numbers: a number, whole, within the bounds", () => {
    expect(errorsOf(A, { A4: "twaalf" })).toEqual({ A4: messages.notANumber });
    expect(errorsOf(A, { A4: "2,5" })).toEqual({ A4: messages.notAnInteger });
    expect(errorsOf(A, { A4: "-1" })).toEqual({ A4: messages.tooLow(0) });
    expect(errorsOf(A, { A4: "51" })).toEqual({ A4: messages.tooHigh(50) });
    expect(errorsOf(A, { A4: " 12 " })).toEqual({});
  });

  it("checks text length, also of the toelichting", () => {
    expect(errorsOf(A, { A5: "x".repeat(21) })).toEqual({ A5: messages.tooLong(20) });
    expect(errorsOf(A, { A1__toelichting: "x".repeat(2001) })).toEqual({ A1__toelichting: messages.tooLong(2000) });
  });

  it("limits how many options a multi item takes, and refuses a repeated option", () => {
    expect(errorsOf(B, { B1: ["x", "y", "z"] })).toEqual({ B1: messages.tooMany(2) });
    expect(errorsOf(B, { B1: ["x", "x"] })).toEqual({ B1: messages.chooseOptions });
  });

  it("in complete mode requires every visible required item, and only those", () => {
    expect(errorsOf(A, { A2: "nee" }, "complete")).toEqual({ A1: messages.required });
    expect(errorsOf(A, { A1: "voldoet", A2: "ja" }, "complete")).toEqual({ A3: messages.required });
    expect(errorsOf(A, { A1: "voldoet", A2: "ja", A3: "nvt" }, "complete")).toEqual({});
  });

  it("looks at other sections for conditions (B2 applies when A2 is nee)", () => {
    expect(errorsOf(B, { B1: ["x"] }, "complete", { A2: { value: "nee", comment: null } })).toEqual({ B2: messages.required });
    expect(errorsOf(B, { B1: ["x"] }, "complete", { A2: { value: "ja", comment: null } })).toEqual({});
  });
});

describe("reading a posted section", () => {
  it("collects values, multi answers as lists, and names fields that do not belong", () => {
    const read = readSectionForm(B, [
      ["B1", "x"],
      ["B1", "y"],
      ["B2", "p"],
      ["revision", "3"],
      ["intent", "save"],
      ["A1", "voldoet"],
      ["is_admin", "1"],
    ]);
    expect(read.values).toEqual({ B1: ["x", "y"], B2: "p" });
    expect(read.unknownFields).toEqual(["A1", "is_admin"]);
    expect(read.repeatedFields).toEqual([]);
  });

  it("flags a single-answer field sent twice", () => {
    expect(
      readSectionForm(A, [
        ["A1", "voldoet"],
        ["A1", "nvt"],
      ]).repeatedFields,
    ).toEqual(["A1"]);
  });

  it("round-trips stored answers through the form's values", () => {
    const stored: AnswerMap = { A1: { value: "voldoet", comment: "goed" }, A4: { value: "12", comment: null } };
    const values = sectionFormValues(A, stored);
    expect(values).toMatchObject({ A1: "voldoet", A1__toelichting: "goed", A2: "", A4: "12" });
    const back = sectionAnswersFromForm(A, values);
    expect(back.A1).toEqual({ value: "voldoet", comment: "goed" });
    expect(back.A2).toEqual({ value: null, comment: null });
    expect(sectionAnswersFromForm(B, { B1: ["x", "z"] }).B1).toEqual({ value: '["x","z"]', comment: null });
  });
});

describe("section status and the task list", () => {
  it("a section with nothing answered is niet begonnen", () => {
    expect(sectionProgress(definition, A, {}).status).toBe("not_started");
  });

  it("a section with some required items open is bezig and names them", () => {
    const progress = sectionProgress(definition, A, { A2: { value: "ja", comment: null } });
    expect(progress.status).toBe("in_progress");
    expect(progress.missing.map((m) => m.key)).toEqual(["A1", "A3"]);
  });

  it("a section whose visible required items are answered is klaar; hidden items do not count", () => {
    const progress = sectionProgress(definition, A, { A1: { value: "voldoet_niet", comment: null }, A2: { value: "nee", comment: null } });
    expect(progress.status).toBe("complete");
    expect(progress.visible).toBe(4);
  });

  it("only a toelichting already makes a section bezig", () => {
    expect(sectionProgress(definition, A, { A1: { value: null, comment: "volgt" } }).status).toBe("in_progress");
  });

  it("the task list sums up what is left", () => {
    const tasks = taskList(definition, { A1: { value: "voldoet", comment: null }, A2: { value: "nee", comment: null } });
    expect(tasks.sections.map((s) => s.status)).toEqual(["complete", "not_started"]);
    expect(tasks.complete).toBe(false);
    expect(tasks.completedSections).toBe(1);
    expect(tasks.missingCount).toBe(2);
  });

  it("checkComplete lists every missing answer with its section, and nothing once complete", () => {
    const partial: AnswerMap = { A1: { value: "voldoet", comment: null }, A2: { value: "nee", comment: null } };
    expect(checkComplete(definition, partial).map((m) => `${m.sectionKey}:${m.itemKey}`)).toEqual(["B:B1", "B:B2"]);
    const full: AnswerMap = { ...partial, B1: { value: '["x"]', comment: null }, B2: { value: "q", comment: null } };
    expect(checkComplete(definition, full)).toEqual([]);
  });

  it("checkComplete also catches a stored value that is no longer valid", () => {
    const tampered: AnswerMap = {
      A1: { value: "uitstekend", comment: null },
      A2: { value: "ja", comment: null },
      A3: { value: "voldoet", comment: null },
      B1: { value: '["x"]', comment: null },
    };
    expect(checkComplete(definition, tampered).map((m) => m.itemKey)).toEqual(["A1"]);
  });

  it("checkComplete compiles no code per check (zod's compiled parser is made once per section, not per request)", () => {
    const partial: AnswerMap = { A1: { value: "voldoet", comment: null }, A2: { value: "nee", comment: null } };
    checkComplete(definition, partial); // the draft schemas' parsers may be compiled once
    const compiled = vi.spyOn(globalThis, "Function");
    try {
      for (let i = 0; i < 3; i++) expect(checkComplete(definition, partial)).toHaveLength(2);
      expect(compiled).not.toHaveBeenCalled();
    } finally {
      compiled.mockRestore();
    }
  });
});
