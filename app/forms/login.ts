import { z } from "./zod.ts";

// The login form's schema, checked in the action only (decision 93); an address whose organisation signs in
// with its own provider is sent there before it (decision 91).
export const loginSchema = z.object({
  email: z
    .string("Vul uw e-mailadres in.")
    .trim()
    .min(1, "Vul uw e-mailadres in.")
    .max(254, "Dit e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
  password: z.string("Vul uw wachtwoord in.").min(1, "Vul uw wachtwoord in.").max(1000, "Dit wachtwoord is te lang."),
});
export type LoginValues = z.infer<typeof loginSchema>;
