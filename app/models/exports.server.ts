import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { DB } from "../../db/client.ts";
import { displayAnswer } from "../questionnaire/answers.ts";
import { allItems, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { roundTableDefinition, type YearFigures } from "./dashboard.server.ts";
import { ROUND_TABLE_QUESTIONNAIRE } from "./rondetafel.server.ts";

// Exports for programma. They stream: rows are written as the query yields them, never built whole in
// memory. Every text cell that a spreadsheet would read as a formula is neutralised.

/** A cell starting with =, +, -, @ (or a tab or carriage return) gets a leading apostrophe (OWASP CSV injection). */
export function neutralise(value: unknown): unknown {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvResponse(filename: string, write: (out: NodeJS.WritableStream) => Promise<void>): Response {
  const csv = stringify({ delimiter: ";", bom: true, cast: { string: (v) => String(neutralise(v)) } });
  write(csv)
    .then(() => csv.end())
    .catch((error) => csv.destroy(error));
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}

/** The dashboard's figures: one row per figure (indicator, answer, year, number of regions, out of). */
export function figuresCsv(figures: YearFigures): Response {
  return csvResponse(`dashboard-${figures.year}.csv`, async (out) => {
    const write = (row: unknown[]) => new Promise<void>((resolve) => (out.write(row as never) ? resolve() : out.once("drain", resolve)));
    await write(["indicator", "vraag", "antwoord", "antwoordtekst", "jaar", "aantal_regios", "van"]);
    for (const f of figures.figures) await write([f.indicator, f.indicatorText, f.answer, f.answerLabel, figures.year, f.count, figures.outOf]);
  });
}

interface AnswerRow {
  year: number | null;
  region: string;
  status: string;
  item_key: string | null;
  value: string | null;
  comment: string | null;
}

/** All round-table records, ordered by year and region, answers in item order: one query, streamed. */
async function* recordsOf(db: DB, definition: QuestionnaireDefinition) {
  const rows = db
    .selectFrom("response")
    .innerJoin("round", "round.id", "response.round_id")
    .innerJoin("region", "region.id", "response.region_id")
    .leftJoin("answer", "answer.response_id", "response.id")
    .select(["round.year", "region.name as region", "response.status", "answer.item_key", "answer.value", "answer.comment", "response.id"])
    .where("response.questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE)
    .orderBy("round.year")
    .orderBy("region.name")
    .orderBy("response.id")
    .stream(200);
  const items = allItems(definition);
  let current: { id: number; first: AnswerRow; answers: Map<string, AnswerRow> } | null = null;
  const emit = (record: NonNullable<typeof current>) => [
    record.first.year,
    record.first.region,
    record.first.status === "submitted" ? "ingediend" : "concept",
    ...items.map((item) => {
      const row = record.answers.get(item.key);
      const shown = row ? displayAnswer(definition, item, { value: row.value, comment: row.comment }) : null;
      return shown ?? "";
    }),
  ];
  for await (const row of rows) {
    if (!current || current.id !== row.id) {
      if (current) yield emit(current);
      current = { id: row.id, first: row, answers: new Map() };
    }
    if (row.item_key) current.answers.set(row.item_key, row);
  }
  if (current) yield emit(current);
}

function headers(definition: QuestionnaireDefinition) {
  const items = allItems(definition);
  return { keys: ["jaar", "regio", "stand", ...items.map((i) => i.key)], texts: ["Jaar", "Regio", "Stand", ...items.map((i) => i.text)], items };
}

/** All round-table answers as CSV: one row per region and year; the first row the item keys, the second their texts. */
export async function answersCsv(db: DB): Promise<Response> {
  const definition = await roundTableDefinition(db);
  if (!definition) throw new Response("Niet gevonden", { status: 404 });
  const { keys, texts } = headers(definition);
  return csvResponse("rondetafels.csv", async (out) => {
    const write = (row: unknown[]) => new Promise<void>((resolve) => (out.write(row as never) ? resolve() : out.once("drain", resolve)));
    await write(keys);
    await write(texts);
    for await (const record of recordsOf(db, definition)) await write(record);
  });
}

/** The same as an Excel workbook: sheet "Antwoorden" (one row per region and year) and sheet "Vragen" (key, text). */
export async function answersXlsx(db: DB): Promise<Response> {
  const definition = await roundTableDefinition(db);
  if (!definition) throw new Response("Niet gevonden", { status: 404 });
  const { keys } = headers(definition);
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  (async () => {
    const answers = workbook.addWorksheet("Antwoorden");
    answers.addRow(keys).commit();
    for await (const record of recordsOf(db, definition)) answers.addRow(record.map(neutralise)).commit();
    answers.commit();
    const questions = workbook.addWorksheet("Vragen");
    questions.addRow(["sleutel", "onderdeel", "vraag"]).commit();
    for (const section of definition.sections) for (const item of section.items) questions.addRow([item.key, section.title, neutralise(item.text)]).commit();
    questions.commit();
    await workbook.commit();
  })().catch((error) => stream.destroy(error));
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="rondetafels.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
