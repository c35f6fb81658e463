import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, lastMailReceivedBy, launchBrowser, logIn, newPage } from "./browser.ts";

// The zelfscan as a conversation (issue 25), in Chromium against the production build: a team manager asks
// three colleagues, they answer through the links that reached the mail server (one without JavaScript),
// the manager sees their view and prints the gesprekskaart; Veilig Thuis answers theme G and the gemeente
// sees it. Every page visited is checked with axe and for reflow at 320 px.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const COLLEAGUES = ["jet@zorg-voorbeeld.nl", "kees@zorg-voorbeeld.nl", "lale@zorg-voorbeeld.nl"];

/** A colleague answers theme A through their link (every question the same answer) and submits. */
async function answerThroughLink(page: Page, link: string, answer: string, javaScript: boolean) {
  await page.goto(new URL(link).pathname);
  await expectOne(page.getByRole("heading", { level: 1, name: /^Uw kijk op Wijkteam Zaandam West/ }));
  await expectAccessible(page, `professional start (${javaScript ? "with" : "without"} JavaScript)`);
  await page.getByRole("link", { name: "A. Visie en uitgangspunten" }).click();
  await expectOne(page.getByRole("heading", { level: 1, name: "A. Visie en uitgangspunten" }));
  for (const group of await page.locator("#sectie-formulier fieldset").all()) await group.getByLabel(answer, { exact: true }).check();
  await expectAccessible(page, "professional section A");
  await page.getByRole("button", { name: "Opslaan en verder" }).click();
  await expectOne(page.getByRole("heading", { level: 1, name: /^B\. / }));
  await page.getByRole("link", { name: "Uw kijk op Wijkteam Zaandam West" }).click();
  await expectOne(page.getByRole("heading", { level: 1, name: /^Uw kijk op/ }));
  await page.getByRole("link", { name: "Controleren en indienen" }).click();
  await expectOne(page.getByRole("heading", { level: 1, name: "Controleren en indienen" }));
  await expectAccessible(page, "professional check and submit");
  await page.getByRole("button", { name: "Indienen" }).click();
  await expectOne(page.getByRole("heading", { level: 1, name: "Bedankt voor uw bijdrage" }));
  await expectAccessible(page, "professional thank-you page");
}

