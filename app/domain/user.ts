import type { Role } from "../../db/schema.ts";

/** The signed-in user as the rules see them: one role and one scope. */
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

/** Where each role lands after logging in. */
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
    case "veilig_thuis":
      return `/veilig-thuis/${user.regionId}`;
  }
}
