import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDefinition, latestVersionOf } from "../../app/models/response.server.ts";
import { insertResponse, insertTeam, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { csvRows, workbookOf } from "../support/downloads.ts";
import { buildWorld, sessionCookieFor, validAnswers, type World } from "../support/fixtures.ts";
import { getRequest, run } from "../support/http.ts";
import * as teamResults from "../../app/routes/teams.$teamId.resultaten.tsx";
import * as municipalityResults from "../../app/routes/gemeenten.$municipalityId.resultaten.tsx";
import * as regionResults from "../../app/routes/regios.$regionId.resultaten.tsx";
import * as veiligThuis from "../../app/routes/veilig-thuis.$regionId.tsx";
import * as dashboard from "../../app/routes/programma.dashboard.tsx";
import * as downloads from "../../app/routes/downloads.$file.tsx";

// Decision 80: one small-group rule, decided in app/domain/small-groups.ts, and every output that shows
// a group's figures follows it. Enschede gets 1, 2 and 3 submitted teams (the only ones in the country),
// then Hengelo one; each kind of viewer reads each output, and a figure is there exactly when the rule
// says so: a reader who may read every team of the group sees it; anyone else only from 3 teams they
// cannot read. A missing figure says why.

let context: TestContext;
let world: World;
let teamC: number;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  teamC = await insertTeam(context.db, { municipalityId: world.municipalities.enschede, name: "Team Enschede C" });
});
afterEach(() => context.close());

async function submit(teamId: number) {
  const definition = await getDefinition(context.db, (await latestVersionOf(context.db, TEAM_QUESTIONNAIRE))!.id);
  await insertResponse(context.db, {
    roundId: world.roundId,
    questionnaireKey: TEAM_QUESTIONNAIRE,
    subject: { teamId },
    userId: world.users.programma,
    answers: validAnswers(definition),
    submit: true,
  });
}

const load = async (route: { loader: Parameters<typeof run>[0] }, userId: number, params: Record<string, string>, query = "") => {
  const outcome = await run(route.loader, getRequest(`/${query}`, await sessionCookieFor(context, userId)), context, params);
  expect(outcome.status).toBe(200);
  return outcome.data;
};
type Figure = { theme: string; score: number | null };
const scoreA = (figures: Figure[] | null | undefined) => figures?.find((f) => f.theme === "A")?.score ?? null;

/** Theme A of every group in every output, per viewer, as numbers (or null when left out). */
async function everyOutput() {
  const enschede = String(world.municipalities.enschede);
  const hengelo = String(world.municipalities.hengelo);
  const twente = String(world.regions.twente);

  const team = await load(teamResults, world.users.teamA, { teamId: String(world.teams.teamA) });
  const teamGroups = Object.fromEntries(
    (team.benchmark.comparisons as { label: string; figures: Figure[] | null; decision: { reason: string | null } }[]).map((g) => [g.label, g]),
  );

  const municipalityPage = async (userId: number, municipalityId: string) => {
    const data = (await load(municipalityResults, userId, { municipalityId })).results;
    return { own: scoreA(data.own), region: scoreA(data.region), country: scoreA(data.country), decisions: data.decisions };
  };
  const regionPage = async (userId: number) => {
    const data = (await load(regionResults, userId, { regionId: twente })).results;
    const byName = Object.fromEntries(
      (data.municipalities as { name: string; figures: Figure[]; decision: { reason: string | null } }[]).map((m) => [m.name, m]),
    );
    return { enschede: scoreA(byName.Enschede!.figures), hengelo: scoreA(byName.Hengelo!.figures), region: scoreA(data.region.figures), byName };
  };
  const csv = async (userId: number, scope: Record<string, string>) => {
    const outcome = await run(
      downloads.loader,
      getRequest(
        `/downloads/zelfscan-resultaten.csv?${new URLSearchParams({ ronde: String(world.roundId), ...scope })}`,
        await sessionCookieFor(context, userId),
      ),
      context,
      { file: "zelfscan-resultaten.csv" },
    );
    const [header, ...rows] = await csvRows(outcome);
    const a = header!.findIndex((h) => h.startsWith("A. "));
    return Object.fromEntries(rows.map((r) => [`${r[0]} ${r[1]}`, { a: r[a] === "" ? null : Number(r[a]), note: r.at(-1)! }]));
  };
  const vt = await load(veiligThuis, world.users.veiligThuisTwente, { regionId: twente });
  const board = await load(dashboard, world.users.programma, {}, "?jaar=2026");
  const boardTwente = (board.view.zelfscan.regions as { name: string; themes: Figure[] | null; withheld: string | null }[]).find((r) => r.name === "Twente")!;

  return {
    team: {
      gemeente: scoreA(teamGroups["Gemeente Enschede"]!.figures),
      regio: scoreA(teamGroups["Regio Twente"]!.figures),
      land: scoreA(teamGroups.Nederland!.figures),
      reason: teamGroups["Gemeente Enschede"]!.decision.reason,
    },
    gemeenteEnschede: await municipalityPage(world.users.gemeenteEnschede, enschede),
    gemeenteHengelo: await municipalityPage(world.users.gemeenteHengelo, hengelo),
    regio: await regionPage(world.users.regioTwente),
    programma: await regionPage(world.users.programma),
    csvEnschede: await csv(world.users.gemeenteEnschede, { gemeente: enschede }),
    csvHengelo: await csv(world.users.gemeenteHengelo, { gemeente: hengelo }),
    csvRegio: await csv(world.users.regioTwente, { regio: twente }),
    veiligThuis: scoreA(vt.themes?.figures),
    dashboard: { a: scoreA(boardTwente.themes), withheld: boardTwente.withheld },
  };
}

