import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, launchBrowser, lastMailTo, logIn, newPage } from "./browser.ts";

// The routekaart for every role, as its users walk it on the demo: programma opens a new round and
// nothing moves for the regions in a cycle; the Twente team still reaches its unfinished 2025 scan; the
// Zaanstad gemeente sees its region's phases with its own share, accepts a submitted scan after
// confirming, and the team sees "Geaccepteerd" and a notification.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("a new round while the regions are in their cycles", () => {
  it("programma opens it; the regions stay on the round of their cycle", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto("/programma/rondes");
    await expectAccessible(page, "rounds page");
    await page.getByLabel("Naam, zoals Zelfscan 2027").fill("Zelfscan 2027");
    await page.getByLabel("Open vanaf").fill(isoDay(0));
    await page.getByLabel("Open tot en met").fill(isoDay(300));
    await page.getByRole("button", { name: "Ronde openen" }).click();
    await page.waitForURL(/geopend=1/);
    await expectOne(page.getByText(/Voor de regio's verandert er niets tot hun volgende cyclus begint/));
    await expectAccessible(page, "rounds page, round opened");

    // The two demo regions keep working on the round their cycle started on.
    const row = (name: string) => page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
    expect(await row("Zelfscan 2027").textContent()).toContain("Nieuwste open ronde");
    expect(await row("Zelfscan 2027").textContent()).not.toMatch(/Twente|Zaanstreek-Waterland/);
    expect(await row("Zelfscan 2026").textContent()).toContain("Zaanstreek-Waterland");
    expect(await row("Zelfscan 2025").textContent()).toContain("Twente");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the Twente team manager still reaches the unfinished 2025 scan from the start page", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "team.enschede-centrum@demo.example");
    await expectAccessible(page, "team start page after a new round opened");
    await expectOne(page.getByRole("heading", { name: "Zelfscan 2025", level: 2 }));
    expect(await page.getByRole("heading", { name: "Zelfscan 2027" }).count()).toBe(0);
    // The actions the team owns in the gemeente's adopted plan, the overdue one marked.
    // (exact: the note form's button names the action too, for screen readers; Twente is drawing up plans and the plan is adopted)
    await expectOne(page.getByText(/^Thema \w: Vervolgmomenten met gezinnen vastleggen in het registratiesysteem$/));
    await expectOne(page.getByText("Over de datum"));
    // The scan's first section opens from here (or, once submitted, the scan itself).
    await page
      .getByRole("link", { name: /^A\. Visie en uitgangspunten$|^Bekijk de ingediende zelfscan$/ })
      .first()
      .click();
    await page.waitForURL(/\/vragenlijsten\/\d+/);
    await expectOne(page.getByText(/Zelfscan 2025/).first());
    await expectAccessible(page, "the 2025 scan, reached from the start page");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the review loop", () => {
  it("the Zaanstad gemeente sees the phases with its share and accepts a submitted scan after confirming", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.zaanstad@demo.example");
    await expectAccessible(page, "gemeente start page");

    // The region's five phases, the current one marked, and the gemeente's own share of the condition.
    const steps = page.locator("ol.stepper > li");
    expect(await steps.count()).toBe(5);
    expect(await page.locator('ol.stepper > li[aria-current="step"]').textContent()).toContain("Bezig met uitvoeren zelfscan");
    await expectOne(page.getByText(/In de regio: \d+ van de \d+ teams ingediend, nodig \d+\. Van uw gemeente: \d van 6 teams ingediend/));
    await expectOne(page.getByRole("heading", { name: "Wat uw gemeente nog moet doen" }));

    // The review statuses of the demo: accepted, returned, and one waiting for review.
    const row = (team: string) => page.locator("tr", { has: page.getByRole("rowheader", { name: new RegExp(team) }) });
    await expectOne(row("Wijkteam Zaandam Noord").getByText("Geaccepteerd"));
    await expectOne(row("Wijkteam Zaandam West").getByText("Teruggestuurd"));
    await expectOne(row("Wijkteam Wormerveer-Westzaan").getByText("Ingediend"));
    await row("Wijkteam Wormerveer-Westzaan").getByRole("link", { name: "Beoordelen" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await expectAccessible(page, "a submitted scan to review");

    // The buttons under the answers (they are above them too).
    const end = page.getByRole("region", { name: "Beoordeling afronden" });
    await end.getByRole("button", { name: "Accepteren", exact: true }).click();
    await expectOne(page.getByText(/Weet u zeker dat u de zelfscan van Wijkteam Wormerveer-Westzaan accepteert\?/));
    await expectAccessible(page, "confirm acceptance");
    // "Nee, terug" changes nothing.
    await end.getByRole("button", { name: "Nee, terug" }).click();
    await expect.poll(() => page.getByText(/Weet u zeker/).count()).toBe(0);
    await end.getByRole("button", { name: "Accepteren", exact: true }).click();
    await end.getByRole("button", { name: "Ja, accepteren" }).click();
    await page.waitForURL(/beoordeeld=geaccepteerd/);
    await expectOne(page.getByText(/De zelfscan is geaccepteerd; het team heeft een melding gekregen/));
    await expectAccessible(page, "scan accepted");

    await page
      .getByRole("navigation", { name: /kruimelpad/i })
      .getByRole("link", { name: "Start" })
      .click();
    await page.waitForURL(/\/gemeenten\/\d+$/);
    await expectOne(row("Wijkteam Wormerveer-Westzaan").getByText("Geaccepteerd"));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the team sees Geaccepteerd and a notification; the mail holds no answers", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "team.wormerveer-westzaan@demo.example");
    await expectAccessible(page, "team start page after acceptance");
    await expectOne(page.getByRole("heading", { name: "Zelfscan 2026", level: 2 }));
    await expectOne(page.locator("#zelfscan").locator("..").getByText("Geaccepteerd").first());
    const notifications = page.getByRole("region", { name: "Meldingen" });
    const accepted = notifications.locator("li", { hasText: "De gemeente Zaanstad heeft de zelfscan (Zelfscan 2026) geaccepteerd." });
    await expectOne(accepted);
    // Unread, marked in words; Bekijken goes to the scan itself and marks it read.
    await expectOne(accepted.getByText("Nieuw", { exact: true }));
    await accepted.getByRole("button", { name: /^Bekijken/ }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await page.goBack();
    await page.reload();
    await expect.poll(() => accepted.getByText("Nieuw", { exact: true }).count()).toBe(0);

    const mail = await lastMailTo("team.wormerveer-westzaan@demo.example");
    expect(mail?.subject).toBe("Zelfscan geaccepteerd: Wijkteam Wormerveer-Westzaan");
    expect(mail?.body).toMatch(/\/vragenlijsten\/\d+/);
    expect(mail?.body).not.toMatch(/voldoet|Toelichting/i);
    expect(problems).toEqual([]);
    await context.close();
  });
});
