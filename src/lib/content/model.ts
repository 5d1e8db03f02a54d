/** The content as the check reads it: what every later step (references, output check, namesakes) works from. */
import type { ExemplarData } from '../../schemas/exemplar.ts';
import type { CampaignData } from '../../schemas/campaign.ts';
import type { PlaceData } from '../../schemas/place.ts';
import type { AwardData } from '../../schemas/award.ts';
import type { SettingsData } from '../../schemas/settings.ts';
import type { YamlSource } from './source.ts';

export interface Loaded<T> {
  id: string;
  file: string;
  data: T;
  source: YamlSource;
}

export interface ContentModel {
  exemplars: Loaded<ExemplarData>[];
  campaigns: Loaded<CampaignData>[];
  places: Loaded<PlaceData>[];
  awards: Loaded<AwardData>[];
  settings?: SettingsData;
}
