import { z } from "./zod.ts";

export const changePasswordSchema = z
  .object({
    current: z.string("Vul uw huidige wachtwoord in.").min(1, "Vul uw huidige wachtwoord in.").max(1000, "Dit wachtwoord is te lang."),
    next: z
      .string("Kies een nieuw wachtwoord.")
      .min(12, "Kies een wachtwoord van ten minste 12 tekens.")
      .max(200, "Kies een wachtwoord van hoogstens 200 tekens."),
    repeat: z.string("Herhaal het nieuwe wachtwoord.").min(1, "Herhaal het nieuwe wachtwoord."),
  })
  .refine((v) => v.next === v.repeat, { path: ["repeat"], message: "De twee nieuwe wachtwoorden zijn niet gelijk." });
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

/** Choosing a password with a link (an invitation or a reset): the policy's checks follow in the action. */
export const newPasswordSchema = z
  .object({
    password: z
      .string("Kies een nieuw wachtwoord.")
      .min(12, "Kies een wachtwoord van ten minste 12 tekens.")
      .max(200, "Kies een wachtwoord van hoogstens 200 tekens."),
    repeat: z.string("Herhaal het nieuwe wachtwoord.").min(1, "Herhaal het nieuwe wachtwoord."),
  })
  .refine((v) => v.password === v.repeat, { path: ["repeat"], message: "De twee wachtwoorden zijn niet gelijk." });

/** A password reset link works once, for this many minutes. */
export const RESET_VALID_MINUTES = 60;

export const forgotPasswordSchema = z.object({
  email: z
    .string("Vul uw e-mailadres in.")
    .trim()
    .min(1, "Vul uw e-mailadres in.")
    .max(254, "Dit e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
});
