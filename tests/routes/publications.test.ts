import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { sessionCookieFor } from "../support/fixtures.ts";
import { formRequest, getRequest, run } from "../support/http.ts";
import * as root from "../../app/root.tsx";
import * as publicIndex from "../../app/routes/cijfers._index.tsx";
import * as publicYear from "../../app/routes/cijfers.$year.tsx";
import * as publications from "../../app/routes/programma.publicaties.tsx";
import * as openJson from "../../app/routes/cijfers.$year.data[.]json.tsx";
import * as openCsv from "../../app/routes/cijfers.$year.data[.]csv.tsx";
import * as apiRegions from "../../app/routes/api.v1.jaren.$year.regios.tsx";
import { publicationStamp } from "../../app/models/publications.server.ts";

// Issue 30, first part: programma publishes a year's national picture as a snapshot; anyone reads the
// published years without an account; a draft or withdrawn year is a 404; the public pages read no session.
// On the demo database: 2019, 2020 and 2021 are published (the programme's own years), the current year a draft.

let context: TestContext;
let programma: number;
const thisYear = new Date().getUTCFullYear();

beforeEach(async () => {
  context = openTestDatabase("demo");
  programma = (await context.db.selectFrom("user_account").select("id").where("email", "=", "programma@demo.example").executeTakeFirstOrThrow()).id;
});
afterEach(() => context.close());

const publicPage = (year: number | string) => run(publicYear.loader, getRequest(`/cijfers/${year}`), context, { year: String(year) });

