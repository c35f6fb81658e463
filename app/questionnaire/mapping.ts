import { allItems, type QuestionnaireDefinition } from "./definition.ts";

/**
 * How the items of a questionnaire version map to those of the version before it: an item continues
 * the previous item with the same key, or the one it names in `replaces`. Results of two rounds on
 * different versions are compared over the items that map, and the page says which are new or dropped.
 */
export interface ItemMapping {
  /** Key in this version -> key in the previous version, for every item that continues one. */
  continues: Map<string, string>;
  /** Items of this version that continue none. */
  added: string[];
  /** Items of the previous version that no item continues. */
  dropped: string[];
  /** What is wrong with the mapping, in words (start-up refuses a version with a wrong mapping). */
  problems: string[];
}

export function itemMapping(current: QuestionnaireDefinition, previous: QuestionnaireDefinition): ItemMapping {
  const previousKeys = new Set(allItems(previous).map((i) => i.key));
  const continues = new Map<string, string>();
  const problems: string[] = [];
  const claimedBy = new Map<string, string>();
  for (const item of allItems(current)) {
    const target = item.replaces ?? (previousKeys.has(item.key) ? item.key : null);
    if (item.replaces !== undefined) {
      if (!previousKeys.has(item.replaces)) {
        problems.push(`vraag ${item.key} vervangt ${item.replaces}, maar die staat niet in versie ${previous.version}`);
        continue;
      }
      if (item.replaces !== item.key && previousKeys.has(item.key)) {
        problems.push(`vraag ${item.key} staat al in versie ${previous.version} en kan niet ook ${item.replaces} vervangen`);
        continue;
      }
    }
    if (target === null) continue;
    const other = claimedBy.get(target);
    if (other) {
      problems.push(`vraag ${target} van versie ${previous.version} wordt voortgezet door zowel ${other} als ${item.key}`);
      continue;
    }
    claimedBy.set(target, item.key);
    continues.set(item.key, target);
  }
  const continued = new Set(continues.values());
  return {
    continues,
    added: allItems(current)
      .filter((i) => !continues.has(i.key))
      .map((i) => i.key),
    dropped: [...previousKeys].filter((k) => !continued.has(k)),
    problems,
  };
}

/** "Nieuw in deze versie: A9, B7. Vervallen: C4." for the page, or null when nothing changed. */
export function mappingNote(mapping: Pick<ItemMapping, "added" | "dropped">): string | null {
  const parts = [
    mapping.added.length ? `nieuw: ${mapping.added.join(", ")}` : null,
    mapping.dropped.length ? `vervallen: ${mapping.dropped.join(", ")}` : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : null;
}
