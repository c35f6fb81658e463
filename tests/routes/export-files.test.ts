import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { csvRows, workbookOf } from "../support/downloads.ts";
import { sessionCookieFor } from "../support/fixtures.ts";
import { getRequest, run } from "../support/http.ts";
import * as downloads from "../../app/routes/downloads.$file.tsx";
import * as dashboardCsv from "../../app/routes/programma.dashboard[.]csv.tsx";
import * as roundTablesCsv from "../../app/routes/programma.rondetafels[.]csv.tsx";
import * as roundTablesXlsx from "../../app/routes/programma.rondetafels[.]xlsx.tsx";

// Issue 26 (decision 82): every export reads like the pages. Each file programma downloads from the demo is
// opened as a spreadsheet would open it (CSV with csv-parse in the Dutch form, XLSX with exceljs): one header
// row in words, the same columns and the same values in the CSV and the XLSX, every sheet with a frozen
// header, a filter and widths, text cells as text (no apostrophe in the XLSX; the CSV keeps it).

let context: TestContext;
let programma: number;
beforeAll(async () => {
  context = openTestDatabase("demo");
  programma = (await context.db.selectFrom("user_account").select("id").where("email", "=", "programma@demo.example").executeTakeFirstOrThrow()).id;
});
afterAll(() => context.close());

type Loader = Parameters<typeof run>[0];
const fetchFile = async (loader: Loader, path: string, params: Record<string, string> = {}) => {
  const outcome = await run(loader, getRequest(path, await sessionCookieFor(context, programma)), context, params);
  expect(outcome.status, path).toBe(200);
  return outcome;
};

/** A cell as the CSV writes it: numbers with a decimal comma, dates as days, text neutralised against formulas. */
function asCsv(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  throw new Error(`not a plain cell: ${JSON.stringify(value)} (a formula?)`);
}

function sheetRows(sheet: ExcelJS.Worksheet, width: number): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value)));
  return rows;
}

function expectReadable(workbook: ExcelJS.Workbook, label: string) {
  for (const sheet of workbook.worksheets) {
    const what = `${label}, sheet ${sheet.name}`;
    expect(sheet.views[0], what).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter, what).toBeTruthy();
    const header = sheetRows(sheet, sheet.columnCount)[0]!;
    header.forEach((cell, i) => {
      expect(typeof cell, `${what}: header ${i + 1}`).toBe("string");
      // Words a person uses, not a key like "aantal_regios", and short enough to read in a column.
      expect(cell as string, what).not.toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
      expect((cell as string).length, `${what}: "${cell}"`).toBeLessThanOrEqual(110);
      expect(sheet.getColumn(i + 1).width, `${what}: width of "${cell}"`).toBeGreaterThanOrEqual(6);
    });
    // Text cells are text: none keeps the CSV's apostrophe, none is a formula.
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(typeof cell.value === "object" && cell.value !== null && !(cell.value instanceof Date), `${what}: a formula at ${cell.address}`).toBe(false);
        if (typeof cell.value === "string") expect(cell.value, `${what}: ${cell.address}`).not.toMatch(/^'[=+\-@]/);
      }),
    );
  }
}

/** The CSV and the first sheet of the XLSX hold the same header row and the same values, column by column. */
async function expectSameFile(csvOutcome: { raw?: Response }, xlsxOutcome: { raw?: Response }, label: string) {
  const csv = await csvRows(csvOutcome);
  const workbook = await workbookOf(xlsxOutcome);
  expectReadable(workbook, label);
  const [header, ...data] = csv;
  expect(data.length, `${label} has rows`).toBeGreaterThan(0);
  // One header row: the XLSX's second row is data like the CSV's (the old round-table CSV had keys, then texts, as two headers).
  const sheet = workbook.worksheets[0]!;
  const xlsx = sheetRows(sheet, header!.length).map((row) => row.map(asCsv));
  expect(xlsx[0], `${label}: the same columns`).toEqual(header);
  expect(xlsx.slice(1), `${label}: the same values per column`).toEqual(data.map((row) => header!.map((_, i) => row[i] ?? "")));
  // Every column holds a value somewhere, or is an answer nobody gave (a toelichting or an optional item).
  header!.forEach((name, i) => {
    if (!data.some((row) => (row[i] ?? "") !== "")) expect(name, `${label}: column "${name}" is empty`).toMatch(/toelichting|:/);
  });
  return { header: header!, data, workbook };
}

