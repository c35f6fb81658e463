import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { loadDefinitions, parseDefinitionFile, QuestionnaireDefinitionError, registerDefinitions } from "../../app/models/questionnaire.server.ts";
import { allItems } from "../../app/questionnaire/definition.ts";
import { questionnaireJsonSchema } from "../../questionnaires/export-schema.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";

const minimal = () => ({
  key: "test-lijst",
  version: 1,
  title: "Test",
  audience: "team",
  sections: [
    {
      key: "A",
      title: "Eerste",
      items: [
        { key: "A1", type: "scale", text: "Vraag een" },
        { key: "A2", type: "text", text: "Vraag twee", maxLength: 10 },
      ],
    },
  ],
});

function expectInvalid(definition: unknown, ...fragments: string[]) {
  let message = "";
  try {
    parseDefinitionFile("questionnaires/test.json", JSON.stringify(definition));
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionnaireDefinitionError);
    message = (error as Error).message;
  }
  expect(message).not.toBe("");
  expect(message).toContain("questionnaires/test.json");
  for (const fragment of fragments) expect(message).toContain(fragment);
}

describe("the questionnaire files in questionnaires/", () => {
  const loaded = loadDefinitions("questionnaires");

  it("are valid, and the team zelfscan has themes A to H with at least 40 items", () => {
    const team = loaded.find((l) => l.definition.key === "zelfscan-team")!.definition;
    expect(team.audience).toBe("team");
    expect(team.sections.map((s) => s.key)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(allItems(team).length).toBeGreaterThanOrEqual(40);
    expect(team.scale.options.map((o) => o.label)).toEqual(["Voldoet", "Voldoet deels", "Voldoet niet", "Weet niet", "N.v.t."]);
    expect(allItems(team).filter((i) => i.help).length).toBeGreaterThan(5);
  });

  it("include the municipal part (theme I) for audience municipality", () => {
    const municipal = loaded.find((l) => l.definition.key === "zelfscan-gemeente")!.definition;
    expect(municipal.audience).toBe("municipality");
    expect(municipal.sections.map((s) => s.key)).toEqual(["I"]);
  });

  it("match the exported JSON Schema (run npm run schema:export after changing the meta-schema)", () => {
    const onDisk = JSON.parse(readFileSync("questionnaires/questionnaire.schema.json", "utf8"));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(questionnaireJsonSchema())));
  });
});

describe("an invalid definition is refused with the file, the place and the problem", () => {
  it("not JSON", () => {
    expect(() => parseDefinitionFile("questionnaires/kapot.json", "{ key: ")).toThrow(/questionnaires\/kapot\.json: geen geldige JSON/);
  });

  it("an unknown item type", () => {
    const d = minimal();
    (d.sections[0]!.items[0] as { type: string }).type = "slider";
    expectInvalid(d, "sections[0].items[0].type");
  });

  it("a missing title", () => {
    const d: Record<string, unknown> = minimal();
    delete d.title;
    expectInvalid(d, "title");
  });

  it("an unknown property (a typo)", () => {
    const d = minimal();
    (d.sections[0]!.items[0] as Record<string, unknown>).requird = true;
    expectInvalid(d, "sections[0].items[0]", "requird");
  });

  it("an item key used twice", () => {
    const d = minimal();
    d.sections[0]!.items[1]!.key = "A1";
    expectInvalid(d, "sections[0].items[1].key", "A1 komt twee keer voor");
  });

  it("a condition on a later item", () => {
    const d = minimal();
    (d.sections[0]!.items[0] as Record<string, unknown>).showIf = { item: "A2", equals: "x" };
    expectInvalid(d, "sections[0].items[0].showIf.item", "geen eerdere vraag");
  });

  it("a condition on an answer the item does not have", () => {
    const d = minimal();
    d.sections[0]!.items.push({ key: "A3", type: "scale", text: "Drie", showIf: { item: "A1", equals: "misschien" } } as never);
    expectInvalid(d, "sections[0].items[2].showIf", "misschien is geen antwoord van A1");
  });

  it("a text item without a maximum length", () => {
    const d = minimal();
    delete (d.sections[0]!.items[1] as Record<string, unknown>).maxLength;
    expectInvalid(d, "sections[0].items[1].maxLength");
  });
});

describe("registering definition versions", () => {
  let context: TestContext;
  afterEach(() => context?.close());

  it("records a new version once and refuses a changed version under the same number", async () => {
    context = openTestDatabase();
    const original = parseDefinitionFile("questionnaires/test.json", JSON.stringify(minimal()));
    await registerDefinitions(context.db, [original]);
    await registerDefinitions(context.db, [original]);
    const rows = await context.db.selectFrom("questionnaire_version").selectAll().where("key", "=", "test-lijst").execute();
    expect(rows).toHaveLength(1);

    const changed = minimal();
    changed.sections[0]!.items[0]!.text = "Vraag een, anders geformuleerd";
    const edited = parseDefinitionFile("questionnaires/test.json", JSON.stringify(changed));
    await expect(registerDefinitions(context.db, [edited])).rejects.toThrow(/questionnaires\/test\.json: test-lijst versie 1 is al in gebruik/);

    const reformatted = parseDefinitionFile("questionnaires/test.json", JSON.stringify(minimal(), null, 4));
    await expect(registerDefinitions(context.db, [reformatted])).resolves.toBeUndefined();
  });
});

describe("start-up", () => {
  it("stops with a message naming the file and the place when a definition is invalid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vragenlijsten-"));
    const bad = minimal();
    (bad.sections[0]!.items[1] as Record<string, unknown>).maxLength = -5;
    writeFileSync(join(dir, "kapot.v1.json"), JSON.stringify(bad));
    const run = promisify(execFile);
    const failure = await run(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, QUESTIONNAIRES_DIR: dir, DATABASE_URL: join(dir, "app.db"), PORT: "0", NODE_ENV: "production" },
      timeout: 30_000,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("kapot.v1.json");
    expect(failure?.stderr).toContain("sections[0].items[1].maxLength");
  });
});
