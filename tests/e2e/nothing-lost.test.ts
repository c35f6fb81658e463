import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 27, part 2: nothing typed is lost without a word. Two demo teams with a draft (Oostzaan) work in
// section G of their zelfscan: leaving asks or saves, a reload puts back what was typed, a note over its
// limit costs only itself, and the limit is shown with a counter.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** From the team's start page to section G of its zelfscan, through "what is left". */
async function openSectionG(page: Page) {
  await page.getByRole("link", { name: "Controleren en indienen" }).click();
  await page.getByRole("link", { name: /^G1:/ }).click();
  await page.waitForURL(/onderdelen\/G\?controle=1/);
}

const note = (page: Page) => page.getByLabel("Toelichting bij G1");

describe("with JavaScript", () => {
  it("asks before a link leaves unsaved input, saves through its own buttons, puts back typed text after a reload, and counts characters", async () => {
    const { page, problems } = await newPage(browser);
    await logIn(page, "team.sociaal-team-oostzaan@demo.example");
    await openSectionG(page);
    const sectionUrl = page.url().replace(/\?.*$/, "");
    await expectAccessible(page, "section G");

    // A link away while an answer is not yet saved asks first; "stay" keeps the page and its input.
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (dialog.type() === "confirm" ? dialog.dismiss() : dialog.accept());
    });
    await page.locator('[data-item="G4"] input[value="voldoet"]').check();
    await page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link").last().click();
    await expect.poll(() => dialogs.filter((d) => d.startsWith("confirm")).length).toBe(1);
    expect(dialogs[0]).toContain("nog niet zijn opgeslagen");
    expect(page.url()).toContain("/onderdelen/G");

    // The page's own way to the overview saves first, and asks nothing.
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+\?opgeslagen=1$/);
    expect(dialogs.filter((d) => d.startsWith("confirm"))).toHaveLength(1);
    await page.goto(sectionUrl);
    expect(await page.locator('[data-item="G4"] input[value="voldoet"]').isChecked()).toBe(true);

    // Text typed and not yet saved: a reload asks (the browser's own prompt), then puts the text back and saves it.
    await page.locator('[data-item="G1"] summary').click();
    await note(page).fill("Afspraken met Veilig Thuis liggen vast.");
    await page.reload();
    expect(dialogs.some((d) => d.startsWith("beforeunload"))).toBe(true);
    await expectOne(page.getByText(/wat u hier had ingevuld maar nog niet was opgeslagen, staat weer in het formulier/));
    expect(await note(page).inputValue()).toBe("Afspraken met Veilig Thuis liggen vast.");
    await page.getByText(/Automatisch opgeslagen om/).waitFor({ timeout: 15_000 });
    await page.reload();
    expect(await note(page).inputValue()).toBe("Afspraken met Veilig Thuis liggen vast.");
    await expect.poll(() => page.getByText("Teruggezet").count()).toBe(0);

    // The limit is shown with a count; a note over it is marked and costs only itself: G2 beside it is saved.
    await expectOne(page.locator("#G1__toelichting-limiet").getByText("Hoogstens 2000 tekens."));
    await expectOne(page.getByText(`Nog ${2000 - "Afspraken met Veilig Thuis liggen vast.".length} tekens over.`));
    await note(page).fill("x".repeat(2001));
    await expectOne(page.getByText("1 teken te veel."));
    await page.locator('[data-item="G2"] input[value="voldoet_deels"]').check();
    await page.getByText(/Automatisch opgeslagen om .*, behalve de gemarkeerde vragen/).waitFor({ timeout: 15_000 });
    await expectAccessible(page, "section G with a note over its limit");
    await page.reload();
    expect(await page.locator('[data-item="G2"] input[value="voldoet_deels"]').isChecked()).toBe(true);
    // What could not be saved is put back in its field, with its message. It comes back from the browser's own
    // storage once the page has hydrated, so wait for it rather than read the field at once.
    await page.getByText("Gebruik hoogstens 2000 tekens.").first().waitFor();
    await expect.poll(async () => (await note(page).inputValue()).length).toBe(2001);
    expect(problems).toEqual([]);
  });
});

describe("when the form's check cannot be loaded", () => {
  it("still saves: the server checks every save (decision 93)", async () => {
    const { page, problems } = await newPage(browser);
    // As after a new release that replaced the script while the page was open, or a connection that dropped.
    await page.route(/\/assets\/section-validation-[\w-]+\.js$/, (route) => route.abort());
    await logIn(page, "team.sociaal-team-oostzaan@demo.example");
    await openSectionG(page);
    await page.locator('[data-item="G3"] input[value="voldoet_niet"]').check();
    await page.getByText(/Automatisch opgeslagen om/).waitFor({ timeout: 15_000 });
    await page.reload();
    expect(await page.locator('[data-item="G3"] input[value="voldoet_niet"]').isChecked()).toBe(true);
    // The one problem is the script that did not load.
    expect(problems.filter((p) => !/section-validation|Failed to fetch dynamically imported module|ERR_FAILED/.test(p))).toEqual([]);
  });
});

describe("without JavaScript", () => {
  it("saves the valid answers when one field fails, shows that one with its message, and every way on saves first", async () => {
    const { page } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "team.cjg-oostzaan@demo.example");
    await openSectionG(page);
    const sectionUrl = page.url().replace(/\?.*$/, "");
    await page.locator('[data-item="G4"] input[value="voldoet"]').check();
    await page.locator('[data-item="G1"] summary').click();
    await note(page).fill("y".repeat(2500));
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await expectOne(page.getByRole("heading", { name: "Uw andere antwoorden zijn opgeslagen, deze nog niet" }));
    await expectOne(page.getByRole("link", { name: "Toelichting bij G1: Gebruik hoogstens 2000 tekens." }));
    expect((await note(page).inputValue()).length).toBe(2500);
    await expectAccessible(page, "section G after a partial save, without JavaScript");

    await page.goto(sectionUrl);
    expect(await page.locator('[data-item="G4"] input[value="voldoet"]').isChecked()).toBe(true);
    // "Previous section" is a save too.
    await page.locator('[data-item="G5"] input[value="voldoet"]').check();
    await page.getByRole("button", { name: "Opslaan en naar het vorige onderdeel" }).click();
    await page.waitForURL(/onderdelen\/F$/);
    await page.goto(sectionUrl);
    expect(await page.locator('[data-item="G5"] input[value="voldoet"]').isChecked()).toBe(true);
  });
});
