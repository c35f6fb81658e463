import { booleanType, type BooleanItem } from "./boolean.ts";
import { dateType, type DateItem } from "./date.ts";
import { multiType, type MultiItem } from "./multi.ts";
import { numberType, type NumberItem } from "./number.ts";
import { scaleType, type ScaleItem } from "./scale.ts";
import { singleType, type SingleItem } from "./single.ts";
import type { AnswerOption, ItemTypeSpec } from "./spec.ts";
import { textType, type TextItem } from "./text.ts";

/**
 * The registry of item types. A new type is two modules (its spec, and its checks in `<type>.checks.ts`) plus
 * one line in the union and the registry below, in checks.ts and in fields.tsx; a type missing from any of
 * them, or missing a member of its spec or checks, does not compile.
 */

export type Item = ScaleItem | SingleItem | MultiItem | BooleanItem | NumberItem | TextItem | DateItem;
export type ItemKind = Item["type"];
export type ItemOf<K extends ItemKind> = Extract<Item, { type: K }>;

const ITEM_TYPES: { [K in ItemKind]: ItemTypeSpec<ItemOf<K>> } = {
  scale: scaleType,
  single: singleType,
  multi: multiType,
  boolean: booleanType,
  number: numberType,
  text: textType,
  date: dateType,
};

/** The spec of an item's type: how to show, export, score and invent its answers (its checks: checks.ts). */
export function typeOf<I extends Item>(item: I): ItemTypeSpec<I> {
  // The one place the item's type chooses its spec; the registry's type guarantees they match.
  return ITEM_TYPES[item.type] as unknown as ItemTypeSpec<I>;
}

/** The answer options of an item (the scale for a scale item), or null for free input. */
export const optionsOf = (item: Item, scale: AnswerOption[]): AnswerOption[] | null => typeOf(item).options(item, scale);

export const isMultiple = (item: Item): boolean => typeOf(item).multiple;

/** The codebook's words for an item: its type's name and what its values mean. */
export const codebookOf = (item: Item, scale: AnswerOption[]) => ({ kind: typeOf(item).label, values: typeOf(item).codebookValues(item, scale) });

export const ITEM_KINDS = Object.keys(ITEM_TYPES) as ItemKind[];
