import { chromium, type BrowserContext } from "playwright-core";

/**
 * What a browser transfers (issue 28, part 2): Debian's Chromium loads pages as a user does, and every
 * response's bytes on the wire are counted (Chrome DevTools Protocol, `encodedDataLength`: compressed body
 * and headers). A first visit starts from an empty cache; a later page uses what the browser cached (the
 * fingerprinted files are immutable, so it asks for none of them again).
 */

export interface Transfers {
  /** KB: the login page, then (signed in) the team's start page and a section page, from an empty cache. */
  firstVisitKB: number;
  /** KB: the largest of the later pages of that visit (another section, the task list). */
  laterPageKB: number;
  /** KB: the login page, then programma's start page and the national dashboard, from an empty cache. */
  dashboardFirstVisitKB: number;
}

async function counted(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  return {
    /** Signs in with a known session: the cookie is set by the page itself, as __Host- cookies must be (a secure context: 127.0.0.1 is one). */
    async signIn(cookie: string) {
      await page.evaluate(`document.cookie = ${JSON.stringify(`${cookie}; path=/; secure; samesite=lax`)}`);
    },
    /** Loads each path in turn (waiting until the network is quiet) and gives the KB they took together. */
    async visit(base: string, ...paths: string[]) {
      const before = bytes;
      for (const path of paths) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        // A session the server did not take would measure the login page instead: refuse to report that.
        if (path !== "/login" && new URL(page.url()).pathname === "/login") throw new Error(`overdracht: ${path} leidde naar de inlogpagina`);
      }
      return (bytes - before) / 1024;
    },
  };
}

export async function browserTransfers(base: string, sessions: { team: { cookie: string; responseId: number }; programma: string }): Promise<Transfers> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const team = await browser.newContext();
    const visit = await counted(team);
    const login = await visit.visit(base, "/login");
    await visit.signIn(sessions.team.cookie);
    const scan = `/vragenlijsten/${sessions.team.responseId}`;
    const firstVisitKB = login + (await visit.visit(base, "/", `${scan}/onderdelen/A`));
    const later = [await visit.visit(base, `${scan}/onderdelen/B`), await visit.visit(base, scan)];
    await team.close();

    const programma = await browser.newContext();
    const national = await counted(programma);
    const programmaLogin = await national.visit(base, "/login");
    await national.signIn(sessions.programma);
    const dashboardFirstVisitKB = programmaLogin + (await national.visit(base, "/", "/programma/dashboard"));
    await programma.close();
    return { firstVisitKB, laterPageKB: Math.max(...later), dashboardFirstVisitKB };
  } finally {
    await browser.close();
  }
}
