import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, sessionCookieFor, type World } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import { csvRows } from "../support/downloads.ts";
import * as start from "../../app/routes/veilig-thuis.$regionId.tsx";
import * as sectionRoute from "../../app/routes/vragenlijsten.$responseId.onderdelen.$sectionKey.tsx";
import * as submitRoute from "../../app/routes/vragenlijsten.$responseId.indienen.tsx";
import * as municipalResults from "../../app/routes/gemeenten.$municipalityId.resultaten.tsx";
import * as teamResults from "../../app/routes/teams.$teamId.resultaten.tsx";
import * as downloads from "../../app/routes/downloads.$file.tsx";
import * as accounts from "../../app/routes/beheer.accounts.tsx";
import { insertResponse, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";

// Veilig Thuis gives its view of theme G per gemeente of its region (issue 25, 4).

let context: TestContext;
let world: World;
beforeEach(async () => {
  context = openTestDatabase();
  world = await buildWorld(context.db);
});
afterEach(() => context.close());

const G = ["G1", "G2", "G3", "G4", "G5", "G6", "G7"];

describe("Veilig Thuis", () => {
  it("answers theme G for a gemeente of its region with the questionnaire engine; the gemeente and its teams see it beside their own, and in the export", async () => {
    const vt = await sessionCookieFor(context, world.users.veiligThuisTwente);
    const page = await run(start.loader, getRequest("/", vt), context, { regionId: String(world.regions.twente) });
    expect(page.data.municipalities.map((m: { name: string }) => m.name)).toContain("Enschede");
    // Starting is a POST (a page view creates nothing); a gemeente of another region is not found.
    const foreign = await run(start.action, formRequest("/", { municipality: String(world.municipalities.zaanstad) }, vt), context, {
      regionId: String(world.regions.twente),
    });
    expect(foreign.status).toBe(404);
    const started = await run(start.action, formRequest("/", { municipality: String(world.municipalities.enschede) }, vt), context, {
      regionId: String(world.regions.twente),
    });
    expect(started.location).toMatch(/^\/vragenlijsten\/\d+$/);
    const responseId = started.location!.split("/").pop()!;

    const fields: [string, string][] = [
      ...G.map((k): [string, string] => [k, k === "G2" ? "voldoet_niet" : "voldoet"]),
      ["G2__toelichting", "Terugkoppeling blijft uit"],
      ["revision", "0"],
      ["intent", "save"],
    ];
    const saved = await run(sectionRoute.action, formRequest("/", fields, vt), context, { responseId, sectionKey: "G" });
    expect(saved.status).toBe(302);
    const submitted = await run(submitRoute.action, formRequest("/", { revision: "1" }, vt), context, { responseId });
    expect(submitted.status).toBe(302);

    // The team's own side of the agreements: it judged G2 "voldoet deels" in its submitted zelfscan.
    await insertResponse(context.db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
      answers: { G2: { value: "voldoet_deels", comment: null } },
      submit: true,
    });

    const gemeente = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const forGemeente = await run(municipalResults.loader, getRequest(`/?ronde=${world.roundId}`, gemeente), context, {
      municipalityId: String(world.municipalities.enschede),
    });
    expect(forGemeente.data.veiligThuis.items.find((i: { key: string }) => i.key === "G2")).toMatchObject({
      answer: "Voldoet niet",
      comment: "Terugkoppeling blijft uit",
    });
    // Beside it, the gemeente's own side: how its submitted teams answered.
    expect(forGemeente.data.ownSide).toEqual({ heading: "De teams (1 ingediend)", answers: { G2: "Voldoet deels 1" } });
    const team = await sessionCookieFor(context, world.users.teamA);
    const forTeam = await run(teamResults.loader, getRequest(`/?ronde=${world.roundId}`, team), context, { teamId: String(world.teams.teamA) });
    expect(forTeam.data.talk.veiligThuis.items).toHaveLength(7);
    expect(forTeam.data.talk.ownSide).toEqual({ heading: "Het team", answers: { G2: "Voldoet deels" } });
    // Another gemeente's team does not get Enschede's.
    const zaanstad = await sessionCookieFor(context, world.users.teamZaanstad);
    expect(
      (await run(teamResults.loader, getRequest(`/?ronde=${world.roundId}`, zaanstad), context, { teamId: String(world.teams.teamZaanstad) })).data.talk
        .veiligThuis,
    ).toBeNull();

    const [header, ...rows] = await csvRows(
      await run(
        downloads.loader,
        getRequest(`/downloads/zelfscan-antwoorden.csv?ronde=${world.roundId}&gemeente=${world.municipalities.enschede}&deel=veilig-thuis`, gemeente),
        context,
        {
          file: "zelfscan-antwoorden.csv",
        },
      ),
    );
    expect(header).toContain("G2: toelichting");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Terugkoppeling blijft uit");
  });

  it("reads no team's or gemeente's answers, and only the regio of its region or programma creates its accounts", async () => {
    const vt = await sessionCookieFor(context, world.users.veiligThuisTwente);
    const teamPage = await run(teamResults.loader, getRequest("/", vt), context, { teamId: String(world.teams.teamA) });
    expect(teamPage.status).toBe(404);
    const regio = await sessionCookieFor(context, world.users.regioTwente);
    const created = await run(
      accounts.action,
      formRequest(
        "/",
        { intent: "create", name: "Veilig Thuis Twente 2", email: "vt2@twente.nl", role: "veilig_thuis", scope: String(world.regions.twente) },
        regio,
      ),
      context,
    );
    expect(created.status).toBe(200);
    const elsewhere = await run(
      accounts.action,
      formRequest("/", { intent: "create", name: "VT", email: "vt3@zw.nl", role: "veilig_thuis", scope: String(world.regions.zaanstreek) }, regio),
      context,
    );
    expect(elsewhere.status).toBe(400);
    const gemeente = await sessionCookieFor(context, world.users.gemeenteEnschede);
    const byGemeente = await run(
      accounts.action,
      formRequest("/", { intent: "create", name: "VT", email: "vt4@twente.nl", role: "veilig_thuis", scope: String(world.regions.twente) }, gemeente),
      context,
    );
    expect(byGemeente.status).toBe(400);
  });
});
