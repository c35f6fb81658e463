import { z } from "./zod.ts";
import { optionalIdField, dateField } from "./fields.ts";

const YEAR_MESSAGE = "Vul het jaar van het gesprek in, dit jaar of later, zoals 2027.";

/**
 * Asking the teams and gemeenten for input before the round-table talk of a year: for every region (no
 * region chosen) or for one, with the last day they can answer. `thisYear` is the year today (a talk
 * already past asks no input).
 */
export function inputRequestSchema(thisYear: number) {
  return z.object({
    year: z
      .string(YEAR_MESSAGE)
      .trim()
      .regex(/^\d{4}$/, YEAR_MESSAGE)
      .transform(Number)
      .refine((y) => y >= thisYear && y <= thisYear + 5, YEAR_MESSAGE),
    region: optionalIdField("Kies een regio uit de lijst, of alle regio's."),
    deadline: dateField("Vul een uiterste datum in."),
  });
}
