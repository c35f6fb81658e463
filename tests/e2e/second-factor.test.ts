import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeAt } from "../../app/auth/totp.server.ts";
import { DEMO_PASSWORD, expectAccessible, expectOne, lastMailTo, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 29, part 2 (decision 90): a gemeente's policy officer adds an authenticator app on her account page
// (QR code and key, confirmed with a first code, ten recovery codes shown once), then signs in with password and
// code; without JavaScript with a recovery code; and removes the app again. Landsmeer's account is used by no
// other browser test, so the second step it gets here stands in nobody's way.

const ACCOUNT = "gemeente.landsmeer@demo.example";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(ACCOUNT);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/login/tweede-stap");
}

describe("an authenticator app as the second step of signing in", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  it("is set up on the account page: QR code and key, a first code, ten recovery codes", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, ACCOUNT);
    await page.goto("/account");
    await expectOne(page.getByText("Uit: u logt in met alleen uw wachtwoord.", { exact: false }));
    await page.getByRole("link", { name: "Authenticator-app instellen" }).click();
    await expectOne(page.getByRole("heading", { name: "Tweede stap bij inloggen", level: 1 }));
    await expectOne(page.getByRole("img", { name: /QR-code voor uw authenticator-app/ }));
    await expectAccessible(page, "setting up the app");
    secret = (await page.locator(".secret-key").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByLabel("Code uit de app").fill("000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expectOne(page.getByRole("alert").getByRole("link", { name: /Deze code klopt niet/ }));
    await expectAccessible(page, "setting up with a wrong code");

    await page.getByLabel("Code uit de app").fill(codeAt(secret, new Date()));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expectOne(page.getByText("Uw authenticator-app is ingesteld.", { exact: false }));
    recoveryCodes = await page.locator(".recovery-codes code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page, "the recovery codes");
    await page.goto("/account");
    await expectOne(page.getByText("U hebt nog 10 ongebruikte herstelcodes.", { exact: false }));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("asks after the password for a code of the app, refuses a wrong one, and signs in with the right one", async () => {
    const { context, page, problems } = await newPage(browser);
    await passwordStep(page);
    await expectOne(page.getByRole("heading", { name: "Tweede stap: code uit uw app", level: 1 }));
    expect(await page.getByRole("textbox", { name: "Code", exact: true }).getAttribute("autocomplete")).toBe("one-time-code");
    await expectAccessible(page, "the second step");
    // No session yet: the start page sends back to the login page.
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/login");

    await passwordStep(page);
    await page.getByRole("textbox", { name: "Code", exact: true }).fill("111111");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expectOne(page.getByRole("alert").getByRole("link", { name: /Deze code klopt niet/ }));
    await expectAccessible(page, "the second step with a wrong code");
    // The next step's code: the setup used this step's.
    await page.getByRole("textbox", { name: "Code", exact: true }).fill(codeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL("**/gemeenten/*");
    await expectOne(page.getByRole("heading", { name: /Landsmeer/, level: 1 }));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("signs in without JavaScript with a recovery code, which then is spent; and the app is removed again", async () => {
    const { context, page, problems } = await newPage(browser, { javaScriptEnabled: false });
    await passwordStep(page);
    await page.getByRole("textbox", { name: "Code", exact: true }).fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL("**/gemeenten/*");
    await page.goto("/account");
    await expectOne(page.getByText("U hebt nog 9 ongebruikte herstelcodes.", { exact: false }));
    await page.getByRole("link", { name: "Herstelcodes of app beheren" }).click();
    await expectAccessible(page, "managing the app");
    await page.getByRole("textbox", { name: "Code uit uw app" }).nth(1).fill(recoveryCodes[1]!);
    await page.getByRole("button", { name: "Verwijderen" }).click();
    await expectOne(page.getByRole("status").getByText("Uw authenticator-app en herstelcodes zijn verwijderd."));
    await context.close();

    // The password alone signs in again.
    const again = await newPage(browser);
    await logIn(again.page, ACCOUNT);
    expect(problems).toEqual([]);
    expect(again.problems).toEqual([]);
    await again.context.close();
  });

  it("programma removes it for a person who lost the app: named first, then gone, and the person gets a mail", async () => {
    // Landsmeer sets an app up again.
    const own = await newPage(browser);
    await logIn(own.page, ACCOUNT);
    await own.page.goto("/account/tweede-stap");
    const key = (await own.page.locator(".secret-key").textContent())!.replace(/\s/g, "");
    await own.page.getByLabel("Code uit de app").fill(codeAt(key, new Date()));
    await own.page.getByRole("button", { name: "Bevestigen" }).click();
    await expectOne(own.page.getByText("Uw authenticator-app is ingesteld.", { exact: false }));
    await own.context.close();

    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.goto("/beheer/accounts?zoek=landsmeer");
    const row = page.getByRole("row", { name: /gemeente\.landsmeer@demo\.example/ });
    await expectOne(row.getByText("Met tweede stap (authenticator-app)"));
    await row.getByRole("link", { name: "Tweede stap verwijderen van gemeente.landsmeer@demo.example" }).click();
    await expectOne(page.getByRole("heading", { name: /Tweede stap van .* verwijderen/, level: 1 }));
    await expectAccessible(page, "removing a person's second factor");
    await page.getByRole("button", { name: "Tweede stap verwijderen" }).click();
    await expectOne(page.getByRole("status").getByText(/logt nu in met alleen het wachtwoord/));
    expect((await lastMailTo(ACCOUNT))?.subject).toBe("Uw tweede stap bij inloggen is verwijderd: Werken aan veiligheid");
    expect(problems).toEqual([]);
    await context.close();

    const after = await newPage(browser);
    await logIn(after.page, ACCOUNT);
    await after.context.close();
  });
});
