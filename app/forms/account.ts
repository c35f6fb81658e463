import { z } from "zod";

export const changePasswordSchema = z
  .object({
    current: z.string("Vul uw huidige wachtwoord in.").min(1, "Vul uw huidige wachtwoord in.").max(1000, "Dit wachtwoord is te lang."),
    next: z.string("Kies een nieuw wachtwoord.").min(12, "Kies een wachtwoord van ten minste 12 tekens.").max(200, "Kies een wachtwoord van hoogstens 200 tekens."),
    repeat: z.string("Herhaal het nieuwe wachtwoord.").min(1, "Herhaal het nieuwe wachtwoord."),
  })
  .refine((v) => v.next === v.repeat, { path: ["repeat"], message: "De twee nieuwe wachtwoorden zijn niet gelijk." });
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;
