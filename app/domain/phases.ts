/**
 * The five implementation phases of the routekaart and the rules for moving between them. Pure: the
 * guards are functions of a snapshot of the region, so they are tested without a database and the
 * page shows exactly the conditions the action checks.
 */

export const PHASES = [
  { key: "preparation", label: "In fase van voorbereiding", short: "Voorbereiding" },
  { key: "selfscan", label: "Bezig met uitvoeren zelfscan", short: "Zelfscan" },
  { key: "analysis", label: "Analyse van de bevindingen uit de zelfscan", short: "Analyse" },
  { key: "plans", label: "Verbeterplannen opstellen", short: "Verbeterplannen" },
  { key: "execution", label: "Uitvoering/monitoring verbeterplannen", short: "Uitvoering" },
] as const;

export type PhaseKey = (typeof PHASES)[number]["key"];
export const PHASE_KEYS = PHASES.map((p) => p.key) as PhaseKey[];
export const FIRST_PHASE: PhaseKey = "preparation";

export function isPhaseKey(value: unknown): value is PhaseKey {
  return typeof value === "string" && (PHASE_KEYS as string[]).includes(value);
}
export const phaseIndex = (phase: PhaseKey) => PHASE_KEYS.indexOf(phase);
export const phaseLabel = (phase: PhaseKey) => PHASES[phaseIndex(phase)]!.label;
export const nextPhase = (phase: PhaseKey): PhaseKey | null => PHASE_KEYS[phaseIndex(phase) + 1] ?? null;
export const previousPhase = (phase: PhaseKey): PhaseKey | null => PHASE_KEYS[phaseIndex(phase) - 1] ?? null;

/**
 * The work each phase is for (the routekaart): findings are recorded in the analysis phase; plans are
 * drawn up (actions added, plans adopted) in the plans phase; progress is tracked while plans are drawn
 * up and carried out.
 */
export type PhaseWork = "findings" | "planActions" | "planProgress" | "teamNotes";
export const PHASE_WORK: Record<PhaseWork, readonly PhaseKey[]> = {
  findings: ["analysis"],
  planActions: ["plans"],
  planProgress: ["plans", "execution"],
  /** The team that owns an action notes its progress from the plan's adoption on (in the plans phase) while it is carried out. */
  teamNotes: ["plans", "execution"],
};

/** Thresholds of the guards; the defaults are the routekaart's, a deployment may change them. */
export interface PhaseSettings {
  /** Share of the region's teams that must have submitted the team zelfscan. */
  teamSubmissionShare: number;
  /** A theme whose region score (0 = all voldoet niet .. 100 = all voldoet) is below this scored low. */
  lowThemeScore: number;
}
export const DEFAULT_PHASE_SETTINGS: PhaseSettings = { teamSubmissionShare: 0.8, lowThemeScore: 75 };

/** What the guards look at: counts for the region in the round of its current cycle. */
export interface RegionSnapshot {
  municipalities: number;
  /** Municipalities with at least one active team: they take part in the zelfscan. */
  participatingMunicipalities: number;
  teams: number;
  /** A zelfscan round is open. */
  roundOpen: boolean;
  /** A round is open that is not the one this cycle already ran on (a new cycle can start). */
  newRoundOpen: boolean;
  submittedTeams: number;
  /** Participating municipalities whose municipal part is submitted. */
  submittedMunicipalParts: number;
  findings: {
    hasSummary: boolean;
    /** Themes whose average scored low, in order from lowest. */
    lowThemes: string[];
    /** Themes with at least one improvement point recorded. */
    themesWithPoints: string[];
  };
  /** Participating municipalities with an adopted plan that has at least one action. */
  adoptedPlans: number;
}

export interface Condition {
  met: boolean;
  text: string;
}

const teams = (n: number) => (n === 1 ? "1 team" : `${n} teams`);

