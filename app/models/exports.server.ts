import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
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
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` },
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

/** How many records one query reads: the export holds the database only for that long, never while it waits for the client. */
const RECORDS_PER_QUERY = 100;

/**
 * All round-table records, ordered by year and region, answers in item order. Read a page of records
 * at a time (keyset on year, region, id), each page one short query for the records and one for their
 * answers: the process has one database connection, and a query kept open while a slow download
 * drains would hold up every other user's page until the download finished.
 */
async function* recordsOf(db: DB, definition: QuestionnaireDefinition) {
  const items = allItems(definition);
  let after: [number, string, number] | null = null;
  for (;;) {
    let query = db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .innerJoin("region", "region.id", "response.region_id")
      .select(["response.id", "round.year", "region.name as region", "response.status"])
      .where("response.questionnaire_key", "=", ROUND_TABLE_QUESTIONNAIRE)
      // Every round-table round has its year (the keyset below relies on it).
      .where("round.year", "is not", null);
    if (after) query = query.where((eb) => eb(eb.refTuple("round.year", "region.name", "response.id"), ">", eb.tuple(...after!)));
    const records = await query.orderBy("round.year").orderBy("region.name").orderBy("response.id").limit(RECORDS_PER_QUERY).execute();
    if (!records.length) return;
    const answers = new Map<number, Map<string, { value: string | null; comment: string | null }>>();
    const rows = await db
      .selectFrom("answer")
      .select(["response_id", "item_key", "value", "comment"])
      .where("response_id", "in", records.map((r) => r.id))
      .execute();
    for (const row of rows) {
      if (!answers.has(row.response_id)) answers.set(row.response_id, new Map());
      answers.get(row.response_id)!.set(row.item_key, row);
    }
    for (const record of records) {
      const own = answers.get(record.id);
      yield [
        record.year,
        record.region,
        record.status === "submitted" ? "ingediend" : "concept",
        ...items.map((item) => {
          const answer = own?.get(item.key);
          return (answer ? displayAnswer(definition, item, answer) : null) ?? "";
        }),
      ];
    }
    const last = records[records.length - 1]!;
    after = [last.year!, last.region, last.id];
  }
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
  // exceljs is loaded on the first workbook asked for: about 25 MB that most servers never need.
  const { default: ExcelJS } = await import("exceljs");
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
    },
  });
}
