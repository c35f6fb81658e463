import { z } from "./zod.ts";
import { lineText } from "./fields.ts";

const oneLine = (message: string, max: number) => lineText(z.string(message).trim().min(1, message).max(max, `Gebruik hoogstens ${max} tekens.`));

/** Registering an organisation's OpenID Provider (decision 91). */
export const identityProviderSchema = z
  .object({
    name: oneLine("Vul een naam in, zoals ‘Gemeente Zaanstad’.", 100),
    issuer: z
      .string("Vul het adres van de uitgever in.")
      .trim()
      .min(1, "Vul het adres van de uitgever in.")
      .max(300, "Dit adres is te lang.")
      .refine((v) => {
        try {
          const url = new URL(v);
          return url.protocol === "https:" || /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
        } catch {
          return false;
        }
      }, "Vul het adres van de uitgever in als https://…, zoals https://login.microsoftonline.com/<tenant>/v2.0."),
    clientId: oneLine("Vul de client-id in die de provider gaf.", 200),
    secret: lineText(z.string().max(500, "Dit geheim is te lang.")).optional().default(""),
    secretName: z
      .string()
      .trim()
      .regex(/^([A-Z0-9_]{1,50})?$/, "Alleen hoofdletters, cijfers en _, zoals ZAANSTAD (voor OIDC_SECRET_ZAANSTAD).")
      .optional()
      .default(""),
    organisation: z.string("Kies voor wie de provider is.").regex(/^(programma|regio:\d+|gemeente:\d+)$/, "Kies voor wie de provider is."),
    domains: z
      .string("Vul ten minste één domein in.")
      .max(1000, "Te veel domeinen.")
      .transform((v) => [
        ...new Set(
          v
            .toLowerCase()
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map((d) => d.replace(/^@/, "")),
        ),
      ])
      .refine((list) => list.length > 0, "Vul ten minste één domein in, zoals zaanstad.nl.")
      .refine((list) => list.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)), "Vul domeinen in zoals zaanstad.nl, gescheiden door komma's."),
    passwordAllowed: z.literal("ja").optional(),
  })
  .refine((v) => !(v.secret && v.secretName), { path: ["secretName"], message: "Kies óf een geheim om op te slaan, óf de naam van een ingesteld geheim." });
