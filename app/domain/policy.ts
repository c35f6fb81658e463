import type { Audience, ResponseStatus, Role } from "../../db/schema.ts";
import { dayOf, formatDate } from "./format.ts";
import { phaseLabel, PHASE_WORK, type PhaseKey, type PhaseWork } from "./phases.ts";
import type { CurrentUser, Scope } from "./user.ts";

/**
 * The policy: who may do what to which record, now. Pure functions of the user, the record's place in
 * the hierarchy, the region's phase and the record's status, so every rule is unit-tested without a
 * database. Guards (app/auth/guards.server.ts) load the record and ask here; routes show and act on
 * the answers and never decide themselves.
 *
 * A record outside the user's scope is "not visible": the guard answers 404, exactly like a record
 * that does not exist, so its existence is not revealed. A visible record the user may not change
 * answers 403 (or 409 when it is the moment that is wrong, not the user) with the reason in Dutch.
 */

export type Decision = { allowed: true } | { allowed: false; status: 403 | 409; reason: string };
const allow: Decision = { allowed: true };
const deny = (reason: string, status: 403 | 409 = 403): Decision => ({ allowed: false, status, reason });

/** Whether the user may see a record in this scope: their own subtree of the hierarchy. */
export function canView(user: CurrentUser, scope: Scope): boolean {
  switch (user.role) {
    case "programma":
      return true;
    case "regio":
      return user.regionId === scope.regionId;
    case "gemeente":
      return scope.municipalityId != null && user.municipalityId === scope.municipalityId;
    case "teammanager":
      return scope.teamId != null && user.teamId === scope.teamId;
    case "veilig_thuis":
      // Veilig Thuis reads no team's or gemeente's pages: only its own answers (responseAccess) and its
      // region's aggregates (its start page, canSeeVeiligThuisRegion).
      return false;
  }
}

/** Veilig Thuis's own start page: the region of its account. */
export const canSeeVeiligThuisRegion = (user: CurrentUser, regionId: number) => user.role === "veilig_thuis" && user.regionId === regionId;

/**
 * Whose questionnaire the user would fill in, as the policy asks it: a team, a municipality (its own part),
 * a region (the round table), or Veilig Thuis's view of a municipality (audience veilig_thuis, with the
 * municipality and its region).
 */
export interface FillInTarget {
  teamId: number | null;
  municipalityId: number | null;
  regionId: number | null;
  audience?: Audience;
}

/**
 * Whether the user fills in a questionnaire about this subject: a team manager their team's part,
 * a gemeente its municipal part. Regio and programma read the zelfscan; they do not fill it in.
 * The round table: programma records it; the region's own lead may prepare a draft.
 */
export function canFillIn(user: CurrentUser, subject: FillInTarget): boolean {
  if (subject.audience === "veilig_thuis") return user.role === "veilig_thuis" && subject.regionId != null && user.regionId === subject.regionId;
  if (subject.teamId != null) return user.role === "teammanager" && user.teamId === subject.teamId;
  if (subject.municipalityId != null) return user.role === "gemeente" && user.municipalityId === subject.municipalityId;
  if (subject.regionId != null) return user.role === "programma" || (user.role === "regio" && user.regionId === subject.regionId);
  return false;
}

export const DEACTIVATED_TEAM_MESSAGE =
  "Dit team is op non-actief gezet. De zelfscan blijft bewaard en is te lezen, maar kan niet meer worden gewijzigd of ingediend. Klopt dat niet? Neem contact op met uw gemeente.";

/** What the rules need to know of a response. For a team's response, municipality_id is the team's. */
export interface ResponseFacts {
  /** Who the questionnaire is for: Veilig Thuis's view of a municipality is about that municipality, but Veilig Thuis fills it in. */
  audience: Audience;
  team_id: number | null;
  municipality_id: number | null;
  region_id: number;
  team_active: 0 | 1 | null;
  status: ResponseStatus;
  accepted_at: string | null;
  /** A zelfscan round, or a round-table round (the region's record, or its teams' and gemeenten' input). */
  round_kind: "zelfscan" | "rondetafel";
  /** Round-table input: the last day it can be changed and submitted. */
  input_deadline: string | null;
  /** Submitted at least once: a scan that was returned or reopened stays readable to those who read it then. */
  ever_submitted?: boolean | 0 | 1 | null;
}

