import type { APIRoute, GetStaticPaths } from 'astro';
import { exemplarsOfPlace, loadSite, pageKeys } from '../../../lib/data/site.ts';
import { FEED_SIZE } from '../../../lib/feeds.ts';
import { feedResponse } from '../../../lib/feed-response.ts';
import { FEED_FILES, feedFormat } from '../../../lib/names.ts';
import { routes } from '../../../lib/paths.ts';
import { ui } from '../../../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return [...site.places.byId.keys()].flatMap((id) => {
    const exemplars = exemplarsOfPlace(site, id);
    if (exemplars.length === 0) return [];
    const cacheKey = pageKeys.stories(site, exemplars.slice(0, FEED_SIZE));
    return Object.values(FEED_FILES).map((feed) => ({ params: { id, feed }, cacheKey }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const id = params.id!;
  const label = site.places.fullLabel(id);
  const channel = { title: `${label} · ${site.settings.siteName}`, description: ui.feeds.placeDescription(label), home: routes.place(id) };
  const format = feedFormat(params.feed!)!;
  return feedResponse(format, site, exemplarsOfPlace(site, id), channel, routes.feed(format, { place: id }), origin);
};
