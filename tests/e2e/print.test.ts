import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 26: every results page, the dashboard and the round-table record print on A4 whole. Each is printed
// to PDF by Chromium and read back with poppler's pdftotext: every table's column headers and its first
// row's values are in the PDF's text (a column clipped by its scroll region, as before, is not), and no
// page holds almost nothing (a lone row or a header at a page's foot).

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "print-"));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Ids from the server's demo database: a team that submitted on the round its region works on, and a submitted round-table record. */
async function demoIds() {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(inject("databasePath"), { readonly: true, fileMustExist: true });
  try {
    const region = db.prepare("select id from region where name = 'Zaanstreek-Waterland'").get() as { id: number };
    const team = db
      .prepare(
        `select t.id, t.municipality_id as municipalityId, u.email from team t
           join municipality m on m.id = t.municipality_id
           join response r on r.team_id = t.id and r.status = 'submitted' and r.questionnaire_key = 'zelfscan-team'
             and r.round_id = (select id from round where kind = 'zelfscan' order by opens_on desc limit 1)
           join user_account u on u.team_id = t.id and u.role = 'teammanager'
          where m.region_id = ? order by t.name limit 1`,
      )
      .get(region.id) as { id: number; municipalityId: number; email: string };
    const municipality = db.prepare("select email from user_account where role = 'gemeente' and municipality_id = ?").get(team.municipalityId) as {
      email: string;
    };
    const record = db
      .prepare(
        "select r.id from response r join round o on o.id = r.round_id where r.questionnaire_key = 'rondetafel' and r.status = 'submitted' and r.region_id = ? order by o.name desc limit 1",
      )
      .get(region.id) as { id: number };
    return { region: region.id, team, municipality, record: record.id };
  } finally {
    db.close();
  }
}

/** Prints the page as Chromium does for "Afdrukken" (A4, print styles) and returns the text of each PDF page. */
async function printed(page: Page, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim());
}

// Text as a PDF gives it back: lines broken anywhere, hyphens added at breaks; compare without either.
const squash = (text: string) => text.replace(/[\s\u00ad\u2010-]+/g, "");

/** A page of the product offers its "Afdrukken" button; the public picture, a document without scripts, does not. */
async function expectPrintsWhole(page: Page, name: string, { printButton = true } = {}) {
  if (printButton) await expectOne(page.getByRole("button", { name: "Afdrukken" }));
  // What each table shows on paper: the text of its cells under the print styles (a <summary> is not printed).
  await page.emulateMedia({ media: "print" });
  const tables = await page.locator("table.data-table").evaluateAll((nodes) =>
    nodes.map((table) => ({
      caption: table.querySelector("caption")?.textContent?.trim() ?? "",
      headers: [...table.querySelectorAll("thead th")].map((th) => (th as HTMLElement).innerText.trim()).filter(Boolean),
      sample: [...(table.querySelector("tbody tr")?.querySelectorAll("th, td") ?? [])].map((c) => (c as HTMLElement).innerText.trim()).filter(Boolean),
    })),
  );
  // A record of answers (the round-table record) is a list of questions and answers instead: each of them.
  const answers = await page
    .locator("dl.answers")
    .evaluateAll((lists) => lists.flatMap((list) => [...list.querySelectorAll("dt, dd")].map((e) => (e as HTMLElement).innerText.trim()).filter(Boolean)));
  expect(tables.length + answers.length, `${name} has tables or answers`).toBeGreaterThan(0);
  const pages = await printed(page, name);
  const all = squash(pages.join(""));
  for (const table of tables) {
    for (const cell of [...table.headers, ...table.sample])
      expect(all, `${name}: "${cell}" of the table "${table.caption}" is in the PDF`).toContain(squash(cell));
  }
  for (const text of answers) expect(all, `${name}: "${text}" is in the PDF`).toContain(squash(text));
  // No page with almost nothing on it: a row, or a heading, left alone.
  pages.forEach((text, i) => {
    const lines = text.split("\n").filter((line) => line.trim());
    expect(lines.length, `${name}: page ${i + 1} of ${pages.length} holds only ${JSON.stringify(lines)}`).toBeGreaterThanOrEqual(4);
  });
  return { pages, all };
}