describe("the published national picture", () => {
  it("the demo has 2019, 2020 and 2021 public; the current year is a draft, and nonsense a 404", async () => {
    const index = await run(publicIndex.loader, getRequest("/cijfers"), context);
    expect(index.data.years.map((y: { year: number }) => y.year)).toEqual([2021, 2020, 2019]);
    const page = await publicPage(2021);
    expect(page.status).toBe(200);
    expect(page.data.view.year).toBe(2021);
    expect(page.data.view.outOf).toBe(28);
    expect((await publicPage(thisYear)).status).toBe(404);
    expect((await publicPage("2021abc")).status).toBe(404);
    expect((await publicPage(1999)).status).toBe(404);
  });

  it("holds nothing below region level: no gemeente's or team's name, no person", async () => {
    const snapshot = JSON.stringify((await publicPage(2021)).data.view);
    for (const name of ["Wijkteam Zaandam Oost", "Zaanstad", "Enschede", "demo.example", "Pien Programma"]) expect(snapshot).not.toContain(name);
  });

  it("programma previews exactly what it publishes; the snapshot stays as published when the data changes; republishing and withdrawing keep every publication", async () => {
    const cookie = await sessionCookieFor(context, programma);
    // Every change to what is public changes the stamp the server's kept public answers follow (decision 92).
    const stamps = [await publicationStamp(context.db)];
    const stampChanged = async () => {
      stamps.push(await publicationStamp(context.db));
      return stamps.at(-1) !== stamps.at(-2);
    };
    const preview = await run(publications.loader, getRequest(`/programma/publicaties?voorbeeld=${thisYear}`, cookie), context);
    expect(preview.data.preview.year).toBe(thisYear);
    const published = await run(publications.action, formRequest("/programma/publicaties", { intent: "publiceren", year: String(thisYear) }, cookie), context);
    expect(published.location).toBe(`/programma/publicaties?klaar=gepubliceerd-${thisYear}`);
    expect(await stampChanged()).toBe(true);
    const first = (await publicPage(thisYear)).data;
    expect(first.view).toEqual(JSON.parse(JSON.stringify(preview.data.preview)));

    // The data changes: the public picture does not, until programma publishes again.
    await context.db.updateTable("region").set({ name: "Zaanstreek-Waterland (nieuw)" }).where("name", "=", "Zaanstreek-Waterland").execute();
    expect(JSON.stringify((await publicPage(thisYear)).data.view)).not.toContain("(nieuw)");
    expect(await stampChanged()).toBe(false);
    await run(publications.action, formRequest("/x", { intent: "publiceren", year: String(thisYear) }, cookie), context);
    expect(JSON.stringify((await publicPage(thisYear)).data.view)).toContain("Zaanstreek-Waterland (nieuw)");
    expect(await stampChanged()).toBe(true);

    // Withdrawing the newest: the one before it is public again; withdrawing that too: a 404.
    const list = (await run(publications.loader, getRequest("/programma/publicaties", cookie), context)).data.publications.filter(
      (p: { year: number }) => p.year === thisYear,
    );
    expect(list).toHaveLength(2);
    const short = await run(publications.action, formRequest("/x", { intent: "intrekken", publication: String(list[0].id), reason: "nee" }, cookie), context);
    expect(short.status).toBe(400);
    expect(short.data.errors.reason).toMatch(/ten minste 5 tekens/);
    expect(await stampChanged()).toBe(false);
    await run(
      publications.action,
      formRequest("/x", { intent: "intrekken", publication: String(list[0].id), reason: "Fout in de regionaam" }, cookie),
      context,
    );
    expect(JSON.stringify((await publicPage(thisYear)).data.view)).not.toContain("(nieuw)");
    expect(await stampChanged()).toBe(true);
    await run(publications.action, formRequest("/x", { intent: "intrekken", publication: String(list[1].id), reason: "Nog niet af" }, cookie), context);
    expect((await publicPage(thisYear)).status).toBe(404);
    expect(await stampChanged()).toBe(true);
    expect(new Set(stamps.filter((_, i) => i === 0 || stamps[i] !== stamps[i - 1])).size).toBe(5);
    // A withdrawn one cannot be withdrawn again; every publication is still listed, with its reason.
    expect(
      (await run(publications.action, formRequest("/x", { intent: "intrekken", publication: String(list[1].id), reason: "Nogmaals" }, cookie), context)).status,
    ).toBe(404);
    const after = (await run(publications.loader, getRequest("/programma/publicaties", cookie), context)).data.publications.filter(
      (p: { year: number }) => p.year === thisYear,
    );
    expect(after.map((p: { withdrawReason: string }) => p.withdrawReason)).toEqual(["Fout in de regionaam", "Nog niet af"]);
    const audit = await context.db.selectFrom("audit_log").select("action").where("entity", "=", "publication").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["publication.published", "publication.published", "publication.withdrawn", "publication.withdrawn"]);
  });

  it("reads no session on the public pages: the same for a signed-in browser, and the session is not touched", async () => {
    const cookie = await sessionCookieFor(context, programma, new Date(Date.now() - 10 * 60_000));
    const before = await context.db.selectFrom("session").select("last_seen_at").where("user_id", "=", programma).executeTakeFirstOrThrow();
    const publicRoot = await run(root.loader, getRequest("/cijfers/2021", cookie), context);
    expect(publicRoot.data.user).toBeNull();
    expect(publicRoot.headers.getSetCookie()).toEqual([]);
    const after = await context.db.selectFrom("session").select("last_seen_at").where("user_id", "=", programma).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // Elsewhere the same cookie is a signed-in user.
    expect((await run(root.loader, getRequest("/programma", cookie), context)).data.user.name).toBe("Pien Programma (GHNT)");
  });

  it("gives each published year as open data: JSON and CSV with the licence, cacheable with an ETag, for any site, never a draft", async () => {
    const json = await run(openJson.loader, getRequest("/cijfers/2021/data.json"), context, { year: "2021" });
    const response = json.raw!;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Link")).toBe('<https://creativecommons.org/publicdomain/zero/1.0/deed.nl>; rel="license"');
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const body = await response.json();
    expect(body).toMatchObject({ jaar: 2021, aantal_regios: 28, licentie: { naam: "CC0 1.0 Universeel (publiek domein)" } });
    expect(body.fasen.regios).toHaveLength(28);
    expect(body.rondetafelgesprekken.length).toBeGreaterThan(0);
    // The same ETag again: 304 without a body.
    const again = await run(
      openJson.loader,
      new Request("http://localhost/cijfers/2021/data.json", { headers: { "If-None-Match": response.headers.get("ETag")! } }),
      context,
      {
        year: "2021",
      },
    );
    expect(again.raw!.status).toBe(304);
    expect(await again.raw!.text()).toBe("");

    const csv = (await run(openCsv.loader, getRequest("/cijfers/2021/data.csv"), context, { year: "2021" })).raw!;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toBe("Onderdeel;Antwoord;Jaar;Aantal regio's;Van de regio's;Bron;Herkomst;Regio's");
    expect(lines.filter(Boolean).length).toBeGreaterThan(10);

    // A draft year, nonsense, and a year that does not exist: 404.
    for (const year of [String(thisYear), "abc", "1999"]) {
      expect((await run(openJson.loader, getRequest(`/cijfers/${year}/data.json`), context, { year })).status).toBe(404);
      expect((await run(openCsv.loader, getRequest(`/cijfers/${year}/data.csv`), context, { year })).status).toBe(404);
    }
  });

  it("keeps the small-group rule on every public output: the page's data, the JSON and the API", async () => {
    // Zaanstreek-Waterland with only 2 submitted team scans: no scores for it anywhere public; Twente keeps its own.
    const submitted = await context.db
      .selectFrom("response as r")
      .innerJoin("team as t", "t.id", "r.team_id")
      .innerJoin("municipality as m", "m.id", "t.municipality_id")
      .innerJoin("region as g", "g.id", "m.region_id")
      .select("r.id")
      .where("g.name", "=", "Zaanstreek-Waterland")
      .where("r.status", "=", "submitted")
      .where("r.questionnaire_key", "=", "zelfscan-team")
      .execute();
    expect(submitted.length).toBeGreaterThan(2);
    await context.db
      .updateTable("response")
      .set({ status: "draft", submitted_at: null, submitted_by: null })
      .where(
        "id",
        "in",
        submitted.slice(2).map((r) => r.id),
      )
      .execute();
    const cookie = await sessionCookieFor(context, programma);
    await run(publications.action, formRequest("/x", { intent: "publiceren", year: String(thisYear) }, cookie), context);

    const page = (await publicPage(thisYear)).data.view.zelfscan.regions;
    expect(page.find((r: { name: string }) => r.name === "Zaanstreek-Waterland")).toMatchObject({ themes: null, withheld: expect.any(String) });
    expect(page.find((r: { name: string }) => r.name === "Twente").themes).not.toBeNull();
    const json = await (await run(openJson.loader, getRequest("/x"), context, { year: String(thisYear) })).raw!.json();
    const jsonRegion = (name: string) => json.zelfscan.regios.find((r: { regio: string }) => r.regio === name);
    expect(jsonRegion("Zaanstreek-Waterland").scores).toBeNull();
    expect(jsonRegion("Twente").scores.length).toBeGreaterThan(0);
    const api = await (await run(apiRegions.loader, getRequest("/x?per_pagina=50"), context, { year: String(thisYear) })).raw!.json();
    const apiRegion = (name: string) => api.data.find((r: { regio: string }) => r.regio === name);
    expect(apiRegion("Zaanstreek-Waterland").zelfscan.scores).toBeNull();
    expect(apiRegion("Twente").zelfscan.scores.length).toBeGreaterThan(0);
    // Everywhere: a region's scores only with 3 or more submitted scans.
    for (const r of json.zelfscan.regios) if (r.scores) expect(r.ingediend, r.regio).toBeGreaterThanOrEqual(3);
  });
});
