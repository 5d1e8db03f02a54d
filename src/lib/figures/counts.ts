/**
 * Counts, shares and trends over published exemplars: pure functions over plain data, so that the statistics
 * section, a campaign's own figures, the open data files and the radio text all count the same way, and the tests
 * can compare them with a count of their own.
 *
 * An exemplar is counted once per distinct key (an exemplar filed under two fields counts once in each field, never
 * twice in one); an exemplar with no key for a table is left out of that table, never put under a guessed one.
 */
import { activeAwards, honourYear, type ExemplarLike } from '../data/exemplars.ts';
import { yearOf, type IsoDate } from '../dates.ts';
import { DIRECT_WORKER_GROUPS, type SocialGroup } from '../../schemas/social-groups.ts';

export interface FigureItem extends ExemplarLike {
  data: ExemplarLike['data'] & { socialGroup?: SocialGroup };
}

/** How many items fall under each key, largest first, then by key so the order never depends on file order. */
export function countBy<T, K extends string | number>(items: readonly T[], keys: (item: T) => readonly K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const item of items) for (const key of new Set(keys(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Years in ascending order, for tables read as a time series. */
export function byYearAscending<T extends { key: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.key - b.key);
}

/** Keys of the tables the statistics section shows, from one exemplar. */
export const exemplarKeys = {
  kind: (item: FigureItem) => [item.data.kind],
  field: (item: FigureItem) => item.data.fields,
  campaign: (item: FigureItem) => item.data.campaigns,
  /** Forms of commendation that still stand (a revoked award is not counted). */
  award: (item: FigureItem) => activeAwards(item).map((a) => a.award),
  /** Levels of the standing awards. */
  level: (item: FigureItem) => activeAwards(item).map((a) => a.level),
  honourYear: (item: FigureItem) => [honourYear(item)],
  publishedYear: (item: FigureItem) => [yearOf(item.data.published as IsoDate)],
  /** Honoured after death: a standing posthumous award. */
  posthumous: (item: FigureItem) => (activeAwards(item).some((a) => a.posthumous) ? ['truy-tang'] : []),
  socialGroup: (item: FigureItem) => (item.data.kind === 'ca-nhan' ? [item.data.socialGroup ?? 'chua-ghi'] : []),
};

export function isDirectWorker(group: SocialGroup | undefined): boolean {
  return group !== undefined && DIRECT_WORKER_GROUPS.includes(group);
}

/**
 * The share of direct workers among the individuals of a set. Individuals whose group is not recorded are counted
 * apart (`unrecorded`) and left out of the share, so that an entry not yet filled in never lowers it; the share is
 * undefined when no individual has a recorded group.
 */
export interface Share {
  individuals: number;
  recorded: number;
  direct: number;
  unrecorded: number;
  /** direct ÷ recorded, from 0 to 1. */
  share: number | undefined;
}

export function directWorkerShare(items: readonly FigureItem[]): Share {
  let individuals = 0;
  let recorded = 0;
  let direct = 0;
  for (const item of items) {
    if (item.data.kind !== 'ca-nhan') continue;
    individuals++;
    if (item.data.socialGroup === undefined) continue;
    recorded++;
    if (isDirectWorker(item.data.socialGroup)) direct++;
  }
  return { individuals, recorded, direct, unrecorded: individuals - recorded, share: recorded > 0 ? direct / recorded : undefined };
}

/** The share of direct workers for each key (a year, a campaign), keys in the order given. */
export function sharesBy<K extends string | number>(
  items: readonly FigureItem[],
  keys: (item: FigureItem) => readonly K[],
  order: readonly K[],
): ({ key: K } & Share)[] {
  const groups = new Map<K, FigureItem[]>(order.map((key) => [key, []]));
  for (const item of items) for (const key of new Set(keys(item))) groups.get(key)?.push(item);
  return order.map((key) => ({ key, ...directWorkerShare(groups.get(key) ?? []) }));
}

export type TrendDirection = 'tang' | 'giam' | 'giu-nguyen' | 'chua-du';

/**
 * How the share moved across a time series: from the first to the last year with a share, in percentage points
 * (rounded to one decimal). With fewer than two such years there is no trend ("chua-du").
 */
export function trendOf(series: readonly { key: number; share: number | undefined }[]): {
  direction: TrendDirection;
  from?: number;
  to?: number;
  points?: number;
} {
  const known = series.filter((row) => row.share !== undefined).sort((a, b) => a.key - b.key);
  if (known.length < 2) return { direction: 'chua-du' };
  const first = known[0]!;
  const last = known.at(-1)!;
  const points = Math.round((last.share! - first.share!) * 1000) / 10;
  return { direction: points > 0 ? 'tang' : points < 0 ? 'giam' : 'giu-nguyen', from: first.key, to: last.key, points };
}

/** A share as Vietnamese writes a percentage, to one decimal: 0.4 → "40%", 1/3 → "33,3%"; "–" when unknown. */
export function formatShare(share: number | undefined): string {
  if (share === undefined) return '–';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.round(share * 1000) / 10)}%`;
}
