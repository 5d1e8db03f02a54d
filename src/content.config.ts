import { defineCollection } from 'astro:content';
import { storyLoader } from './loaders/stories.ts';
import { yamlDocumentLoader, yamlListLoader } from './loaders/data.ts';
import { DATA_FILES, STORY_COLLECTIONS } from './lib/content/collections.ts';
import { exemplarSchema } from './schemas/exemplar.ts';
import { campaignSchema } from './schemas/campaign.ts';
import { placeSchema } from './schemas/place.ts';
import { awardSchema } from './schemas/award.ts';
import { settingsSchema } from './schemas/settings.ts';

export const collections = {
  exemplars: defineCollection({ loader: storyLoader(STORY_COLLECTIONS.exemplars), schema: ({ image }) => exemplarSchema({ image }) }),
  campaigns: defineCollection({ loader: storyLoader(STORY_COLLECTIONS.campaigns), schema: campaignSchema() }),
  places: defineCollection({ loader: yamlListLoader(DATA_FILES.places), schema: placeSchema() }),
  awards: defineCollection({ loader: yamlListLoader(DATA_FILES.awards), schema: awardSchema() }),
  settings: defineCollection({ loader: yamlDocumentLoader(DATA_FILES.settings), schema: settingsSchema() }),
};
