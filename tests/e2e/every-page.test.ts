import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, logIn, newPage } from "./browser.ts";

// Every page of every role, reached the way a user reaches it: by following the links the product shows,
// from the start page on. Each page is checked with axe (WCAG 2.2 A and AA), for its footer and title, and
// for reflow at 320 px (expectAccessible); after each client-side navigation to another page, focus must
// be on that page's h1. One page per route and state: paths that differ only in their ids count as one
// route, a query (a year, a filter, a page number) as a state of its own, at most two of each.

/** A demo account per role; the second account of a role visits only what the first did not see. */
const ROLES: { role: string; email: string | null }[] = [
  { role: "anonymous", email: null },
  { role: "team", email: "team.enschede-centrum@demo.example" },
  { role: "team", email: "team.zaandam-oost@demo.example" },
  { role: "gemeente", email: "gemeente.enschede@demo.example" },
  { role: "gemeente", email: "gemeente.zaanstad@demo.example" },
  { role: "regio", email: "regio.twente@demo.example" },
  { role: "regio", email: "regio.zaanstreek-waterland@demo.example" },
  { role: "programma", email: "programma@demo.example" },
  { role: "veilig_thuis", email: "veilig-thuis.zaanstreek-waterland@demo.example" },
];
/** Links that are not pages: they end the session, or are downloads, assets or the session keep-alive. */
const NOT_A_PAGE = /^\/(logout|downloads\/|build\/|sessie)|\.(csv|xlsx|json)(\?|$)/;
const PER_ROUTE = 2;
const MAX_PAGES_PER_ACCOUNT = 45;

/** "/gemeenten/27/resultaten?ronde=2" → "/gemeenten/:id/resultaten?ronde": ids do not make another route. */
function routeOf(href: string) {
  const url = new URL(href, "http://x");
  const keys = [...url.searchParams.keys()].sort().join("&");
  return url.pathname.replace(/\/\d+(?=\/|$)/g, "/:id") + (keys ? `?${keys}` : "");
}

/**
 * Words of the code, not of the users (issue 27): a snake_case key ("lokale_teams"), a record's kind and
 * number ("Regio – 25", "Onderdeel ervaring"), and English words the code uses for states and records.
 * Page text only (innerText: what is shown and printed), not attributes or addresses.
 */
const INTERNAL_WORDS: [string, RegExp][] = [
  ["a snake_case key", /\b[a-z]+_[a-z_]+\b/],
  ["a record's kind and number", /\b(Regio|Gemeente|Team|Ronde|Vragenlijst)\s*[–-]\s*\d+\b/],
  ["a section's key", /\bOnderdeel [a-z]+_?[a-z]*\b(?! van)/],
  [
    "an English word of the code",
    /\b(undefined|null|NaN|true|false|submitted|draft|accepted|returned|pending|preparation|selfscan|execution|municipality|region|response|\[object Object\])\b/,
  ],
];

async function expectUsersWords(page: Page, label: string) {
  // Every rendered text, also what only screen readers hear; a file format's column names shown as <code> are meant to be typed as they are.
  const text = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template, code, pre, noscript")) continue;
      parts.push(node.textContent ?? "");
    }
    return parts.join(" ");
  });
  for (const [what, pattern] of INTERNAL_WORDS) {
    const found = pattern.exec(text)?.[0];
    expect(found, `${what} on ${label} (${page.url()})`).toBeUndefined();
  }
}

/**
 * The markup of every page the crawl checks, exactly as the server sent it, kept for the W3C Nu HTML
 * checker, which runs once over all of them at the end (a Java start per page would cost minutes).
 */
const markupDir = mkdtempSync(join(tmpdir(), "nu-checker-"));
const markupOf = new Map<string, string>();
async function keepMarkup(page: Page, label: string) {
  const response = await page.request.get(whereIs(page));
  const file = `page-${markupOf.size + 1}.html`;
  writeFileSync(join(markupDir, file), await response.body());
  markupOf.set(file, label);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(markupDir, { recursive: true, force: true });
});

const seenPerRole = new Map<string, Map<string, number>>();

