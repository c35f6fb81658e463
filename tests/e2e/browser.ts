import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { mailReceivedBy, type ReceivedMail } from "../support/smtp-sink.ts";

export const baseURL = () => inject("baseURL");

/**
 * The newest mail in the server's outbox to this address: what the product recorded, also mail it holds
 * (to the demo's reserved addresses). Credential links are gone from it once sent or held.
 */
export async function lastMailTo(recipient: string): Promise<{ subject: string; body: string } | undefined> {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(inject("databasePath"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select subject, body from outbox where recipient = ? order by id desc limit 1").get(recipient) as
      { subject: string; body: string } | undefined;
  } finally {
    db.close();
  }
}

/** The newest mail that actually left the server for this address (the SMTP sink's mailbox), waiting up to 10 s for it. */
export async function lastMailReceivedBy(recipient: string): Promise<ReceivedMail> {
  const started = Date.now();
  for (;;) {
    const mails = mailReceivedBy(inject("mailDir"), recipient);
    if (mails.length) return mails[mails.length - 1]!;
    if (Date.now() - started > 10_000) throw new Error(`No mail reached the SMTP sink for ${recipient}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Gives a demo account an address a mail server accepts (the demo's own reserved addresses are never
 * mailed), written straight into the server's database (the browser tests' server's, or the one named), for a
 * test that follows a mail to its link.
 */
export async function giveAccountAnAddress(demoEmail: string, email: string, databasePath: string = inject("databasePath")): Promise<void> {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(databasePath, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const changed = db.prepare("update user_account set email = ? where email = ?").run(email, demoEmail).changes;
    if (changed !== 1) throw new Error(`No account ${demoEmail}`);
  } finally {
    db.close();
  }
}

export const DEMO_PASSWORD = "demo-veilig-2025";

/** Debian's Chromium, headless; the flags keep it off the closed network and out of the sandbox it cannot have as root. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

// axe runs as a script in the page; a page without JavaScript is checked through a scripted copy.
const pagesWithoutScript = new WeakSet<Page>();

/** A page that fails the test on a browser console error or an uncaught exception. */
export async function newPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1200, height: 900 },
  });
  // A content security policy violation (an inline script without the nonce, eval) fails the test like an error.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  const page = await context.newPage();
  // Fail fast with the locator that did not match, instead of at the test's own time-out.
  page.setDefaultTimeout(15_000);
  if (options.javaScriptEnabled === false) pagesWithoutScript.add(page);
  const problems: string[] = [];
  page.on("console", (message) => {
    // A form that comes back with errors is a 400 (or 409), a spent personal link a 410, on purpose; the browser logs that as a failed load.
    if (/Failed to load resource: the server responded with a status of (40[09]|410)/.test(message.text())) return;
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** axe-core with the WCAG 2.2 A and AA rules (target size included); a violation fails the test with what and where. */
export async function expectAccessible(page: Page, label: string) {
  let target = page;
  let copy: BrowserContext | undefined;
  if (pagesWithoutScript.has(page)) {
    // The same markup, without its scripts, in a page that lets axe run: what a no-JS user gets.
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    copy = await page.context().browser()!.newContext({ baseURL: baseURL() });
    target = await copy.newPage();
    await target.goto("/login");
    await target.setContent(html, { waitUntil: "load" });
  }
  const results = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  await copy?.close();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(violations, `accessibility of ${label} (${page.url()})`).toEqual([]);
  // Every page links to the statements a Dutch public body must publish, and has a title.
  const footer = page.getByRole("navigation", { name: "Over deze website" });
  for (const name of ["Toegankelijkheidsverklaring", "Privacyverklaring", "Contact en hulp"]) {
    expect(await footer.getByRole("link", { name, exact: true }).count(), `footer link ${name} on ${label}`).toBe(1);
  }
  expect((await page.title()).length, `title of ${label}`).toBeGreaterThan(0);
  await expectReflow(page, label);
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px wide (1280 px at 400% zoom) the page does not scroll sideways; a wide
 * table scrolls inside its own region instead. The page is measured at that width and set back after.
 */
export async function expectReflow(page: Page, label: string) {
  const viewport = page.viewportSize() ?? { width: 1200, height: 900 };
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      // Name the outermost elements that stick out, so a failure says where to look.
      const culprits = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && (el.parentElement?.getBoundingClientRect().right ?? 0) <= width + 1)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").trim().slice(0, 40)}`);
      return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
    });
    expect(overflow, `reflow of ${label} at 320 px (${page.url()})`).toBeNull();
    // Headings and the phase steps break between words: a word split over two lines (a browser without a
    // Dutch hyphenation dictionary, as this Chromium, splits without a hyphen) fails, and names the word. A
    // soft hyphen in a long compound (Rondetafel&shy;gesprekken) is a place it may break, with a hyphen.
    const brokenWords = await page.evaluate(() => {
      const broken: string[] = [];
      for (const element of document.querySelectorAll("h1, h2, h3, h4, .stepper__step")) {
        if (!(element instanceof HTMLElement) || element.offsetParent === null || element.closest(".visually-hidden")) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (const match of text.matchAll(/[^\s/\-–\u00ad\u200b]+/g)) {
            // The word's first and last letter on different lines: it was split.
            const topOf = (offset: number) => {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              // The last box: a letter right after a soft hyphen also reports the hyphen drawn at the line's end.
              return Math.round([...range.getClientRects()].filter((r) => r.width > 0).at(-1)?.top ?? 0);
            };
            const tops = new Set([topOf(match.index), topOf(match.index + match[0].length - 1)]);
            if (tops.size > 1) broken.push(match[0]);
          }
        }
      }
      return broken;
    });
    expect(brokenWords, `words broken inside on ${label} at 320 px (${page.url()})`).toEqual([]);
  } finally {
    await page.setViewportSize(viewport);
  }
}

export async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await expectAccessible(page, "login page");
  // Accessible authentication (WCAG 2.2, 3.3.8): a password manager can fill in both fields.
  expect(await page.getByLabel("E-mailadres").getAttribute("autocomplete")).toBe("username");
  expect(await page.getByLabel("Wachtwoord").getAttribute("autocomplete")).toBe("current-password");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // With JavaScript the URL changes a moment before the start page renders: wait for it.
  await expect.poll(() => page.locator("h1").first().textContent(), { timeout: 10_000 }).not.toBe("Inloggen");
}

/** Answers every open question that is shown: the first option of each choice, a number, no free text. */
export async function answerVisibleQuestions(page: Page, options: { skip?: string[] } = {}) {
  for (let round = 0; round < 3; round++) {
    const items = await page.locator("#sectie-formulier [data-item]:visible").evaluateAll((nodes) =>
      nodes.map((n) => ({
        key: n.getAttribute("data-item")!,
        choice: n.querySelector('input[type="radio"], input[type="checkbox"]') !== null,
        answered: n.querySelector("input:checked") !== null,
        number: n.querySelector('input[type="text"]') !== null,
      })),
    );
    for (const item of items) {
      if (options.skip?.includes(item.key) || item.answered) continue;
      if (item.choice) await page.locator(`[data-item="${item.key}"] input`).first().check();
      else if (item.number) await page.locator(`#veld-${item.key}`).fill("14");
    }
  }
}

/** Exactly one match, waiting for the page to settle first (a navigation renders after its URL changes). */
export async function expectOne(locator: Locator) {
  await expect.poll(() => locator.count(), { timeout: 10_000 }).toBe(1);
}
