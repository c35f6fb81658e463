import { describe, expect, it } from "vitest";
import { cycleRound, isRoundOpen, newerRoundOpen, newestOpenRound } from "../../app/domain/cycles.ts";
import { decideTransition, municipalProgress, type MunicipalShare, type RegionSnapshot } from "../../app/domain/phases.ts";

// The pure rules of cycles and rounds, and of the gemeente's share in its region's phase.

const round = (id: number, opens_on: string, closes_on: string, closed_at: string | null = null) => ({ id, opens_on, closes_on, closed_at });
const r2025 = round(1, "2025-01-10", "2025-12-31");
const r2026 = round(2, "2026-01-12", "2026-12-31");
const r2027 = round(3, "2027-01-11", "2027-12-31");

describe("which round a region works on", () => {
  it("the round its current cycle started on, whatever opened since", () => {
    expect(cycleRound(1, [r2025, r2026], "2026-06-01")?.id).toBe(1);
    expect(cycleRound(1, [r2025, r2026, r2027], "2027-06-01")?.id).toBe(1);
  });

  it("a region that never started a cycle: the newest open round, or else the newest round", () => {
    expect(cycleRound(null, [r2025, r2026], "2026-06-01")?.id).toBe(2);
    expect(cycleRound(null, [r2025, r2026], "2028-06-01")?.id).toBe(2);
    expect(cycleRound(null, [], "2026-06-01")).toBeUndefined();
  });

  it("a round is open from its first to its last day, unless closed", () => {
    expect(isRoundOpen(r2026, "2026-01-12")).toBe(true);
    expect(isRoundOpen(r2026, "2026-12-31")).toBe(true);
    expect(isRoundOpen(r2026, "2027-01-01")).toBe(false);
    expect(isRoundOpen(round(4, "2026-01-01", "2026-12-31", "2026-03-01T10:00:00Z"), "2026-06-01")).toBe(false);
    expect(newestOpenRound([r2025, r2026, round(5, "2026-01-12", "2026-12-31")], "2026-06-01")?.id).toBe(5);
  });

  it("a new cycle can start on a round that is open and newer than the one the cycle runs on", () => {
    expect(newerRoundOpen(r2025, [r2025, r2026], "2026-06-01")?.id).toBe(2);
    expect(newerRoundOpen(r2026, [r2025, r2026], "2026-06-01")).toBeUndefined();
    // An older round that is somehow open again does not count as a new one.
    expect(newerRoundOpen(r2027, [round(1, "2025-01-10", "2030-12-31"), r2027], "2027-02-01")).toBeUndefined();
  });
});

const snapshot = (s: Partial<RegionSnapshot> = {}): RegionSnapshot => ({
  municipalities: 4,
  participatingMunicipalities: 3,
  teams: 12,
  roundOpen: true,
  newRoundOpen: false,
  submittedTeams: 9,
  submittedMunicipalParts: 1,
  findings: { hasSummary: false, lowThemes: [], themesWithPoints: [] },
  adoptedPlans: 1,
  ...s,
});
const share = (s: Partial<MunicipalShare> = {}): MunicipalShare => ({
  teams: 6,
  submittedTeams: 2,
  awaitingReview: 1,
  municipalPartSubmitted: false,
  plan: null,
  ...s,
});

describe("the gemeente's share in its region's phase", () => {
  it("the zelfscan: the region's figure and its own, and what it must still do", () => {
    const progress = municipalProgress("selfscan", snapshot(), share());
    expect(progress.summary).toBe(
      "In de regio: 9 van de 12 teams ingediend, nodig 10. Van uw gemeente: 2 van 6 teams ingediend; het gemeentelijke deel is nog niet ingediend.",
    );
    expect(progress.todo).toEqual([
      "Vul het gemeentelijke deel (thema I) in en dien het in.",
      "Beoordeel de ingediende zelfscan van 1 team: accepteren of terugsturen.",
      "4 teams hebben de zelfscan nog niet ingediend.",
    ]);
    expect(municipalProgress("selfscan", snapshot(), share({ submittedTeams: 6, awaitingReview: 0, municipalPartSubmitted: true })).todo).toEqual([]);
  });

  it("the plans: its plan beside the region's count", () => {
    expect(municipalProgress("plans", snapshot(), share({ plan: null })).summary).toBe(
      "In de regio: 1 van de 3 deelnemende gemeenten heeft een vastgesteld verbeterplan; nodig: 3. Van uw gemeente: uw gemeente heeft nog geen verbeterplan.",
    );
    expect(municipalProgress("plans", snapshot(), share({ plan: { actions: 2, adopted: false } })).todo).toEqual(["Stel het verbeterplan vast."]);
    expect(municipalProgress("plans", snapshot(), share({ plan: { actions: 3, adopted: true } })).summary).toContain(
      "uw verbeterplan is vastgesteld, met 3 acties",
    );
  });

  it("the analysis is the region's work: the gemeente has nothing to do", () => {
    expect(municipalProgress("analysis", snapshot(), share()).todo).toEqual([]);
  });
});

describe("a new cycle", () => {
  const open = snapshot({ newRoundOpen: true });
  it("starts from the last phase; before it, only programma, with a reason", () => {
    expect(decideTransition("execution", { kind: "cycle" }, open, { role: "regio" })).toEqual({ ok: true, to: "selfscan", kind: "cycle" });
    expect(decideTransition("plans", { kind: "cycle" }, open, { role: "regio" }).ok).toBe(false);
    expect(decideTransition("plans", { kind: "cycle" }, open, { role: "programma" }).ok).toBe(false);
    expect(decideTransition("plans", { kind: "cycle", reason: "De regio begint opnieuw." }, open, { role: "programma" })).toEqual({
      ok: true,
      to: "selfscan",
      kind: "cycle",
    });
    expect(decideTransition("execution", { kind: "cycle" }, snapshot(), { role: "regio" })).toEqual({
      ok: false,
      errors: ["Er is nog geen nieuwe zelfscanronde open."],
    });
  });
});
