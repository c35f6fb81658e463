import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canDownload,
  canFillIn,
  canView,
  DEACTIVATED_TEAM_MESSAGE,
  findingsChange,
  planChange,
  reopenChange,
  responseAccess,
  responseChange,
  reviewChange,
  submitChange,
  type ResponseFacts,
} from "../../app/domain/policy.ts";
import { PHASE_KEYS, PHASE_WORK } from "../../app/domain/phases.ts";
import type { CurrentUser } from "../../app/domain/user.ts";
import { safeRedirectPath } from "../../app/http/http.server.ts";

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

describe("what a user may do with a response", () => {
  const teamScan = (facts: Partial<ResponseFacts> = {}): ResponseFacts => ({
    audience: "team",
    team_id: 100,
    municipality_id: 10,
    region_id: 1,
    team_active: 1,
    status: "draft",
    accepted_at: null,
    round_kind: "zelfscan",
    input_deadline: null,
    ...facts,
  });
  const roundTable = (facts: Partial<ResponseFacts> = {}): ResponseFacts => ({
    audience: "region",
    team_id: null,
    municipality_id: null,
    region_id: 1,
    team_active: null,
    status: "draft",
    accepted_at: null,
    round_kind: "rondetafel",
    input_deadline: null,
    ...facts,
  });
  const manager = user("teammanager", { teamId: 100 });
  const gemeente = user("gemeente", { municipalityId: 10 });

  it("the team manager fills in and submits the draft; the gemeente sees it but not its answers", () => {
    expect(responseAccess(manager, teamScan())).toMatchObject({ fillsIn: true, canEdit: true, answersVisible: true, canSubmit: true, canReview: false });
    expect(responseAccess(gemeente, teamScan())).toMatchObject({ fillsIn: false, canEdit: false, answersVisible: false, canReview: false });
    expect(responseAccess(user("teammanager", { teamId: 101 }), teamScan())).toBeNull();
    expect(responseAccess(user("gemeente", { municipalityId: 11 }), teamScan())).toBeNull();
  });

  it("a deactivated team's manager reads the scan, with the reason, but changes nothing", () => {
    const access = responseAccess(manager, teamScan({ team_active: 0 }))!;
    expect(access).toMatchObject({ fillsIn: true, canEdit: false, answersVisible: true, canSubmit: false, lockedReason: DEACTIVATED_TEAM_MESSAGE });
    expect(responseChange(access)).toEqual({ allowed: false, status: 403, reason: DEACTIVATED_TEAM_MESSAGE });
  });

  it("the team's gemeente reviews a submitted scan once; another user is refused, a scan no longer waiting for review is a conflict", () => {
    expect(reviewChange(gemeente, teamScan({ status: "submitted" }))).toEqual({ allowed: true });
    expect(responseAccess(gemeente, teamScan({ status: "submitted" }))?.canReview).toBe(true);
    expect(reviewChange(manager, teamScan({ status: "submitted" }))).toMatchObject({ allowed: false, status: 403 });
    expect(reviewChange(user("gemeente", { municipalityId: 11 }), teamScan({ status: "submitted" }))).toMatchObject({ allowed: false, status: 403 });
    expect(reviewChange(gemeente, teamScan({ status: "submitted", accepted_at: "2026-01-01" }))).toMatchObject({ allowed: false, status: 409 });
    expect(reviewChange(gemeente, teamScan({ status: "draft" }))).toMatchObject({ allowed: false, status: 409 });
  });

  it("round-table input: a team its own, the gemeente its own and its teams' once submitted, regio its region's; closed after the deadline; never reviewed", () => {
    const teamInput = (facts: Partial<ResponseFacts> = {}) => teamScan({ round_kind: "rondetafel", input_deadline: "2027-03-15", ...facts });
    const municipalInput = (facts: Partial<ResponseFacts> = {}) => teamInput({ team_id: null, team_active: null, ...facts });
    expect(responseAccess(manager, teamInput(), "2027-03-15")).toMatchObject({ fillsIn: true, canEdit: true, canSubmit: true, canReview: false });
    expect(responseAccess(user("teammanager", { teamId: 101 }), teamInput())).toBeNull();
    expect(responseAccess(gemeente, teamInput({ status: "submitted" }))).toMatchObject({ fillsIn: false, answersVisible: true, canReview: false });
    expect(responseAccess(gemeente, teamInput())).toMatchObject({ answersVisible: false });
    expect(responseAccess(gemeente, municipalInput(), "2027-03-01")).toMatchObject({ fillsIn: true, canEdit: true });
    expect(responseAccess(user("regio", { regionId: 1 }), municipalInput({ status: "submitted" }))).toMatchObject({ fillsIn: false, answersVisible: true });
    expect(responseAccess(user("regio", { regionId: 2 }), municipalInput({ status: "submitted" }))).toBeNull();
    // The day after the deadline: readable, not changeable, with the reason.
    const late = responseAccess(manager, teamInput(), "2027-03-16")!;
    expect(late).toMatchObject({ fillsIn: true, canEdit: false, canSubmit: false });
    expect(late.lockedReason).toMatch(/tot en met 15 maart 2027/);
    expect(reviewChange(gemeente, teamInput({ status: "submitted" }))).toMatchObject({ allowed: false, status: 403 });
    expect(reopenChange(gemeente, teamInput({ status: "submitted", accepted_at: "2027-01-01" }))).toMatchObject({ allowed: false });
  });

  it("the round table: the region's lead prepares it, only programma submits and reopens it; nobody else sees it", () => {
    const regio = user("regio", { regionId: 1 });
    expect(responseAccess(regio, roundTable())).toMatchObject({ fillsIn: true, canEdit: true, canSubmit: false });
    expect(submitChange(responseAccess(regio, roundTable())!)).toMatchObject({ allowed: false, status: 403 });
    expect(responseAccess(user("programma"), roundTable())).toMatchObject({ canSubmit: true });
    expect(responseAccess(user("programma"), roundTable({ status: "submitted" }))?.canReopen).toBe(true);
    expect(reopenChange(regio, roundTable({ status: "submitted" }))).toMatchObject({ allowed: false, status: 403 });
    expect(reopenChange(user("programma"), roundTable())).toMatchObject({ allowed: false, status: 409 });
    expect(responseAccess(gemeente, roundTable())).toBeNull();
    expect(responseAccess(user("regio", { regionId: 2 }), roundTable())).toBeNull();
  });
});

