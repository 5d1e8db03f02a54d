/**
 * The first page of a filter browse the search page can make from words alone (a commune, a campaign), written at
 * build time: Pagefind takes seconds to evaluate such a filter over a large site, the list a single small file.
 * Shared by the build, which writes the lists, and the search page, which asks for them; nothing here needs Node.
 */

/** Results shown at a time on the search page, and held by each list. */
export const PAGE_SIZE = 12;

/** The filters whose values get a list: those that words name a single page for (recognize.ts, pageOf). */
export const LISTED_FILTERS = ['xa', 'phong-trao'] as const;
export type ListedFilter = (typeof LISTED_FILTERS)[number];

/** A result as the search page renders it, with the metadata Pagefind holds for the page. */
export interface ListedResult {
  url: string;
  meta: Record<string, string>;
}

export interface SearchList {
  /** Pages the filter value selects, as Pagefind counts them. */
  count: number;
  /** The first of them, in the order Pagefind lists them. */
  results: ListedResult[];
}

/**
 * A file name for a filter value: letters, digits and hyphens kept, any other character written as "_" and its code
 * point in hex, so that every value has one safe name and no two values share it.
 */
export function listSlug(value: string): string {
  return [...value].map((c) => (/[a-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('');
}

/** Address of a list below a site's root (this site's, or another site's of `otherSites`). */
export function searchListPath(filter: ListedFilter, value: string): string {
  return `tim-kiem/danh-sach/${filter}/${listSlug(value)}.json`;
}
