import { z } from "./zod.ts";
import { lineText } from "./fields.ts";

/** A passkey ceremony's post: the options first, then the browser's answer (JSON, as a form field). */
export const passkeyPostSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("opties") }),
  z.object({
    intent: z.literal("antwoord"),
    response: z
      .string()
      .max(20_000)
      .transform((v, ctx) => {
        try {
          const parsed: unknown = JSON.parse(v);
          if (parsed && typeof parsed === "object" && typeof (parsed as { id?: unknown }).id === "string")
            return parsed as Record<string, unknown> & { id: string };
        } catch {
          // handled below
        }
        ctx.addIssue({ code: "custom", message: "Het antwoord van de passkey kon niet worden gelezen." });
        return z.NEVER;
      }),
    name: lineText(z.string().trim().max(60, "Gebruik hoogstens 60 tekens.")).optional(),
  }),
]);
