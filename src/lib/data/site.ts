/**
 * The single entry point pages use to read content. Collections are read once per build and indexed here, so no
 * page walks a whole collection to find its few entries, and every list applies the same publishable filter.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseDate, todayInVietnam, type IsoDate } from '../dates.ts';
import { isShown } from './publishable.ts';
import { PlaceIndex } from './places.ts';
import { azIndex, groupBy, honourYear, lastUpdated, sortNewest } from './exemplars.ts';
import { sortCampaigns } from './campaigns.ts';
import { compareVietnamese } from '../text.ts';
import { exemplarSearchEntry } from '../search/entries.ts';
import { FEED_SIZE, feedHtml, type FeedItem } from '../feeds.ts';
import { storyOf } from '../stories/store.ts';
import { routes } from '../paths.ts';
import { ui } from '../../i18n/vi.ts';

export type Exemplar = CollectionEntry<'exemplars'>;
export type Campaign = CollectionEntry<'campaigns'>;
export type Award = CollectionEntry<'awards'>;

/**
 * The day campaign status is judged on. BUILD_DATE (YYYY-MM-DD) pins it, so two builds of one commit give the same
 * output; otherwise it is today in Vietnam.
 */
function buildDate(): IsoDate {
  const pinned = process.env.BUILD_DATE;
  if (pinned) {
    const parsed = parseDate(pinned);
    if (!parsed.ok) throw new Error(`BUILD_DATE "${pinned}" is not a date (YYYY-MM-DD)`);
    return parsed.date;
  }
  return todayInVietnam();
}

async function load() {
  const [settingsEntries, placeEntries, awardEntries, campaignEntries, exemplarEntries] = await Promise.all([
    getCollection('settings'),
    getCollection('places'),
    getCollection('awards'),
    getCollection('campaigns', (entry) => isShown(entry.data)),
    getCollection('exemplars', (entry) => isShown(entry.data)),
  ]);
  const settings = settingsEntries[0]?.data;
  if (!settings) throw new Error('content/settings.yaml is missing');
  const today = buildDate();
  const places = new PlaceIndex(
    placeEntries.map((entry) => entry.data),
    today,
  );
  const exemplars = sortNewest(exemplarEntries);
  const campaigns = sortCampaigns(campaignEntries);
  const azGroups = azIndex(exemplars);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    /** Everything a page can show except the stories of exemplars; see pageKeys. */
    dataKey: hashOf({
      today,
      settings,
      places: [...placeEntries].sort(byId).map((e) => e.data),
      awards: [...awardEntries].sort(byId).map((e) => [e.id, e.data]),
      campaigns: [...campaignEntries].sort(byId).map((e) => [e.id, e.digest, e.data]),
      exemplars: [...exemplarEntries].sort(byId).map((e) => [e.id, { ...e.data, photos: e.data.photos.map((p) => ({ ...p, src: photoKey(p.src) })) }]),
    }),
    settings,
    today,
    /** The newest date of publication or update among the entries shown. */
    updated: lastUpdated([...exemplars, ...campaigns]),
    places,
    awards: new Map(awardEntries.map((entry) => [entry.id, entry])),
    campaigns,
    campaignById: new Map(campaigns.map((c) => [c.id, c])),
    exemplars,
    exemplarsByCampaign: groupBy(exemplars, (e) => e.data.campaigns),
    exemplarsByPlace: groupBy(exemplars, (e) => [e.data.place]),
    exemplarsByAward: groupBy(exemplars, (e) => e.data.awards.filter((a) => !a.revoked).map((a) => a.award)),
    exemplarsByField: groupBy(exemplars, (e) => e.data.fields),
    exemplarsByKind: groupBy(exemplars, (e) => [e.data.kind]),
    exemplarsByYear: groupBy(exemplars, (e) => [honourYear(e)]),
    /** By month of publication ("2022-10"), for the radio bulletins. */
    exemplarsByMonth: groupBy(exemplars, (e) => [e.data.published.slice(0, 7)]),
    campaignsByPlace: groupBy(campaigns, (c) => [c.data.place]),
    azGroups,
    /** Position of each entry in Vietnamese alphabetical order, the "name" sort of search results. */
    nameRank: new Map<string, number>([
      ...azGroups.flatMap((group) => group.items).map((e, i) => [`dien-hinh/${e.id}`, i] as const),
      ...[...campaigns].sort((a, b) => compareVietnamese(a.data.shortTitle, b.data.shortTitle)).map((c, i) => [`phong-trao/${c.id}`, i] as const),
      ...[...places.byId.values()].sort((a, b) => compareVietnamese(a.name, b.name)).map((p, i) => [`dia-phuong/${p.id}`, i] as const),
    ]),
  };
}