describe("every export reads like the pages", () => {
  it("the zelfscan's answers (team, gemeente, Veilig Thuis), the professionals' counts and the results: CSV and XLSX agree", async () => {
    const files: [string, Record<string, string>][] = [
      ["zelfscan-antwoorden", { deel: "team" }],
      ["zelfscan-antwoorden", { deel: "gemeente" }],
      ["zelfscan-antwoorden", { deel: "veilig-thuis" }],
      ["zelfscan-professionals", {}],
      ["zelfscan-resultaten", {}],
    ];
    const round = (await context.db.selectFrom("round").select("id").where("kind", "=", "zelfscan").orderBy("opens_on", "desc").executeTakeFirstOrThrow()).id;
    for (const [file, query] of files) {
      const search = new URLSearchParams({ ronde: String(round), ...query });
      const label = `${file} ${search}`;
      const { header } = await expectSameFile(
        await fetchFile(downloads.loader, `/downloads/${file}.csv?${search}`, { file: `${file}.csv` }),
        await fetchFile(downloads.loader, `/downloads/${file}.xlsx?${search}`, { file: `${file}.xlsx` }),
        label,
      );
      if (file === "zelfscan-antwoorden" && query.deel === "team") {
        // Headers of the team's items: key and the start of the text, at most 60 characters of it; the codebook holds the text whole.
        const a1 = header.find((h) => h.startsWith("A1: "))!;
        expect(a1.length).toBeLessThanOrEqual(66);
        const codebook = (await workbookOf(await fetchFile(downloads.loader, `/downloads/${file}.xlsx?${search}`, { file: `${file}.xlsx` }))).getWorksheet(
          "Codeboek",
        )!;
        const entry = sheetRows(codebook, 6).find((r) => r[0] === a1)!;
        expect(entry[1]).toBe("A1");
        expect((entry[3] as string).length).toBeGreaterThan(a1.length - 4);
      }
    }
  });

  it("the round-table input of next year (teams and gemeenten)", async () => {
    const year = String(new Date().getUTCFullYear() + 1);
    for (const deel of ["team", "gemeente"]) {
      const search = new URLSearchParams({ jaar: year, deel });
      await expectSameFile(
        await fetchFile(downloads.loader, `/downloads/rondetafel-input.csv?${search}`, { file: "rondetafel-input.csv" }),
        await fetchFile(downloads.loader, `/downloads/rondetafel-input.xlsx?${search}`, { file: "rondetafel-input.xlsx" }),
        `rondetafel-input ${deel}`,
      );
    }
  });

  it("all round-table answers: one header row in words, the keys and full texts in the Vragen sheet", async () => {
    const { header, data, workbook } = await expectSameFile(
      await fetchFile(roundTablesCsv.loader, "/programma/rondetafels.csv"),
      await fetchFile(roundTablesXlsx.loader, "/programma/rondetafels.xlsx"),
      "rondetafels",
    );
    expect(header.slice(0, 3)).toEqual(["Jaar", "Regio", "Stand"]);
    expect(header[3]).toMatch(/^integrale_sturing: /);
    expect(data[0]![0]).toBe("2019");
    const questions = sheetRows(workbook.getWorksheet("Vragen")!, 4);
    expect(questions[0]).toEqual(["Kolom", "Vraag", "Onderdeel", "Vraagtekst"]);
    expect(questions.slice(1).map((q) => q[0])).toEqual(header.slice(3));
  });

  it("the dashboard's figures: headers in words, every figure with its provenance and its regions", async () => {
    const [header, ...rows] = await csvRows(await fetchFile(dashboardCsv.loader, "/programma/dashboard.csv?jaar=2021"));
    expect(header).toEqual(["Onderdeel", "Antwoord", "Jaar", "Aantal regio's", "Van de regio's", "Bron", "Herkomst", "Regio's"]);
    const phases = rows.filter((r) => r[0] === "Fasen van implementatie van het kwaliteitskader");
    expect(phases.map((r) => r[3])).toEqual(["3", "7", "3", "11", "4"]);
    expect(phases.map((r) => r[6])).toEqual(Array(5).fill("gepubliceerd, bron 003"));
    // The source gives the counts, not which regions: the demo's list says it is the demo's.
    expect(phases.every((r) => r[7]!.startsWith("demo: "))).toBe(true);
    const mdaNiet2020 = (await csvRows(await fetchFile(dashboardCsv.loader, "/programma/dashboard.csv?jaar=2020"))).find(
      (r) => r[0] === "MDA++" && r[1] === "Nog geen MDA++",
    );
    expect(mdaNiet2020?.[6]).toBe("afgeleid uit bron 000: 28 − 6 − 12 − 7");
  });
});
