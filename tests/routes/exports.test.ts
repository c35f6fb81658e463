import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDefinition, latestVersionOf } from "../../app/models/response.server.ts";
import { dayOf } from "../../app/domain/format.ts";
import { INPUT_QUESTIONNAIRE, openRoundTableInput } from "../../app/models/round-table-input.server.ts";
import type { QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE, insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { csvRows, workbookOf } from "../support/downloads.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { headerOf } from "../../app/services/spreadsheets.server.ts";
import { getRequest, run } from "../support/http.ts";
import * as downloads from "../../app/routes/downloads.$file.tsx";

// Issue 13: every role downloads the zelfscan in its own scope; drafts never; small groups never; no
// spreadsheet formula from an answer.

let context: TestContext;
let world: World;
let teamDef: QuestionnaireDefinition;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  teamDef = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
});
afterEach(() => context.close());

const get = async (userId: number, file: string, query: Record<string, string> = {}) =>
  run(
    downloads.loader,
    getRequest(`/downloads/${file}?${new URLSearchParams({ ronde: String(world.roundId), ...query })}`, await sessionCookieFor(context, userId)),
    context,
    {
      file,
    },
  );
const submitted = (teamId: number, userId: number, extra: Record<string, { value: string; comment: string | null }> = {}) =>
  insertResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId },
    userId,
    answers: { ...validAnswers(teamDef), ...extra },
    submit: true,
    now: new Date("2026-11-20T23:30:00Z"),
  });

