import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, pageKeys } from '../lib/data/site.ts';
import { FEED_SIZE } from '../lib/feeds.ts';
import { feedResponse } from '../lib/feed-response.ts';
import { FEED_FILES, feedFormat } from '../lib/names.ts';
import { routes } from '../lib/paths.ts';
import { ui } from '../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const cacheKey = pageKeys.stories(site, site.exemplars.slice(0, FEED_SIZE));
  return Object.values(FEED_FILES).map((feed) => ({ params: { feed }, cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const channel = { title: site.settings.siteName, description: ui.feeds.siteDescription, home: routes.home() };
  const format = feedFormat(params.feed!)!;
  return feedResponse(format, site, site.exemplars, channel, routes.feed(format), origin);
};
