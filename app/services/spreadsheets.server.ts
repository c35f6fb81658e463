import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { dayOf } from "../domain/format.ts";

/**
 * Tables as downloads: CSV (";", "," as decimal sign, dates as YYYY-MM-DD and a byte-order mark, so
 * Excel in a Dutch locale opens them as columns) and XLSX (exceljs's streaming writer). Both have the
 * same columns under one header row in words (decision 82); a codebook sheet holds keys and full texts.
 * Rows are written as they come, never built whole in memory. In CSV every text cell a spreadsheet would
 * read as a formula is neutralised; in XLSX a text is a typed string cell, which no spreadsheet evaluates,
 * so it stays as written. Every XLSX sheet has its header frozen, a filter and column widths. No HTTP
 * here: the route turns the stream into a download (app/http/http.server.ts).
 */

export interface Column {
  header: string;
  /** Width in characters (XLSX). */
  width?: number;
  /** "date": an ISO date or timestamp becomes a real date cell (XLSX); "number" a number cell. */
  type?: "text" | "number" | "date";
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
}

/** A column header in words of reasonable length: the key, then the text cut at a word (the codebook holds it whole). */
export function headerOf(key: string, text: string, max = 60): string {
  const words = text.replace(/\s+/g, " ").trim();
  if (words.length <= max) return `${key}: ${words}`;
  const cut = words.slice(0, max + 1).replace(/\s+\S*$/, "");
  return `${key}: ${(cut.length >= max / 2 ? cut : words.slice(0, max)).replace(/[\s,;:.]+$/, "")}…`;
}

/** A cell starting with =, +, -, @ (or a tab or carriage return) gets a leading apostrophe (OWASP CSV injection). */
export function neutralise(value: unknown): unknown {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The day (YYYY-MM-DD, in the Netherlands) of a date column's ISO date or timestamp; anything else as it is. */
function dayOfCell(value: unknown): unknown {
  if (typeof value !== "string" || value.length <= 10) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dayOf(new Date(time));
}

export function csvStream(sheet: Sheet): Readable {
  // Dutch Excel reads ";" as the column separator and "," as the decimal sign.
  const csv = stringify({
    delimiter: ";",
    bom: true,
    cast: { string: (v) => String(neutralise(v)), number: (n) => String(n).replace(".", ","), date: (d) => d.toISOString() },
  });
  const write = (row: unknown[]) => new Promise<void>((resolve) => (csv.write(row as never) ? resolve() : csv.once("drain", resolve)));
  const dates = sheet.columns.map((c) => c.type === "date");
  (async () => {
    await write(sheet.columns.map((c) => c.header));
    for await (const row of sheet.rows) await write(dates.includes(true) ? row.map((v, i) => (dates[i] ? dayOfCell(v) : v)) : row);
    csv.end();
  })().catch((error) => csv.destroy(error));
  return csv;
}

const asCell = (value: unknown, column: Column | undefined) => {
  if (value == null || value === "") return null;
  if (column?.type === "date" && typeof value === "string") {
    // A timestamp becomes the day it was in the Netherlands, so the cell shows the date the page shows.
    const day = dayOfCell(value) as string;
    const time = Date.parse(`${day}T00:00:00Z`);
    return Number.isNaN(time) ? value : new Date(time);
  }
  // A string is written as a string cell: never a formula, so no apostrophe in front of "+31 6 ..." or "=".
  return value;
};

export async function xlsxStream(sheets: Sheet[]): Promise<Readable> {
  // exceljs is loaded on the first workbook asked for: about 25 MB that most servers never need.
  const { default: ExcelJS } = await import("exceljs");
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
      worksheet.columns = sheet.columns.map((c) => ({
        header: c.header,
        width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)),
        style: c.type === "date" ? { numFmt: "dd-mm-yyyy" } : {},
      }));
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
      for await (const row of sheet.rows) worksheet.addRow(row.map((v, i) => asCell(v, sheet.columns[i]))).commit();
      worksheet.commit();
    }
    await workbook.commit();
  })().catch((error) => stream.destroy(error));
  return stream;
}

/** Rows of a plain list, for a sheet. */
export function* rowsOf<T>(items: Iterable<T>, row: (item: T) => unknown[]) {
  for (const item of items) yield row(item);
}
