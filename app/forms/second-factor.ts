import { z } from "./zod.ts";

/** The code at the second step, or when setting an app up: six digits from the app, or a recovery code. */
export const secondFactorCodeSchema = z.object({
  code: z.string("Vul de code in.").trim().min(1, "Vul de code in.").max(40, "Deze code is te lang."),
});

/** On /account/tweede-stap: the code, and what it is for (none while setting the app up). */
export const secondFactorSettingsSchema = secondFactorCodeSchema.extend({
  intent: z.enum(["herstelcodes", "verwijderen"]).optional(),
});
