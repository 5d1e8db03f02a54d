/** Campaign status and nesting, judged on a given day so that builds are reproducible. */
import { compareDates, firstDay, lastDay, type IsoDate, type PartialDate } from '../dates.ts';
import { capitalize, formatDateCited, formatDateLong, formatDateShort } from '../format.ts';
import { isUnnumbered } from '../documents.ts';
import { ui } from '../../i18n/vi.ts';
import { SOURCED_STATEMENTS, type CampaignData, type SourcedStatement } from '../../schemas/campaign.ts';

export type CampaignStatus = 'upcoming' | 'running' | 'reviewed';

/**
 * Status follows from the dates, never from a field an editor must remember to update. A start given as a month
 * or a year begins on its first day; an end so given lasts to its last day (a month ends on its last day, a year on
 * 31 December), so a campaign is never called over while the period its plan sets may still run.
 */
export function campaignStatus(campaign: Pick<CampaignData, 'period'>, today: IsoDate): CampaignStatus {
  if (today < firstDay(campaign.period.start)) return 'upcoming';
  if (today <= lastDay(campaign.period.end)) return 'running';
  return 'reviewed';
}

/** The phase under way on a day, if any, with months and years read as in campaignStatus. */
export function currentPhase(campaign: Pick<CampaignData, 'phases'>, today: IsoDate) {
  return campaign.phases.find((phase) => firstDay(phase.start) <= today && today <= lastDay(phase.end));
}

/** Campaigns newest first: by start, then by end (see compareDates for months and years). */
export function sortCampaigns<T extends { data: Pick<CampaignData, 'period'> }>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => compareDates(b.data.period.start, a.data.period.start) || compareDates(b.data.period.end, a.data.period.end));
}

/** "Từ ngày 15 tháng 10 năm 2021 đến ngày 30 tháng 6 năm 2022"; a period that is one month or one year: "Năm 2023". */
export function periodLong(period: { start: PartialDate; end: PartialDate }): string {
  return period.start === period.end ? capitalize(formatDateLong(period.start)) : ui.campaigns.range(formatDateLong(period.start), formatDateLong(period.end));
}

/** "15/10/2021 – 30/06/2022", "1/2023 – 6/2023", "2021 – 2025"; one month or year alone: "2023". */
export function periodShort(period: { start: PartialDate; end: PartialDate }): string {
  return period.start === period.end ? formatDateShort(period.start) : `${formatDateShort(period.start)} – ${formatDateShort(period.end)}`;
}

/**
 * How a source note names the plan: "Kế hoạch số 177/KH-UBND", or where the copy has no number "Kế hoạch ngày
 * 10/08/2021 của UBND tỉnh Thái Bình", "Kế hoạch tháng 3/2023 của …", "Kế hoạch của UBND huyện Quốc Oai".
 */
export function planShortName(campaign: Pick<CampaignData, 'plan' | 'issuer'>): string {
  const { number, date, issuer } = campaign.plan;
  if (number && !isUnnumbered(number)) return ui.campaigns.planNumbered(number);
  return ui.campaigns.planUnnumbered(date && formatDateCited(date), issuer ?? campaign.issuer);
}

/** The sections an entry cites for one statement, each once, in the order written. */
export function sourceSections(campaign: Pick<CampaignData, 'sources'>, statement: SourcedStatement): string[] {
  const cited = campaign.sources?.[statement];
  return cited === undefined ? [] : [...new Set(Array.isArray(cited) ? cited : [cited])];
}

/** Every sourced statement of an entry with its sections, in the order of the page. */
export function sourceNotes(campaign: Pick<CampaignData, 'sources'>): { statement: SourcedStatement; sections: string[] }[] {
  return (Object.keys(SOURCED_STATEMENTS) as SourcedStatement[])
    .map((statement) => ({ statement, sections: sourceSections(campaign, statement) }))
    .filter((note) => note.sections.length > 0);
}
