import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureOf, yearFigures } from "../../app/models/dashboard.server.ts";
import { neutralise } from "../../app/services/spreadsheets.server.ts";
import { getAnswers, getResponse } from "../../app/models/response.server.ts";
import { ensureRoundTableRound, getOrCreateRoundTable } from "../../app/models/rondetafel.server.ts";
import { PHASES_NOT_YET, PUBLISHED_COUNTS, PUBLISHED_PROJECTS, SOURCE_STATEMENTS, provenanceLabel, provenanceOf } from "../../app/domain/published-figures.ts";
import { dashboardYears } from "../../app/models/dashboard.server.ts";
import { dashboardView } from "../../app/services/dashboard.server.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { sessionCookieFor } from "../support/fixtures.ts";
import { csvRows, responseOf } from "../support/downloads.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as dashboard from "../../app/routes/programma.dashboard.tsx";
import * as figuresCsv from "../../app/routes/programma.dashboard[.]csv.tsx";
import * as answersCsv from "../../app/routes/programma.rondetafels[.]csv.tsx";
import * as answersXlsx from "../../app/routes/programma.rondetafels[.]xlsx.tsx";
import * as roundTables from "../../app/routes/programma.rondetafels.tsx";
import * as openRecord from "../../app/routes/rondetafels.$year.$regionId._index.tsx";
import * as regionRoundTables from "../../app/routes/regios.$regionId.rondetafel.tsx";
import * as overview from "../../app/routes/vragenlijsten.$responseId._index.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as submitRoute from "../../app/routes/vragenlijsten.$responseId.indienen.tsx";

// On the demo database: the dashboard must reproduce the programme's published figures exactly.
let context: TestContext;
const ids: Record<string, number> = {};
beforeAll(async () => {
  context = openTestDatabase("demo");
  for (const row of await context.db.selectFrom("user_account").select(["id", "email"]).execute()) ids[row.email] = row.id;
  for (const row of await context.db.selectFrom("region").select(["id", "name"]).execute()) ids[row.name] = row.id;
});
afterAll(() => context.close());
// The day the dashboard is read on: its phases of this year stand on it.
const NOW = new Date("2026-12-01T12:00:00Z");
const cookie = (email: string) => sessionCookieFor(context, ids[email]!);

