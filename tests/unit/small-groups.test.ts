import { describe, expect, it } from "vitest";
import { intersectScopes, readerOf, SMALL_GROUP_MIN, smallGroupDecision } from "../../app/domain/small-groups.ts";
import type { CurrentUser } from "../../app/domain/user.ts";

describe("the small-group rule (decision 80)", () => {
  it("shows a group whose every team the reader may read, however small, and says so", () => {
    expect(smallGroupDecision({ submitted: 1, readable: 1 })).toEqual({
      shown: true,
      withheld: false,
      reason: null,
      note: "uit 1 team, dat u zelf kunt inzien",
    });
    expect(smallGroupDecision({ submitted: 2, readable: 2 }).note).toBe("uit 2 teams, die u elk kunt inzien");
    expect(smallGroupDecision({ submitted: 3, readable: 3 })).toEqual({ shown: true, withheld: false, reason: null, note: null });
  });

  it("shows a group to anyone else only when at least 3 of its teams are unreadable to them", () => {
    for (const readable of [0, 1, 2]) {
      for (const unreadable of [1, 2]) expect(smallGroupDecision({ submitted: readable + unreadable, readable }).shown).toBe(false);
      expect(smallGroupDecision({ submitted: readable + SMALL_GROUP_MIN, readable }).shown).toBe(true);
    }
    expect(smallGroupDecision({ submitted: 2, readable: 0 }).withheld).toBe(true);
    expect(smallGroupDecision({ submitted: 2, readable: 0 }).reason).toMatch(/minder dan 3 ingediende teams.*één team/);
    expect(smallGroupDecision({ submitted: 3, readable: 1 }).reason).toMatch(/minder dan 3 andere ingediende teams.*een ander team/);
  });

  it("has nothing to show of a group without submitted teams", () => {
    expect(smallGroupDecision({ submitted: 0, readable: 0 })).toEqual({ shown: false, withheld: false, reason: "nog geen ingediende teams", note: null });
  });

  it("knows whose teams each role reads", () => {
    const user = (role: CurrentUser["role"], scope: Partial<CurrentUser> = {}) => ({ id: 1, email: "x@test.nl", name: "X", role, ...scope }) as CurrentUser;
    expect(readerOf(user("programma"))).toEqual({ reads: "all" });
    expect(readerOf(user("regio", { regionId: 4 }))).toEqual({ reads: "scope", regionId: 4 });
    expect(readerOf(user("gemeente", { municipalityId: 7 }))).toEqual({ reads: "scope", municipalityId: 7 });
    expect(readerOf(user("teammanager", { teamId: 9 }))).toEqual({ reads: "scope", teamId: 9 });
    expect(readerOf(user("veilig_thuis", { regionId: 4 }))).toEqual({ reads: "none" });
  });

  it("intersects two scopes, or says they cannot overlap", () => {
    expect(intersectScopes({ regionId: 1 }, { municipalityId: 5 })).toEqual({ regionId: 1, municipalityId: 5 });
    expect(intersectScopes({ municipalityId: 5 }, { municipalityId: 6 })).toBeNull();
    expect(intersectScopes({}, { teamId: 3 })).toEqual({ teamId: 3 });
  });
});
