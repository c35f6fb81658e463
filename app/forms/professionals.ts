import { z } from "./zod.ts";

/** At most this many addresses in one go (and MAX_INVITATIONS per team and round). */
export const MAX_ADDRESSES_AT_ONCE = 300;

const address = z.email();

/**
 * The addresses a team manager pastes or types: one per line (commas, semicolons and spaces also
 * separate them), in any case; each must be an address. Duplicates count once.
 */
export const inviteSchema = z.object({
  emails: z.string("Vul ten minste één e-mailadres in.").transform((text, ctx) => {
    const parts = text
      .split(/[\s,;]+/)
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    if (parts.length === 0) {
      ctx.addIssue({ code: "custom", message: "Vul ten minste één e-mailadres in, één per regel." });
      return z.NEVER;
    }
    const wrong = parts.filter((p) => !address.safeParse(p).success);
    if (wrong.length) {
      ctx.addIssue({
        code: "custom",
        message: `Dit is geen e-mailadres: ${wrong.slice(0, 3).join(", ")}${wrong.length > 3 ? ` (en nog ${wrong.length - 3})` : ""}. Verbeter het en verstuur opnieuw; er is niemand uitgenodigd.`,
      });
      return z.NEVER;
    }
    const unique = [...new Set(parts)];
    if (unique.length > MAX_ADDRESSES_AT_ONCE) {
      ctx.addIssue({ code: "custom", message: `Nodig ten hoogste ${MAX_ADDRESSES_AT_ONCE} collega's tegelijk uit.` });
      return z.NEVER;
    }
    return unique;
  }),
});

/** One line per theme on what the team's conversation settled. */
export const CONCLUSION_MAX = 300;
