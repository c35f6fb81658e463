import { describe, expect, it } from "vitest";
import { conditionsToAdvance, currentPhaseFromLog, decideTransition, PHASES, type PhaseKey, type RegionSnapshot } from "../../app/domain/phases.ts";

/** A region that meets every guard; each test breaks the one it is about. */
const ready = (overrides: Partial<RegionSnapshot> = {}): RegionSnapshot => ({
  municipalities: 7,
  participatingMunicipalities: 3,
  teams: 12,
  roundOpen: true,
  newRoundOpen: false,
  submittedTeams: 10,
  submittedMunicipalParts: 3,
  findings: { hasSummary: true, lowThemes: ["F", "E"], themesWithPoints: ["E", "F"] },
  adoptedPlans: 3,
  ...overrides,
});
const regio = { role: "regio" };
const programma = { role: "programma" };
const advance = (phase: PhaseKey, snapshot: RegionSnapshot) => decideTransition(phase, { kind: "advance" }, snapshot, regio);

describe("the phases", () => {
  it("are the programme's five, in order, with its labels verbatim", () => {
    expect(PHASES.map((p) => p.label)).toEqual([
      "In fase van voorbereiding",
      "Bezig met uitvoeren zelfscan",
      "Analyse van de bevindingen uit de zelfscan",
      "Verbeterplannen opstellen",
      "Uitvoering/monitoring verbeterplannen",
    ]);
  });

  it("follow from the log: the last transition's target, or voorbereiding", () => {
    expect(currentPhaseFromLog([])).toEqual({ phase: "preparation", since: null });
    expect(
      currentPhaseFromLog([
        { to_phase: "selfscan", at: "a" },
        { to_phase: "analysis", at: "b" },
      ]),
    ).toEqual({ phase: "analysis", since: "b" });
  });
});

describe("moving on, each guard", () => {
  it("voorbereiding -> zelfscan needs municipalities, teams and an open round", () => {
    expect(advance("preparation", ready())).toEqual({ ok: true, to: "selfscan", kind: "advance" });
    expect(advance("preparation", ready({ teams: 0 }))).toEqual({ ok: false, errors: ["Er zijn nog geen lokale teams geregistreerd."] });
    expect(advance("preparation", ready({ roundOpen: false }))).toEqual({ ok: false, errors: ["Er is nog geen zelfscanronde open."] });
  });

  it("zelfscan -> analyse needs 80% of the teams and every participating municipality's part", () => {
    expect(advance("selfscan", ready()).ok).toBe(true);
    expect(advance("selfscan", ready({ submittedTeams: 9 }))).toEqual({ ok: false, errors: ["9 van de 12 teams hebben ingediend; nodig: 10 (80%)."] });
    expect(advance("selfscan", ready({ submittedMunicipalParts: 2 }))).toEqual({
      ok: false,
      errors: ["2 van de 3 deelnemende gemeenten hebben het gemeentelijke deel ingediend; nodig: 3."],
    });
    expect(advance("selfscan", ready({ teams: 0, submittedTeams: 0 })).ok).toBe(false);
  });

  it("the threshold is configurable", () => {
    const half = { teamSubmissionShare: 0.5, lowThemeScore: 75 };
    expect(decideTransition("selfscan", { kind: "advance" }, ready({ submittedTeams: 6 }), regio, half).ok).toBe(true);
    expect(conditionsToAdvance("selfscan", ready({ submittedTeams: 5 }), half)[0]).toEqual({
      met: false,
      text: "5 van de 12 teams hebben ingediend; nodig: 6 (50%).",
    });
  });

  it("analyse -> verbeterplannen needs a summary and an improvement point for every low theme", () => {
    expect(advance("analysis", ready()).ok).toBe(true);
    expect(advance("analysis", ready({ findings: { hasSummary: false, lowThemes: [], themesWithPoints: [] } }))).toEqual({
      ok: false,
      errors: ["Er is nog geen samenvatting van de bevindingen."],
    });
    expect(advance("analysis", ready({ findings: { hasSummary: true, lowThemes: ["F", "E"], themesWithPoints: ["E"] } }))).toEqual({
      ok: false,
      errors: ["Nog geen verbeterpunt bij thema F, dat laag scoorde."],
    });
    expect(conditionsToAdvance("analysis", ready({ findings: { hasSummary: true, lowThemes: [], themesWithPoints: [] } }))[1]!.met).toBe(true);
  });

  it("verbeterplannen -> uitvoering needs an adopted plan with an action in every participating municipality", () => {
    expect(advance("plans", ready()).ok).toBe(true);
    expect(advance("plans", ready({ adoptedPlans: 2 }))).toEqual({
      ok: false,
      errors: ["2 van de 3 deelnemende gemeenten hebben een vastgesteld verbeterplan met ten minste één actie; nodig: 3."],
    });
  });

  it("uitvoering is the last phase", () => {
    expect(advance("execution", ready()).ok).toBe(false);
    expect(conditionsToAdvance("execution", ready())).toEqual([]);
  });
});

describe("moving back, overriding and a new cycle", () => {
  it("moving back goes one phase and needs a reason", () => {
    expect(decideTransition("analysis", { kind: "back", reason: "Twee teams dienen alsnog in." }, ready(), regio)).toEqual({
      ok: true,
      to: "selfscan",
      kind: "back",
    });
    expect(decideTransition("analysis", { kind: "back", reason: "  " }, ready(), regio)).toEqual({ ok: false, errors: ["Geef een reden op."] });
    expect(decideTransition("preparation", { kind: "back", reason: "x" }, ready(), regio).ok).toBe(false);
    expect(decideTransition("analysis", { kind: "back", reason: "x".repeat(2001) }, ready(), regio).ok).toBe(false);
  });

  it("only programma overrides, to any other phase, with a reason", () => {
    expect(decideTransition("preparation", { kind: "override", to: "plans", reason: "Rondetafel 2021" }, ready(), programma)).toEqual({
      ok: true,
      to: "plans",
      kind: "override",
    });
    expect(decideTransition("preparation", { kind: "override", to: "plans", reason: "Rondetafel" }, ready(), regio)).toEqual({
      ok: false,
      errors: ["Alleen het programma kan een fase direct instellen."],
    });
    expect(decideTransition("preparation", { kind: "override", to: "plans", reason: "" }, ready(), programma).ok).toBe(false);
    expect(decideTransition("plans", { kind: "override", to: "plans", reason: "x" }, ready(), programma).ok).toBe(false);
  });

  it("a new cycle goes from uitvoering back to the zelfscan when a new round is open", () => {
    expect(decideTransition("execution", { kind: "cycle" }, ready({ newRoundOpen: true }), regio)).toEqual({ ok: true, to: "selfscan", kind: "cycle" });
    expect(decideTransition("execution", { kind: "cycle" }, ready({ newRoundOpen: false }), regio).ok).toBe(false);
    for (const phase of ["preparation", "selfscan", "analysis", "plans"] as const) {
      expect(decideTransition(phase, { kind: "cycle" }, ready({ newRoundOpen: true }), regio).ok).toBe(false);
    }
  });
});
