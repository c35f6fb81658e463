import type { DB } from "../../db/client.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { roundTableDefinition } from "../models/dashboard.server.ts";
import { roundTableRecords } from "../models/rondetafel.server.ts";
import type { Sheet } from "./spreadsheets.server.ts";

// What programma downloads of the round tables: all answers (the dashboard's figures: services/dashboard.server.ts).

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
