import type { DB } from "../../db/client.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { roundTableDefinition } from "../models/dashboard.server.ts";
import { roundTableRecords } from "../models/rondetafel.server.ts";
import { headerOf, type Sheet } from "./spreadsheets.server.ts";

// What programma downloads of the round tables: all answers (the dashboard's figures: services/dashboard.server.ts).

/**
 * All round-table answers, one row per region and year, under one header row in words (the key and the start
 * of each question's text); the "Vragen" sheet (XLSX) lists each column with its key, section and full text.
 */
export async function roundTableSheets(db: DB): Promise<{ answers: Sheet; questions: Sheet } | null> {
  const definition = await roundTableDefinition(db);
  if (!definition) return null;
  const items = allItems(definition);
  return {
    answers: {
      name: "Antwoorden",
      columns: [
        { header: "Jaar", type: "number", width: 8 },
        { header: "Regio", width: 26 },
        { header: "Stand", width: 11 },
        ...items.map((item) => ({ header: headerOf(item.key, item.text), width: 30 })),
      ],
      rows: roundTableRecords(db, definition),
    },
    questions: {
      name: "Vragen",
      columns: [
        { header: "Kolom", width: 40 },
        { header: "Vraag", width: 24 },
        { header: "Onderdeel", width: 30 },
        { header: "Vraagtekst", width: 80 },
      ],
      rows: questionRows(definition),
    },
  };
}

function* questionRows(definition: QuestionnaireDefinition) {
  for (const section of definition.sections) for (const item of section.items) yield [headerOf(item.key, item.text), item.key, section.title, item.text];
}
