import type { DB } from "../../db/client.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { roundTableDefinition, type YearFigures } from "../models/dashboard.server.ts";
import { roundTableRecords } from "../models/rondetafel.server.ts";
import { rowsOf, type Sheet } from "./spreadsheets.server.ts";

// What programma downloads of the round tables: the dashboard's figures of a year, and all answers.

/** The dashboard's figures: one row per figure (indicator, answer, year, number of regions, out of). */
export function figuresSheet(figures: YearFigures): Sheet {
  return {
    name: `Dashboard ${figures.year}`,
    columns: ["indicator", "vraag", "antwoord", "antwoordtekst", "jaar", "aantal_regios", "van"].map((header) => ({ header })),
    rows: rowsOf(figures.figures, (f) => [f.indicator, f.indicatorText, f.answer, f.answerLabel, figures.year, f.count, figures.outOf]),
  };
}

/**
 * All round-table answers, one row per region and year. The columns are the item keys; in CSV a second
 * header row holds their texts. The "Vragen" sheet (XLSX) lists each key with its section and text.
 */
export async function roundTableSheets(db: DB): Promise<{ answers: Sheet; questions: Sheet } | null> {
  const definition = await roundTableDefinition(db);
  if (!definition) return null;
  const items = allItems(definition);
  const keys = ["jaar", "regio", "stand", ...items.map((i) => i.key)];
  return {
    answers: {
      name: "Antwoorden",
      columns: keys.map((header) => ({ header })),
      csvHeaderRows: [keys, ["Jaar", "Regio", "Stand", ...items.map((i) => i.text)]],
      rows: roundTableRecords(db, definition),
    },
    questions: { name: "Vragen", columns: ["sleutel", "onderdeel", "vraag"].map((header) => ({ header })), rows: questionRows(definition) },
  };
}

function* questionRows(definition: QuestionnaireDefinition) {
  for (const section of definition.sections) for (const item of section.items) yield [item.key, section.title, item.text];
}
