import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectAccessible, expectOne, giveAccountAnAddress, launchBrowser, logIn, newPage } from "./browser.ts";

// Issue 29, part 1 (decision 91): single sign-on with an organisation's account, through a real OpenID Provider
// (`oidc-provider`, the certified Node implementation, on 127.0.0.1 with its development login pages). Programma
// registers gemeente Wormerland's provider for the domain wormerland.example; Wormerland's policy officer types
// her address, signs in at the provider and comes back signed in with her own role and scope; logging out offers
// the provider's logout. Without JavaScript the login page offers the link to the provider instead.

const CLIENT_ID = "werken-aan-veiligheid";
const CLIENT_SECRET = "geheim-van-de-test-provider-0123456789";
const OFFICER = "beleid@wormerland.example";

let browser: Browser;
let server: Server;
let issuer = "";

beforeAll(async () => {
  browser = await launchBrowser();
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${baseURL()}/login/organisatie`],
        post_logout_redirect_uris: [`${baseURL()}/login?uitgelogd=1`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    // The development login page takes any name: here, the address it signs in as.
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["sleutel-voor-de-test-provider"] },
  });
  handle = provider.callback();
  // The product's accounts are made by invitation: Wormerland's officer has one, at her organisation's address.
  await giveAccountAnAddress("gemeente.wormerland@demo.example", OFFICER);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** The provider's development pages load a web font from the internet, which this machine does not reach. */
const withoutWebFonts = (page: Page) => page.route(/fonts\.googleapis\.com/, (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));

async function atProvider(page: Page) {
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(OFFICER);
  await page.locator('input[name="password"]').fill("wat-dan-ook");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("signing in with an organisation's account", () => {
  it("programma registers gemeente Wormerland's provider", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "programma@demo.example");
    await page.getByRole("link", { name: "Inloggen met organisatieaccount" }).click();
    await expectOne(page.getByRole("heading", { name: "Inloggen met organisatieaccount", level: 1 }));
    await expectOne(page.getByText(`${baseURL()}/login/organisatie`));
    await expectAccessible(page, "identity providers");
    await page.getByLabel("Naam", { exact: true }).fill("Gemeente Wormerland");
    await page.getByLabel("Voor wie").selectOption({ label: "Gemeente Wormerland" });
    await page.getByLabel("Uitgever (issuer)").fill(issuer);
    await page.getByLabel("Client-id").fill(CLIENT_ID);
    await page.getByLabel(/^Client-secret/).fill(CLIENT_SECRET);
    await page.getByLabel("E-maildomeinen").fill("wormerland.example");
    await page.getByRole("button", { name: "Inlogdienst toevoegen" }).click();
    await expectOne(page.getByRole("status").getByText("Opgeslagen."));
    const row = page.getByRole("row", { name: /Gemeente Wormerland/ });
    await expectOne(row.getByText("wormerland.example"));
    await expectOne(row.getByText("Versleuteld opgeslagen"));
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    await expectAccessible(page, "identity providers with one");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the officer types her address, signs in at her organisation, comes back signed in, and is offered its logout", async () => {
    const { context, page, problems } = await newPage(browser);
    await withoutWebFonts(page);
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(OFFICER);
    // Her organisation signs her in: no password field, a button that says where she goes.
    await expect.poll(() => page.getByLabel("Wachtwoord").isVisible()).toBe(false);
    await expectAccessible(page, "login page for an organisation's address");
    await page.getByRole("button", { name: "Inloggen met uw organisatieaccount" }).click();
    await atProvider(page);
    await page.waitForURL((url) => url.pathname.startsWith("/gemeenten/"));
    await expectOne(page.getByRole("heading", { name: /Wormerland/, level: 1 }));
    await expectAccessible(page, "start page after signing in with the organisation's account");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    const offer = page.getByRole("link", { name: "Ook uitloggen bij Gemeente Wormerland" });
    await expectOne(offer);
    await expectAccessible(page, "logged out, with the organisation's logout offered");
    await offer.click();
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL((url) => url.href.startsWith(baseURL()) && url.pathname === "/login");
    expect(problems.filter((p) => !p.includes(issuer))).toEqual([]);
    await context.close();
  });

  it("without JavaScript the login page offers the way to the organisation, and signs in as well", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await withoutWebFonts(page);
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(OFFICER);
    await page.getByRole("button", { name: "Inloggen" }).click();
    const onward = page.getByRole("link", { name: "Verder naar de inlogdienst van Gemeente Wormerland" });
    await expectOne(onward);
    await expectAccessible(page, "login page on the way to the organisation");
    await onward.click();
    await atProvider(page);
    await page.waitForURL((url) => url.pathname.startsWith("/gemeenten/"));
    await expectOne(page.getByRole("heading", { name: /Wormerland/, level: 1 }));
    await context.close();
  });
});
