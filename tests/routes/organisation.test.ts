import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getTeam } from "../../app/models/organisation.server.ts";
import { TEAM_QUESTIONNAIRE, insertResponse } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as organisation from "../../app/routes/programma.organisatie._index.tsx";
import * as importRoute from "../../app/routes/programma.organisatie.import.tsx";

let context: TestContext;
let world: World;
let programma: string;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
  programma = await sessionCookieFor(context, world.users.programma);
});
afterEach(() => context.close());

const post = (fields: Record<string, string>) => run(organisation.action, formRequest("/programma/organisatie", fields, programma), context);

describe("programma manages the organisation", () => {
  it("adds, renames, moves and deactivates a team; its responses stay", async () => {
    expect((await post({ intent: "add", municipality: String(world.municipalities.hengelo), name: "Jeugdteam Hengelo", kind: "cjg" })).status).toBe(200);
    const team = await context.db.selectFrom("team").select("id").where("name", "=", "Jeugdteam Hengelo").executeTakeFirstOrThrow();
    const responseId = await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: team.id },
      userId: world.users.programma,
      answers: { A1: { value: "voldoet", comment: null } },
    });
    await post({ intent: "rename", team: String(team.id), name: "CJG Hengelo" });
    await post({ intent: "move", team: String(team.id), municipality: String(world.municipalities.enschede) });
    await post({ intent: "deactivate", team: String(team.id) });
    expect(await getTeam(context.db, team.id)).toMatchObject({ name: "CJG Hengelo", municipality_id: world.municipalities.enschede, active: 0 });
    expect(await context.db.selectFrom("answer").select("value").where("response_id", "=", responseId).execute()).toEqual([{ value: "voldoet" }]);
    const audit = await context.db.selectFrom("audit_log").select(["action", "changes"]).where("entity", "=", "team").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["team.created", "team.updated", "team.updated", "team.updated"]);
    expect(JSON.parse(audit[2]!.changes!)).toEqual({ municipality_id: [world.municipalities.hengelo, world.municipalities.enschede] });
  });

  it("lists teams 50 at a time, per region or all, searched by team or gemeente; moves a team to a gemeente by its name", async () => {
    for (let i = 0; i < 55; i++)
      await post({ intent: "add", municipality: String(world.municipalities.hengelo), name: `Buurtteam ${String(i).padStart(2, "0")}`, kind: "wijkteam" });
    const list = async (query: string) => (await run(organisation.loader, getRequest(`/programma/organisatie${query}`, programma), context)).data;
    const twente = await list(`?regio=${world.regions.twente}`);
    expect(twente.paging).toMatchObject({ page: 1, pages: 2, total: 58 });
    expect(twente.teams).toHaveLength(50);
    expect((await list(`?regio=${world.regions.twente}&pagina=2`)).teams).toHaveLength(8);
    // The page opens on every region, and a search without a region looks across the country.
    const opened = await list("");
    expect(opened.regionId).toBeNull();
    expect(opened.paging.total).toBeGreaterThan(58);
    expect((await list("?zoek=zaanstad")).teams.map((t: { name: string }) => t.name)).toEqual(["Team Zaanstad"]);
    const found = await list("?regio=alle&zoek=buurtteam%2005");
    expect(found.teams.map((t: { name: string }) => t.name)).toEqual(["Buurtteam 05"]);
    expect((await list("?regio=alle&zoek=zaanstad")).teams.map((t: { name: string }) => t.name)).toEqual(["Team Zaanstad"]);
    // A % typed is a character, not a wildcard.
    expect((await list("?regio=alle&zoek=%25")).paging.total).toBe(0);

    expect((await post({ intent: "move", team: String(world.teams.teamA), municipality: "zaanstad" })).status).toBe(200);
    expect(await getTeam(context.db, world.teams.teamA)).toMatchObject({ municipality_id: world.municipalities.zaanstad });
    const unknown = await post({ intent: "move", team: String(world.teams.teamA), municipality: "Atlantis" });
    expect(unknown.status).toBe(400);
    expect(unknown.data.error).toBe("Kies de gemeente waar het team heen gaat uit de lijst.");
  });

  it("refuses bad input with a Dutch message and changes nothing", async () => {
    const before = await context.db.selectFrom("team").selectAll().execute();
    const bad: Record<string, string>[] = [
      { intent: "add", municipality: String(world.municipalities.hengelo), name: "", kind: "cjg" },
      { intent: "add", municipality: "999999", name: "Team X", kind: "cjg" },
      { intent: "add", municipality: String(world.municipalities.hengelo), name: "Team X", kind: "brandweer" },
      { intent: "rename", team: "abc", name: "Team X" },
      { intent: "move", team: String(world.teams.teamA), municipality: "" },
      { intent: "move", team: "999999", municipality: String(world.municipalities.hengelo) },
      { intent: "verwijder", team: String(world.teams.teamA) },
    ];
    for (const fields of bad) {
      const outcome = await post(fields);
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
      expect(outcome.data.error).toMatch(/[a-z]/);
    }
    expect(await context.db.selectFrom("team").selectAll().execute()).toEqual(before);
    expect((await run(organisation.loader, getRequest("/programma/organisatie?regio=abc", programma), context)).status).toBe(404);
  });
});

