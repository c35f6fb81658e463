import { z } from "./zod.ts";
import { lineText, dateField } from "./fields.ts";
import { isIsoDate } from "./dates.ts";

/** Days before a round closes on which the automatic reminder goes; 0 switches it off. */
export const REMINDER_DAYS_MAX = 90;
export const reminderDaysField = z
  .string()
  .trim()
  .default("7")
  .refine(
    (v) => /^\d{1,3}$/.test(v) && Number(v) <= REMINDER_DAYS_MAX,
    `Vul een heel aantal dagen in, van 0 (geen herinnering) tot en met ${REMINDER_DAYS_MAX}.`,
  )
  .transform(Number);

export const roundSchema = z
  .object({
    name: lineText(
      z
        .string("Geef de ronde een naam.")
        .trim()
        .min(3, "Geef de ronde een naam van ten minste 3 tekens, zoals Zelfscan 2027.")
        .max(100, "Gebruik hoogstens 100 tekens."),
    ),
    opensOn: dateField("Vul een datum in."),
    closesOn: dateField("Vul een datum in."),
    reminderDays: reminderDaysField,
  })
  .refine((r) => !isIsoDate(r.opensOn) || !isIsoDate(r.closesOn) || r.closesOn >= r.opensOn, {
    path: ["closesOn"],
    message: "De einddatum ligt op of na de begindatum.",
  });

/** Changing an existing round's automatic reminder. */
export const reminderDaysSchema = z.object({
  round: z
    .string()
    .regex(/^\d{1,9}$/, "Onbekende ronde.")
    .transform(Number),
  reminderDays: reminderDaysField,
});
