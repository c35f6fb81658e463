import { z } from "./zod.ts";
import { longText } from "./fields.ts";
import { PHASE_KEYS, REASON_MAX_LENGTH, type PhaseKey, type TransitionRequest } from "../domain/phases.ts";

const phaseKey = (message: string) => z.enum(PHASE_KEYS as [PhaseKey, ...PhaseKey[]], message);

/**
 * A phase change on the region page: move on, back (with a reason), set a phase directly (programma,
 * with a reason) or start a new cycle. `expected` is the phase the page showed, so a change based on
 * an old page is refused instead of applied twice.
 */
export const phaseChangeSchema = z
  .object({
    intent: z.enum(["advance", "back", "override", "cycle"], "Onbekende handeling: er is niets gewijzigd."),
    expected: phaseKey("Het formulier mist de huidige fase. Laad de pagina opnieuw."),
    reason: longText(z.string().trim().max(REASON_MAX_LENGTH, `Gebruik voor de reden hoogstens ${REASON_MAX_LENGTH} tekens.`)).default(""),
    to: z.string().default(""),
  })
  .transform((form, ctx): { expected: PhaseKey; request: TransitionRequest } => {
    switch (form.intent) {
      case "back":
        return { expected: form.expected, request: { kind: "back", reason: form.reason } };
      case "override": {
        const to = phaseKey("Kies een van de fasen.").safeParse(form.to);
        if (!to.success) {
          ctx.addIssue({ code: "custom", path: ["to"], message: `Kies een van de fasen (${PHASE_KEYS.length}).` });
          return z.NEVER;
        }
        return { expected: form.expected, request: { kind: "override", to: to.data, reason: form.reason } };
      }
      case "cycle":
        return { expected: form.expected, request: { kind: "cycle", reason: form.reason } };
      default:
        return { expected: form.expected, request: { kind: form.intent } };
    }
  });