describe("work that depends on the region's phase", () => {
  const gemeente = user("gemeente", { municipalityId: 10 });
  it("findings: the region's lead, in the analysis phase", () => {
    expect(findingsChange(user("regio", { regionId: 1 }), 1, "analysis")).toEqual({ allowed: true });
    expect(findingsChange(user("programma"), 1, "analysis")).toEqual({ allowed: true });
    expect(findingsChange(user("regio", { regionId: 2 }), 1, "analysis")).toMatchObject({ allowed: false, status: 403 });
    expect(findingsChange(user("regio", { regionId: 1 }), 1, "plans")).toEqual({
      allowed: false,
      status: 409,
      reason: "Bevindingen vastleggen kan in de fase Analyse van de bevindingen uit de zelfscan; de regio is in de fase Verbeterplannen opstellen.",
    });
  });
  it("plans: the gemeente itself; actions and adoption while plans are drawn up, until adopted; progress also in execution", () => {
    expect(planChange(gemeente, 10, "add-action", { phase: "plans", adopted: false })).toEqual({ allowed: true });
    expect(planChange(gemeente, 10, "add-action", { phase: "plans", adopted: true })).toMatchObject({ allowed: false, status: 409 });
    expect(planChange(gemeente, 10, "adopt", { phase: "execution", adopted: false })).toMatchObject({ allowed: false, status: 409 });
    expect(planChange(gemeente, 10, "progress", { phase: "execution", adopted: true })).toEqual({ allowed: true });
    expect(planChange(gemeente, 10, "progress", { phase: "analysis", adopted: false })).toMatchObject({
      allowed: false,
      reason:
        "Voortgang bijwerken kan in de fasen Verbeterplannen opstellen en Uitvoering/monitoring verbeterplannen; de regio is in de fase Analyse van de bevindingen uit de zelfscan.",
    });
    expect(planChange(user("gemeente", { municipalityId: 11 }), 10, "progress", { phase: "plans", adopted: false })).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(planChange(user("regio", { regionId: 1 }), 10, "progress", { phase: "plans", adopted: false })).toMatchObject({ allowed: false, status: 403 });
  });
  it("every kind of work names phases that exist", () => {
    for (const phases of Object.values(PHASE_WORK)) expect(phases.every((p) => PHASE_KEYS.includes(p))).toBe(true);
  });
});

describe("account management", () => {
  it("each manager gives the roles below them; a team manager manages nobody", () => {
    expect(assignableRoles(user("programma"))).toEqual(["programma", "regio", "veilig_thuis", "gemeente", "teammanager"]);
    expect(assignableRoles(user("regio", { regionId: 1 }))).toEqual(["gemeente", "veilig_thuis"]);
    expect(assignableRoles(user("gemeente", { municipalityId: 10 }))).toEqual(["teammanager"]);
    expect(assignableRoles(user("teammanager", { teamId: 100 }))).toEqual([]);
  });
});

describe("downloads", () => {
  const programma = { id: 1, name: "P", email: "p@x.nl", role: "programma" as const, regionId: null, municipalityId: null, teamId: null };
  const regio = { ...programma, role: "regio" as const, regionId: 7 };
  const gemeente = { ...programma, role: "gemeente" as const, municipalityId: 70 };
  const team = { ...programma, role: "teammanager" as const, teamId: 700 };
  it("follow the pages: the country for programma, a region for its regio, a municipality for its gemeente; round-table input for the region's lead only", () => {
    expect(canDownload(programma, "zelfscan-antwoorden", {})).toBe(true);
    expect([regio, gemeente, team].some((u) => canDownload(u, "zelfscan-resultaten", {}))).toBe(false);
    expect(canDownload(regio, "zelfscan-antwoorden", { regionId: 7 })).toBe(true);
    expect(canDownload(regio, "zelfscan-antwoorden", { regionId: 8 })).toBe(false);
    expect(canDownload(gemeente, "zelfscan-antwoorden", { regionId: 7 })).toBe(false);
    expect(canDownload(gemeente, "zelfscan-resultaten", { regionId: 7, municipalityId: 70 })).toBe(true);
    expect(canDownload(gemeente, "zelfscan-resultaten", { regionId: 7, municipalityId: 71 })).toBe(false);
    expect(canDownload(regio, "rondetafel-input", { regionId: 7 })).toBe(true);
    expect(canDownload(regio, "rondetafel-input", { regionId: 7, municipalityId: 70 })).toBe(false);
    expect(canDownload(gemeente, "rondetafel-input", { regionId: 7, municipalityId: 70 })).toBe(false);
    expect(canDownload(team, "zelfscan-antwoorden", { regionId: 7, municipalityId: 70 })).toBe(false);
  });
});
