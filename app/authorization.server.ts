import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Role, UserAccount } from "../db/schema.ts";
import { keepPendingSave, type PostedFields } from "./models/pending-save.server.ts";
import { getMunicipality, getRegion, getTeam } from "./models/organisation.server.ts";
import { getResponse } from "./models/response.server.ts";
import { clearSessionCookie, lookupSession } from "./session.server.ts";

/**
 * The one place where access is decided. Every loader and action calls one of the require* guards
 * first. A record outside the user's scope answers 404, exactly like a record that does not exist,
 * so its existence is not revealed.
 */

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  regionId: number | null;
  municipalityId: number | null;
  teamId: number | null;
}

/** Where a record sits in the hierarchy: nation > region > municipality > team. */
export interface Scope {
  regionId: number;
  municipalityId?: number | null;
  teamId?: number | null;
}

export { ROLE_LABEL } from "./roles.ts";

function toCurrentUser(user: UserAccount): CurrentUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    regionId: user.region_id,
    municipalityId: user.municipality_id,
    teamId: user.team_id,
  };
}

export function notFound(): never {
  throw new Response("Niet gevonden", { status: 404 });
}

/** A positive integer id from a route parameter; anything else is a 404, never a 500. */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) notFound();
  return Number(value);
}

/**
 * Only a plain local path: "/" followed by the characters a URL path and query may hold unescaped
 * (ASCII letters, digits, - . _ ~ ! $ & ' ( ) * + , ; = : @ % / ?). No scheme, no host, no "//" or
 * "/\\" trick, no control or non-ASCII character (a redirect header cannot carry those). Anything else
 * is ignored.
 */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000 || !LOCAL_PATH.test(value)) return fallback;
  return value;
}

export function startPathFor(user: Pick<CurrentUser, "role" | "regionId" | "municipalityId" | "teamId">): string {
  switch (user.role) {
    case "teammanager":
      return `/teams/${user.teamId}`;
    case "gemeente":
      return `/gemeenten/${user.municipalityId}`;
    case "regio":
      return `/regios/${user.regionId}`;
    case "programma":
      return "/programma";
  }
}

/** Field names that may carry a secret: never kept, whatever page they came from. */
const SECRET_FIELD = /pass|wachtwoord|token|secret|current|next|repeat/i;

async function keepPostedFields(context: AppLoadContext, request: Request, userId: number, path: string) {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return;
  try {
    const form = await request.formData();
    const fields: PostedFields = [];
    for (const [name, value] of form) if (typeof value === "string" && !SECRET_FIELD.test(name)) fields.push([name, value]);
    if (fields.length) await keepPendingSave(context.db, userId, path, fields);
  } catch {
    // An unreadable body has nothing to keep; the user still goes to the login page.
  }
}

export interface RequireUserOptions {
  /**
   * Set by the actions whose page restores what was posted after an expired session (the
   * questionnaire's section forms). Every other form's input is not kept: what is kept is only what
   * the page it came from can restore, and never a password or token.
   */
  keepPostedInput?: boolean;
}

/**
 * The signed-in user, or a redirect to the login page that brings them back here afterwards. When a
 * section form is posted after the session expired, its fields are kept for the user, so that after
 * logging in again the page shows what they entered.
 */
export async function requireUser(request: Request, context: AppLoadContext, options: RequireUserOptions = {}): Promise<CurrentUser> {
  const session = await lookupSession(context, request);
  if (session.state === "active") {
    if (context.requestInfo) context.requestInfo.accountId = session.user.id;
    return toCurrentUser(session.user);
  }
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  const headers = new Headers();
  if (session.state === "expired") {
    params.set("verlopen", "1");
    headers.append("Set-Cookie", clearSessionCookie(context));
    if (request.method === "POST" && options.keepPostedInput) await keepPostedFields(context, request, session.userId, url.pathname);
  }
  throw redirect(`/login?${params}`, { headers });
}

/** The user, if their role is one of these; a signed-in user of another role gets a 404. */
export async function requireRole(request: Request, context: AppLoadContext, roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!roles.includes(user.role)) notFound();
  return user;
}

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
  }
}

/**
 * Whether the user fills in a questionnaire about this subject: a team manager their team's part,
 * a gemeente its municipal part. Regio and programma read the zelfscan; they do not fill it in.
 */
export function canFillIn(user: CurrentUser, subject: { teamId: number | null; municipalityId: number | null; regionId: number | null }): boolean {
  if (subject.teamId != null) return user.role === "teammanager" && user.teamId === subject.teamId;
  if (subject.municipalityId != null) return user.role === "gemeente" && user.municipalityId === subject.municipalityId;
  // The round table: programma records it; the region's own lead may prepare a draft.
  if (subject.regionId != null) return user.role === "programma" || (user.role === "regio" && user.regionId === subject.regionId);
  return false;
}

/** Only programma submits (and reopens) the record of a round-table talk. */
export function canSubmit(user: CurrentUser, response: { team_id: number | null; municipality_id: number | null }): boolean {
  const regionResponse = response.team_id == null && response.municipality_id == null;
  return !regionResponse || user.role === "programma";
}

