/** Campaign status and nesting, judged on a given day so that builds are reproducible. */
import type { IsoDate } from '../dates.ts';
import type { CampaignData } from '../../schemas/campaign.ts';

export type CampaignStatus = 'upcoming' | 'running' | 'reviewed';

/** Status follows from the dates, never from a field an editor must remember to update. */
export function campaignStatus(campaign: Pick<CampaignData, 'period'>, today: IsoDate): CampaignStatus {
  if (today < campaign.period.start) return 'upcoming';
  if (today <= campaign.period.end) return 'running';
  return 'reviewed';
}

/** The phase under way on a day, if any. */
export function currentPhase(campaign: Pick<CampaignData, 'phases'>, today: IsoDate) {
  return campaign.phases.find((phase) => phase.start <= today && today <= phase.end);
}

/** Campaigns newest first: running ones by start date, then the rest. */
export function sortCampaigns<T extends { data: Pick<CampaignData, 'period'> }>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => b.data.period.start.localeCompare(a.data.period.start) || b.data.period.end.localeCompare(a.data.period.end));
}
