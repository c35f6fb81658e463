import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectAccessible, expectOne, giveAccountAnAddress, lastMailReceivedBy, lastMailTo, launchBrowser, logIn, newPage } from "./browser.ts";

// What the penetration test needed a browser for: Back after logging out, and the password reset
// end to end with the outbox as the mailbox.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("after logging out, Back shows nothing of a signed-in page (finding 4)", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async () => {
      const { context, page, problems } = await newPage(browser, { javaScriptEnabled });
      await logIn(page, "team.hengelo-zuid@demo.example");
      await page.getByRole("link", { name: "Bekijk de ingediende zelfscan" }).click();
      await page.waitForURL(/\/vragenlijsten\/\d+$/);
      await expectOne(page.getByRole("heading", { name: /^A\. / }));
      await page.getByRole("button", { name: "Uitloggen" }).click();
      await page.waitForURL(/\/login/);
      await page.goBack();
      await page.waitForURL(/\/login/);
      await expectOne(page.getByRole("heading", { name: "Inloggen", level: 1 }));
      expect(await page.getByRole("heading", { name: /^A\. / }).count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("Wachtwoord vergeten", () => {
  it("asks for a link, receives it by mail, chooses a new password and logs in with it; the link works once", async () => {
    // The demo's addresses are never mailed (issue 23): this account gets one the test's SMTP sink accepts.
    const email = "team.hengelo-noord@gemeente-voorbeeld.nl";
    await giveAccountAnAddress("team.hengelo-noord@demo.example", email);
    const other = await newPage(browser);
    await logIn(other.page, email);

    const { context, page, problems } = await newPage(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await expectOne(page.getByRole("heading", { name: "Wachtwoord vergeten", level: 1 }));
    await expectAccessible(page, "forgot password page");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await expectOne(page.getByText("Als dit adres bij ons bekend is, ontvangt u een e-mail"));
    await expectAccessible(page, "forgot password page, sent");

    // The mail that reached the mail server holds the link; the copy the outbox keeps does not (issue 23, 3).
    const mail = await lastMailReceivedBy(email);
    expect(mail.raw).toContain("Subject: Wachtwoord opnieuw instellen: Werken aan veiligheid");
    const link = /https?:\/\/\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
    await expect.poll(async () => (await lastMailTo(email))?.body, { timeout: 5000 }).toContain("[link verwijderd]");
    expect((await lastMailTo(email))?.body).not.toContain("/wachtwoord-herstellen/");
    await page.goto(new URL(link).pathname);
    await expectOne(page.getByRole("heading", { name: "Nieuw wachtwoord kiezen" }));
    await expectAccessible(page, "reset page");
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("wachtwoord1234");
    await page.getByLabel("Nieuw wachtwoord nogmaals").fill("wachtwoord1234");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expectOne(page.locator(".error-summary").getByText(/te makkelijk te raden/));
    await expectAccessible(page, "reset page with an error");
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("groene tram door de twentse velden");
    await page.getByLabel("Nieuw wachtwoord nogmaals").fill("groene tram door de twentse velden");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.waitForURL(/\/login\?hersteld=1/);
    await expectOne(page.getByText("Uw wachtwoord is gewijzigd."));

    // The session that was open elsewhere has ended.
    await other.page.reload();
    await other.page.waitForURL(/\/login/);
    await other.context.close();

    // The old password no longer works; the new one does.
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expectOne(page.getByText("Het e-mailadres of het wachtwoord klopt niet."));
    await page.getByLabel("Wachtwoord").fill("groene tram door de twentse velden");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(/\/teams\/\d+$/);

    // Used once: the link now says so.
    await page.goto(new URL(link).pathname);
    await expectOne(page.getByRole("heading", { name: "Link niet geldig" }));
    await expectAccessible(page, "spent reset link");
    expect(problems).toEqual([]);
    await context.close();
  });
});
