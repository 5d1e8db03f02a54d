/**
 * A search as the search page asks it, shared with the tests so that they rank what readers get: the words typed
 * are understood (recognize.ts) unless the reader chose to search them as text, what they name becomes filters and
 * the rest is matched as text.
 */
import { searchExactFirst, type PagefindLike } from './query.ts';
import { filterName, filterValues, pageOf, recognise, type Recognised, type SearchDictionary } from './recognize.ts';
import { LISTED_FILTERS, type ListedFilter } from './lists.ts';
import { titleQuery } from './title-key.ts';

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
  const pagefindFilters = (filters: Record<string, string[]>) => Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
  const ask = (text: string, filters: Record<string, string[]>) =>
    searchExactFirst(pagefind, text || null, { filters: pagefindFilters(filters), ...(asked.sort ? { sort: asked.sort } : {}) });
  // The pages whose whole title the words are (title-key.ts), asked beside the search itself. Not when the words are
  // only what they name (its page comes first anyway), nor when the reader chose an order.
  const onlyNamed = understood && understood.recognised.length > 0 && !understood.leftover;
  const titleWords = asked.q && !asked.sort && !onlyNamed ? titleQuery(asked.q) : undefined;
  const titled = titleWords ? pagefind.search(titleWords, { filters: pagefindFilters(asked.filters) }) : undefined;
  let recognised: Recognised[] = understood?.recognised ?? [];
  let response = await ask(understood ? understood.leftover : asked.q, { ...asked.filters, ...(understood?.filters ?? {}) });
  const titledResults = (await titled)?.results ?? [];
  // Words that are a place and a name are searched as typed instead when they are the whole title of a page ("Hồ
  // Thanh Hoa" is a person, not the province of Thanh Hoá), or when nobody there has the name (a decision's title).
  if (understood && recognised.length > 0 && understood.leftover && (titledResults.length > 0 || response?.results.length === 0)) {
    recognised = [];
    response = await ask(asked.q, asked.filters);
  }
  if (response && titledResults.length > 0) {
    const first = new Set(titledResults.map((r) => r.id));
    response = { ...response, results: [...titledResults, ...response.results.filter((r) => !first.has(r.id))] };
  }
  // The words were only the name of a place or a campaign: its own page comes first, then what it holds.
  const pages = onlyNamed ? recognised.map((r) => pageOf(d!, r)).filter((p) => p !== undefined) : [];
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
