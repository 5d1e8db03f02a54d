import { defineCollection } from 'astro:content';
import { storyLoader } from './loaders/stories';
import { yamlDocumentLoader, yamlListLoader } from './loaders/data';
import { DATA_FILES, STORY_COLLECTIONS } from './lib/content/collections';
import { exemplarSchema } from './schemas/exemplar';
import { campaignSchema } from './schemas/campaign';
import { placeSchema } from './schemas/place';
import { awardSchema } from './schemas/award';
import { settingsSchema } from './schemas/settings';

export const collections = {
  exemplars: defineCollection({ loader: storyLoader(STORY_COLLECTIONS.exemplars), schema: ({ image }) => exemplarSchema({ image }) }),
  campaigns: defineCollection({ loader: storyLoader(STORY_COLLECTIONS.campaigns), schema: campaignSchema() }),
  places: defineCollection({ loader: yamlListLoader(DATA_FILES.places), schema: placeSchema() }),
  awards: defineCollection({ loader: yamlListLoader(DATA_FILES.awards), schema: awardSchema() }),
  settings: defineCollection({ loader: yamlDocumentLoader(DATA_FILES.settings), schema: settingsSchema() }),
};
