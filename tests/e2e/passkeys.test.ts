import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 29, part 2 (decision 90): a passkey as the second step, with Chromium's virtual authenticator (the
// DevTools WebAuthn domain) standing in for a phone's or laptop's. Gemeente Waterland's account is used by no
// other browser test.

const ACCOUNT = "gemeente.waterland@demo.example";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a passkey as the second step of signing in", () => {
  it("is added on the account page, asked after the password, and removed again", async () => {
    const { context, page, problems } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await logIn(page, ACCOUNT);
    await page.goto("/account/tweede-stap");
    await expectOne(page.getByRole("heading", { name: "Passkeys", level: 2 }));
    await page.getByLabel("Naam van de passkey (mag leeg)").fill("Laptop werk");
    await page.getByRole("button", { name: "Passkey toevoegen" }).click();
    await expectOne(page.getByRole("status").getByText("De passkey is toegevoegd."));
    // The first second step of the account brings ten recovery codes.
    expect(await page.locator(".recovery-codes code").count()).toBe(10);
    await expectOne(page.getByText(/^Laptop werk, toegevoegd/));
    await expectAccessible(page, "passkey added");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("E-mailadres").fill(ACCOUNT);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL("**/login/tweede-stap");
    await expectOne(page.getByRole("heading", { name: "Tweede stap: uw passkey", level: 1 }));
    await expectAccessible(page, "second step with a passkey");
    await page.getByRole("button", { name: "Inloggen met uw passkey" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/gemeenten/"));
    await expectOne(page.getByRole("heading", { name: /Waterland/, level: 1 }));

    await page.goto("/account/tweede-stap");
    await expectOne(page.getByText(/laatst gebruikt/));
    await page.getByRole("button", { name: "Verwijderen (Laptop werk)" }).click();
    await expect.poll(() => page.getByText(/^Laptop werk, toegevoegd/).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // The password alone signs in again.
    const again = await newPage(browser);
    await logIn(again.page, ACCOUNT);
    await again.context.close();
  });
});
