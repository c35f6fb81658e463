import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, expectReflow, lastMailTo, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 27, part 6: reminders for the zelfscan. Gemeente Purmerend (Zaanstreek-Waterland, on the open round
// Zelfscan 2026) has one team that has not begun: it sees whom a reminder would reach, sends it without
// JavaScript, and cannot send a second one that day. The team manager finds it on the start page and in the
// outbox. The regio sees the whole region named, including that the Beemster team was reminded today, and
// cancels (sending for the region is covered by tests/routes/zelfscan-reminders.test.ts, without telling
// every demo team of the region here).

const TEAM = "Sociaal wijkteam Beemster";
const MANAGER = "team.sociaal-wijkteam-beemster@demo.example";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("reminders for the zelfscan", () => {
  it("the gemeente sees whom it reminds, sends without JavaScript, and not twice in a day", async () => {
    const { context, page, problems } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "gemeente.purmerend@demo.example");
    await page.getByRole("link", { name: "Herinnering sturen aan de teams die nog niet hebben ingediend" }).click();
    await expectOne(page.getByRole("heading", { name: "Teams herinneren aan de zelfscan", level: 1 }));
    await expectOne(page.getByText("1 team heeft Zelfscan 2026 nog niet ingediend.", { exact: false }));
    const row = page.getByRole("row", { name: new RegExp(TEAM) });
    await expectOne(row.getByText("Nog niet begonnen"));
    await expectOne(row.getByText("Krijgt er een"));
    await expectAccessible(page, "reminder confirmation");
    await expectReflow(page, "reminder confirmation");
    // Nothing was sent by looking.
    expect((await lastMailTo(MANAGER))?.subject ?? "").not.toMatch(/Herinnering: de zelfscan/);

    await page.getByRole("button", { name: "Herinnering sturen aan 1 team" }).click();
    await expectOne(page.getByRole("status").getByText("Herinnering verstuurd aan 1 team of gemeente."));
    await expectAccessible(page, "start page after sending");

    await page.getByRole("link", { name: "Herinnering sturen aan de teams die nog niet hebben ingediend" }).click();
    await expectOne(page.getByRole("row", { name: new RegExp(TEAM) }).getByText("Vandaag al herinnerd: krijgt er nu geen"));
    expect(await page.getByRole("button", { name: /Herinnering sturen/ }).count()).toBe(0);
    await expectOne(page.getByText(/kan er morgen weer een krijgen/));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the team manager finds the reminder on the start page, and its mail in the outbox", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, MANAGER);
    const notifications = page.getByRole("region", { name: /Meldingen/ });
    await expectOne(notifications.getByText(`Gemeente Purmerend vraagt u de zelfscan van ${TEAM} in te vullen en in te dienen`, { exact: false }));
    const mail = await lastMailTo(MANAGER);
    expect(mail?.subject).toBe(`Herinnering: de zelfscan van ${TEAM} (Zelfscan 2026)`);
    expect(mail?.body).toContain("Zelfscan 2026 sluit op");
    await expectAccessible(page, "team start page with the reminder");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the regio sees every gemeente and team that has not submitted, named before anything is sent, and can cancel", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "regio.zaanstreek-waterland@demo.example");
    await page.getByRole("link", { name: "Herinnering sturen aan de gemeenten en teams die nog niet hebben ingediend" }).click();
    await expectOne(page.getByRole("heading", { name: "Gemeenten en teams herinneren aan de zelfscan", level: 1 }));
    await expectOne(page.getByRole("row", { name: new RegExp(TEAM) }).getByText("Vandaag al herinnerd: krijgt er nu geen"));
    const button = page.getByRole("button", { name: /^Herinnering sturen aan \d+ teams en \d+ gemeenten?$/ });
    await expectOne(button);
    // The button names the same numbers as the sentence above it.
    const counts = (await button.textContent())!.replace("Herinnering sturen aan ", "");
    await expectOne(page.getByText(`U stuurt een herinnering aan ${counts}.`, { exact: false }));
    await expectAccessible(page, "region reminder confirmation");
    await expectReflow(page, "region reminder confirmation");
    await page.getByRole("link", { name: "Annuleren" }).click();
    await expectOne(page.getByRole("heading", { name: "Regio Zaanstreek-Waterland", level: 1 }));
    expect(await page.getByRole("status").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("programma sets how many days before closing the automatic reminder goes", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto("/programma/rondes");
    const field = page.getByLabel("Dagen voor de sluiting (Zelfscan 2026)");
    expect(await field.inputValue()).toBe("7");
    const row = page.getByRole("row", { name: /Zelfscan 2026/ });
    const before = await row.getByText(/Gaat op \d/).textContent();
    await field.fill("14");
    await page
      .getByRole("row", { name: /Zelfscan 2026/ })
      .getByRole("button", { name: "Opslaan" })
      .click();
    await expectOne(page.getByText("De automatische herinnering is gewijzigd."));
    expect(await page.getByLabel("Dagen voor de sluiting (Zelfscan 2026)").inputValue()).toBe("14");
    // The day it goes moved a week earlier.
    expect(await row.getByText(/Gaat op \d/).textContent()).not.toBe(before);
    await expectAccessible(page, "rounds with the automatic reminder");
    expect(problems).toEqual([]);
    await context.close();
  });
});
