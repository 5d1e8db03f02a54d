/** Radio scripts and bulletins of the published content, shared by pages and text files. */
import { pageKeys, type Campaign, type Exemplar, type Site } from './site.ts';
import { storyOf } from '../content/story-store.ts';
import { exemplarScript, type RadioScript } from '../radio/script.ts';
import { bulletinCost, durationLabel, fitBulletin, textHeader, type Bulletin } from '../radio/bulletin.ts';
import { ui } from '../../i18n/vi.ts';

/**
 * Scripts are long (a story in spoken words) and a build renders each one several times (its page and text file,
 * its campaign's and its month's bulletins), far apart: the last few are kept, and of the rest only their length,
 * which is all a bulletin needs of the items it leaves out. Keeping every script held a copy of every story in
 * memory (gigabytes at 100,000 exemplars).
 */
const RECENT_SCRIPTS = 256;
const recentScripts = new Map<Exemplar, RadioScript>();
const costs = new WeakMap<Exemplar, number>();

/** How an award is named on air, from the catalogue. */
function awardOnAir(site: Site, id: string): string {
  const award = site.awards.get(id)!.data;
  return ui.radio.awardName(award.family, award.name);
}

export function radioScript(site: Site, exemplar: Exemplar): RadioScript {
  let script = recentScripts.get(exemplar);
  if (!script) {
    script = exemplarScript({ data: exemplar.data, blocks: storyOf(exemplar).blocks }, { places: site.places, awardName: (id) => awardOnAir(site, id) });
    recentScripts.set(exemplar, script);
    if (recentScripts.size > RECENT_SCRIPTS) recentScripts.delete(recentScripts.keys().next().value!);
    costs.set(exemplar, bulletinCost(script));
  }
  return script;
}

function radioCost(site: Site, exemplar: Exemplar): number {
  return costs.get(exemplar) ?? bulletinCost(radioScript(site, exemplar));
}

/** "khoảng 2 phút 30 giây" at the reading speed set in the settings. */
export function radioDuration(site: Site, syllables: number): string {
  return durationLabel(syllables, site.settings.radio.syllablesPerMinute);
}

function bulletinOf(site: Site, exemplars: readonly Exemplar[], subject: string): Bulletin<Exemplar> {
  const { opening, closing, bulletinMinutes, syllablesPerMinute } = site.settings.radio;
  const items = exemplars.map((item) => ({ item, cost: radioCost(site, item), script: () => radioScript(site, item) }));
  return fitBulletin(items, { opening, subject, closing }, bulletinMinutes * syllablesPerMinute);
}

export function campaignBulletin(site: Site, campaign: Campaign): Bulletin<Exemplar> {
  return bulletinOf(site, site.exemplarsByCampaign.get(campaign.id) ?? [], ui.radio.campaignSubject(campaign.data.title));
}

/** `month` is "2022-10". */
export function monthBulletin(site: Site, month: string): Bulletin<Exemplar> {
  return bulletinOf(site, site.exemplarsByMonth.get(month) ?? [], ui.radio.monthSubject(month));
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
  return textHeader(title, radioDuration(site, syllables), left.map((e) => e.data.name));
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