describe("zelfscan answers", () => {
  beforeEach(async () => {
    await submitted(world.teams.teamA, world.users.teamA, { A1: { value: "voldoet_deels", comment: '=HYPERLINK("http://x","klik")' } });
    await submitted(world.teams.teamHengelo, world.users.teamA);
    await submitted(world.teams.teamZaanstad, world.users.teamZaanstad);
    // A draft of Team Enschede B: its answers are exported to nobody.
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
      answers: validAnswers(teamDef, teamDef.sections.slice(0, 2)),
    });
  });

  it("a gemeente downloads its teams' answers as XLSX: readable headers, a codebook, real dates, frozen header and filter, no draft, no formula", async () => {
    const outcome = await get(world.users.gemeenteEnschede, "zelfscan-antwoorden.xlsx", { gemeente: String(world.municipalities.enschede) });
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Disposition")).toMatch(/zelfscan-antwoorden-team-zelfscan-test-enschede\.xlsx/);
    const workbook = await workbookOf(outcome);
    const sheet = workbook.getWorksheet("Antwoorden")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 10)).toEqual([
      "Team",
      "Gemeente",
      "CBS-code",
      "Regio",
      "Ronde",
      "Vragenlijst",
      "Versie",
      "Stand",
      "Ingediend op",
      "Geaccepteerd op",
    ]);
    const a1Header = headerOf("A1", teamDef.sections[0]!.items[0]!.text);
    expect(header).toContain(a1Header);
    expect(header).toContain("A1: toelichting");
    // Only Enschede's submitted team: not Hengelo's, not Zaanstad's, not the draft of Team Enschede B.
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect([cell("Team"), cell("Gemeente"), cell("Regio"), cell("Stand"), cell("Versie")]).toEqual(["Team Enschede A", "Enschede", "Twente", "Ingediend", 1]);
    // Submitted at 23:30 UTC on 20 November is 21 November in the Netherlands: a real date cell of that day.
    expect(cell("Ingediend op")).toEqual(new Date("2026-11-21T00:00:00Z"));
    expect(cell(a1Header)).toBe("Voldoet deels");
    // A text cell, as written: a string cell is never a formula, so it needs no apostrophe (the CSV keeps one).
    expect(cell("A1: toelichting")).toBe(`=HYPERLINK("http://x","klik")`);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);

    const codebook = workbook.getWorksheet("Codeboek")!;
    const entries = (codebook.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1));
    const a1 = entries.find((r) => r[0] === a1Header)!;
    expect(a1.slice(1, 5)).toEqual(["A1", `A. ${teamDef.sections[0]!.title}`, teamDef.sections[0]!.items[0]!.text, "schaal"]);
    expect(a1[5]).toMatch(/^Voldoet \(score 2\); Voldoet deels \(score 1\); Voldoet niet \(score 0\)/);
  });

  it("numbers as numbers and dates as days; CSV in Dutch spreadsheet form", async () => {
    const outcome = await get(world.users.programma, "zelfscan-antwoorden.csv");
    const [header, ...rows] = await csvRows(outcome);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[0]).sort()).toEqual(["Team Enschede A", "Team Hengelo", "Team Zaanstad"]);
    expect(rows[0]![header!.indexOf("Ingediend op")]).toBe("2026-11-21");
    const number = teamDef.sections.flatMap((s) => s.items).find((i) => i.type === "number")!;
    expect(rows[0]![header!.findIndex((h) => h.startsWith(`${number.key}: `))]).toMatch(/^\d+(,\d+)?$/);
    const workbook = await workbookOf(await get(world.users.programma, "zelfscan-antwoorden.xlsx"));
    const xHeader = (workbook.getWorksheet("Antwoorden")!.getRow(1).values as unknown[]).slice(1) as string[];
    expect(
      typeof workbook
        .getWorksheet("Antwoorden")!
        .getRow(2)
        .getCell(xHeader.findIndex((h) => h.startsWith(`${number.key}: `)) + 1).value,
    ).toBe("number");
  });

  it("a multi item is one column per option (1 chosen, 0 not): the round-table input of a region", async () => {
    const year = new Date().getUTCFullYear() + 1;
    const opened = await openRoundTableInput(context.db, {
      year,
      regionId: world.regions.twente,
      deadline: dayOf(new Date(Date.now() + 30 * 86_400_000)),
      userId: world.users.programma,
      origin: "http://localhost",
    });
    if (!opened.ok) throw new Error(opened.message);
    const inputDef = await getDefinition(context.db, (await latestVersionOf(context.db, INPUT_QUESTIONNAIRE.team))!.id);
    await insertResponse(context.db, {
      roundId: opened.roundId,
      questionnaireKey: INPUT_QUESTIONNAIRE.team,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
      answers: { ...validAnswers(inputDef), knelpunten: { value: '["capaciteit","kennis"]', comment: null } },
      submit: true,
    });
    const outcome = await run(
      downloads.loader,
      getRequest(`/downloads/rondetafel-input.xlsx?jaar=${year}&regio=${world.regions.twente}`, await sessionCookieFor(context, world.users.regioTwente)),
      context,
      { file: "rondetafel-input.xlsx" },
    );
    const sheet = (await workbookOf(outcome)).getWorksheet("Antwoorden")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const knelpunten = header.filter((h) => h.startsWith("knelpunten: Welke"));
    expect(knelpunten).toHaveLength(7);
    expect(knelpunten.map((h) => sheet.getRow(2).getCell(header.indexOf(h) + 1).value)).toEqual([0, 0, 1, 1, 0, 0, 0]);
    // Another region's lead, or a gemeente, finds no input to download.
    for (const [userId, query] of [
      [world.users.regioZaanstreek, `regio=${world.regions.twente}`],
      [world.users.gemeenteEnschede, `gemeente=${world.municipalities.enschede}`],
    ] as const) {
      const refused = await run(
        downloads.loader,
        getRequest(`/downloads/rondetafel-input.csv?jaar=${year}&${query}`, await sessionCookieFor(context, userId)),
        context,
        { file: "rondetafel-input.csv" },
      );
      expect(refused.status).toBe(404);
    }
  });

  it("each role in its own scope only: a foreign region or municipality by URL, or the country, is not found", async () => {
    const status = async (userId: number, query: Record<string, string>) => (await get(userId, "zelfscan-antwoorden.xlsx", query)).status;
    expect(await status(world.users.regioTwente, { regio: String(world.regions.twente) })).toBe(200);
    expect(await status(world.users.regioTwente, { regio: String(world.regions.zaanstreek) })).toBe(404);
    expect(await status(world.users.regioTwente, {})).toBe(404);
    expect(await status(world.users.regioTwente, { gemeente: String(world.municipalities.enschede) })).toBe(200);
    expect(await status(world.users.gemeenteEnschede, { gemeente: String(world.municipalities.hengelo) })).toBe(404);
    expect(await status(world.users.gemeenteEnschede, { regio: String(world.regions.twente) })).toBe(404);
    expect(await status(world.users.teamA, { gemeente: String(world.municipalities.enschede) })).toBe(404);
    expect(await status(world.users.programma, {})).toBe(200);
    expect(await status(world.users.programma, { ronde: "999999" })).toBe(404);
    expect((await get(world.users.programma, "zelfscan-antwoorden.pdf")).status).toBe(404);
    expect((await get(world.users.programma, "zelfscan-antwoorden.xlsx", { deel: "alles" })).status).toBe(404);
  });

  it("the regio's download of the municipal part holds the submitted parts of its municipalities only", async () => {
    const municipalDef = await getDefinition(context.db, (await latestVersionOf(context.db, MUNICIPALITY_QUESTIONNAIRE))!.id);
    for (const [municipalityId, userId] of [
      [world.municipalities.enschede, world.users.gemeenteEnschede],
      [world.municipalities.zaanstad, world.users.gemeenteZaanstad],
    ] as const)
      await insertResponse(context.db, {
        roundId: world.roundId,
        questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
        subject: { municipalityId },
        userId,
        answers: validAnswers(municipalDef),
        submit: true,
      });
    const [header, ...rows] = await csvRows(
      await get(world.users.regioTwente, "zelfscan-antwoorden.csv", { regio: String(world.regions.twente), deel: "gemeente" }),
    );
    expect(header![0]).toBe("Gemeente");
    expect(rows.map((r) => r[0])).toEqual(["Enschede"]);
  });
});

