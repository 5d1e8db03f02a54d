/**
 * The figures of the published content as labelled tables: what the statistics section, a campaign's page, the
 * open data files and the radio text show. Every row links to the list or search that gives its number, where
 * one exists. Built from the exemplars the data layer loaded, so drafts and withdrawn entries are never counted.
 *
 * Places: an exemplar is counted under its commune-level unit, a former commune under the commune that took it over
 * (several when an editor entered a split), and under the province that covers it today (see unitsOf).
 */
import type { Exemplar, Site } from '../data/site.ts';
import { placeLabel } from '../data/places.ts';
import { routes } from '../paths.ts';
import { ui } from '../../i18n/vi.ts';
import { byYearAscending, countBy, directWorkerShare, exemplarKeys, sharesBy, trendOf, type Share } from './counts.ts';
import type { SocialGroup } from '../../schemas/social-groups.ts';

export interface FigureRow {
  key: string;
  label: string;
  count: number;
  href?: string;
}

export const TABLE_IDS = ['xa', 'tinh', 'phong-trao', 'hinh-thuc', 'cap', 'loai', 'linh-vuc', 'nam-khen', 'nam-dang', 'truy-tang', 'nhom-xa-hoi'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface FigureTable {
  id: TableId;
  title: string;
  description: string;
  rows: FigureRow[];
}

export interface ShareRow extends Share {
  key: string;
  label: string;
  href?: string;
}

export interface Figures {
  /** Exemplars counted. */
  total: number;
  tables: FigureTable[];
  share: {
    overall: Share;
    byYear: ShareRow[];
    byCampaign: ShareRow[];
    trend: ReturnType<typeof trendOf>;
  };
}

const COMMUNE_LEVEL: readonly string[] = ['xa', 'phuong', 'thi-tran', 'dac-khu'];

/**
 * The commune-level units an exemplar's place is counted under, and their provinces today. The commune the place
 * lies in (itself, or the commune above a village) is followed through the successor links an editor entered
 * (`presentUnits`), so a former commune is counted under the commune that took it over; a commune without an entered
 * successor is counted as itself, never under a guessed one; a place above commune level (a former district) is
 * counted under the unit that covers it today. Provinces are those of today.
 */
function unitsOf(site: Site) {
  const cache = new Map<string, { units: string[]; provinces: string[] }>();
  return (placeId: string) => {
    let found = cache.get(placeId);
    if (!found) {
      const commune = site.places.lineage(placeId).find((p) => COMMUNE_LEVEL.includes(p.type));
      const units = commune && commune.successors.length === 0 ? [commune.id] : site.places.presentUnits(commune?.id ?? placeId).map((p) => p.id);
      const provinces = [...new Set(units.flatMap((id) => site.places.presentUnits(site.places.lineage(id).at(-1)!.id).map((p) => p.id)))];
      found = { units, provinces };
      cache.set(placeId, found);
    }
    return found;
  };
}

/** Which tables a scope shows: the whole site, or one campaign (its communes, forms, levels, kinds). */
export type FigureScope = { kind: 'site' } | { kind: 'campaign'; id: string };

const CAMPAIGN_TABLES: readonly TableId[] = ['xa', 'hinh-thuc', 'cap', 'loai', 'nam-khen'];

/** The site's figures, made once per list of exemplars: the page, both CSV files and the JSON show the same. */
const siteFigures = new WeakMap<readonly Exemplar[], Figures>();

export function figuresOf(site: Site, exemplars: readonly Exemplar[], scope: FigureScope = { kind: 'site' }): Figures {
  if (scope.kind !== 'site') return countFigures(site, exemplars, scope);
  let figures = siteFigures.get(exemplars);
  if (!figures) {
    figures = countFigures(site, exemplars, scope);
    siteFigures.set(exemplars, figures);
  }
  return figures;
}

function countFigures(site: Site, exemplars: readonly Exemplar[], scope: FigureScope): Figures {
  const units = unitsOf(site);
  const t = ui.figures.tables;
  const label = (id: TableId) => t[id];
  const table = (id: TableId, rows: FigureRow[]): FigureTable => ({ id, title: label(id).title, description: label(id).description, rows });
  const counted = <K extends string | number>(keys: (e: Exemplar) => readonly K[], describe: (key: K) => Omit<FigureRow, 'key' | 'count'>) =>
    countBy(exemplars, keys).map(({ key, count }) => ({ key: String(key), count, ...describe(key) }));
  const place = (id: string) => ({ label: site.places.fullLabel(id), href: routes.place(id) });

  const all: Record<TableId, () => FigureRow[]> = {
    xa: () => counted((e) => units(e.data.place).units, place),
    tinh: () =>
      counted(
        (e) => units(e.data.place).provinces,
        (id) => ({ label: placeLabel(site.places.get(id)), href: routes.place(id) }),
      ),
    'phong-trao': () => counted(exemplarKeys.campaign, (id) => ({ label: site.campaignById.get(id)!.data.shortTitle, href: routes.campaign(id) })),
    'hinh-thuc': () => counted(exemplarKeys.award, (id) => ({ label: site.awards.get(id)!.data.name, href: routes.award(id) })),
    cap: () => counted(exemplarKeys.level, (level) => ({ label: ui.levels[level] })),
    loai: () => counted(exemplarKeys.kind, (kind) => ({ label: ui.kinds[kind], href: routes.search({ loai: kind }) })),
    'linh-vuc': () => counted(exemplarKeys.field, (id) => ({ label: ui.fields[id], href: routes.field(id) })),
    'nam-khen': () =>
      byYearAscending(countBy(exemplars, exemplarKeys.honourYear)).map(({ key, count }) => ({
        key: String(key),
        count,
        label: ui.years.year(key),
        href: routes.year(key),
      })),
    'nam-dang': () =>
      byYearAscending(countBy(exemplars, exemplarKeys.publishedYear)).map(({ key, count }) => ({ key: String(key), count, label: ui.years.year(key) })),
    'truy-tang': () => counted(exemplarKeys.posthumous, () => ({ label: ui.figures.posthumous })),
    'nhom-xa-hoi': () =>
      counted(exemplarKeys.socialGroup, (group) => ({ label: group === 'chua-ghi' ? ui.figures.unrecorded : ui.socialGroups[group as SocialGroup] })),
  };
  const ids = scope.kind === 'site' ? TABLE_IDS : CAMPAIGN_TABLES;
  const tables = ids.map((id) => table(id, all[id]()));

  const years = byYearAscending(countBy(exemplars, exemplarKeys.honourYear)).map((r) => r.key);
  const byYear = sharesBy(exemplars, exemplarKeys.honourYear, years).map((row) => ({
    ...row,
    key: String(row.key),
    label: ui.years.year(row.key),
    href: routes.year(row.key),
  }));
  const campaignIds = scope.kind === 'site' ? site.campaigns.map((c) => c.id).filter((id) => site.exemplarsByCampaign.has(id)) : [];
  const byCampaign = sharesBy(exemplars, exemplarKeys.campaign, campaignIds).map((row) => ({
    ...row,
    label: site.campaignById.get(row.key)!.data.shortTitle,
    href: routes.campaign(row.key),
  }));
  return {
    total: exemplars.length,
    tables,
    share: { overall: directWorkerShare(exemplars), byYear, byCampaign, trend: trendOf(byYear.map((r) => ({ key: Number(r.key), share: r.share }))) },
  };
}

/** The years that have a radio text of their figures: every year someone was honoured in. */
export function figureYears(site: Site): number[] {
  return [...site.exemplarsByYear.keys()].sort((a, b) => a - b);
}

/** The exemplars honoured in a year (the year of their earliest standing award, as the year pages count them). */
export function exemplarsOfYear(site: Site, year: number): readonly Exemplar[] {
  return site.exemplarsByYear.get(year) ?? [];
}
