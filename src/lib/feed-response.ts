/** The two formats of one feed as HTTP responses, so every feed route stays a few lines. */
import type { FeedFormat } from './names.ts';
import { feedItems, type Exemplar, type Site } from './data/site.ts';
import { jsonFeed, rss, type FeedChannel } from './feeds.ts';

export function feedResponse(
  format: FeedFormat,
  site: Site,
  exemplars: readonly Exemplar[],
  channel: Omit<FeedChannel, 'self'>,
  self: string,
  origin: URL | undefined,
) {
  const full = { ...channel, home: new URL(channel.home, origin).href, self: new URL(self, origin).href };
  const items = feedItems(site, exemplars, origin);
  return format === 'rss'
    ? new Response(rss(full, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(jsonFeed(full, items), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