describe("zelfscan results per theme", () => {
  it("each group through the small-group rule for the one downloading: a total of teams it reads is shown, else only from 3 others, and why", async () => {
    await submitted(world.teams.teamA, world.users.teamA);
    await submitted(world.teams.teamB, world.users.teamB);
    const read = async (userId: number, scope: Record<string, string>) => {
      const [header, ...rows] = await csvRows(await get(userId, "zelfscan-resultaten.csv", scope));
      return { header: header!, rows: Object.fromEntries(rows.map((r) => [`${r[0]} ${r[1]}`, r])) };
    };
    const enschede = { gemeente: String(world.municipalities.enschede) };
    const two = await read(world.users.gemeenteEnschede, enschede);
    const a = two.header.findIndex((h) => h.startsWith("A. "));
    // Both submitted teams are the gemeente's own, which it reads one by one anyway: their total is shown, and said so.
    expect(two.rows["Gemeente Enschede"]![a]).toBe("100");
    expect(two.rows["Gemeente Enschede"]!.at(-1)).toBe("uit 2 teams, die u elk kunt inzien");
    expect(two.rows["Regio Twente"]![a]).toBe("100");
    expect(two.rows["Team Team Enschede A"]![a]).toBe("100");
    expect(Object.keys(two.rows)).not.toContain("Gemeente Hengelo");

    await submitted(world.teams.teamHengelo, world.users.programma);
    const three = await read(world.users.gemeenteEnschede, enschede);
    // The region's total now holds one team Enschede cannot read: with its own two it would give that one away.
    expect(three.rows["Regio Twente"]![a]).toBe("");
    expect(three.rows["Regio Twente"]!.at(-1)).toMatch(/minder dan 3 andere ingediende teams/);
    expect(three.rows["Nederland Nederland"]![a]).toBe("");
    expect(three.rows["Gemeente Enschede"]![a]).toBe("100");
    // The regio reads every team of its region: each gemeente is shown, even Hengelo's single team.
    const regio = await read(world.users.regioTwente, { regio: String(world.regions.twente) });
    expect(regio.rows["Gemeente Hengelo"]![a]).toBe("100");
    expect(regio.rows["Regio Twente"]![3]).toBe("3");
    expect(regio.rows["Regio Twente"]![a]).not.toBe("");
  });
});