export interface ResponseAccess {
  /** The user is the one who fills it in (and so reads its draft answers). */
  fillsIn: boolean;
  /** They may also change it now. */
  canEdit: boolean;
  /** Why the one who fills it in cannot change it now, for the page; null when they can. */
  lockedReason: string | null;
  /** Whether the answers may be read: by the one who fills it in, by readers in scope once submitted (also while returned or reopened). */
  answersVisible: boolean;
  /** Submitting: the one who fills it in; a round table only by programma (the region prepares it). */
  canSubmit: boolean;
  /** Accepting or returning a submitted team scan: the gemeente of the team, once, until accepted. */
  canReview: boolean;
  /** Reopening a submitted round-table record for a correction: programma. */
  canReopen: boolean;
}

const isRoundTable = (r: Pick<ResponseFacts, "team_id" | "municipality_id">) => r.team_id == null && r.municipality_id == null;
/** A team's or gemeente's input for a round-table talk: a round-table round, not the region's own record. */
const isRoundTableInput = (r: Pick<ResponseFacts, "team_id" | "municipality_id" | "round_kind">) => r.round_kind === "rondetafel" && !isRoundTable(r);

export const inputClosedMessage = (deadline: string) =>
  `De input kon tot en met ${formatDate(deadline)} worden gegeven. Uw antwoorden zijn bewaard en te lezen, maar kunnen niet meer worden gewijzigd of ingediend.`;

/**
 * How the user may use this response, or null when it is not visible to them at all. Input for a
 * round-table talk follows the zelfscan's scope (a team its own, a gemeente its own and its teams',
 * regio its region's, programma all) and closes after its deadline.
 */
export function responseAccess(user: CurrentUser, response: ResponseFacts, today: string = dayOf()): ResponseAccess | null {
  const roundTable = isRoundTable(response);
  const veiligThuis = response.audience === "veilig_thuis";
  const subject: FillInTarget = {
    teamId: response.team_id,
    municipalityId: response.team_id ? null : response.municipality_id,
    regionId: roundTable || veiligThuis ? response.region_id : null,
    audience: response.audience,
  };
  const fillsIn = canFillIn(user, subject);
  // A region's round table is for programma and that region's lead only, not for its gemeenten or teams.
  if (roundTable && !fillsIn) return null;
  // A team's response is in its municipality's scope too: the gemeente reviews its teams.
  if (!fillsIn && !canView(user, { regionId: response.region_id, municipalityId: response.municipality_id, teamId: response.team_id })) return null;
  const deadlinePassed = isRoundTableInput(response) && response.status !== "submitted" && response.input_deadline !== null && response.input_deadline < today;
  const lockedReason = !fillsIn
    ? null
    : response.team_id != null && response.team_active !== 1
      ? DEACTIVATED_TEAM_MESSAGE
      : deadlinePassed
        ? inputClosedMessage(response.input_deadline!)
        : null;
  const canEdit = fillsIn && lockedReason === null;
  return {
    fillsIn,
    canEdit,
    lockedReason,
    answersVisible: fillsIn || response.status === "submitted" || Boolean(response.ever_submitted),
    canSubmit: canEdit && (!roundTable || user.role === "programma"),
    canReview: reviewChange(user, response).allowed,
    canReopen: reopenChange(user, response).allowed,
  };
}

/** Submitting: the one who fills it in may; a round table is submitted by programma only. */
export function submitChange(access: ResponseAccess): Decision {
  const change = responseChange(access);
  if (!change.allowed) return change;
  return access.canSubmit ? allow : deny("Het programma dient het verslag van het rondetafelgesprek in; u kunt het concept voorbereiden.");
}

/** The gemeente of the team reviews (accepts or returns) its submitted scan, until it is accepted. */
export function reviewChange(
  user: CurrentUser,
  response: Pick<ResponseFacts, "team_id" | "municipality_id" | "status" | "accepted_at" | "round_kind">,
): Decision {
  if (response.round_kind !== "zelfscan") return deny("Alleen een zelfscan wordt door de gemeente beoordeeld.");
  const isTeamsGemeente = response.team_id != null && user.role === "gemeente" && user.municipalityId === response.municipality_id;
  if (!isTeamsGemeente) return deny("Alleen de gemeente van dit team kan een ingediende zelfscan beoordelen.");
  if (response.status !== "submitted" || response.accepted_at)
    return deny("Deze zelfscan is intussen gewijzigd, teruggestuurd of al beoordeeld. Bekijk de huidige stand hieronder.", 409);
  return allow;
}

/**
 * Reopening, with a reason: programma reopens a submitted round-table record to correct it; the team's
 * gemeente reopens a scan it accepted, so the team can change it and submit it again.
 */
