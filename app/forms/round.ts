import { z } from "zod";
import { dateField, isIsoDate } from "./dates.ts";
import { lineText } from "../domain/text.ts";

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
  })
  .refine((r) => !isIsoDate(r.opensOn) || !isIsoDate(r.closesOn) || r.closesOn >= r.opensOn, {
    path: ["closesOn"],
    message: "De einddatum ligt op of na de begindatum.",
  });