/** The conditions for leaving a phase forward, each in words a user understands. */
export function conditionsToAdvance(phase: PhaseKey, s: RegionSnapshot, settings: PhaseSettings = DEFAULT_PHASE_SETTINGS): Condition[] {
  switch (phase) {
    case "preparation":
      return [
        { met: s.municipalities > 0, text: `De gemeenten van de regio zijn geregistreerd (${s.municipalities}).` },
        { met: s.teams > 0, text: s.teams > 0 ? `Er zijn ${teams(s.teams)} geregistreerd.` : "Er zijn nog geen lokale teams geregistreerd." },
        { met: s.roundOpen, text: s.roundOpen ? "Er is een zelfscanronde open." : "Er is nog geen zelfscanronde open." },
      ];
    case "selfscan": {
      const needed = Math.ceil(settings.teamSubmissionShare * s.teams - 1e-9);
      return [
        {
          met: s.teams > 0 && s.submittedTeams >= needed,
          text: `${s.submittedTeams} van de ${teams(s.teams)} ${s.submittedTeams === 1 ? "heeft" : "hebben"} ingediend; nodig: ${needed} (${Math.round(settings.teamSubmissionShare * 100)}%).`,
        },
        {
          met: s.submittedMunicipalParts >= s.participatingMunicipalities,
          text: `${s.submittedMunicipalParts} van de ${s.participatingMunicipalities} deelnemende gemeenten ${s.submittedMunicipalParts === 1 ? "heeft" : "hebben"} het gemeentelijke deel ingediend; nodig: ${s.participatingMunicipalities}.`,
        },
      ];
    }
    case "analysis": {
      const open = s.findings.lowThemes.filter((t) => !s.findings.themesWithPoints.includes(t));
      return [
        {
          met: s.findings.hasSummary,
          text: s.findings.hasSummary ? "Er is een samenvatting van de bevindingen." : "Er is nog geen samenvatting van de bevindingen.",
        },
        {
          met: open.length === 0,
          text:
            s.findings.lowThemes.length === 0
              ? "Geen thema scoorde laag; verbeterpunten zijn niet verplicht."
              : open.length === 0
                ? `Elk thema dat laag scoorde (${s.findings.lowThemes.join(", ")}) heeft ten minste één verbeterpunt.`
                : `Nog geen verbeterpunt bij ${open.length === 1 ? "thema" : "de thema's"} ${open.join(", ")}, ${open.length === 1 ? "dat" : "die"} laag ${open.length === 1 ? "scoorde" : "scoorden"}.`,
        },
      ];
    }
    case "plans":
      return [
        {
          met: s.participatingMunicipalities > 0 && s.adoptedPlans >= s.participatingMunicipalities,
          text: `${s.adoptedPlans} van de ${s.participatingMunicipalities} deelnemende gemeenten ${s.adoptedPlans === 1 ? "heeft" : "hebben"} een vastgesteld verbeterplan met ten minste één actie; nodig: ${s.participatingMunicipalities}.`,
        },
      ];
    case "execution":
      return [];
  }
}

export type TransitionKind = "advance" | "back" | "override" | "cycle";

export type TransitionRequest =
  | { kind: "advance" }
  | { kind: "back"; reason: string }
  | { kind: "override"; to: PhaseKey; reason: string }
  /** A new cycle on the newest open round; from another phase than the last only by programma, with a reason. */
  | { kind: "cycle"; reason?: string };

export type TransitionDecision = { ok: true; to: PhaseKey; kind: TransitionKind } | { ok: false; errors: string[] };

export const REASON_MAX_LENGTH = 2000;

/**
 * Whether a transition may happen. Moving on needs the guard; moving back needs a reason; an
 * override (programma only) may set any phase, with a reason; a new cycle goes from execution back to
 * the zelfscan phase when a new round is open.
 */
export function decideTransition(
  current: PhaseKey,
  request: TransitionRequest,
  snapshot: RegionSnapshot,
  actor: { role: string },
  settings: PhaseSettings = DEFAULT_PHASE_SETTINGS,
): TransitionDecision {
  const reasonErrors = (reason: string) =>
    reason.trim() === "" ? ["Geef een reden op."] : reason.length > REASON_MAX_LENGTH ? [`Gebruik voor de reden hoogstens ${REASON_MAX_LENGTH} tekens.`] : [];
  switch (request.kind) {
    case "advance": {
      const to = nextPhase(current);
      if (!to) return { ok: false, errors: ["Dit is de laatste fase. Start een nieuwe cyclus zodra er een nieuwe zelfscanronde open is."] };
      const unmet = conditionsToAdvance(current, snapshot, settings).filter((c) => !c.met);
      return unmet.length ? { ok: false, errors: unmet.map((c) => c.text) } : { ok: true, to, kind: "advance" };
    }
    case "back": {
      const to = previousPhase(current);
      if (!to) return { ok: false, errors: ["Dit is de eerste fase; verder terug kan niet."] };
      const errors = reasonErrors(request.reason);
      return errors.length ? { ok: false, errors } : { ok: true, to, kind: "back" };
    }
    case "override": {
      if (actor.role !== "programma") return { ok: false, errors: ["Alleen het programma kan een fase direct instellen."] };
      const errors = reasonErrors(request.reason);
      if (request.to === current) errors.push("De regio is al in deze fase.");
      return errors.length ? { ok: false, errors } : { ok: true, to: request.to, kind: "override" };
    }
    case "cycle": {
      if (current !== "execution") {
        if (actor.role !== "programma") return { ok: false, errors: ["Een nieuwe cyclus start vanuit de fase Uitvoering/monitoring verbeterplannen."] };
        const errors = reasonErrors(request.reason ?? "");
        if (errors.length) return { ok: false, errors: ["Een nieuwe cyclus starten vóór de laatste fase kan alleen met een reden.", ...errors.slice(1)] };
      }
      if (!snapshot.newRoundOpen) return { ok: false, errors: ["Er is nog geen nieuwe zelfscanronde open."] };
      return { ok: true, to: "selfscan", kind: "cycle" };
    }
  }
}