describe("the team's own copy", () => {
  beforeEach(async () => {
    await submitted(world.teams.teamA, world.users.teamA, { A1: { value: "voldoet_deels", comment: "+31 6 12345678 belt terug" } });
    await submitted(world.teams.teamB, world.users.teamB);
    await submitted(world.teams.teamHengelo, world.users.programma);
  });

  it("the team manager downloads its own answers as CSV and XLSX, and nothing of another team", async () => {
    const own = { team: String(world.teams.teamA), deel: "team" };
    const [header, ...rows] = await csvRows(await get(world.users.teamA, "zelfscan-antwoorden.csv", own));
    expect(rows.map((r) => r[header!.indexOf("Team")])).toEqual(["Team Enschede A"]);
    // The CSV keeps the formula neutralisation; the XLSX has the text as typed.
    expect(rows[0]![header!.indexOf("A1: toelichting")]).toBe("'+31 6 12345678 belt terug");
    const xlsx = await get(world.users.teamA, "zelfscan-antwoorden.xlsx", own);
    expect(xlsx.headers.get("Content-Disposition")).toMatch(/zelfscan-antwoorden-team-zelfscan-test-team-enschede-a\.xlsx/);
    const sheet = (await workbookOf(xlsx)).getWorksheet("Antwoorden")!;
    expect(sheet.rowCount).toBe(2);
    const xHeader = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(sheet.getRow(2).getCell(xHeader.indexOf("A1: toelichting") + 1).value).toBe("+31 6 12345678 belt terug");

    // Another team, another part, another kind of file, a made-up team: not found, as on the pages.
    for (const [file, query] of [
      ["zelfscan-antwoorden.csv", { team: String(world.teams.teamB), deel: "team" }],
      ["zelfscan-resultaten.csv", { team: String(world.teams.teamHengelo) }],
      ["zelfscan-antwoorden.csv", { team: String(world.teams.teamA), deel: "gemeente" }],
      ["zelfscan-antwoorden.csv", { team: String(world.teams.teamA), deel: "veilig-thuis" }],
      ["rondetafel-input.csv", { team: String(world.teams.teamA), jaar: "2027" }],
      ["zelfscan-antwoorden.csv", { gemeente: String(world.municipalities.enschede), deel: "team" }],
      ["zelfscan-antwoorden.csv", { team: "999999", deel: "team" }],
    ] as const) {
      expect((await get(world.users.teamA, file, query)).status, `${file} ${JSON.stringify(query)}`).toBe(404);
    }
    // The team's gemeente, its regio and programma may have the same copy; another gemeente may not.
    for (const userId of [world.users.gemeenteEnschede, world.users.regioTwente, world.users.programma])
      expect((await get(userId, "zelfscan-antwoorden.csv", own)).status).toBe(200);
    expect((await get(world.users.gemeenteHengelo, "zelfscan-antwoorden.csv", own)).status).toBe(404);
  });

  it("its results beside its gemeente, region and the country, through the small-group rule as on its results page", async () => {
    const [header, ...rows] = await csvRows(await get(world.users.teamA, "zelfscan-resultaten.csv", { team: String(world.teams.teamA) }));
    const a = header!.findIndex((h) => h.startsWith("A. "));
    const byLevel = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(Object.keys(byLevel)).toEqual(["Team", "Gemeente", "Regio", "Nederland"]);
    expect(byLevel.Team![1]).toBe("Team Enschede A");
    expect(byLevel.Team![a]).not.toBe("");
    // Enschede's total holds one other team, the region's and the country's two: each would give another team away.
    for (const level of ["Gemeente", "Regio", "Nederland"]) {
      expect(byLevel[level]![a], level).toBe("");
      expect(byLevel[level]!.at(-1), level).toMatch(/minder dan 3 andere ingediende teams/);
    }
    expect(header!.some((h) => h.startsWith("I. "))).toBe(true);
    expect(rows.every((r) => r[header!.findIndex((h) => h.startsWith("I. "))] === "")).toBe(true);
  });
});
