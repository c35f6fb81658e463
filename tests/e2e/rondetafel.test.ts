import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerVisibleQuestions, expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("programma and the round table", () => {
  it("records a round table, sees the dashboard figure change and downloads the figures", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");

    // The published year first: the dashboard and its map pass axe.
    await page.goto("/programma/dashboard?jaar=2021");
    await expectOne(page.getByRole("heading", { name: "Landelijk dashboard 2021" }));
    await expectOne(page.getByRole("img", { name: /De 28 regio's naar fase van implementatie in 2021/ }));
    await expectAccessible(page, "dashboard 2021 with the map");

    // This year, live: every region has a phase, the line under the map names the sources, and the
    // zelfscan map shows the theme chosen with a plain link.
    await page.goto("/programma/dashboard");
    await expectOne(page.getByRole("heading", { name: `Landelijk dashboard ${new Date().getFullYear()}` }));
    await expectOne(page.getByRole("img", { name: /naar fase van implementatie/ }));
    await expect(
      page
        .getByText(/Bron: de faseregistratie in deze toepassing voor 28 regio's/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole("link", { name: /^Thema C:/ }).click();
    await page.waitForURL(/thema=C/);
    await expectOne(page.getByRole("img", { name: /^Thema C, .*gemiddelde score per regio/ }));
    await expectOne(page.getByRole("row", { name: /Twente/ }).getByText(/van de \d+ \(\d+%\)/));
    await expectAccessible(page, "dashboard of this year with the zelfscan by theme");

    // A new year: nothing recorded yet.
    await page.goto("/programma/rondetafels");
    await page.getByLabel("Jaar", { exact: true }).fill("2022");
    await page.getByRole("button", { name: "Jaar toevoegen" }).click();
    await page.waitForURL(/jaar=2022/);
    await expectAccessible(page, "round tables 2022");
    await page.goto("/programma/dashboard?jaar=2022");
    // No record yet: the page says so, rather than "0 van de 28" under every question.
    await expectOne(page.getByText("Voor 2022 zijn nog geen rondetafelgesprekken vastgelegd."));
    const sturing = page.locator("tr", { has: page.getByRole("rowheader", { name: "Integrale sturing gerealiseerd", exact: true }) });

    // Record Twente's talk: every section, then submit.
    await page.goto("/programma/rondetafels?jaar=2022");
    await page.getByRole("link", { name: "Twente" }).click();
    await expectOne(page.getByRole("heading", { name: "Rondetafelgesprek 2022: Twente" }));
    await expectAccessible(page, "start a round-table record");
    await page.getByRole("button", { name: "Verslag beginnen" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await page
      .getByRole("link", { name: /Integrale sturing/ })
      .first()
      .click();
    await expectAccessible(page, "round-table form");
    for (let section = 0; section < 6; section++) {
      await answerVisibleQuestions(page);
      // The form's main button: "Opslaan en verder", on the last section "Opslaan en naar het overzicht".
      const next = page.locator("#sectie-formulier .utrecht-button--primary-action");
      const last = (await next.textContent())?.includes("overzicht");
      const before = page.url();
      await next.click();
      await page.waitForURL((url) => url.href !== before);
      if (last) break;
    }
    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await page.getByRole("button", { name: "Indienen" }).click();
    await page.waitForURL(/ingediend=1/);

    // The dashboard counts it.
    await page.goto("/programma/dashboard?jaar=2022");
    expect(await sturing.locator("td").first().textContent()).toBe("1 van de 28 regio's");
    await sturing.getByText(/Toon de regio/).click();
    await expectOne(sturing.getByText("Twente"));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Cijfers 2022 (CSV)" }).click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(path, "utf8");
    expect(csv).toContain("Onderdeel;Antwoord;Jaar;Aantal regio's;Van de regio's;Bron;Herkomst;Regio's");
    expect(csv).toContain("Integrale sturing;Integrale sturing gerealiseerd;2022;1;28;rondetafelverslagen;demo, niet gepubliceerd;demo: Twente");
    expect(problems).toEqual([]);
    await context.close();
  });
});