describe("importing teams and team managers from CSV", () => {
  const importCsv = (csv: string, intent = "preview") =>
    run(importRoute.action, formRequest("/programma/organisatie/import", { intent, csv }, programma), context);

  it("previews with an error report per row and writes nothing while any row is wrong", async () => {
    const csv = [
      "gemeente_code;team;soort;teammanager_email;teammanager_naam",
      "GM0153;Wijkteam Enschede Oost;wijkteam;oost@test.nl;Olga Oost",
      "GM9999;Wijkteam Nergens;wijkteam;;",
      "GM0153;Wijkteam Enschede Oost;wijkteam;;",
      "GM0164;Team Hengelo Zuid;brandweer;team.a@test.nl;Dubbel",
      "GM0164;Team Hengelo Noord;cjg;geen-email;Iemand",
    ].join("\n");
    const preview = await importCsv(csv, "import");
    expect(preview.status).toBe(400);
    const errors = preview.data.rows.map((r: { line: number; errors: string[] }) => [r.line, r.errors.length]);
    expect(errors).toEqual([
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 2],
      [6, 1],
    ]);
    expect(preview.data.rows[1].errors[0]).toContain("Onbekende gemeentecode");
    expect(preview.data.rows[3].errors.join(" ")).toContain("Er bestaat al een account");
    expect(await context.db.selectFrom("team").select("id").where("name", "like", "Wijkteam Enschede Oost").execute()).toEqual([]);
    const bad = await importCsv("naam,adres\nJan,Dorpsstraat 1");
    expect(bad.status).toBe(400);
    expect(bad.data.fileError).toContain("Kolommen ontbreken");
    expect((await importCsv("")).status).toBe(400);
  });

  it("imports a correct file in one go: teams, accounts and their invitations", async () => {
    const csv =
      "gemeente_code,team,soort,teammanager_email,teammanager_naam\nGM0153,Wijkteam Enschede Oost,wijkteam,oost@test.nl,Olga Oost\ngm0164,CJG Hengelo,cjg,,\n";
    const preview = await importCsv(csv);
    expect(preview.status).toBe(200);
    expect(preview.data.stage).toBe("preview");
    expect(await context.db.selectFrom("team").select("id").where("name", "=", "CJG Hengelo").execute()).toEqual([]);
    const done = await importCsv(csv, "import");
    expect(done.data).toMatchObject({ stage: "done", done: { teams: 2, accounts: 1 } });
    const account = await context.db.selectFrom("user_account").selectAll().where("email", "=", "oost@test.nl").executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: "teammanager", name: "Olga Oost" });
    expect((await getTeam(context.db, account.team_id!))!.name).toBe("Wijkteam Enschede Oost");
    expect(await context.db.selectFrom("outbox").select("recipient").execute()).toEqual([{ recipient: "oost@test.nl" }]);
    // The same file again: the account now exists, so nothing is imported twice.
    expect((await importCsv(csv, "import")).status).toBe(400);
  });
});
