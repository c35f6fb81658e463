import type { Role } from "../../db/schema.ts";

/** The roles as the UI names them. */
export const ROLE_LABEL: Record<Role, string> = {
  teammanager: "Teammanager",
  gemeente: "Gemeente",
  regio: "Regio",
  programma: "Programma",
  veilig_thuis: "Veilig Thuis",
};

export const TEAM_KINDS = ["wijkteam", "cjg", "save", "expertiseteam", "other"] as const;

/** The kinds of local team as the UI names them. */
export const TEAM_KIND_LABEL = {
  wijkteam: "Wijkteam",
  cjg: "CJG",
  save: "SAVE-team",
  expertiseteam: "Expertiseteam",
  other: "Ander lokaal team",
} as const;
