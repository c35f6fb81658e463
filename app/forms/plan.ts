import { z } from "./zod.ts";
import { ACTION_STATUSES } from "../domain/plan.ts";
import { idField, optionalIdField, lineText, longText, dateField } from "./fields.ts";

export const PAST_DUE_MESSAGE = "Kies een datum vanaf vandaag: een actie met een datum in het verleden staat meteen op Te laat.";

/**
 * An action of an improvement plan, new or corrected; themes are those of the kwaliteitskader (A to I). Its
 * date may not lie before today, unless a correction leaves a date that was already set as it is.
 */
export function actionSchema(themes: string[], dates: { today: string; keepDue?: string }) {
  return z
    .object({
      theme: z.string("Kies een thema.").refine((t) => themes.includes(t), "Kies een thema uit het kwaliteitskader."),
      point: optionalIdField("Kies een verbeterpunt uit de lijst."),
      title: lineText(z.string("Beschrijf de actie.").trim().min(3, "Beschrijf de actie in ten minste 3 tekens.").max(300, "Gebruik hoogstens 300 tekens.")),
      ownerTeam: optionalIdField("Kies een team uit de lijst."),
      ownerName: lineText(z.string().trim().max(120, "Gebruik hoogstens 120 tekens.")).default(""),
      due: dateField("Vul een datum in."),
      status: z.enum(ACTION_STATUSES, "Kies een status uit de lijst."),
    })
    .refine((a) => a.ownerTeam !== null || a.ownerName !== "", { path: ["ownerName"], message: "Kies een team of vul de naam van de eigenaar in." })
    .refine((a) => a.due >= dates.today || a.due === dates.keepDue, { path: ["due"], message: PAST_DUE_MESSAGE });
}

export const progressSchema = z.object({
  action: idField("Onbekende actie."),
  status: z.enum(ACTION_STATUSES, "Kies een status uit de lijst."),
  note: longText(z.string().trim().max(2000, "Gebruik hoogstens 2000 tekens.")).default(""),
});

/** A team's progress note on an action it owns (added, never edited: a log of progress). */
export const actionNoteSchema = z.object({
  action: idField("Onbekende actie: er is niets opgeslagen."),
  note: longText(z.string("Schrijf een notitie.").trim().min(3, "Schrijf een notitie van ten minste 3 tekens.").max(2000, "Gebruik hoogstens 2000 tekens.")),
});