describe("the published figures, recomputed from the stored answers", () => {
  // What the dashboard shows in each year, as the page gets it.
  const rowOf = async (year: number, indicator: string, answer: string) => {
    const view = await dashboardView(context.db, year, NOW);
    const row = [view.phases, ...view.blocks].flatMap((b) => b.rows).find((r) => r.key === `${indicator}-${answer}`);
    return row ? { ...row, regions: [...row.regions] } : undefined;
  };

  it("every figure the documents publish is on the dashboard, exactly, marked with its source", async () => {
    expect(PUBLISHED_COUNTS.length).toBeGreaterThan(20);
    for (const published of PUBLISHED_COUNTS) {
      const row = await rowOf(published.year, published.indicator, published.answer);
      const what = `${published.year} ${published.indicator} ${published.answer}`;
      expect(row?.count, what).toBe(published.count);
      expect(row?.provenance, what).toBe(
        published.derived ? `afgeleid uit bron ${published.source}: ${published.derived}` : `gepubliceerd, bron ${published.source}`,
      );
      // The document gives a count, not which regions: the demo's list behind it is marked as the demo's.
      expect(row?.regionsDemo, what).toBe(row!.regions.length > 0);
    }
    // The MDA++ "niet" of 2020 is not printed in 000: it follows from the three figures that are.
    expect((await rowOf(2020, "mda", "niet"))!.provenance).toBe("afgeleid uit bron 000: 28 − 6 − 12 − 7");
  });

  it("every row of every year says where it comes from: published, derived, from the product, or demo", async () => {
    for (const year of await dashboardYears(context.db, NOW)) {
      const view = await dashboardView(context.db, year, NOW);
      for (const row of [view.phases, ...view.blocks].flatMap((b) => b.rows)) {
        expect(row.provenance, `${year} ${row.key}`).toMatch(
          /^(gepubliceerd, bron 00[0-3]|afgeleid uit bron 00[0-3]: .+|demo, niet gepubliceerd|uit deze toepassing)$/,
        );
        if (row.provenance === "demo, niet gepubliceerd") expect(row.regionsDemo, `${year} ${row.key}`).toBe(row.regions.length > 0);
      }
    }
  });

  it("a year's phases account for all 28 regions, naming those whose phase is not known", async () => {
    for (const year of await dashboardYears(context.db, NOW)) {
      const view = await dashboardView(context.db, year, NOW);
      const total = view.phases.rows.reduce((n, r) => n + r.count, 0);
      expect(total, String(year)).toBe(28);
      const unknown = view.phases.rows.find((r) => r.key === "fase-onbekend");
      if (unknown) expect(unknown.regions, String(year)).toHaveLength(unknown.count);
      expect(
        view.phases.lists.reduce((n, l) => n + l.names.length, 0),
        String(year),
      ).toBe(28);
    }
  });

  it("the demo never contradicts a source: what a document says happened, some region says too; nothing before its time", async () => {
    for (const statement of SOURCE_STATEMENTS) {
      const figure = figureOf(await yearFigures(context.db, statement.year), statement.indicator, statement.answer);
      expect(figure?.count, `${statement.year} ${statement.indicator} ${statement.answer} (${statement.source}: ${statement.says})`).toBeGreaterThan(0);
    }
    for (const [year, phases] of Object.entries(PHASES_NOT_YET)) {
      const view = await dashboardView(context.db, Number(year), NOW);
      for (const phase of phases) expect(view.phases.rows.find((r) => r.key === `fase-${phase}`)!.count, `${year} ${phase}`).toBe(0);
    }
  });

  it("the projects per theme are exactly the published lists of regions; 003's one list for several years is shown once", async () => {
    expect(Object.keys(PUBLISHED_PROJECTS)).toEqual(["2019", "2021"]);
    for (const year of [2019, 2021]) {
      for (const [project, regions] of Object.entries(PUBLISHED_PROJECTS[year]!.projects)) {
        const row = await rowOf(year, "projecten", project);
        expect(row?.regions, `${year} ${project}`).toEqual([...new Set(regions)].sort((a, b) => a.localeCompare(b, "nl")));
        expect(row?.provenance).toBe(`gepubliceerd, bron ${PUBLISHED_PROJECTS[year]!.source}`);
        expect(row?.regionsDemo).toBe(false);
      }
    }
    // 003's list covers the pools of 2019 and 2020–2021: shown in 2021 with the years it covers, no change against 2020, not in 2020.
    const projects2021 = (await dashboardView(context.db, 2021, NOW)).blocks.find((b) => b.id === "projecten")!;
    expect(projects2021.source).toContain("één lijst voor de projectenpools 2019 en 2020–2021");
    expect(projects2021.rows.every((r) => r.previous === null)).toBe(true);
    expect((await dashboardView(context.db, 2020, NOW)).blocks.map((b) => b.id)).not.toContain("projecten");
  });

  it("the 18 of 2020 is the kwaliteitskader question, not the insight one; unpublished figures say they are demo", async () => {
    const f = await yearFigures(context.db, 2020);
    expect(figureOf(f, "kwaliteitskader_stappen", "ja")!.count).toBe(18);
    expect(figureOf(f, "teams_inzicht", "ja")!.count).not.toBe(18);
    expect((await rowOf(2020, "teams_inzicht", "ja"))!.provenance).toBe("demo, niet gepubliceerd");
    // The third bar of the steps (de visie) is illegible in the document: not published.
    expect((await rowOf(2020, "stappen", "visie"))!.provenance).toBe("demo, niet gepubliceerd");
    expect((await rowOf(2021, "integrale_sturing", "gerealiseerd"))!.provenance).toBe("demo, niet gepubliceerd");
  });

  it("a figure that differs from the published one says so", async () => {
    expect(provenanceLabel(provenanceOf({ year: 2021, indicator: "fase", answer: "plans", count: 10, regions: [] }, true))).toBe(
      "wijkt af van het gepubliceerde cijfer 11 (bron 003)",
    );
    expect(provenanceLabel(provenanceOf({ year: 2021, indicator: "integrale_sturing", answer: "niet", count: 3, regions: [] }, false))).toBe(
      "uit deze toepassing",
    );
  });

  it("the demo phases of the regions agree with the latest round table", async () => {
    const f = await yearFigures(context.db, 2021);
    const { regionsWithPhase } = await import("../../app/models/phase.server.ts");
    for (const region of await regionsWithPhase(context.db)) {
      expect(figureOf(f, "fase", region.phase)!.regions, region.name).toContain(region.name);
    }
  });
});

