/**
 * Which pages each search list (lists.ts) holds: for every commune and campaign value the index's filters use, the
 * published pages that carry it, in the order Pagefind lists a filter-only browse. Pagefind lists such a browse in
 * the order pages were added to its index, and search-index.ts adds them in the order of their paths.
 */
import { exemplarSearchData, type Campaign, type Exemplar, type Site } from '../data/site.ts';
import { routes } from '../paths.ts';
import { campaignSearchEntry } from './entries.ts';
import type { Facets } from './facets.ts';
import { LISTED_FILTERS, PAGE_SIZE, type ListedFilter, type ListedResult, type SearchList } from './lists.ts';
import { campaignResultMeta, exemplarResultMeta, resultThumbnail } from './result-meta.ts';

type Indexed = { url: string; exemplar: Exemplar; campaign?: never } | { url: string; campaign: Campaign; exemplar?: never };

export interface ListPages {
  filter: ListedFilter;
  value: string;
  count: number;
  first: Indexed[];
}

export function listPages(site: Site): ListPages[] {
  const pages: [Indexed, Facets][] = [
    ...site.exemplars.map((exemplar): [Indexed, Facets] => [{ url: routes.exemplar(exemplar.id), exemplar }, exemplarSearchData(site, exemplar).facets]),
    ...site.campaigns.map((campaign): [Indexed, Facets] => [
      { url: routes.campaign(campaign.id), campaign },
      campaignSearchEntry(campaign, { places: site.places, nameRank: 0 }).facets,
    ]),
  ];
  const groups = new Map<string, { filter: ListedFilter; value: string; pages: Indexed[] }>();
  for (const [page, facets] of pages) {
    for (const filter of LISTED_FILTERS) {
      for (const { slug } of facets[filter] ?? []) {
        const key = `${filter}:${slug}`;
        if (!groups.has(key)) groups.set(key, { filter, value: slug, pages: [] });
        groups.get(key)!.pages.push(page);
      }
    }
  }
  return [...groups.values()].map(({ filter, value, pages }) => ({
    filter,
    value,
    count: pages.length,
    first: pages.sort((a, b) => (a.url < b.url ? -1 : 1)).slice(0, PAGE_SIZE),
  }));
}

/** A list as the search page reads it: each result with what its card shows. */
export async function searchList(site: Site, pages: ListPages): Promise<SearchList> {
  const results = await Promise.all(
    pages.first.map(async (page): Promise<ListedResult> => {
      const meta = page.exemplar
        ? { title: page.exemplar.data.name, ...exemplarResultMeta(site, page.exemplar), image: await resultThumbnail(page.exemplar.data.photos[0]?.src) }
        : { ...campaignResultMeta(site, page.campaign), image: '' };
      return { url: page.url, meta: Object.fromEntries(Object.entries(meta).filter((entry): entry is [string, string] => entry[1] !== undefined)) };
    }),
  );
  return { count: pages.count, results };
}
