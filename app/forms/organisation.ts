/** The columns of a teams-and-managers import file. */
export const IMPORT_COLUMNS = ["gemeente_code", "team", "soort", "teammanager_email", "teammanager_naam"] as const;