describe("the dashboard page and its exports", () => {
  it("shows a year beside the previous one, for programma only", async () => {
    const page = await run(dashboard.loader, getRequest("/programma/dashboard?jaar=2021", await cookie("programma@demo.example")), context);
    expect(page.data.view.year).toBe(2021);
    expect(page.data.view.previousYear).toBe(2020);
    // Without a year: this year, which the product always knows (the phases stand on today).
    const today = await run(dashboard.loader, getRequest("/programma/dashboard", await cookie("programma@demo.example")), context);
    expect(today.data.view.year).toBe(new Date().getFullYear());
    expect(today.data.view.live).toBe(true);
    expect(today.data.view.phases.map.every((r: { band: number | null }) => r.band !== null)).toBe(true);
    for (const email of ["regio.twente@demo.example", "gemeente.enschede@demo.example", "team.zaandam-oost@demo.example"]) {
      expect((await run(dashboard.loader, getRequest("/programma/dashboard", await cookie(email)), context)).status).toBe(404);
      for (const route of [figuresCsv, answersCsv, answersXlsx]) {
        expect((await run(route.loader, getRequest("/x?jaar=2021", await cookie(email)), context)).status).toBe(404);
      }
    }
    expect((await run(dashboard.loader, getRequest("/programma/dashboard"), context)).status).toBe(302);
    expect((await run(dashboard.loader, getRequest("/programma/dashboard?jaar=1999", await cookie("programma@demo.example")), context)).status).toBe(404);
  });

  it("exports the figures as CSV, one row per figure", async () => {
    const outcome = await run(figuresCsv.loader, getRequest("/programma/dashboard.csv?jaar=2021", await cookie("programma@demo.example")), context);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toContain("text/csv");
    const rows = await csvRows(outcome);
    expect(rows[0]).toEqual(["Onderdeel", "Antwoord", "Jaar", "Aantal regio's", "Van de regio's", "Bron", "Herkomst", "Regio's"]);
    const mda = rows.find((r) => r[0] === "MDA++" && r[1] === "MDA++ structureel gerealiseerd")!;
    expect(mda.slice(2, 7)).toEqual(["2021", "8", "28", "rondetafelverslagen", "demo, niet gepubliceerd"]);
    const phases = rows.filter((r) => r[0] === "Fasen van implementatie van het kwaliteitskader");
    expect(phases.map((r) => r[3])).toEqual(["3", "7", "3", "11", "4"]);
    expect(phases.map((r) => r[6])).toEqual(Array(5).fill("gepubliceerd, bron 003"));
    // Until the end of 2021, 23 regions had their phase in the product's log; 5 only in their record.
    expect(phases[0]![5]).toBe("faseregistratie (23), rondetafelverslag (5)");
  });

  it("exports all answers as CSV and XLSX, one row per region and year, with formulas neutralised", async () => {
    // A hostile answer that a spreadsheet would run as a formula.
    const record = await context.db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .select("response.id")
      .where("round.year", "=", 2021)
      .where("response.region_id", "=", ids["Twente"]!)
      .executeTakeFirstOrThrow();
    await context.db
      .insertInto("answer")
      .values({
        response_id: record.id,
        item_key: "kansen",
        value: '=HYPERLINK("http://x","klik")',
        comment: null,
        updated_at: "2021-09-01",
        updated_by: ids["programma@demo.example"]!,
      })
      .execute();

    const csv = await csvRows(await run(answersCsv.loader, getRequest("/programma/rondetafels.csv", await cookie("programma@demo.example")), context));
    const column = (key: string) => csv[0]!.findIndex((h) => h.startsWith(`${key}: `));
    expect(csv[0]!.slice(0, 3)).toEqual(["Jaar", "Regio", "Stand"]);
    expect(csv[0]![3]).toMatch(/^integrale_sturing: .*integrale sturing/);
    expect(csv).toHaveLength(1 + 3 * 28);
    const twente = csv.find((r) => r[0] === "2021" && r[1] === "Twente")!;
    expect(twente[column("kansen")]).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(twente[column("fase")]).toBe("Verbeterplannen opstellen");

    const xlsx = await run(answersXlsx.loader, getRequest("/programma/rondetafels.xlsx", await cookie("programma@demo.example")), context);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await responseOf(xlsx).arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("Antwoorden")!;
    expect(sheet.rowCount).toBe(1 + 3 * 28);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const twenteRow = (sheet.getRows(2, sheet.rowCount - 1) ?? []).find((r) => r.getCell(1).value === 2021 && r.getCell(2).value === "Twente")!;
    // In the XLSX a string cell, as written: never a formula, no apostrophe.
    expect(twenteRow.getCell(header.findIndex((h) => String(h).startsWith("kansen: ")) + 1).value).toBe(`=HYPERLINK("http://x","klik")`);
    expect(workbook.getWorksheet("Vragen")!.getRow(2).getCell(2).value).toBe("integrale_sturing");
  });

  it("neutralises every formula-leading character, and only those", () => {
    expect(["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "gewoon", "1-2"].map(neutralise)).toEqual(["'=1+1", "'+31", "'-2", "'@SUM(A1)", "'\tx", "gewoon", "1-2"]);
    expect(neutralise(-2)).toBe(-2);
  });
});

describe("recording a round table", () => {
  it("programma adds a year and opens a region's record with its phase prefilled", async () => {
    const programma = await cookie("programma@demo.example");
    expect((await run(roundTables.action, formRequest("/", { year: "twintig" }, programma), context)).status).toBe(400);
    expect((await run(roundTables.action, formRequest("/", { year: "2026" }, programma), context)).location).toBe("/programma/rondetafels?jaar=2026");
    // Opening a year without a record writes nothing: it offers to start one, which is a POST.
    const offered = await run(openRecord.loader, getRequest("/", programma), context, { year: "2026", regionId: String(ids["Twente"]) });
    expect(offered.status).toBe(200);
    expect(offered.data).toEqual({ year: 2026, regionName: "Twente" });
    const count = async () =>
      Number(
        (
          await context.db
            .selectFrom("response")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await run(openRecord.loader, getRequest("/", programma), context, { year: "2026", regionId: String(ids["Twente"]) });
    expect(await count()).toBe(before);
    const opened = await run(openRecord.action, formRequest("/", {}, programma), context, { year: "2026", regionId: String(ids["Twente"]) });
    expect(await count()).toBe(before + 1);
    const responseId = Number(opened.location!.split("/").pop());
    expect((await getAnswers(context.db, responseId)).fase?.value).toBe("plans");
    // The same link again opens the same record.
    expect((await run(openRecord.loader, getRequest("/", programma), context, { year: "2026", regionId: String(ids["Twente"]) })).location).toBe(
      opened.location,
    );
    expect((await run(openRecord.action, formRequest("/", {}, programma), context, { year: "2026", regionId: String(ids["Twente"]) })).location).toBe(
      opened.location,
    );
    expect((await run(openRecord.loader, getRequest("/", programma), context, { year: "2031", regionId: String(ids["Twente"]) })).status).toBe(404);
    expect((await run(openRecord.loader, getRequest("/", programma), context, { year: "abcd", regionId: String(ids["Twente"]) })).status).toBe(404);
  });

  it("the region's lead prepares a draft but cannot submit; other roles and regions cannot see it", async () => {
    const programma = await cookie("programma@demo.example");
    await run(roundTables.action, formRequest("/", { year: "2027" }, programma), context);
    const regio = await cookie("regio.twente@demo.example");
    const opened = await run(openRecord.action, formRequest("/", {}, regio), context, { year: "2027", regionId: String(ids["Twente"]) });
    const responseId = Number(opened.location!.split("/").pop());
    const params = { responseId: String(responseId), sectionKey: "sturing" };
    const response = (await getResponse(context.db, responseId))!;
    const saved = await run(
      sectionRoute.action,
      formRequest("/", { integrale_sturing: "gerealiseerd", revision: String(response.revision), intent: "save" }, regio),
      context,
      params,
    );
    expect(saved.status).toBe(302);
    const bad = await run(
      sectionRoute.action,
      formRequest("/", { integrale_sturing: "misschien", revision: String(response.revision + 1), intent: "save" }, regio),
      context,
      params,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.integrale_sturing).toBe("Kies een van de antwoorden die bij deze vraag horen.");
    expect((await run(submitRoute.action, formRequest("/", { revision: "9" }, regio), context, { responseId: String(responseId) })).status).toBe(403);
    for (const email of ["regio.zaanstreek-waterland@demo.example", "gemeente.enschede@demo.example", "team.enschede-centrum@demo.example"]) {
      expect((await run(overview.loader, getRequest("/", await cookie(email)), context, { responseId: String(responseId) })).status).toBe(404);
      expect((await run(openRecord.loader, getRequest("/", await cookie(email)), context, { year: "2027", regionId: String(ids["Twente"]) })).status).toBe(404);
      expect((await run(openRecord.action, formRequest("/", {}, await cookie(email)), context, { year: "2027", regionId: String(ids["Twente"]) })).status).toBe(
        404,
      );
    }
    const list = await run(regionRoundTables.loader, getRequest("/", regio), context, { regionId: String(ids["Twente"]) });
    expect(list.data.years.map((y: { year: number }) => y.year)).toEqual([2027, 2026, 2021, 2020, 2019]);
    expect((await run(regionRoundTables.loader, getRequest("/", regio), context, { regionId: String(ids["Zaanstreek-Waterland"]) })).status).toBe(404);
  });

  it("programma reopens a submitted record only with a reason", async () => {
    const programma = await cookie("programma@demo.example");
    const record = await context.db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .select(["response.id", "response.revision"])
      .where("round.year", "=", 2021)
      .where("response.region_id", "=", ids["Drenthe"]!)
      .executeTakeFirstOrThrow();
    const params = { responseId: String(record.id) };
    expect((await run(overview.action, formRequest("/", { reason: "", revision: String(record.revision) }, programma), context, params)).status).toBe(400);
    expect(
      (
        await run(
          overview.action,
          formRequest("/", { reason: "Correctie", revision: String(record.revision) }, await cookie("regio.twente@demo.example")),
          context,
          params,
        )
      ).status,
    ).toBe(404);
    const reopened = await run(
      overview.action,
      formRequest("/", { reason: "MDA++-antwoord gecorrigeerd na nabellen", revision: String(record.revision) }, programma),
      context,
      params,
    );
    expect(reopened.status).toBe(302);
    expect((await getResponse(context.db, record.id))!.status).toBe("draft");
    // A reopened record no longer counts until it is submitted again.
    expect((await yearFigures(context.db, 2021))!.responded).toBe(27);
  });
});

// Last in this file: it adds a year of records to the shared demo database.
describe("the answers export over more records than one query reads (100)", () => {
  it("lists every record once, in year and region order", async () => {
    const roundId = await ensureRoundTableRound(context.db, 2022);
    for (const [name, id] of Object.entries(ids)) {
      if (!name.includes("@")) await getOrCreateRoundTable(context.db, { roundId, regionId: id, userId: ids["programma@demo.example"]! });
    }
    const stored = await context.db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .innerJoin("region", "region.id", "response.region_id")
      .select(["round.year", "region.name"])
      .where("round.kind", "=", "rondetafel")
      .execute();
    expect(stored.length).toBeGreaterThan(100);
    const expected = stored.sort((a, b) => a.year! - b.year! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r) => `${r.year} ${r.name}`);
    const csv = await csvRows(await run(answersCsv.loader, getRequest("/programma/rondetafels.csv", await cookie("programma@demo.example")), context));
    expect(csv.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(expected);
  });
});
