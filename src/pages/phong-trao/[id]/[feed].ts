import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, pageKeys, type Campaign } from '../../../lib/data/site.ts';
import { FEED_SIZE } from '../../../lib/feeds.ts';
import { feedResponse } from '../../../lib/feed-response.ts';
import { routes } from '../../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.campaigns.flatMap((campaign) => {
    const cacheKey = pageKeys.stories(site, (site.exemplarsByCampaign.get(campaign.id) ?? []).slice(0, FEED_SIZE));
    return ['rss.xml', 'feed.json'].map((feed) => ({ params: { id: campaign.id, feed }, props: { campaign }, cacheKey }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site: origin }) => {
  const site = await loadSite();
  const { campaign } = props as { campaign: Campaign };
  const channel = { title: `${campaign.data.shortTitle} · ${site.settings.siteName}`, description: campaign.data.summary, home: routes.campaign(campaign.id) };
  return feedResponse(params.feed === 'rss.xml' ? 'rss' : 'json', site, site.exemplarsByCampaign.get(campaign.id) ?? [], channel, `${routes.campaign(campaign.id)}${params.feed}`, origin);
};