describe("reports print whole on A4", () => {
  it("the team's, the gemeente's and the regio's results, the dashboard and a round-table record", async () => {
    const ids = await demoIds();
    const visits: [string, string, string][] = [
      [ids.team.email, `/teams/${ids.team.id}/resultaten`, "team-resultaten"],
      [ids.municipality.email, `/gemeenten/${ids.team.municipalityId}/resultaten`, "gemeente-resultaten"],
      ["regio.zaanstreek-waterland@demo.example", `/regios/${ids.region}/resultaten`, "regio-resultaten"],
      ["programma@demo.example", "/programma/dashboard", "dashboard"],
      ["programma@demo.example", `/vragenlijsten/${ids.record}`, "rondetafelverslag"],
    ];
    for (const [email, path, name] of visits) {
      const { context, page, problems } = await newPage(browser);
      await logIn(page, email);
      await page.goto(path);
      await expectAccessible(page, name);
      const { all } = await expectPrintsWhole(page, name);
      if (name === "regio-resultaten") {
        // The columns the scroll region used to clip, and the theme key a printed page needs instead of tooltips.
        for (const text of ["Weet niet", "N.v.t.", "Thema's:", "Visie en uitgangspunten"]) expect(all).toContain(squash(text));
      }
      if (name === "dashboard") expect(all).toContain(squash("Thema's:"));
      expect(problems, name).toEqual([]);
      await context.close();
    }
  });

  it("the public national picture (issue 30): reached from the login page without an account, no cookie set, printed whole", async () => {
    const { context, page, problems } = await newPage(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "het landelijk beeld van Geweld hoort nergens thuis" }).click();
    await expectOne(page.getByRole("heading", { name: "Landelijk beeld Geweld hoort nergens thuis", level: 1 }));
    await expectAccessible(page, "public pictures");
    const response = page.waitForResponse((r) => r.url().endsWith("/cijfers/2021"));
    await page.getByRole("link", { name: "Landelijk beeld 2021" }).click();
    expect((await response).headers()["set-cookie"]).toBeUndefined();
    await expectOne(page.getByRole("heading", { name: "Landelijk beeld 2021", level: 1 }));
    await expectOne(page.getByText(/^Gepubliceerd op /));
    // A document without scripts (decision 92): printing is the browser's own, and the page says how.
    expect(await page.locator("script").count()).toBe(0);
    await expectOne(page.getByText("Afdrukken of opslaan als PDF: gebruik Afdrukken in de browser (Ctrl+P)."));
    await expectAccessible(page, "public picture 2021");
    const { all } = await expectPrintsWhole(page, "landelijk-beeld-2021", { printButton: false });
    for (const text of ["Landelijk beeld 2021", "Gepubliceerd op", "Kaart: fase per regio in 2021", "CC0 1.0"]) expect(all).toContain(squash(text));
    expect(await context.cookies()).toEqual([]);
    // A year not published is not there.
    expect((await page.goto(`/cijfers/${new Date().getUTCFullYear()}`))?.status()).toBe(404);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await context.close();
  });

  it("the team manager prints its results and downloads its own answers and results, for its round", async () => {
    const ids = await demoIds();
    const { context, page, problems } = await newPage(browser);
    await logIn(page, ids.team.email);
    await page.goto(`/teams/${ids.team.id}/resultaten`);
    await expectAccessible(page, "team results with its own downloads");
    const teamName = (await page.locator("h1").innerText()).replace(/^Resultaten van /, "");
    const { default: ExcelJS } = await import("exceljs");
    for (const [link, sheetName] of [
      ["Excel (Antwoorden van het team)", "Antwoorden"],
      ["Excel (Resultaten per thema, naast gemeente, regio en Nederland)", null],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      expect(header[0], link).toBe(sheetName ? "Team" : "Niveau");
      // Its own team and nothing of another: one answer row, or the team's row beside its groups.
      const firstColumn = sheet.getColumn(sheetName ? 1 : 2).values.slice(2);
      if (sheetName) expect(firstColumn).toEqual([teamName]);
      else expect(sheet.getColumn(1).values.slice(2)).toEqual(["Team", "Gemeente", "Regio", "Nederland"]);
    }
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV (Antwoorden van het team)" }).click()]);
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse(readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, ""), { delimiter: ";" });
    expect(rows.map((r) => r[0])).toEqual(["Team", teamName]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
