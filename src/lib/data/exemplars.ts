/** Sorting, grouping and relating exemplars: pure functions over plain data. */
import { yearOf, type IsoDate } from '../dates.ts';
import { compareVietnamese, indexLetter } from '../text.ts';
import type { ExemplarData } from '../../schemas/exemplar.ts';
import { LEVELS } from '../../schemas/common.ts';

export interface ExemplarLike {
  id: string;
  data: Pick<ExemplarData, 'name' | 'kind' | 'place' | 'campaigns' | 'awards' | 'fields' | 'published' | 'featured'>;
}

/** Newest first; same day by name in Vietnamese order, so the order never depends on file order. */
export function sortNewest<T extends ExemplarLike>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => (a.data.published < b.data.published ? 1 : a.data.published > b.data.published ? -1 : 0) || compareVietnamese(a.data.name, b.data.name),
  );
}

/** The day the site last changed: the newest date of publication or update among the entries it shows. */
export function lastUpdated(entries: readonly { data: { published: string; updated?: string } }[]): string | undefined {
  return entries.reduce<string | undefined>((newest, { data }) => {
    const date = data.updated ?? data.published;
    return newest === undefined || date > newest ? date : newest;
  }, undefined);
}

/** Awards that still stand. */
export function activeAwards<T extends ExemplarLike>(item: T) {
  return item.data.awards.filter((award) => !award.revoked);
}

/**
 * The awards a poster names when space is short: standing awards, the highest level first (central, province,
 * district, commune), the newest first within a level.
 */
export function mainAwards<T extends ExemplarLike>(item: T, limit = 3) {
  return activeAwards(item)
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.date.localeCompare(a.date))
    .slice(0, limit);
}

/** The year an exemplar was honoured: its earliest standing award, or the year its story was published. */
export function honourYear(item: ExemplarLike): number {
  const dates = activeAwards(item)
    .map((a) => a.date)
    .sort();
  return yearOf((dates[0] ?? item.data.published) as IsoDate);
}

export function groupBy<T, K>(items: readonly T[], keys: (item: T) => K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * The key an exemplar is filed under in the A–Z index: a person by given name then family name, as Vietnamese
 * lists are ordered ("Nguyễn Văn An" under A); collectives, households and models by their full name.
 */
export function sortKey(item: ExemplarLike): string {
  if (item.data.kind !== 'ca-nhan') return item.data.name;
  const words = item.data.name.trim().split(/\s+/);
  return [words.at(-1), ...words.slice(0, -1)].join(' ');
}

/** Vietnamese name order, as lists are read out and pinned up: people by given name, others by full name. */
export function sortByName<T extends ExemplarLike>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareVietnamese(sortKey(a), sortKey(b)));
}

export function azIndex<T extends ExemplarLike>(items: readonly T[]): { letter: string; items: T[] }[] {
  const groups = groupBy(sortByName(items), (item) => [indexLetter(sortKey(item))]);
  return [...groups].map(([letter, groupItems]) => ({ letter, items: groupItems }));
}

/** The first `limit` items of a newest-first list that pass `keep`, without walking the rest. */
function firstWhere<T>(items: readonly T[], keep: (item: T) => boolean, limit: number): T[] {
  const found: T[] = [];
  for (const item of items) {
    if (found.length >= limit) break;
    if (keep(item)) found.push(item);
  }
  return found;
}

/**
 * Exemplars to read next: same commune first, then same campaign, newest first within each, never itself or
 * twice. The lists given are newest first already (as the data layer keeps them), so a page only looks at the
 * head of each list however large the commune or campaign is.
 */
export function related<T extends ExemplarLike>(item: T, lists: { samePlace: readonly T[]; sameCampaigns: readonly (readonly T[])[] }, limit = 4): T[] {
  const samePlace = firstWhere(lists.samePlace, (other) => other.id !== item.id, limit);
  const seen = new Set([item.id, ...samePlace.map((other) => other.id)]);
  const fromCampaigns = lists.sameCampaigns.flatMap((list) => firstWhere(list, (other) => !seen.has(other.id) && other.data.place !== item.data.place, limit));
  const unique = [...new Map(fromCampaigns.map((other) => [other.id, other])).values()];
  return [...samePlace, ...sortNewest(unique)].slice(0, limit);
}
