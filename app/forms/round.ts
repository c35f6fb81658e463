import { z } from "zod";

const isDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

export const roundSchema = z
  .object({
    name: z.string("Geef de ronde een naam.").trim().min(3, "Geef de ronde een naam van ten minste 3 tekens, zoals Zelfscan 2027.").max(100, "Gebruik hoogstens 100 tekens."),
    opensOn: z.string("Vul een datum in.").refine(isDate, "Vul een geldige datum in, zoals 2027-01-15."),
    closesOn: z.string("Vul een datum in.").refine(isDate, "Vul een geldige datum in, zoals 2027-06-30."),
  })
  .refine((r) => !isDate(r.opensOn) || !isDate(r.closesOn) || r.closesOn >= r.opensOn, { path: ["closesOn"], message: "De einddatum ligt op of na de begindatum." });
