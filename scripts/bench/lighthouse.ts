import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";

/**
 * Lighthouse as a user's browser sees the product (issue 28, part 3): the npm package drives Debian's Chromium
 * with its defaults, a mid-range phone on a slow 4G line (simulated throttling, so the score hardly depends on how
 * busy this machine is), for performance, accessibility and best practices. Signed-in pages get the session
 * cookie as a request header. The HTML reports go to a directory git ignores.
 */

export interface LighthousePage {
  name: string;
  path: string;
  /** The session cookie ("name=value"), or "" for a page without login. */
  cookie: string;
}

export interface LighthouseScores {
  name: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** ms, the performance metric the issue names for hydration. */
  totalBlockingTime: number;
  /** ms */
  largestContentfulPaint: number;
}

const CATEGORIES = ["performance", "accessibility", "best-practices"];

export async function lighthouseScores(base: string, pages: LighthousePage[], reportDir: string): Promise<LighthouseScores[]> {
  mkdirSync(reportDir, { recursive: true });
  const port = 9300 + (process.pid % 500);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      `--remote-debugging-port=${port}`,
      "--remote-debugging-address=127.0.0.1",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const page of pages) {
      const run = () =>
        lighthouse(
          base + page.path,
          {
            port,
            output: "html",
            logLevel: "error",
            onlyCategories: CATEGORIES,
            ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
          },
          undefined,
        );
      // A run whose trace recording failed (NO_NAVSTART on a busy machine) scores 0 and asks to be run again:
      // it is, up to twice, so a failed recording is not reported as the page's score.
      let result = await run();
      for (let retry = 0; retry < 2 && result?.lhr.runtimeError; retry++) result = await run();
      if (!result) throw new Error(`Lighthouse gaf geen resultaat voor ${page.path}`);
      const { lhr, report } = result;
      // A session the server did not take would score the login page instead: refuse to report that.
      if (page.path !== "/login" && new URL(lhr.finalDisplayedUrl).pathname === "/login")
        throw new Error(`Lighthouse: ${page.path} leidde naar de inlogpagina`);
      writeFileSync(join(reportDir, `${page.name}.html`), Array.isArray(report) ? report[0]! : report);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      scores.push({
        name: page.name,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        totalBlockingTime: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        largestContentfulPaint: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
      });
    }
    return scores;
  } finally {
    await browser.close();
  }
}
