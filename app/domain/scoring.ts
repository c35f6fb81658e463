import type { Item, QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { typeOf } from "../questionnaire/item-types/index.ts";

/**
 * Theme figures from counted answers. The counting is SQL (how many answers of each value per item);
 * this pure fold turns the counts into per-theme averages and distributions using the definition's
 * scale, where "weet niet" and "n.v.t." (score null) do not count in the average.
 */

export interface ValueCount {
  item_key: string;
  value: string;
  n: number;
}

export interface ThemeFigure {
  theme: string;
  title: string;
  /** 0..100: the mean score as a share of the scale's maximum; null when nothing counted. */
  score: number | null;
  /** Answers that count in the score. */
  counted: number;
  /** Answers per scale option value (all options, also those that do not count). */
  distribution: Record<string, number>;
}

export function themeFigures(definition: QuestionnaireDefinition, counts: ValueCount[]): ThemeFigure[] {
  const options = definition.scale.options;
  const max = Math.max(...options.map((o) => o.score ?? 0));
  // Items that count in a theme's score, each with its section (the theme).
  const scoredItems = new Map<string, { item: Item; theme: string }>();
  for (const section of definition.sections) for (const item of section.items) if (typeOf(item).scored) scoredItems.set(item.key, { item, theme: section.key });
  return definition.sections
    .filter((s) => s.items.some((i) => typeOf(i).scored))
    .map((section) => {
      const distribution = Object.fromEntries(options.map((o) => [o.value, 0]));
      let total = 0;
      let counted = 0;
      for (const c of counts) {
        const scored = scoredItems.get(c.item_key);
        if (scored?.theme !== section.key || !(c.value in distribution)) continue;
        distribution[c.value]! += c.n;
        const score = typeOf(scored.item).score(scored.item, c.value, options);
        if (score != null) {
          total += score * c.n;
          counted += c.n;
        }
      }
      return {
        theme: section.key,
        title: section.title,
        score: counted > 0 && max > 0 ? Math.round((total / counted / max) * 1000) / 10 : null,
        counted,
        distribution,
      };
    });
}

/** Themes that scored below the threshold (on the 0..100 score), lowest first. */
export function lowThemes(figures: ThemeFigure[], threshold: number): string[] {
  return figures
    .filter((f) => f.score !== null && f.score < threshold)
    .sort((a, b) => a.score! - b.score!)
    .map((f) => f.theme);
}
