import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerVisibleQuestions, expectAccessible, expectOne, launchBrowser, logIn, newPage } from "./browser.ts";

// The demo team managers find their scan under way (themes A to F done, G and H to do). Each fills in
// the two remaining sections, reloads, continues and submits: once with JavaScript, once without.
// Then their gemeente sees the team as ingediend.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a team manager with JavaScript", () => {
  it("fills in two sections, reloads, continues, submits and sees the read-only result", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "team.zaandam-oost@demo.example");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Wijkteam Zaandam Oost");
    await expectAccessible(page, "team start page");
    await expectOne(page.getByText("6 van 8 onderdelen klaar"));

    // Trying to submit early lists what is missing, with links to the questions.
    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Controleren en indienen");
    await expectAccessible(page, "submit page, incomplete");
    await page.getByRole("link", { name: /^G1:/ }).click();
    await page.waitForURL(/onderdelen\/G\?controle=1/);
    await expectOne(page.locator(".error-summary"));
    await expectAccessible(page, "section G with missing answers marked");

    // Section G: answer everything, save and go on.
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en verder" }).click();
    await page.waitForURL(/onderdelen\/H$/);
    await expectAccessible(page, "section H");

    // Section H: a condition reveals H5 only once H4 is "Ja"; answers save automatically.
    expect(await page.locator('[data-item="H5"]').isVisible()).toBe(false);
    await page.locator('[data-item="H4"] input[value="ja"]').check();
    expect(await page.locator('[data-item="H5"]').isVisible()).toBe(true);
    await page.locator('[data-item="H1"] input[value="voldoet_deels"]').check();
    await page.locator('[data-item="H1"] summary').click();
    await page.getByLabel("Toelichting bij H1").fill("Scholing staat gepland voor het voorjaar.");
    await page.getByText(/Automatisch opgeslagen om/).waitFor({ timeout: 15_000 });

    // A reload loses nothing; the user continues where they were.
    await page.reload();
    expect(await page.locator('[data-item="H1"] input[value="voldoet_deels"]').isChecked()).toBe(true);
    expect(await page.locator('[data-item="H4"] input[value="ja"]').isChecked()).toBe(true);
    expect(await page.getByLabel("Toelichting bij H1").inputValue()).toBe("Scholing staat gepland voor het voorjaar.");

    // Instant validation while typing, in Dutch, before anything is sent.
    await page.getByLabel(/H7/).fill("heel veel");
    await page.getByText("Vul een getal in, bijvoorbeeld 12.").first().waitFor();
    await page.getByLabel(/H7/).fill("16");
    // A toelichting that is too long is marked at once; once mended, its box stays open under the user's hands.
    await page.locator('[data-item="H2"] summary').click();
    const toelichting = page.getByLabel("Toelichting bij H2");
    await toelichting.fill("x".repeat(2001));
    await page.getByText("Gebruik hoogstens 2000 tekens.").first().waitFor();
    await toelichting.fill("Intervisie maandelijks.");
    await expect.poll(() => page.getByText("Gebruik hoogstens 2000 tekens.").count()).toBe(0);
    expect(await page.locator('[data-item="H2"] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await expectOne(page.getByText("Alle onderdelen zijn klaar."));

    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await expectAccessible(page, "submit page, complete");
    // Check, then submit: every section's answers with a link to change them, and the button under them.
    expect(await page.getByRole("link", { name: /^Wijzigen/ }).count()).toBe(8);
    await expectOne(page.getByText("Scholing staat gepland voor het voorjaar."));
    const answersEnd = await page.locator("dl.answers").last().boundingBox();
    const button = await page.getByRole("button", { name: "Indienen" }).boundingBox();
    expect(button!.y).toBeGreaterThan(answersEnd!.y);
    // "Wijzigen" leads to the section and back to this check.
    await page.getByRole("link", { name: /^Wijzigen.*H\./ }).click();
    await page.waitForURL(/onderdelen\/H\?controle=1/);
    await page.goBack();
    await page.getByRole("button", { name: "Indienen" }).click();
    await page.waitForURL(/ingediend=1/);
    expect(await page.getByRole("note").textContent()).toMatch(/^Ingediend op .* door Teammanager Zaandam Oost\./);
    const comment = page.getByText("Scholing staat gepland voor het voorjaar.");
    await expectOne(comment);
    expect(await page.locator("input").count()).toBe(0);
    await expectAccessible(page, "submitted scan, read-only");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("a team manager without JavaScript", () => {
  it("does the same with plain forms: errors come back with the input kept", async () => {
    const { context, page, problems } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "team.enschede-centrum@demo.example");
    expect(await page.locator("h1").textContent()).toBe("Wijkteam Enschede Centrum");
    await page.getByRole("link", { name: "G. Samenwerking en regie" }).click();
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en verder" }).click();
    await page.waitForURL(/onderdelen\/H$/);

    // Without JavaScript the conditional question is shown, with the condition in words.
    await expectOne(page.getByText('Alleen invullen als u bij vraag H4 "Ja" hebt gekozen.'));
    await page.locator('[data-item="H1"] input[value="voldoet_niet"]').check();
    await page.getByLabel(/H7/).fill("heel veel");
    await page.getByLabel(/H9/).fill("Meer tijd voor casusoverleg.");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();

    const summary = page.locator(".error-summary");
    await expectOne(summary.getByRole("link", { name: "H7: Vul een getal in, bijvoorbeeld 12." }));
    expect(await page.locator("#fout-H7").textContent()).toContain("Vul een getal in");
    expect(await page.locator('[data-item="H1"] input[value="voldoet_niet"]').isChecked()).toBe(true);
    expect(await page.getByLabel(/H7/).inputValue()).toBe("heel veel");
    expect(await page.getByLabel(/H9/).inputValue()).toBe("Meer tijd voor casusoverleg.");
    await expectAccessible(page, "section H with an error, no JavaScript");

    await page.getByLabel(/H7/).fill("12");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await page.getByText("Opgeslagen.").waitFor();
    await page.reload();
    expect(await page.locator('[data-item="H1"] input[value="voldoet_niet"]').isChecked()).toBe(true);
    expect(await page.getByLabel(/H7/).inputValue()).toBe("12");

    // Two tabs: the other one saves first; this one is told what happened, with its input kept.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.locator('[data-item="H1"] input[value="voldoet"]').check();
    await other.getByRole("button", { name: "Opslaan als concept" }).click();
    await other.getByText("Opgeslagen.").waitFor();
    await other.close();
    await page.locator('[data-item="H1"] input[value="voldoet_deels"]').check();
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expectOne(page.getByRole("heading", { name: "Iemand anders heeft dit onderdeel intussen opgeslagen" }));
    expect(await page.locator('[data-item="H1"] input[value="voldoet_deels"]').isChecked()).toBe(true);
    await expectAccessible(page, "section H after another tab saved first, no JavaScript");
    // Saving again keeps this tab's version.
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await page.getByText("Opgeslagen.").waitFor();
    expect(await page.locator('[data-item="H1"] input[value="voldoet_deels"]').isChecked()).toBe(true);

    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await page.getByRole("link", { name: "Controleren en indienen" }).click();
    await page.getByRole("button", { name: "Indienen" }).click();
    await page.waitForURL(/ingediend=1/);
    expect(await page.getByRole("note").textContent()).toMatch(/^Ingediend op .* door Teammanager Enschede Centrum\./);
    await expectOne(page.getByText("Meer tijd voor casusoverleg."));
    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });
});

describe("the gemeente", () => {
  it("sees the team that submitted as ingediend, opens its scan read-only and accepts it", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.enschede@demo.example");
    expect(await page.locator("h1").textContent()).toBe("Gemeente Enschede");
    await expectAccessible(page, "gemeente start page");
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: /Wijkteam Enschede Centrum/ }) });
    await expectOne(row.getByText("Ingediend"));
    await row.getByRole("link", { name: /Beoordelen/ }).click();
    expect(await page.getByRole("note").textContent()).toMatch(/^Ingediend op .* door Teammanager Enschede Centrum\./);
    // Read-only: the only fields are the review's (a remark per question, the comment).
    expect(await page.locator('input:not([type=hidden]), textarea:not(#opmerking):not([name^="opmerking."])').count()).toBe(0);
    await expectAccessible(page, "team scan, read by the gemeente");

    // Returning needs a comment; accepting does not.
    // The buttons above the answers (they are under them too).
    const top = page.getByRole("region", { name: "Beoordelen" });
    await top.getByRole("button", { name: "Terugsturen met opmerking" }).click();
    await expectOne(page.locator(".error-summary").getByText("Schrijf een opmerking voor het team"));
    // Accepting asks for confirmation first.
    await top.getByRole("button", { name: "Accepteren", exact: true }).click();
    await expectOne(page.getByText(/Weet u zeker dat u de zelfscan van .* accepteert\?/));
    await expectAccessible(page, "confirm acceptance");
    await top.getByRole("button", { name: "Ja, accepteren" }).click();
    await expectOne(page.getByText(/De zelfscan is geaccepteerd; het team heeft een melding gekregen/));
    await expectOne(page.getByText(/Geaccepteerd door de gemeente op .* \(Beleidsadviseur Enschede\)/));
    expect(problems).toEqual([]);
    await context.close();
  });

  // Almelo (Twente): no other browser test counts Twente's submitted scans, which this return lowers.
  it("almelo returns a scan with a remark at a question from the end of the answers; it keeps reading it; the team sees the remark beside the question", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.almelo@demo.example");
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: /CJG Almelo/ }) });
    await row.getByRole("link", { name: /Beoordelen/ }).click();
    await page.getByText("Opmerking bij G4 voor het team").click();
    await page.getByLabel("Opmerking bij G4", { exact: true }).fill("Met welke partners zijn er afspraken?");
    await page.getByLabel("Opmerking voor het team (verplicht bij terugsturen)").fill("Zie de opmerking bij G4.");
    await expectAccessible(page, "review with a remark at G4");
    // The buttons under the answers.
    const end = page.getByRole("region", { name: "Beoordeling afronden" });
    await end.getByRole("button", { name: "Terugsturen met opmerking" }).click();
    await expectOne(page.getByText(/Het team kan de zelfscan nu aanpassen en opnieuw indienen/));
    // Returned, the scan stays readable for the gemeente, with its remark beside G4.
    await expectOne(page.getByText("Met welke partners zijn er afspraken?"));
    await expectAccessible(page, "returned scan, read by the gemeente");
    await context.close();

    const team = await newPage(browser);
    await logIn(team.page, "team.cjg-almelo@demo.example");
    await team.page.goto(page.url().replace(/\?.*$/, ""));
    // The overview names the questions with a remark, each a link to it.
    await expectOne(team.page.getByText(/De gemeente zette een opmerking bij G4/));
    await team.page.getByRole("link", { name: "G4", exact: true }).click();
    await team.page.waitForURL(/onderdelen\/G#veld-G4$/);
    const g4 = team.page.locator('[data-item="G4"]');
    await expectOne(g4.getByText(/Opmerking van de gemeente \(teruggestuurd op .*\): Met welke partners zijn er afspraken\?/));
    await expectAccessible(team.page, "section G with the gemeente's remark");
    expect([...problems, ...team.problems]).toEqual([]);
    await team.context.close();
  });

  it("zaanstad sees Wijkteam Zaandam Oost as ingediend and fills in the municipal part", async () => {
    const { context, page, problems } = await newPage(browser);
    await logIn(page, "gemeente.zaanstad@demo.example");
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: /Wijkteam Zaandam Oost/ }) });
    await expectOne(row.getByText("Ingediend"));
    await page.getByRole("link", { name: "I. Gemeente als opdrachtgever" }).click();
    await expectAccessible(page, "municipal part, section I");
    await answerVisibleQuestions(page);
    await page.getByRole("button", { name: "Opslaan en naar het overzicht" }).click();
    await page.waitForURL(/\/vragenlijsten\/\d+$/);
    await expectOne(page.getByText("Alle onderdelen zijn klaar."));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the regio and programma pages are accessible", async () => {
    const pages: [string, string[]][] = [
      ["regio.twente@demo.example", ["", "resultaten", "bevindingen", "verbeterplannen"]],
      ["programma@demo.example", ["/programma", "/programma/rondes"]],
      ["gemeente.enschede@demo.example", ["/gemeenten/__MUNI__/verbeterplan"]],
      ["team.zaandam-west@demo.example", [""]],
    ];
    for (const [email, paths] of pages) {
      const { context, page, problems } = await newPage(browser);
      await logIn(page, email);
      const start = new URL(page.url()).pathname;
      for (const path of paths) {
        const municipality = start.match(/\/gemeenten\/(\d+)/)?.[1] ?? "";
        const target = path.startsWith("/") ? path.replace("__MUNI__", municipality) : path ? `${start}/${path}` : start;
        await page.goto(target);
        await expectAccessible(page, `${email} ${target}`);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
