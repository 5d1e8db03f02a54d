/**
 * A search as the search page asks it, shared with the tests so that they rank what readers get: the words typed
 * are understood (recognize.ts) unless the reader chose to search them as text, what they name becomes filters and
 * the rest is matched as text.
 */
import { searchExactFirst, type PagefindLike } from './query.ts';
import { filterName, filterValues, pageOf, recognise, type Recognised, type SearchDictionary } from './recognize.ts';
import { LISTED_FILTERS, type ListedFilter } from './lists.ts';

export interface Asked {
  q: string;
  /** Filters chosen by the reader. */
  filters: Record<string, string[]>;
  /** Search the words as text, without understanding them. */
  literal: boolean;
  sort?: Record<string, string>;
}

export async function searchUnderstood<R extends { id: string }>(pagefind: PagefindLike<R>, d: SearchDictionary | undefined, asked: Asked) {
  const recognition = d && asked.q ? recognise(d, asked.q, Object.keys(asked.filters)) : undefined;
  const understood = recognition && !asked.literal ? recognition : undefined;
  const ask = (text: string, filters: Record<string, string[]>) =>
    searchExactFirst(pagefind, text || null, {
      filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }])),
      ...(asked.sort ? { sort: asked.sort } : {}),
    });
  let recognised: Recognised[] = understood?.recognised ?? [];
  let response = await ask(understood ? understood.leftover : asked.q, { ...asked.filters, ...(understood?.filters ?? {}) });
  // Words that are a place and a name nobody there has (a decision's title, say) are searched as typed instead.
  if (understood && recognised.length > 0 && understood.leftover && response?.results.length === 0) {
    recognised = [];
    response = await ask(asked.q, asked.filters);
  }
  // The words were only the name of a place or a campaign: its own page comes first, then what it holds.
  const pages = understood && recognised.length > 0 && !understood.leftover ? recognised.map((r) => pageOf(d!, r)).filter((p) => p !== undefined) : [];
  return { response, recognition, recognised, pages };
}

/**
 * The one commune or campaign the words name, when they are its name alone and the reader chose neither another
 * filter nor a sort: the search is then a filter-only browse whose first page was written with the site (lists.ts).
 * A place that filters by several communes (a district) has no list of its own.
 */
export function listedBrowse(d: SearchDictionary, asked: Asked) {
  if (asked.literal || !asked.q || asked.sort || Object.keys(asked.filters).length > 0) return undefined;
  const found = recognise(d, asked.q);
  const [recognised] = found.recognised;
  if (!recognised || found.recognised.length > 1 || found.leftover || found.candidates.length > 0) return undefined;
  const page = pageOf(d, recognised);
  const values = filterValues(d, recognised);
  if (!page || values.length !== 1) return undefined;
  return { filter: filterName(recognised) as ListedFilter, value: values[0]!, page, recognised };
}

/**
 * The one commune or campaign a reader chose as the only filter, with no words and no sort: a filter-only browse
 * whose first page was written with the site, as for the words above.
 */
export function listedFilter(asked: Asked): { filter: ListedFilter; value: string } | undefined {
  const chosen = Object.entries(asked.filters);
  if (asked.q || asked.sort || chosen.length !== 1) return undefined;
  const [name, values] = chosen[0]!;
  if (!(LISTED_FILTERS as readonly string[]).includes(name) || values.length !== 1) return undefined;
  return { filter: name as ListedFilter, value: values[0]! };
}
