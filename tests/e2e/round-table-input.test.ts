import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerVisibleQuestions, expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

// Round-table input as its users meet it on the demo: programma asks Twente for input for this year's
// talk; the Twente team manager sees the task, answers without JavaScript and submits; programma reads
// it on the record page. And a gemeente downloads its teams' answers as Excel, read back here.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const year = new Date().getFullYear();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const TEXT = "Het wekelijkse casusoverleg met Veilig Thuis werkt goed (e2e).";

describe("round-table input", () => {
  it("programma asks Twente for input for this year's talk", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto("/programma/rondetafels");
    await expectAccessible(page, "round tables with the input form");
    await page.getByLabel("Jaar van het gesprek").fill(String(year));
    await page.getByLabel("Voor welke regio").selectOption({ label: "Twente" });
    await page.getByLabel("Graag vóór (uiterste datum)").fill(inDays(20));
    await page.getByRole("button", { name: "Input vragen" }).click();
    await page.waitForURL(/input-gevraagd=1/);
    await expectOne(page.getByText(/Input gevraagd voor 1 regio\./));
    await expectAccessible(page, "round tables, input asked");
    // Asking again for the same region and year is refused, and says so.
    await page.getByLabel("Jaar van het gesprek").fill(String(year));
    await page.getByLabel("Voor welke regio").selectOption({ label: "Twente" });
    await page.getByLabel("Graag vóór (uiterste datum)").fill(inDays(20));
    await page.getByRole("button", { name: "Input vragen" }).click();
    await expectOne(page.locator(".error-summary").getByText(new RegExp(`is voor regio Twente al gevraagd`)));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the Twente team manager sees the task, answers without JavaScript and submits", async () => {
    const { context, page, problems } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "team.enschede-centrum@demo.example");
    const task = page.getByRole("region", { name: "Input voor het rondetafelgesprek" }).locator("li", { hasText: `rondetafelgesprek ${year}, graag vóór` });
    await expectOne(task);
    await expectAccessible(page, "team start page with the input task");
    await task.getByRole("link", { name: /Input geven/ }).click();
    await expectOne(page.getByRole("heading", { name: `Input voor het rondetafelgesprek ${year}` }));
    await expectAccessible(page, "begin the input");
    await page.getByRole("button", { name: "Input geven" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await page.getByRole("link", { name: "Wat gaat goed en wat knelt" }).click();
    await expectAccessible(page, "input, first section, no JavaScript");
    await page.getByLabel(/Wat gaat goed/).fill(TEXT);
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en verder" }).click();
    await page.waitForURL(/onderdelen\/nodig$/);
    await page.getByLabel(/nodig van de regio/).fill("Scholing in risicotaxatie.");
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await expectAccessible(page, "input, submit page");
    await page.getByRole("button", { name: "Indienen" }).click();
    await page.waitForURL(/ingediend=1/);
    await expectOne(page.getByText(TEXT));
    await expectAccessible(page, "input submitted, read-only");
    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  it("programma reads it beside the record of the talk", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto(`/programma/rondetafels?jaar=${year}`);
    const twente = page.locator("tr", { has: page.getByRole("rowheader", { name: "Twente" }) });
    await expectOne(twente.getByRole("link", { name: /1 van \d+ teams/ }));
    await twente.getByRole("link", { name: "Twente" }).click();
    await page.getByRole("button", { name: "Verslag beginnen" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    const input = page.getByRole("region", { name: "Input van teams en gemeenten voor dit gesprek" });
    await expectOne(input.getByText(TEXT));
    await expectOne(input.locator("li", { hasText: TEXT }).getByText("Wijkteam Enschede Centrum (Enschede):"));
    await expectAccessible(page, "round-table record with the region's input");
    await input.getByRole("link", { name: /Wie gaf input/ }).click();
    await expectOne(page.getByRole("heading", { name: `Input voor het rondetafelgesprek ${year}: regio Twente` }));
    await expectAccessible(page, "the region's input page");
    // Reminding those that have not given input asks first, naming how many; "Nee" sends nothing.
    const remind = page.getByRole("button", { name: /^Herinnering sturen aan de \d+ die nog geen input hebben ingediend$/ });
    await remind.click();
    await expectOne(page.getByText(/Herinnering sturen aan de \d+ teams en gemeenten die nog geen input hebben ingediend\?/));
    await expectAccessible(page, "reminder question");
    await page.getByRole("link", { name: "Nee, terug" }).click();
    await expectOne(remind);
    await remind.click();
    await page.getByRole("button", { name: "Ja, herinnering sturen" }).click();
    await expectOne(page.getByText(/^Herinnering verstuurd aan \d+ teams en gemeenten die nog geen input hebben ingediend\.$/));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("exports", () => {
  it("a gemeente downloads its teams' answers as Excel and the file holds them", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.enschede@demo.example");
    await page.getByRole("link", { name: "Resultaten van de teams" }).click();
    await expectAccessible(page, "gemeente results with downloads");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (Antwoorden van de teams)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^zelfscan-antwoorden-team-zelfscan-2025-enschede\.xlsx$/);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Antwoorden")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["Team", "Gemeente", "CBS-code"]);
    const teams = (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((r) => r.getCell(1).value);
    expect(teams.length).toBeGreaterThan(0);
    expect((sheet.getRows(2, sheet.rowCount - 1) ?? []).every((r) => r.getCell(2).value === "Enschede")).toBe(true);
    expect(workbook.getWorksheet("Codeboek")!.rowCount).toBeGreaterThan(40);
    expect(problems).toEqual([]);
    await context.close();
  });
});