describe("the small-group rule in every output", () => {
  it("1, 2 and 3 submitted teams in one gemeente, read by its team, its gemeente, another gemeente, the regio, programma, Veilig Thuis and the dashboard", async () => {
    const enschedeTeams = [world.teams.teamA, world.teams.teamB, teamC];
    for (const [index, teamId] of enschedeTeams.entries()) {
      await submit(teamId);
      const n = index + 1;
      const out = await everyOutput();
      const fromThree = n >= 3 ? 100 : null;
      // The team reads only itself: with one team the groups are its own figures; with 1 or 2 others they would give those away.
      expect(out.team, `${n} teams`).toMatchObject({ gemeente: n === 1 ? 100 : null, regio: n === 1 ? 100 : null, land: n === 1 ? 100 : null });
      if (n > 1) expect(out.team.reason).toMatch(/minder dan 3 andere ingediende teams/);
      // The gemeente reads each of its teams: everything (all submitted teams are its own).
      expect(out.gemeenteEnschede).toMatchObject({ own: 100, region: 100, country: 100 });
      expect(out.gemeenteEnschede.decisions.own.note).toBe(
        n === 1 ? "uit 1 team, dat u zelf kunt inzien" : n === 2 ? "uit 2 teams, die u elk kunt inzien" : null,
      );
      // Another gemeente reads none of them: the region and the country only from 3.
      expect(out.gemeenteHengelo).toMatchObject({ own: null, region: fromThree, country: fromThree });
      expect(out.gemeenteHengelo.decisions.own.reason).toBe("nog geen ingediende teams");
      if (n < 3) expect(out.gemeenteHengelo.decisions.region.reason).toMatch(/minder dan 3 ingediende teams/);
      // The regio and programma read every team of the region.
      for (const lead of [out.regio, out.programma]) expect(lead).toMatchObject({ enschede: 100, hengelo: null, region: 100 });
      expect(out.regio.byName.Hengelo!.decision.reason).toBe("nog geen ingediende teams");
      // The files say the same as the pages, per reader.
      expect(out.csvEnschede["Gemeente Enschede"]!.a).toBe(100);
      expect(out.csvEnschede["Regio Twente"]!.a).toBe(100);
      expect(out.csvHengelo["Regio Twente"]!.a).toBe(fromThree);
      expect(out.csvHengelo["Nederland Nederland"]!.a).toBe(fromThree);
      if (n < 3) expect(out.csvHengelo["Regio Twente"]!.note).toMatch(/minder dan 3 ingediende teams/);
      expect(out.csvRegio["Gemeente Enschede"]!.a).toBe(100);
      // Veilig Thuis and the dashboard (whose reader is anyone: it is printed, downloaded, published) only from 3.
      expect(out.veiligThuis).toBe(fromThree);
      expect(out.dashboard.a).toBe(fromThree);
      expect(out.dashboard.withheld).toEqual(n < 3 ? expect.stringMatching(/minder dan 3 ingediende teams/) : null);
    }

    // Hengelo's one team joins: Enschede would now read Hengelo's answers off the region's total, Hengelo not Enschede's three.
    await submit(world.teams.teamHengelo);
    const out = await everyOutput();
    expect(out.gemeenteEnschede).toMatchObject({ own: 100, region: null, country: null });
    expect(out.gemeenteEnschede.decisions.region.reason).toMatch(/minder dan 3 andere ingediende teams/);
    expect(out.gemeenteHengelo).toMatchObject({ own: 100, region: 100, country: 100 });
    expect(out.team).toMatchObject({ gemeente: null, regio: 100, land: 100 });
    expect(out.regio).toMatchObject({ enschede: 100, hengelo: 100, region: 100 });
    expect(out.csvEnschede["Regio Twente"]!.a).toBeNull();
    expect(out.csvHengelo["Regio Twente"]!.a).toBe(100);
  });

  it("the XLSX holds what the CSV holds, for the same reader", async () => {
    await submit(world.teams.teamA);
    await submit(world.teams.teamB);
    const get = async (format: "csv" | "xlsx") =>
      run(
        downloads.loader,
        getRequest(
          `/downloads/zelfscan-resultaten.${format}?${new URLSearchParams({ ronde: String(world.roundId), gemeente: String(world.municipalities.hengelo) })}`,
          await sessionCookieFor(context, world.users.gemeenteHengelo),
        ),
        context,
        { file: `zelfscan-resultaten.${format}` },
      );
    const csv = await csvRows(await get("csv"));
    const sheet = (await workbookOf(await get("xlsx"))).worksheets[0]!;
    const xlsx: string[][] = [];
    sheet.eachRow((row) => xlsx.push(Array.from({ length: csv[0]!.length }, (_, i) => row.getCell(i + 1).value ?? "").map(String)));
    expect(xlsx).toEqual(csv);
    const regionRow = csv.find((r) => r[0] === "Regio")!;
    expect(regionRow.at(-1)).toMatch(/niet getoond: minder dan 3 ingediende teams/);
  });
});