/** Links on the page to pages of this product, as written in their href. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//") && !href.includes("#") && !NOT_A_PAGE.test(href));
}

/** Where the page is: path and query. */
const whereIs = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** Follows the link on `from` to `href` (a client navigation where the product makes one); checks focus. */
async function follow(page: Page, from: string, href: string) {
  if (whereIs(page) !== from) await page.goto(from);
  const link = page.locator(`a[href=${JSON.stringify(href)}]:visible`).first();
  if ((await link.count()) === 0) {
    // Only in a closed disclosure (a list of regions behind "Toon"): load it as its address.
    await page.goto(href);
    return;
  }
  const before = page.url();
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await link.click();
  // A link may redirect to where the user already is ("/" to one's own start page): then the URL stays.
  await page.waitForURL((url) => url.href !== before, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForLoadState("load");
  const sameDocument = await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
  if (sameDocument && new URL(page.url()).pathname !== new URL(before).pathname) {
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { message: `focus after navigating to ${href}`, timeout: 5_000 }).toBe("H1");
  }
}

describe("every page of every role", () => {
  for (const { role, email } of ROLES) {
    it(`${email ?? "without an account"}: every page reflows at 320 px, passes axe, and takes focus to its h1`, async () => {
      const { context, page, problems } = await newPage(browser);
      const seen = seenPerRole.get(role) ?? new Map<string, number>();
      seenPerRole.set(role, seen);
      const start = email ? "/" : "/login";
      if (email) await logIn(page, email);
      else await page.goto(start);
      const queue: { from: string; href: string }[] = [];
      const visited: string[] = [];
      const enqueue = async (from: string) => {
        for (const href of await pageLinks(page)) {
          const route = routeOf(href);
          if ((seen.get(route) ?? 0) >= PER_ROUTE || queue.some((q) => q.href === href) || visited.includes(href)) continue;
          seen.set(route, (seen.get(route) ?? 0) + 1);
          queue.push({ from, href });
        }
      };
      const landed = whereIs(page);
      for (const path of new Set([start, landed])) seen.set(routeOf(path), (seen.get(routeOf(path)) ?? 0) + 1);
      await expectAccessible(page, `${role} start page`);
      await expectUsersWords(page, `${role} start page`);
      await keepMarkup(page, `${role}: ${landed}`);
      visited.push(start, landed);
      await enqueue(landed);
      while (queue.length && visited.length < MAX_PAGES_PER_ACCOUNT) {
        const { from, href } = queue.shift()!;
        await follow(page, from, href);
        const at = whereIs(page);
        visited.push(href);
        // A link that redirects to a page already checked (the start page) needs no second check.
        if (at !== href && visited.includes(at)) continue;
        visited.push(at);
        // A link the product shows never leads to an error page (the error boundary's heading).
        expect(await page.locator("#error-title").count(), `${href} is not an error page`).toBe(0);
        await expectAccessible(page, `${role}: ${href}`);
        await expectUsersWords(page, `${role}: ${href}`);
        await keepMarkup(page, `${role}: ${at}`);
        await enqueue(at);
      }
      // The crawl must have reached the role's pages, not stopped at a broken start page.
      expect(new Set(visited).size, visited.join("\n")).toBeGreaterThan(email ? 8 : 3);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("valid HTML", () => {
  // Runs after the crawl above (vitest runs a file's tests in order) over every page it kept.
  it("the W3C Nu HTML checker finds no error in any page the crawl reached", async () => {
    expect(markupOf.size, "pages kept by the crawl").toBeGreaterThan(50);
    const jar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
    // --exit-zero-always: the findings are read from the report; a failure to run at all still throws.
    const { stderr } = await promisify(execFile)("java", ["-jar", jar, "--errors-only", "--exit-zero-always", "--format", "json", markupDir], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stderr) as { messages: { url: string; message: string; extract?: string; lastLine?: number }[] };
    const errors = report.messages.map((m) => `${markupOf.get(m.url.split("/").pop()!) ?? m.url} (line ${m.lastLine}): ${m.message} ${m.extract ?? ""}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
