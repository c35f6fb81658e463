// Long lists (accounts, teams) are shown 50 rows at a time, with the page number in the address so a
// page can be bookmarked and works without JavaScript.

export const PAGE_SIZE = 50;

/** The page asked for in ?pagina=, at least 1 (anything else is page 1). */
export function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export interface Paging {
  page: number;
  pages: number;
  total: number;
  /** Position of the first and last row shown, from 1. */
  first: number;
  last: number;
}

export function paging(page: number, total: number, size = PAGE_SIZE): Paging {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pages);
  return { page: current, pages, total, first: total ? (current - 1) * size + 1 : 0, last: Math.min(total, current * size) };
}

/** One page of a list that is already in memory (kept whole where a policy decides row by row). */
export function pageOfList<T>(items: T[], page: number, size = PAGE_SIZE): { items: T[]; paging: Paging } {
  const p = paging(page, items.length, size);
  return { items: items.slice((p.page - 1) * size, p.page * size), paging: p };
}
