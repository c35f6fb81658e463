import type { CurrentUser } from "./user.ts";

/**
 * The small-group rule (decision 80), the one place that decides whether a group's figures may be shown.
 *
 * A group is the submitted team scans of a round in a gemeente, a region or the country. Its total is
 * shown to a reader when the teams in it whose answers the reader may NOT read number either none (the
 * reader may open each of them anyway: a gemeente its own teams, a regio its region's, programma all) or
 * at least SMALL_GROUP_MIN. Between the two, the total and what the reader knows would give away the
 * answers of one or two teams, so it is left out, and the page says why.
 *
 * What travels beyond its reader (the national dashboard, its print and download, anything published)
 * is read by "anyone", who reads no team (readable: 0), so a group needs SMALL_GROUP_MIN submitted teams.
 */
export const SMALL_GROUP_MIN = 3;

/** Which teams' answers a reader may read: all, none, or those of one team, gemeente or region. */
export type Reader = { reads: "all" } | { reads: "none" } | { reads: "scope"; teamId?: number; municipalityId?: number; regionId?: number };

/** Whose teams a signed-in user may read (the policy's canView, as a scope of teams). */
export function readerOf(user: CurrentUser): Reader {
  switch (user.role) {
    case "programma":
      return { reads: "all" };
    case "regio":
      return { reads: "scope", regionId: user.regionId! };
    case "gemeente":
      return { reads: "scope", municipalityId: user.municipalityId! };
    case "teammanager":
      return { reads: "scope", teamId: user.teamId! };
    case "veilig_thuis":
      return { reads: "none" };
  }
}

export interface GroupDecision {
  shown: boolean;
  /** True when the rule leaves out figures there are (false when shown, or when no team submitted). */
  withheld: boolean;
  /** Why the figures are missing, in words for the page (null when shown). */
  reason: string | null;
  /** Said beside figures that are shown although the group is small (the reader may read each team in it). */
  note: string | null;
}

/**
 * The rule itself: a group of `submitted` teams, of which `readable` are teams the reader may read.
 */
export function smallGroupDecision(group: { submitted: number; readable: number }): GroupDecision {
  if (group.submitted === 0) return { shown: false, withheld: false, reason: "nog geen ingediende teams", note: null };
  const unreadable = group.submitted - group.readable;
  if (unreadable === 0) {
    return {
      shown: true,
      withheld: false,
      reason: null,
      note:
        group.submitted === 1
          ? "uit 1 team, dat u zelf kunt inzien"
          : group.submitted < SMALL_GROUP_MIN
            ? `uit ${group.submitted} teams, die u elk kunt inzien`
            : null,
    };
  }
  if (unreadable >= SMALL_GROUP_MIN) return { shown: true, withheld: false, reason: null, note: null };
  return {
    shown: false,
    withheld: true,
    reason:
      group.readable > 0
        ? `niet getoond: minder dan ${SMALL_GROUP_MIN} andere ingediende teams, dus de antwoorden van een ander team zouden eruit af te leiden zijn`
        : `niet getoond: minder dan ${SMALL_GROUP_MIN} ingediende teams, dus de antwoorden van één team zouden eruit af te leiden zijn`,
    note: null,
  };
}

/** The teams in both scopes (each an AND of its fields), or null when they cannot overlap. */
export function intersectScopes<S extends { teamId?: number; municipalityId?: number; regionId?: number }>(a: S, b: S): S | null {
  const merged = { ...a } as S;
  for (const field of ["teamId", "municipalityId", "regionId"] as const) {
    const [x, y] = [a[field], b[field]];
    if (x !== undefined && y !== undefined && x !== y) return null;
    if (y !== undefined) merged[field] = y;
  }
  return merged;
}
