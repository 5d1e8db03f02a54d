import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../lib/data/site.ts';
import { feedResponse } from '../lib/feed-response.ts';
import { href, routes } from '../lib/paths.ts';
import { ui } from '../i18n/vi.ts';

export const getStaticPaths = (() => [{ params: { feed: 'rss.xml' } }, { params: { feed: 'feed.json' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const channel = { title: site.settings.siteName, description: ui.feeds.siteDescription, home: routes.home() };
  return feedResponse(params.feed === 'rss.xml' ? 'rss' : 'json', site, site.exemplars, channel, href(`/${params.feed}`), origin);
};
