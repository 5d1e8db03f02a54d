import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, pageKeys } from '../lib/data/site.ts';
import { FEED_SIZE } from '../lib/feeds.ts';
import { feedResponse } from '../lib/feed-response.ts';
import { href, routes } from '../lib/paths.ts';
import { ui } from '../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const cacheKey = pageKeys.stories(site, site.exemplars.slice(0, FEED_SIZE));
  return [{ params: { feed: 'rss.xml' }, cacheKey }, { params: { feed: 'feed.json' }, cacheKey }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const channel = { title: site.settings.siteName, description: ui.feeds.siteDescription, home: routes.home() };
  return feedResponse(params.feed === 'rss.xml' ? 'rss' : 'json', site, site.exemplars, channel, href(`/${params.feed}`), origin);
};