export type Site = Awaited<ReturnType<typeof load>>;

/**
 * A photo file as it is now. Only `fsPath` of Astro's image metadata may be read here: reading any other field
 * counts as using the original file, which Astro then copies into the output, camera metadata and all.
 */
function photoKey(src: unknown): string {
  const file = (src as ImageMetadata & { fsPath: string }).fsPath;
  const { size, mtimeMs } = statSync(file);
  return `${file}:${size}:${mtimeMs}`;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Keys under which Astro may reuse a page from the previous build instead of rendering it again
 * (experimental.incrementalBuild; Astro also renders again when the page's code changed). A key covers all the
 * content a page can show: the details of every entry (so a changed name, citation, photo or place renders every
 * page again, since lists, related entries and sort orders may show it) and the stories the page shows. Editing the
 * story of one exemplar therefore renders only its page and the feeds that carry it.
 */
export const pageKeys = {
  /** A page that shows entries' details but no story: lists, campaign and place pages. */
  details: (s: Site) => s.dataKey,
  /** A page that also shows the stories of these exemplars (its own page, feeds). */
  stories: (s: Site, exemplars: readonly Exemplar[]) => `${s.dataKey}:${hashOf(exemplars.map((e) => e.digest))}`,
};

/** Static paths of pages that show details only, e.g. from paginate(), with their key. */
export function withDetailsKey<T extends object>(s: Site, paths: T[]): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageKeys.details(s) }));
}

/**
 * Static paths of the pages every exemplar has (its page, radio script, poster), keyed by its own story; `story:
 * false` for a page that never shows the story text.
 */
export function exemplarPaths(s: Site, { story = true }: { story?: boolean } = {}) {
  return s.exemplars.map((exemplar) => ({
    params: { id: exemplar.id },
    props: { exemplar },
    cacheKey: story ? pageKeys.stories(s, [exemplar]) : pageKeys.details(s),
  }));
}

let site: Promise<Site> | undefined;

/** Content of the site, loaded on first use and shared by every page of the build. */
export function loadSite(): Promise<Site> {
  site ??= load();
  return site;
}

/** What the search index holds for an exemplar page. */
export function exemplarSearchData(s: Site, exemplar: Exemplar) {
  return exemplarSearchEntry(exemplar, {
    places: s.places,
    campaignTitle: (id) => s.campaignById.get(id)!.data.shortTitle,
    awardName: (id) => s.awards.get(id)!.data.name,
    nameRank: s.nameRank.get(`dien-hinh/${exemplar.id}`) ?? 0,
  });
}

/** Exemplars filed under a place, its sub-units or the units it took over. */
/** How many exemplars exemplarsOfPlace would list, without sorting them. */
export function exemplarCountOfPlace(s: Site, placeId: string): number {
  let count = 0;
  for (const id of s.places.coveredIds(placeId)) count += s.exemplarsByPlace.get(id)?.length ?? 0;
  return count;
}

export function exemplarsOfPlace(s: Site, placeId: string): Exemplar[] {
  const rank = newestRank(s);
  return [...s.places.coveredIds(placeId)].flatMap((id) => s.exemplarsByPlace.get(id) ?? []).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}

/**
 * Each exemplar's place in the site's newest-first list. A province's page sorts every exemplar under it, and
 * comparing positions costs far less than comparing dates and names in Vietnamese order again.
 */
function newestRank(s: Site): Map<string, number> {
  let rank = newestRanks.get(s);
  if (!rank) newestRanks.set(s, (rank = new Map(s.exemplars.map((e, i) => [e.id, i]))));
  return rank;
}
const newestRanks = new WeakMap<Site, Map<string, number>>();

export function campaignsOfPlace(s: Site, placeId: string): Campaign[] {
  return sortCampaigns([...s.places.coveredIds(placeId)].flatMap((id) => s.campaignsByPlace.get(id) ?? []));
}

/** Feed items of exemplars, newest first, at most FEED_SIZE. */
export function feedItems(s: Site, exemplars: readonly Exemplar[], origin: URL | undefined): FeedItem[] {
  return exemplars.slice(0, FEED_SIZE).map((e) => ({
    url: new URL(routes.exemplar(e.id), origin).href,
    title: e.data.name,
    summary: e.data.citation,
    html: feedHtml(storyOf(e).html),
    date: e.data.updated ?? e.data.published,
    author: e.data.author,
    tags: [ui.kinds[e.data.kind], ...e.data.campaigns.map((id) => s.campaignById.get(id)!.data.shortTitle)],
  }));
}