describe("the professionals' view", () => {
  it("the manager invites three colleagues, they answer through their mailed links (one without JavaScript), the manager sees the distribution and prints the gesprekskaart", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "team.zaandam-west@demo.example");
    await page.getByRole("link", { name: "Professionals uitnodigen" }).click();
    await expectOne(page.getByRole("heading", { level: 1, name: "De kijk van uw professionals" }));
    await expectAccessible(page, "professionals page");
    await page.getByLabel("E-mailadressen, één per regel").fill(`${COLLEAGUES.join("\n")}\ngeen-adres`);
    await page.getByRole("button", { name: "Uitnodigen" }).click();
    await expectOne(page.locator(".error-summary").getByText(/Dit is geen e-mailadres: geen-adres/));
    await expectAccessible(page, "professionals page with an error");
    await page.getByLabel("E-mailadressen, één per regel").fill(COLLEAGUES.join("\n"));
    await page.getByRole("button", { name: "Uitnodigen" }).click();
    await expectOne(page.getByText("3 collega's uitgenodigd; de e-mails zijn verstuurd."));
    await expectOne(page.getByText(/0 van de 3 uitgenodigde collega's hebben gereageerd/));
    // The addresses are not on the page once the mail is sent.
    expect(await page.content()).not.toContain(COLLEAGUES[0]);

    const links = await Promise.all(
      COLLEAGUES.map(async (email) => /http:\/\/\S+\/bijdrage\/[A-Za-z0-9_-]{43}/.exec((await lastMailReceivedBy(email)).text)![0]),
    );
    for (const [i, link] of links.entries()) {
      const colleague = await newPage(browser, { javaScriptEnabled: i !== 1 });
      await answerThroughLink(colleague.page, link, i === 2 ? "Voldoet deels" : "Voldoet niet", i !== 1);
      // Spent: the same link again says so.
      await colleague.page.goto(new URL(link).pathname);
      await expectOne(colleague.page.getByText("Met deze link is al een bijdrage ingediend."));
      expect(colleague.problems).toEqual([]);
      await colleague.context.close();
    }

    await page.reload();
    await expectOne(page.getByText(/3 van de 3 uitgenodigde collega's hebben gereageerd/));
    await page.getByRole("link", { name: "Bekijk hun kijk naast uw antwoorden" }).click();
    await expectOne(page.getByRole("heading", { level: 2, name: "De kijk van de professionals" }));
    await expectOne(page.getByRole("heading", { name: "Gespreksonderwerpen" }));
    await expectAccessible(page, "team results with the professionals' view");
    await page.getByRole("link", { name: /Gesprekskaart voor het teamoverleg/ }).click();
    await expectOne(page.getByRole("heading", { level: 1, name: "Gesprekskaart Wijkteam Zaandam West" }));
    await expectAccessible(page, "gesprekskaart");
    const conclusionA = page.getByRole("textbox", { name: "A. Visie en uitgangspunten" });
    await conclusionA.fill("We bespreken in het teamoverleg hoe we de visie in elke casus terugzien.");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => conclusionA.inputValue()).toContain("We bespreken in het teamoverleg");
    // It prints: an A4 PDF of the card.
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("Enschede Centrum's two views show nothing: the page says from how many on, and how many are missing", async () => {
    const { context, page, problems } = await newPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await logIn(page, "team.enschede-centrum@demo.example");
    await expectOne(page.getByText(/2 van de 5 uitgenodigde collega's hebben gereageerd/));
    await page.getByRole("link", { name: "Collega's toevoegen, herinneren of de vraag sluiten" }).click();
    await expectOne(page.getByText(/Hun kijk verschijnt vanaf 3 reacties; er is er nog 1 nodig/));
    await expectAccessible(page, "professionals page below the threshold, 320 px");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("Veilig Thuis", () => {
  it("answers theme G for a gemeente, and the gemeente sees it on its results page", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "veilig-thuis.zaanstreek-waterland@demo.example");
    await expectOne(page.getByRole("heading", { level: 1, name: "Veilig Thuis Zaanstreek-Waterland" }));
    await expectAccessible(page, "Veilig Thuis start page");
    await page.getByRole("button", { name: "Invullen voor Oostzaan" }).click();
    await page.getByRole("link", { name: /G\. Samenwerking en regie/ }).click();
    await expectOne(page.getByRole("heading", { level: 1, name: "G. Samenwerking en regie" }));
    for (const group of await page.locator("#sectie-formulier fieldset").all()) await group.getByLabel("Voldoet deels", { exact: true }).check();
    await page.locator('[data-item="G2"] summary').click();
    await page.getByLabel("Toelichting bij G2").fill("Terugkoppeling komt vaak pas na navraag.");
    await expectAccessible(page, "Veilig Thuis section G");
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await expectOne(page.getByText("Alle onderdelen zijn klaar.", { exact: false }));
    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await page.getByRole("button", { name: /^Indienen/ }).click();
    await expectOne(page.getByText(/Ingediend\./).first());
    expect(problems).toEqual([]);
    await context.close();

    const gemeente = await newPage(browser);
    await logIn(gemeente.page, "gemeente.oostzaan@demo.example");
    await gemeente.page.goto("/");
    await gemeente.page.getByRole("link", { name: "Resultaten van de teams" }).click();
    await expectOne(gemeente.page.getByRole("heading", { level: 2, name: /De kijk van Veilig Thuis/ }));
    await expectOne(gemeente.page.getByRole("cell", { name: "Terugkoppeling komt vaak pas na navraag." }));
    await expectAccessible(gemeente.page, "gemeente results with Veilig Thuis's view");
    expect(gemeente.problems).toEqual([]);
    await gemeente.context.close();
  });
});
