import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, expectReflow, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 27, part 4: plans that can be corrected. Borne (Twente, in the plans phase, no plan yet in the demo)
// drafts its plan: a date in the past is refused, an action is corrected and another removed, the plan is
// adopted after a confirmation; then Sociaal team Borne notes progress on its action.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the gemeente's improvement plan", () => {
  it("refuses a past date, corrects and removes before adoption, adopts after confirming; the owner team notes progress", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.borne@demo.example");
    await page.getByRole("link", { name: "Verbeterplan", exact: true }).first().click();
    await expectOne(page.getByRole("heading", { name: "Verbeterplan gemeente Borne" }));

    const add = async (theme: string, title: string, due: string) => {
      await page.getByLabel("Thema van het kwaliteitskader").selectOption(theme);
      await page.getByLabel("Actie", { exact: true }).fill(title);
      await page.getByLabel("Eigenaar: een team").selectOption({ label: "Sociaal team Borne" });
      await page.getByLabel("Gereed op").fill(due);
      await page.getByRole("button", { name: "Actie toevoegen" }).click();
    };
    await add("F", "Vervolgmomenten vastleggen", "01-01-2020");
    await expectOne(page.locator(".error-summary").getByText(/Kies een datum vanaf vandaag/));
    await page.getByLabel("Gereed op").fill("31-03-2027");
    await page.getByRole("button", { name: "Actie toevoegen" }).click();
    await expectOne(page.getByText("De actie is toegevoegd."));
    await add("G", "Afspraken met Veilig Thuis", "30-06-2027");
    await expectOne(page.getByText("De actie is toegevoegd."));
    await expectAccessible(page, "plan with two actions");

    // Correct the first: the form opens with its values.
    await page.getByRole("link", { name: "Wijzigen (Vervolgmomenten vastleggen)" }).click();
    await expectOne(page.getByRole("heading", { name: "Actie wijzigen: Vervolgmomenten vastleggen" }));
    expect(await page.getByLabel("Gereed op").inputValue()).toBe("31-03-2027");
    await page.getByLabel("Actie", { exact: true }).fill("Vervolgmomenten vastleggen met het gezin");
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await expectOne(page.getByText("De actie is gewijzigd."));
    await expectOne(page.getByRole("heading", { name: "Vervolgmomenten vastleggen met het gezin", level: 3 }));

    // Remove the second, after a question.
    await page.getByRole("button", { name: "Verwijderen (Afspraken met Veilig Thuis)" }).click();
    await expectOne(page.getByText(/Weet u zeker dat u de actie “Afspraken met Veilig Thuis” verwijdert\?/));
    await expectAccessible(page, "confirm removal");
    await page.getByRole("button", { name: "Ja, verwijderen" }).click();
    await expectOne(page.getByText("De actie is verwijderd."));
    expect(await page.getByRole("heading", { name: "Afspraken met Veilig Thuis" }).count()).toBe(0);

    // Adopting asks once more.
    await page.getByRole("button", { name: "Verbeterplan vaststellen" }).click();
    await expectOne(page.getByText(/Weet u zeker dat u het verbeterplan vaststelt\?/));
    await page.getByRole("button", { name: "Ja, vaststellen" }).click();
    await expectOne(page.getByText(/Het verbeterplan is vastgesteld\./));
    // After adoption: no more removing; correcting and progress stay, all reachable at 320 px.
    expect(await page.getByRole("button", { name: /^Verwijderen/ }).count()).toBe(0);
    await page.setViewportSize({ width: 320, height: 800 });
    for (const control of [page.getByRole("button", { name: /^Voortgang bijwerken/ }), page.getByRole("link", { name: /^Wijzigen/ })]) {
      const box = await control.first().boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320, `${String(control)} within 320 px`).toBe(true);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await expectReflow(page, "adopted plan");
    expect(problems).toEqual([]);
    await context.close();

    // The owner team notes progress right after adoption (the region is still drawing up its plans).
    const team = await newPage(browser);
    await logIn(team.page, "team.sociaal-team-borne@demo.example");
    await team.page.getByLabel("Voortgangsnotitie voor de gemeente").fill("Eerste gezinnen gebeld voor een vervolgmoment.");
    await team.page.getByRole("button", { name: /^Notitie toevoegen/ }).click();
    await expectOne(team.page.getByText("Notitie opgeslagen."));
    await expectAccessible(team.page, "team start page with its action note");
    expect(team.problems).toEqual([]);
    await team.context.close();
  });
});
