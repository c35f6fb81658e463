import { z } from "./zod.ts";
import { idField, optionalIdField, lineText } from "./fields.ts";

export const ROLES = ["programma", "regio", "veilig_thuis", "gemeente", "teammanager"] as const;

export const newAccountSchema = z.object({
  name: lineText(z.string("Vul een naam in.").trim().min(2, "Vul een naam in van ten minste 2 tekens.").max(120, "Gebruik hoogstens 120 tekens.")),
  email: z.string("Vul een e-mailadres in.").trim().max(254, "Dit e-mailadres is te lang.").email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
  role: z.enum(ROLES, "Kies een rol uit de lijst."),
  scope: optionalIdField("Kies een regio, gemeente of team uit de lijst."),
});

/** Disabling, enabling or a new link, for one account in the list. */
export const accountActionSchema = z.object({
  intent: z.enum(["disable", "enable", "reinvite"]),
  account: idField("Onbekend account: er is niets gewijzigd."),
});

/** An invitation link works once, for this many days. */
export const INVITATION_DAYS = 7;
