import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectOne, launchBrowser, newPage } from "./browser.ts";

// The statements every page links to, focus after a client navigation, and the page no route matches.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the statements, focus and the 404 page", () => {
  it("the footer of the login page leads to each statement; focus lands on its h1; it reflows at 320 px", async () => {
    const { context, page, problems } = await newPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/login");
    for (const [link, heading] of [
      ["Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring"],
      ["Privacyverklaring", "Privacyverklaring"],
      ["Contact en hulp", "Contact en hulp"],
    ] as const) {
      await page.getByRole("navigation", { name: "Over deze website" }).getByRole("link", { name: link, exact: true }).click();
      await expectOne(page.getByRole("heading", { level: 1, name: heading }));
      // A client-side navigation: focus moved to the new page's heading, so a screen reader reads it.
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await expectAccessible(page, heading);
    }
    await expectOne(page.getByText(/Nalevingsstatus|Deze omgeving wordt beheerd door/).first());
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a page that does not exist has a title, says so, and offers a way back", async () => {
    const { context, page } = await newPage(browser);
    const response = await page.goto("/bestaat-niet");
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe("Pagina niet gevonden – Werken aan veiligheid");
    await expectOne(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }));
    await expectOne(page.getByRole("link", { name: "Naar de startpagina" }));
    await expectAccessible(page, "404 page");
    await context.close();
  });
});
