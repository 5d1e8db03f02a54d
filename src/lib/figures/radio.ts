/** Radio texts of the figures of a year and of a campaign, from the same tables as the statistics section. */
import { pageKeys, type Campaign, type Site } from '../data/site.ts';
import { radioTextHeader } from '../data/radio.ts';
import { figuresParagraphs } from '../radio/figures.ts';
import { scriptText } from '../radio/bulletin.ts';
import { syllablesOf } from '../radio/script.ts';
import { ui } from '../../i18n/vi.ts';
import { exemplarsOfYear, figuresOf, figureYears } from './tables.ts';

function text(site: Site, subject: string, figures: ReturnType<typeof figuresOf>): string {
  const paragraphs = figuresParagraphs(figures, subject, site.settings.siteName);
  return scriptText(radioTextHeader(site, ui.figures.radio.title(subject), syllablesOf(paragraphs)), paragraphs);
}

export function yearFiguresText(site: Site, year: number): string {
  return text(site, ui.figures.radio.year(year), figuresOf(site, exemplarsOfYear(site, year)));
}

export function campaignFiguresText(site: Site, campaign: Campaign): string {
  const exemplars = site.exemplarsByCampaign.get(campaign.id) ?? [];
  return text(site, ui.figures.radio.campaign(campaign.data.title), figuresOf(site, exemplars, { kind: 'campaign', id: campaign.id }));
}

/** Static paths of the yearly texts; they show details only. */
export function figureYearPaths(site: Site) {
  return figureYears(site).map((year) => ({ params: { year: String(year) }, props: { year }, cacheKey: pageKeys.details(site) }));
}

/** Static paths of the campaign texts: campaigns with published exemplars. */
export function figureCampaignPaths(site: Site) {
  return site.campaigns
    .filter((c) => site.exemplarsByCampaign.has(c.id))
    .map((campaign) => ({ params: { id: campaign.id }, props: { campaign }, cacheKey: pageKeys.details(site) }));
}
