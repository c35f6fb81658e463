import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { z } from "zod";
import { domainOf } from "../domain/sign-in.ts";

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

/** The same address field alone: for an address whose organisation signs in with its own provider (decision 91). */
const emailOnlySchema = loginSchema.pick({ email: true });

/** In the browser: an address of an organisation with its own provider needs no password (unless that organisation allows one). */
export function loginResolver(organisationDomains: { domain: string; passwordAllowed: boolean }[]): Resolver<LoginValues> {
  return (values, context, options) => {
    const organisation = organisationDomains.find((d) => d.domain === domainOf(values.email));
    const schema = organisation && !(organisation.passwordAllowed && values.password) ? emailOnlySchema : loginSchema;
    return zodResolver(schema)(values, context, options as never) as ReturnType<Resolver<LoginValues>>;
  };
}
