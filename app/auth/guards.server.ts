import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Role, UserAccount } from "../../db/schema.ts";
import { getMunicipality, getRegion, getTeam } from "../models/organisation.server.ts";
import { getResponse } from "../models/response.server.ts";
import {
  canDownload,
  canSeeVeiligThuisRegion,
  canView,
  leadsRegion,
  managesAccounts,
  responseAccess,
  responseChange,
  type Decision,
  type DownloadKind,
} from "../domain/policy.ts";
import type { CurrentUser } from "../domain/user.ts";
import { notFound, parseId } from "../http/http.server.ts";
import { keepPostedInput } from "./kept-input.server.ts";
import { clearSessionCookie, lookupSession } from "./session.server.ts";

/**
 * The guards: every loader and action calls one first. A guard finds the signed-in user (or sends
 * them to the login page), loads the record the URL names and asks the policy (app/domain/policy.ts)
 * whether the user may see it; a record outside their scope answers 404, exactly like one that does
 * not exist.
 */

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
    if (request.method === "POST" && options.keepPostedInput) await keepPostedInput(context, request, session.userId, url.pathname);
  }
  throw redirect(`/login?${params}`, { headers });
}

/** For pages anyone may see (the login page, the layout's header): the user if signed in, else null. */
export async function optionalUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const session = await lookupSession(context, request);
  if (session.state !== "active") return null;
  if (context.requestInfo) context.requestInfo.accountId = session.user.id;
  return toCurrentUser(session.user);
}

/** The user, if their role is one of these; a signed-in user of another role gets a 404. */
export async function requireRole(request: Request, context: AppLoadContext, roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!roles.includes(user.role)) notFound();
  return user;
}

/** Account management is for programma, regio and gemeente; a team manager gets a 404. */
export async function requireAccountManager(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!managesAccounts(user)) notFound();
  return user;
}

/** Veilig Thuis's own region (its start page); anyone else gets a 404. */
export async function requireVeiligThuisRegion(context: AppLoadContext, user: CurrentUser, regionParam: string | undefined) {
  const region = await getRegion(context.db, parseId(regionParam));
  if (!region || !canSeeVeiligThuisRegion(user, region.id)) notFound();
  return region;
}

/** A region the user steers: its own regio, or programma. Anyone else gets a 404. */
export async function requireRegionLead(context: AppLoadContext, user: CurrentUser, regionParam: string | undefined) {
  const region = await getRegion(context.db, parseId(regionParam));
  if (!region || !leadsRegion(user, region.id)) notFound();
  return region;
}

export async function requireMunicipalityAccess(context: AppLoadContext, user: CurrentUser, municipalityParam: string | undefined) {
  const municipality = await getMunicipality(context.db, parseId(municipalityParam));
  if (!municipality || !canView(user, { regionId: municipality.region_id, municipalityId: municipality.id })) notFound();
  return municipality;
}

export async function requireTeamAccess(context: AppLoadContext, user: CurrentUser, teamParam: string | undefined) {
  const team = await getTeam(context.db, parseId(teamParam));
  if (!team || !canView(user, { regionId: team.region_id, municipalityId: team.municipality_id, teamId: team.id })) notFound();
  return team;
}

/**
 * A response the user may see ("view") or change ("edit"), with what the policy says they may do
 * with it. Someone who may see it but not change it gets a 403 on "edit", with the reason: they know
 * it exists, they just cannot change it.
 */
export async function requireResponseAccess(context: AppLoadContext, user: CurrentUser, responseParam: string | undefined, access: "view" | "edit") {
  const response = await getResponse(context.db, parseId(responseParam));
  if (!response || response.region_id == null) notFound();
  const may = responseAccess(user, { ...response, region_id: response.region_id });
  if (!may) notFound();
  if (access === "edit") {
    const change = responseChange(may);
    if (!change.allowed) throw new Response(change.reason, { status: change.status });
  }
  return { response, ...may };
}

/**
 * The one mapping of a policy decision to what an action answers, for actions with a form: null when it is
 * allowed; a refusal of the user (403: they may not, whatever they post) is thrown as the page's error; a
 * refusal of the moment (409: the record's state forbids it now) is returned, as the reason the action shows
 * above its form with status 409.
 */
export function refusalOf(decision: Decision): string | null {
  if (decision.allowed) return null;
  if (decision.status === 403) throw new Response(decision.reason, { status: 403 });
  return decision.reason;
}

/**
 * The scope a download asks for (?gemeente=ID, ?regio=ID, or nothing: the country), if the policy lets the
 * user download that file for it; anything else is a 404, as on the pages.
 */
export async function requireDownloadScope(context: AppLoadContext, user: CurrentUser, kind: DownloadKind, url: URL) {
  const municipalityParam = url.searchParams.get("gemeente");
  const regionParam = url.searchParams.get("regio");
  const teamParam = url.searchParams.get("team");
  if (teamParam !== null) {
    const t = await getTeam(context.db, parseId(teamParam));
    if (!t || !canDownload(user, kind, { regionId: t.region_id, municipalityId: t.municipality_id, teamId: t.id })) notFound();
    return {
      scope: {
        teamId: t.id,
        municipalityId: t.municipality_id,
        regionId: t.region_id,
        teamName: t.name,
        municipalityName: t.municipality_name,
        regionName: t.region_name,
      },
      label: t.name,
    };
  }
  if (municipalityParam !== null) {
    const m = await getMunicipality(context.db, parseId(municipalityParam));
    if (!m || !canDownload(user, kind, { regionId: m.region_id, municipalityId: m.id })) notFound();
    return { scope: { municipalityId: m.id, regionId: m.region_id, regionName: m.region_name, municipalityName: m.name }, label: m.name };
  }
  if (regionParam !== null) {
    const r = await getRegion(context.db, parseId(regionParam));
    if (!r || !canDownload(user, kind, { regionId: r.id })) notFound();
    return { scope: { regionId: r.id, regionName: r.name }, label: r.name };
  }
  if (!canDownload(user, kind, {})) notFound();
  return { scope: {}, label: "nederland" };
}

/** Throws the policy's refusal as the response the browser gets (403 or 409, with the reason). */
export function requireAllowed(decision: Decision): void {
  if (!decision.allowed) throw new Response(decision.reason, { status: decision.status });
}