export function reopenChange(
  user: CurrentUser,
  response: Pick<ResponseFacts, "team_id" | "municipality_id" | "status" | "accepted_at" | "round_kind">,
): Decision {
  if (isRoundTable(response)) {
    if (user.role !== "programma") return deny("Alleen het programma kan een verslag heropenen.");
    if (response.status !== "submitted") return deny("Dit verslag is intussen gewijzigd of al heropend. Bekijk de huidige stand hieronder.", 409);
    return allow;
  }
  if (response.round_kind !== "zelfscan") return deny("Ingediende input voor het rondetafelgesprek wordt niet heropend.");
  const isTeamsGemeente = response.team_id != null && user.role === "gemeente" && user.municipalityId === response.municipality_id;
  if (!isTeamsGemeente) return deny("Alleen de gemeente van dit team kan een geaccepteerde zelfscan heropenen.");
  if (response.status !== "submitted" || !response.accepted_at)
    return deny("Deze zelfscan is niet (meer) geaccepteerd; heropenen kan alleen een geaccepteerde zelfscan.", 409);
  return allow;
}

/** Whether a response is a region's round-table record (not a team's or a municipality's zelfscan). */
export const isRoundTableRecord = isRoundTable;

/** Changing a response: refused with the reason when the user may only read it. */
export function responseChange(access: ResponseAccess): Decision {
  if (access.canEdit) return allow;
  return deny(access.lockedReason ?? "U kunt deze vragenlijst bekijken, maar niet wijzigen.");
}

/** The region pages that steer the routekaart (phases, findings, results, plans): its own regio, and programma. */
export function leadsRegion(user: CurrentUser, regionId: number): boolean {
  return user.role === "programma" || (user.role === "regio" && user.regionId === regionId);
}

/** The files of the downloads route (app/routes/downloads.$file.tsx). */
export type DownloadKind = "zelfscan-antwoorden" | "zelfscan-resultaten" | "zelfscan-professionals" | "rondetafel-input";

/** What a download covers: the country, one region, one municipality (with its region), or one team (with both). */
export type DownloadScope = { regionId?: number; municipalityId?: number; teamId?: number };

/**
 * Whether the user may download this file for this scope, on the rules of the pages: the country is
 * programma's; a region's zelfscan files its regio's (and programma's), a municipality's its gemeente's
 * too, and a team's its team manager's too (its own copy). Round-table input is the region lead's (its
 * regio, programma), never a municipality's or a team's file.
 */
export function canDownload(user: CurrentUser, kind: DownloadKind, scope: DownloadScope): boolean {
  if (scope.regionId === undefined) return user.role === "programma";
  if (kind === "rondetafel-input") return scope.municipalityId === undefined && scope.teamId === undefined && leadsRegion(user, scope.regionId);
  return canView(user, { regionId: scope.regionId, municipalityId: scope.municipalityId ?? null, teamId: scope.teamId ?? null });
}

/** Work on the region's findings (bevindingen): its lead, in the analysis phase. */
export function findingsChange(user: CurrentUser, regionId: number, phase: PhaseKey): Decision {
  if (!leadsRegion(user, regionId)) return deny("Alleen de regio en het programma leggen bevindingen vast.");
  return phaseAllows("findings", phase);
}

/** The gemeente's own municipality: its plan and its review of its teams are its own work. */
export const isOwnMunicipality = (user: CurrentUser, municipalityId: number) => user.role === "gemeente" && user.municipalityId === municipalityId;

/** Who reminds whom of the zelfscan: a gemeente its own teams; a region's lead (its regio, programma) its gemeenten and teams. */
export function mayRemindZelfscan(user: CurrentUser, scope: { municipalityId: number } | { regionId: number }): boolean {
  return "municipalityId" in scope ? isOwnMunicipality(user, scope.municipalityId) : leadsRegion(user, scope.regionId);
}

export type PlanChange = "add-action" | "correct-action" | "remove-action" | "adopt" | "progress";

const AFTER_ADOPTION: Partial<Record<PlanChange, string>> = {
  "add-action": "Het verbeterplan is al vastgesteld; acties toevoegen kan niet meer.",
  "remove-action": "Het verbeterplan is vastgesteld; een actie verwijderen kan niet meer. Gaat een actie niet door, zet haar status dan op Vervallen.",
  adopt: "Het verbeterplan is al vastgesteld.",
};

/**
 * Work on a municipality's improvement plan: the gemeente itself, in the phase the routekaart gives that
 * work. Before adoption actions are added, corrected and removed; after it they are corrected (title,
 * owner, date) and their progress kept, never removed, so the adopted plan keeps every action it had.
 */
