import { z } from "zod";
import { isIsoDate } from "./dates.ts";
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
    opensOn: z.string("Vul een datum in.").refine(isIsoDate, "Vul een geldige datum in, zoals 2027-01-15."),
    closesOn: z.string("Vul een datum in.").refine(isIsoDate, "Vul een geldige datum in, zoals 2027-06-30."),
  })
  .refine((r) => !isIsoDate(r.opensOn) || !isIsoDate(r.closesOn) || r.closesOn >= r.opensOn, {
    path: ["closesOn"],
    message: "De einddatum ligt op of na de begindatum.",
  });
