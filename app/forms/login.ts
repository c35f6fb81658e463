import { z } from "zod";

// The login form's one schema: zodResolver in the browser, safeParse in the action.
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