export async function requireRegionAccess(context: AppLoadContext, user: CurrentUser, regionParam: string | undefined) {
  const region = await getRegion(context.db, parseId(regionParam));
  if (!region || !canView(user, { regionId: region.id })) notFound();
  return region;
}

export async function requireMunicipalityAccess(context: AppLoadContext, user: CurrentUser, municipalityParam: string | undefined) {
  const municipality = await getMunicipality(context.db, parseId(municipalityParam));
  if (!municipality || !canView(user, { regionId: municipality.region_id, municipalityId: municipality.id })) notFound();
  return municipality;
}

export async function requireTeamAccess(context: AppLoadContext, user: CurrentUser, teamParam: string | undefined) {
  const team = await getTeam(context.db, parseId(teamParam));
  if (
    !team ||
    !canView(user, { regionId: team.region_id, municipalityId: team.municipality_id, teamId: team.id })
  ) {
    notFound();
  }
  return team;
}

/** Why someone who fills in a response cannot change it now, in words for the page; null when they can. */
export const DEACTIVATED_TEAM_MESSAGE =
  "Dit team is op non-actief gezet. De zelfscan blijft bewaard en is te lezen, maar kan niet meer worden gewijzigd of ingediend. Klopt dat niet? Neem contact op met uw gemeente.";

export function editBlockedReason(response: { team_id: number | null; team_active: 0 | 1 | null }): string | null {
  return response.team_id != null && response.team_active !== 1 ? DEACTIVATED_TEAM_MESSAGE : null;
}

/**
 * A response the user may see ("view") or change ("edit"). fillsIn: the user is the one who fills it in
 * (and so reads its draft answers); canEdit: they may also change it now (not when their team is
 * deactivated). Someone who may see it but not change it gets a 403 on "edit": they know it exists,
 * they just cannot change it.
 */
export async function requireResponseAccess(
  context: AppLoadContext,
  user: CurrentUser,
  responseParam: string | undefined,
  access: "view" | "edit",
) {
  const response = await getResponse(context.db, parseId(responseParam));
  if (!response || response.region_id == null) notFound();
  const scope: Scope = {
    regionId: response.region_id,
    // A team's response is in its municipality's scope too: the gemeente reviews its teams.
    municipalityId: response.municipality_id,
    teamId: response.team_id,
  };
  const regionResponse = response.team_id == null && response.municipality_id == null;
  const subject = {
    teamId: response.team_id,
    municipalityId: response.team_id ? null : response.municipality_id,
    regionId: regionResponse ? response.region_id : null,
  };
  const fillsIn = canFillIn(user, subject);
  // A region's round table is for programma and that region's lead only, not for its gemeenten or teams.
  if (regionResponse && !fillsIn) notFound();
  if (!fillsIn && !canView(user, scope)) notFound();
  const lockedReason = fillsIn ? editBlockedReason(response) : null;
  const canEdit = fillsIn && lockedReason === null;
  if (access === "edit" && !canEdit) throw new Response(lockedReason ?? "U kunt deze vragenlijst bekijken, maar niet wijzigen.", { status: 403 });
  return { response, fillsIn, canEdit, lockedReason };
}

/** For pages anyone may see (the login page, the layout's header): the user if signed in, else null. */
export async function optionalUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const session = await lookupSession(context, request);
  if (session.state !== "active") return null;
  if (context.requestInfo) context.requestInfo.accountId = session.user.id;
  return toCurrentUser(session.user);
}

/** A region the user steers: its own regio, or programma. Anyone else gets a 404. */
export async function requireRegionLead(context: AppLoadContext, user: CurrentUser, regionParam: string | undefined) {
  if (user.role !== "regio" && user.role !== "programma") notFound();
  return requireRegionAccess(context, user, regionParam);
}

/** A municipality whose own work (plan, review of its teams) the user does: its gemeente only. */
export async function requireOwnMunicipality(context: AppLoadContext, user: CurrentUser, municipalityParam: string | undefined) {
  const municipality = await requireMunicipalityAccess(context, user, municipalityParam);
  if (user.role !== "gemeente") throw new Response("Alleen de gemeente zelf kan dit wijzigen.", { status: 403 });
  return municipality;
}

/** Whether the user reviews (accepts or returns) this team response: the gemeente of the team. */
export function canReview(user: CurrentUser, response: { team_id: number | null; municipality_id: number | null }): boolean {
  return response.team_id != null && user.role === "gemeente" && user.municipalityId === response.municipality_id;
}

/** Whose accounts a user manages: programma every account, regio the gemeenten of its region, gemeente its team managers. */
export function canManageAccount(
  manager: CurrentUser,
  target: { role: Role; regionId: number | null; municipalityRegionId?: number | null; municipalityId: number | null; teamMunicipalityId?: number | null },
): boolean {
  switch (manager.role) {
    case "programma":
      return true;
    case "regio":
      return target.role === "gemeente" && target.municipalityRegionId != null && target.municipalityRegionId === manager.regionId;
    case "gemeente":
      return target.role === "teammanager" && target.teamMunicipalityId != null && target.teamMunicipalityId === manager.municipalityId;
    case "teammanager":
      return false;
  }
}

/** Account management is for programma, regio and gemeente; a team manager gets a 404. */
export async function requireAccountManager(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  return requireRole(request, context, ["programma", "regio", "gemeente"]);
}