export function planChange(user: CurrentUser, municipalityId: number, change: PlanChange, state: { phase: PhaseKey; adopted: boolean }): Decision {
  if (!isOwnMunicipality(user, municipalityId)) return deny("Alleen de gemeente zelf kan haar verbeterplan wijzigen.");
  if (change === "progress" || (change === "correct-action" && state.adopted)) return phaseAllows("planProgress", state.phase);
  const inPhase = phaseAllows("planActions", state.phase);
  if (!inPhase.allowed) return inPhase;
  const refused = state.adopted ? AFTER_ADOPTION[change] : undefined;
  return refused ? deny(refused, 409) : allow;
}

const WORK_TEXT: Record<PhaseWork, string> = {
  findings: "Bevindingen vastleggen",
  planActions: "Acties toevoegen en het plan vaststellen",
  planProgress: "Voortgang bijwerken",
  teamNotes: "Een voortgangsnotitie bij een actie zetten",
};

/** Whether the region's phase is one in which this work is done, and if not, why, naming the phases. */
export function phaseAllows(work: PhaseWork, phase: PhaseKey): Decision {
  const phases = PHASE_WORK[work];
  if (phases.includes(phase)) return allow;
  const names = phases.map(phaseLabel);
  const where = names.length === 1 ? `de fase ${names[0]}` : `de fasen ${names.slice(0, -1).join(", ")} en ${names.at(-1)}`;
  return deny(`${WORK_TEXT[work]} kan in ${where}; de regio is in de fase ${phaseLabel(phase)}.`, 409);
}

/** The account managers: programma, regio and gemeente (a team manager manages nobody). */
export const managesAccounts = (user: Pick<CurrentUser, "role">) => user.role !== "teammanager" && user.role !== "veilig_thuis";

/** The roles a manager may give a new account: programma any, regio gemeenten and its Veilig Thuis, gemeente team managers. */
export function assignableRoles(manager: Pick<CurrentUser, "role">): Role[] {
  switch (manager.role) {
    case "programma":
      return ["programma", "regio", "veilig_thuis", "gemeente", "teammanager"];
    case "regio":
      return ["gemeente", "veilig_thuis"];
    case "gemeente":
      return ["teammanager"];
    case "teammanager":
    case "veilig_thuis":
      return [];
  }
}

/**
 * Who removes another person's second factor (a lost phone, decision 90): programma only, never its own (its own
 * goes on its account page, with a code), and only for an account it manages.
 */
export const mayRemoveSecondFactorOf = (manager: CurrentUser, targetUserId: number) => manager.role === "programma" && manager.id !== targetUserId;

/** Whether the configuration asks this role for a second step at sign-in (SECOND_FACTOR_ROLES). */
export const mustHaveSecondFactor = (requiredRoles: readonly Role[], role: Role) => requiredRoles.includes(role);

/** Whose accounts a user manages: programma every account, regio the gemeenten of its region, gemeente its team managers. */
export function canManageAccount(
  manager: CurrentUser,
  target: { role: Role; regionId: number | null; municipalityRegionId?: number | null; municipalityId: number | null; teamMunicipalityId?: number | null },
): boolean {
  switch (manager.role) {
    case "programma":
      return true;
    case "regio":
      return (
        (target.role === "gemeente" && target.municipalityRegionId != null && target.municipalityRegionId === manager.regionId) ||
        (target.role === "veilig_thuis" && target.regionId === manager.regionId)
      );
    case "gemeente":
      return target.role === "teammanager" && target.teamMunicipalityId != null && target.teamMunicipalityId === manager.municipalityId;
    case "teammanager":
    case "veilig_thuis":
      return false;
  }
}

/**
 * Asking the team's professionals for their view, reminding them, closing the request and writing down
 * what the conversation settled: the team's own manager, while the team is active.
 */
export function viewRequestChange(user: CurrentUser, team: { id: number; active: 0 | 1 }): Decision {
  if (user.role !== "teammanager" || user.teamId !== team.id) return deny("Alleen de teammanager van dit team vraagt de professionals om hun kijk.");
  if (team.active !== 1) return deny("Dit team is op non-actief gezet.", 409);
  return allow;
}

/**
 * A progress note on an improvement action: the manager of the team that owns it, once the plan is
 * adopted, in the phase in which plans are carried out.
 */
export function actionNoteChange(user: CurrentUser, action: { owner_team_id: number | null; adopted_at: string | null }, phase: PhaseKey): Decision {
  if (user.role !== "teammanager" || action.owner_team_id === null || user.teamId !== action.owner_team_id)
    return deny("Alleen het team dat eigenaar is van de actie kan er een voortgangsnotitie bij zetten.");
  if (!action.adopted_at) return deny("Het verbeterplan is nog niet vastgesteld.", 409);
  return phaseAllows("teamNotes", phase);
}
