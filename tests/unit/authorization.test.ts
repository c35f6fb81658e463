import { describe, expect, it } from "vitest";
import { canFillIn, canView, safeRedirectPath, type CurrentUser } from "../../app/authorization.server.ts";

const user = (role: CurrentUser["role"], scope: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 1,
  name: "x",
  email: "x@test.nl",
  role,
  regionId: null,
  municipalityId: null,
  teamId: null,
  ...scope,
});

// Region 1 holds municipality 10 (teams 100, 101) and municipality 11 (team 110); region 2 holds municipality 20 (team 200).
const team100 = { regionId: 1, municipalityId: 10, teamId: 100 };
const team110 = { regionId: 1, municipalityId: 11, teamId: 110 };
const team200 = { regionId: 2, municipalityId: 20, teamId: 200 };
const municipality10 = { regionId: 1, municipalityId: 10 };
const region1 = { regionId: 1 };

describe("who may see what: each role sees its own subtree of the hierarchy", () => {
  it("programma sees everything", () => {
    for (const scope of [team100, team200, municipality10, region1]) expect(canView(user("programma"), scope)).toBe(true);
  });
  it("regio sees its region and nothing of another", () => {
    const regio = user("regio", { regionId: 1 });
    expect([team100, team110, municipality10, region1].every((s) => canView(regio, s))).toBe(true);
    expect(canView(regio, team200)).toBe(false);
  });
  it("gemeente sees its municipality and its teams, not its region as a whole nor a neighbour", () => {
    const gemeente = user("gemeente", { municipalityId: 10 });
    expect(canView(gemeente, team100)).toBe(true);
    expect(canView(gemeente, municipality10)).toBe(true);
    expect(canView(gemeente, team110)).toBe(false);
    expect(canView(gemeente, region1)).toBe(false);
    expect(canView(gemeente, team200)).toBe(false);
  });
  it("teammanager sees only its own team", () => {
    const manager = user("teammanager", { teamId: 100 });
    expect(canView(manager, team100)).toBe(true);
    expect(canView(manager, { regionId: 1, municipalityId: 10, teamId: 101 })).toBe(false);
    expect(canView(manager, municipality10)).toBe(false);
  });
});

describe("who fills in what", () => {
  it("a team manager fills in their own team's part only; a gemeente its own municipal part only", () => {
    expect(canFillIn(user("teammanager", { teamId: 100 }), { teamId: 100, municipalityId: null, regionId: null })).toBe(true);
    expect(canFillIn(user("teammanager", { teamId: 100 }), { teamId: 101, municipalityId: null, regionId: null })).toBe(false);
    expect(canFillIn(user("gemeente", { municipalityId: 10 }), { teamId: null, municipalityId: 10, regionId: null })).toBe(true);
    expect(canFillIn(user("gemeente", { municipalityId: 10 }), { teamId: 100, municipalityId: null, regionId: null })).toBe(false);
    expect(canFillIn(user("programma"), { teamId: 100, municipalityId: null, regionId: null })).toBe(false);
    expect(canFillIn(user("regio", { regionId: 1 }), { teamId: null, municipalityId: 10, regionId: null })).toBe(false);
  });
});

describe("returning after login goes only to a local path", () => {
  it.each([
    ["/vragenlijsten/3", "/vragenlijsten/3"],
    ["/gemeenten/1?x=1", "/gemeenten/1?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/\nSet-Cookie", "/"],
    ["", "/"],
  ])("%s -> %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
