import { defineCollection } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { storyLoader } from './loaders/stories.ts';
import { yamlDocumentLoader, yamlListLoader } from './loaders/data.ts';
import { placesLoader } from './loaders/places.ts';
import { DATA_FILES, STORY_COLLECTIONS } from './lib/content/collections.ts';
import { exemplarSchema } from './schemas/exemplar.ts';
import { campaignSchema } from './schemas/campaign.ts';
import { placeSchema } from './schemas/place.ts';
import { awardSchema } from './schemas/award.ts';
import { settingsSchema } from './schemas/settings.ts';

/**
 * Astro calls a schema function once per entry, to hand it an image() helper that knows the entry's file. Building
 * the exemplar schema costs fifty times more than using it (ten seconds at 10,000 entries), so it is built once and
 * its photo paths go through the helper of the entry being parsed: the story loader parses one entry at a time.
 */
let entryImage: () => z.ZodType;
const exemplarsWithPhotos = exemplarSchema({
  image: () =>
    z.string().transform(async (value, ctx) => {
      const parsed = await entryImage().safeParseAsync(value);
      if (parsed.success) return parsed.data as ImageMetadata;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }),
});

export const collections = {
  exemplars: defineCollection({
    loader: storyLoader(STORY_COLLECTIONS.exemplars),
    schema: ({ image }) => {
      entryImage = image;
      return exemplarsWithPhotos;
    },
  }),
  campaigns: defineCollection({ loader: storyLoader(STORY_COLLECTIONS.campaigns), schema: campaignSchema() }),
  places: defineCollection({ loader: placesLoader(), schema: placeSchema() }),
  awards: defineCollection({ loader: yamlListLoader(DATA_FILES.awards), schema: awardSchema() }),
  settings: defineCollection({ loader: yamlDocumentLoader(DATA_FILES.settings), schema: settingsSchema() }),
};
