import type { Role } from "../db/schema.ts";

/** The roles as the UI names them. */
export const ROLE_LABEL: Record<Role, string> = {
  teammanager: "Teammanager",
  gemeente: "Gemeente",
  regio: "Regio",
  programma: "Programma",
};
