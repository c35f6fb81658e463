import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("accounts", () => {
  it("a gemeente invites a team manager, who chooses a password and starts", async () => {
    const gemeente = await newPage(browser);
    await logIn(gemeente.page, "gemeente.enschede@demo.example");
    await gemeente.page.getByRole("link", { name: "Accounts" }).click();
    await expectOne(gemeente.page.getByRole("heading", { name: "Accounts", level: 1 }));
    await expectAccessible(gemeente.page, "accounts page");
    await gemeente.page.getByLabel("Naam", { exact: true }).fill("Nieuwe Teammanager");
    await gemeente.page.getByLabel("E-mailadres").fill("nieuw.team@demo.example");
    await gemeente.page.getByLabel(/Voor welke regio, gemeente of welk team/).selectOption({ label: "Wijkteam Enschede Noord (Enschede)" });
    await gemeente.page.getByRole("button", { name: "Account aanmaken en uitnodigen" }).click();
    const link = await gemeente.page.getByLabel("Uitnodigingslink").inputValue();
    expect(link).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(gemeente.page, "accounts page with an invitation link");
    expect(gemeente.problems).toEqual([]);
    await gemeente.context.close();

    const invitee = await newPage(browser);
    await invitee.page.goto(new URL(link).pathname);
    await expectOne(invitee.page.getByRole("heading", { name: "Welkom, Nieuwe Teammanager" }));
    await expectAccessible(invitee.page, "invitation page");
    await invitee.page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("welkom123456");
    await invitee.page.getByLabel("Nieuw wachtwoord nogmaals").fill("welkom123456");
    await invitee.page.getByRole("button", { name: "Wachtwoord instellen en inloggen" }).click();
    await expectOne(invitee.page.locator(".error-summary").getByText(/te makkelijk te raden/));
    await invitee.page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("oranje kano op de dinkel");
    await invitee.page.getByLabel("Nieuw wachtwoord nogmaals").fill("oranje kano op de dinkel");
    await invitee.page.getByRole("button", { name: "Wachtwoord instellen en inloggen" }).click();
    await invitee.page.waitForURL(/\/teams\/\d+$/);
    await expectOne(invitee.page.getByRole("heading", { name: "Wijkteam Enschede Noord", level: 1 }));
    await invitee.page.getByRole("link", { name: /Nieuwe Teammanager/ }).click();
    await expectOne(invitee.page.getByRole("heading", { name: "Mijn account" }));
    await expectAccessible(invitee.page, "my account");
    expect(invitee.problems).toEqual([]);
    await invitee.context.close();
  });

  it("programma manages the organisation, imports teams and reads the audit log", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto("/programma/organisatie");
    await expectOne(page.getByRole("heading", { name: "Organisatie: gemeenten en teams" }));
    await expectAccessible(page, "organisation page");
    await page.goto("/programma/organisatie/import");
    await page
      .getByLabel("of plak de regels hier")
      .fill(
        "gemeente_code;team;soort;teammanager_email;teammanager_naam\nGM0479;Wijkteam Zaandam Zuid;wijkteam;zuid@demo.example;Zara Zuid\nGM9999;Fout team;wijkteam;;",
      );
    await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    await expectOne(page.locator(".error-summary").getByText(/Regel 3: Onbekende gemeentecode/));
    await expectAccessible(page, "import preview with errors");
    await page
      .getByLabel("of plak de regels hier")
      .fill("gemeente_code;team;soort;teammanager_email;teammanager_naam\nGM0479;Wijkteam Zaandam Zuid;wijkteam;zuid@demo.example;Zara Zuid");
    await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    await page.getByRole("button", { name: "Importeren (1 regel)" }).click();
    await expectOne(page.getByText(/Geïmporteerd: 1 team en 1 teammanager /));
    await page.goto("/programma/audit?handeling=account.imported");
    // In Dutch, with the account by name and what was set as a before/after table.
    await expectOne(page.getByRole("cell", { name: "Account geïmporteerd" }));
    await expectOne(page.getByRole("cell", { name: /^Zara Zuid \(zuid@demo\.example\)/ }));
    await expectOne(page.getByRole("row", { name: "Rol – Teammanager" }));
    await expectAccessible(page, "audit log");
    expect(problems).toEqual([]);
    await context.close();
  });
});
