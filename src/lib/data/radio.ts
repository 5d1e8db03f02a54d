/** Radio scripts and bulletins of the published content, shared by pages and text files. */
import { exemplarCountOfPlace, exemplarsOfPlace, pageKeys, type Campaign, type Exemplar, type Site } from './site.ts';
import { compareVietnamese } from '../text.ts';
import { storyMetadata, storyOf } from '../stories/store.ts';
import { exemplarScript, scriptLength, standaloneScript, type RadioScript, type ScriptContext } from '../radio/script.ts';
import { bulletinCost, durationLabel, fitBulletin, textHeader, type Bulletin } from '../radio/bulletin.ts';
import { ui } from '../../i18n/vi.ts';

/** How places and awards are named on air. */
function scriptContext(site: Site): ScriptContext {
  return {
    places: site.places,
    awardName: (id) => {
      const award = site.awards.get(id)!.data;
      return ui.radio.awardName(award.family, award.name);
    },
  };
}

/** The script of an exemplar, its story read from its story file (where it is saved in spoken form). */
export function radioScript(site: Site, exemplar: Exemplar): RadioScript {
  return exemplarScript({ data: exemplar.data, story: storyOf(exemplar).spoken }, scriptContext(site));
}

/** The script of an exemplar read on its own (its page and text file), with its opening and closing lines. */
export function standaloneRadioScript(site: Site, exemplar: Exemplar): RadioScript {
  return standaloneScript(radioScript(site, exemplar));
}

/**
 * A script's length without its story file: reading times on lists, and the weight of every item a bulletin may
 * leave out. Kept per entry, as every bulletin of a campaign or month weighs all of its items.
 */
const lengths = new WeakMap<Exemplar, ReturnType<typeof scriptLength>>();
function radioLength(site: Site, exemplar: Exemplar): ReturnType<typeof scriptLength> {
  let length = lengths.get(exemplar);
  if (!length) {
    length = scriptLength(exemplar.data, storyMetadata(exemplar).spokenSyllables ?? 0, scriptContext(site));
    lengths.set(exemplar, length);
  }
  return length;
}

/** Syllables of an exemplar's script, which fix its reading time. */
export function radioSyllables(site: Site, exemplar: Exemplar): number {
  return radioLength(site, exemplar).syllables;
}

/** "khoảng 2 phút 30 giây" at the reading speed set in the settings. */
export function radioDuration(site: Site, syllables: number): string {
  return durationLabel(syllables, site.settings.radio.syllablesPerMinute);
}

function bulletinOf(site: Site, exemplars: readonly Exemplar[], subject: string): Bulletin<Exemplar> {
  const { opening, closing, bulletinMinutes, syllablesPerMinute } = site.settings.radio;
  const items = exemplars.map((item) => ({ item, cost: bulletinCost(radioLength(site, item)), script: () => radioScript(site, item) }));
  return fitBulletin(items, { opening, subject, closing }, bulletinMinutes * syllablesPerMinute);
}

export function campaignBulletin(site: Site, campaign: Campaign): Bulletin<Exemplar> {
  return bulletinOf(site, site.exemplarsByCampaign.get(campaign.id) ?? [], ui.radio.campaignSubject(campaign.data.title));
}

/** `month` is "2022-10". */
export function monthBulletin(site: Site, month: string): Bulletin<Exemplar> {
  return bulletinOf(site, site.exemplarsByMonth.get(month) ?? [], ui.radio.monthSubject(month));
}

/** A bulletin of one commune or district: the exemplars filed under it, its former units and their villages. */
export function placeBulletin(site: Site, placeId: string): Bulletin<Exemplar> {
  return bulletinOf(site, exemplarsOfPlace(site, placeId), ui.radio.placeSubject(site.places.fullLabel(placeId)));
}

const COMMUNE_LEVEL: readonly string[] = ['xa', 'phuong', 'thi-tran', 'dac-khu'];
const DISTRICT_LEVEL: readonly string[] = ['huyen', 'quan', 'thi-xa', 'thanh-pho'];

/**
 * Communes and districts with published exemplars, by name: a commune's loudspeakers read their own people, a
 * district's station its communes'. Provinces are left out: a province-wide bulletin is the month's.
 */
export function placesOnAir(site: Site): PlacesOnAir {
  let onAir = placesOnAirOf.get(site);
  if (!onAir) {
    const withExemplars = (levels: readonly string[]) =>
      [...site.places.byId.values()]
        .filter((place) => levels.includes(place.type) && exemplarCountOfPlace(site, place.id) > 0)
        .map((place) => ({ id: place.id, label: site.places.fullLabel(place.id) }))
        .sort((a, b) => compareVietnamese(a.label, b.label))
        .map((place) => place.id);
    placesOnAirOf.set(site, (onAir = { communes: withExemplars(COMMUNE_LEVEL), districts: withExemplars(DISTRICT_LEVEL) }));
  }
  return onAir;
}
/** Asked by the first page of every place (whether it has a bulletin): the same for the whole build. */
const placesOnAirOf = new WeakMap<Site, PlacesOnAir>();
type PlacesOnAir = { readonly communes: readonly string[]; readonly districts: readonly string[] };

/** Static paths of the place bulletins (page and text file alike), keyed by the stories they read. */
export function placeBulletinPaths(site: Site) {
  const { communes, districts } = placesOnAir(site);
  return [...communes, ...districts].map((id) => ({ params: { id }, cacheKey: pageKeys.stories(site, exemplarsOfPlace(site, id)) }));
}

/** Campaigns that have published exemplars, so a bulletin of them says something. */
export function campaignsOnAir(site: Site): Campaign[] {
  return site.campaigns.filter((c) => (site.exemplarsByCampaign.get(c.id)?.length ?? 0) > 0);
}

/** Months in which exemplars were published, newest first. */
export function monthsOnAir(site: Site): string[] {
  return [...site.exemplarsByMonth.keys()].sort().reverse();
}

/** Header lines of the text file of a script or bulletin. */
export function radioTextHeader(site: Site, title: string, syllables: number, left: readonly Exemplar[] = []): string[] {
  return textHeader(
    title,
    radioDuration(site, syllables),
    left.map((e) => e.data.name),
  );
}

/** Static paths of the campaign bulletins (page and text file alike), keyed by the stories they read. */
export function campaignBulletinPaths(site: Site) {
  return campaignsOnAir(site).map((campaign) => ({
    params: { id: campaign.id },
    props: { campaign },
    cacheKey: pageKeys.stories(site, site.exemplarsByCampaign.get(campaign.id) ?? []),
  }));
}

/** Static paths of the month bulletins (page and text file alike), keyed by the stories they read. */
export function monthBulletinPaths(site: Site) {
  return monthsOnAir(site).map((month) => ({ params: { month }, cacheKey: pageKeys.stories(site, site.exemplarsByMonth.get(month) ?? []) }));
}
