import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** The Response of a resource route (a download), from run()'s outcome. */
export function responseOf(outcome: { raw?: Response }): Response {
  if (!outcome.raw) throw new Error("not a download");
  return outcome.raw;
}

/** A downloaded CSV read back as a spreadsheet in a Dutch locale would: ";" between columns, the byte-order mark dropped. */
export async function csvRows(outcome: { raw?: Response }): Promise<string[][]> {
  const text = await responseOf(outcome).text();
  return parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true });
}

/** A downloaded XLSX read back with exceljs. */
export async function workbookOf(outcome: { raw?: Response }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await responseOf(outcome).arrayBuffer()) as never);
  return workbook;
}
