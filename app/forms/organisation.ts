import { z } from "./zod.ts";
import { TEAM_KINDS } from "../domain/roles.ts";
import { idField, lineText } from "./fields.ts";

/** The columns of a teams-and-managers import file. */
export const IMPORT_COLUMNS = ["gemeente_code", "team", "soort", "teammanager_email", "teammanager_naam"] as const;

const teamName = lineText(
  z
    .string("Vul een teamnaam in van 2 tot 120 tekens.")
    .trim()
    .min(2, "Vul een teamnaam in van 2 tot 120 tekens.")
    .max(120, "Vul een teamnaam in van 2 tot 120 tekens."),
);
const team = idField("Onbekend team: er is niets gewijzigd.");

/** What programma does to a team on the organisation page. */
export const teamChangeSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      municipality: idField("Kies een gemeente uit de lijst."),
      name: teamName,
      kind: z.enum(TEAM_KINDS, "Kies een soort team uit de lijst."),
    }),
    z.object({ intent: z.literal("rename"), team, name: teamName }),
    // The gemeente by name (typed or picked from the list of all gemeenten) or by id; the route finds it.
    z.object({
      intent: z.literal("move"),
      team,
      municipality: lineText(z.string("Kies de gemeente waar het team heen gaat.").trim().min(1, "Kies de gemeente waar het team heen gaat.").max(120)),
    }),
    z.object({ intent: z.literal("deactivate"), team }),
    z.object({ intent: z.literal("activate"), team }),
  ],
  "Onbekende handeling: er is niets gewijzigd.",
);