/** The current phase follows from the log: the last transition's target, or the first phase. */
export function currentPhaseFromLog(log: { to_phase: string; at: string }[]): { phase: PhaseKey; since: string | null } {
  const last = log[log.length - 1];
  return last && isPhaseKey(last.to_phase) ? { phase: last.to_phase, since: last.at } : { phase: FIRST_PHASE, since: null };
}

/** What one municipality contributes to its region's phase: the gemeente's own part. */
export interface MunicipalShare {
  teams: number;
  submittedTeams: number;
  /** Submitted team scans the gemeente has not yet accepted or returned. */
  awaitingReview: number;
  municipalPartSubmitted: boolean;
  plan: { actions: number; adopted: boolean } | null;
}

const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const verb = (n: number) => (n === 1 ? "heeft" : "hebben");

/**
 * The phase's conditions as the gemeente sees them: the region's figure and the municipality's own
 * share ("In de regio: 9 van de 12 teams ingediend, nodig 10. Van uw gemeente: 2 van 6 teams ingediend;
 * het gemeentelijke deel is nog niet ingediend.").
 */
export function municipalProgress(
  phase: PhaseKey,
  s: RegionSnapshot,
  own: MunicipalShare,
  settings: PhaseSettings = DEFAULT_PHASE_SETTINGS,
): { summary: string; todo: string[] } {
  const todo: string[] = [];
  switch (phase) {
    case "preparation":
      if (own.teams === 0) todo.push("Laat de lokale teams van uw gemeente registreren (via het programma) en nodig hun teammanagers uit.");
      return { summary: `In de regio: ${countOf(s.teams, "team", "teams")} geregistreerd. Van uw gemeente: ${countOf(own.teams, "team", "teams")}.`, todo };
    case "selfscan": {
      const needed = Math.ceil(settings.teamSubmissionShare * s.teams - 1e-9);
      if (!own.municipalPartSubmitted) todo.push("Vul het gemeentelijke deel (thema I) in en dien het in.");
      if (own.awaitingReview > 0) todo.push(`Beoordeel de ingediende zelfscan van ${countOf(own.awaitingReview, "team", "teams")}: accepteren of terugsturen.`);
      if (own.submittedTeams < own.teams) todo.push(`${countOf(own.teams - own.submittedTeams, "team heeft", "teams hebben")} de zelfscan nog niet ingediend.`);
      return {
        summary:
          `In de regio: ${s.submittedTeams} van de ${countOf(s.teams, "team", "teams")} ingediend, nodig ${needed}. ` +
          `Van uw gemeente: ${own.submittedTeams} van ${countOf(own.teams, "team", "teams")} ingediend; het gemeentelijke deel is ${own.municipalPartSubmitted ? "ingediend" : "nog niet ingediend"}.`,
        todo,
      };
    }
    case "analysis":
      return {
        summary: `De regio analyseert de resultaten en legt de bevindingen vast${s.findings.hasSummary ? " (er is een samenvatting)" : ""}. Daarna stelt elke gemeente een verbeterplan op.`,
        todo,
      };
    case "plans": {
      if (!own.plan || own.plan.actions === 0) todo.push("Voeg acties toe aan uw verbeterplan, bij de thema's die laag scoorden.");
      if (!own.plan?.adopted) todo.push("Stel het verbeterplan vast.");
      const ownPlan = !own.plan
        ? "uw gemeente heeft nog geen verbeterplan"
        : own.plan.adopted
          ? `uw verbeterplan is vastgesteld, met ${countOf(own.plan.actions, "actie", "acties")}`
          : `uw verbeterplan is nog niet vastgesteld (${countOf(own.plan.actions, "actie", "acties")})`;
      return {
        summary: `In de regio: ${s.adoptedPlans} van de ${s.participatingMunicipalities} deelnemende gemeenten ${verb(s.adoptedPlans)} een vastgesteld verbeterplan; nodig: ${s.participatingMunicipalities}. Van uw gemeente: ${ownPlan}.`,
        todo,
      };
    }
    case "execution":
      if (own.plan?.adopted) todo.push("Houd de voortgang van de acties in uw verbeterplan bij.");
      return { summary: "De gemeenten voeren hun verbeterplannen uit en volgen de acties. Een nieuwe cyclus begint met een nieuwe zelfscanronde.", todo };
  }
}
