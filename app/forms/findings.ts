import { z } from "./zod.ts";
import { longText } from "./fields.ts";

export const SUMMARY_MAX = 5000;
export const STRENGTHS_MAX = 4000;
export const POINT_MAX = 500;
export const POINTS_PER_THEME_MAX = 20;

/** Improvement points are typed one per line; empty lines are dropped. */
export function pointsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[-*•]\s*/, "").trim())
    .filter(Boolean);
}

/** The findings form for the given themes: a summary, and per theme strengths and improvement points. */
export function findingsSchema(themes: string[]) {
  const shape: Record<string, z.ZodType<string, string | undefined>> = {
    summary: longText(z.string("Vul een samenvatting in.").trim().max(SUMMARY_MAX, `Gebruik hoogstens ${SUMMARY_MAX} tekens.`)).default(""),
  };
  for (const theme of themes) {
    shape[`strengths_${theme}`] = longText(z.string().trim().max(STRENGTHS_MAX, `Gebruik hoogstens ${STRENGTHS_MAX} tekens.`)).default("");
    shape[`points_${theme}`] = longText(z.string())
      .max(POINTS_PER_THEME_MAX * (POINT_MAX + 2), "Te veel tekst.")
      .refine((t) => pointsFromText(t).length <= POINTS_PER_THEME_MAX, `Hoogstens ${POINTS_PER_THEME_MAX} verbeterpunten per thema.`)
      .refine((t) => pointsFromText(t).every((p) => p.length <= POINT_MAX), `Een verbeterpunt is hoogstens ${POINT_MAX} tekens.`)
      .default("");
  }
  return z.object(shape).strict();
}

/** "Samenvatting: " / "Verbeterpunten bij F: " before a message in the error summary, so it names its field. */
export function findingsFieldLabel(name: string): string {
  if (name === "summary") return "Samenvatting: ";
  const [kind, theme] = name.split("_");
  if (kind === "strengths") return `Sterke punten bij ${theme}: `;
  if (kind === "points") return `Verbeterpunten bij ${theme}: `;
  return "";
}
