import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, pageKeys, type Campaign } from '../../../lib/data/site.ts';
import { FEED_SIZE } from '../../../lib/feeds.ts';
import { feedResponse } from '../../../lib/feed-response.ts';
import { FEED_FILES, feedFormat } from '../../../lib/names.ts';
import { routes } from '../../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.campaigns.flatMap((campaign) => {
    const cacheKey = pageKeys.stories(site, (site.exemplarsByCampaign.get(campaign.id) ?? []).slice(0, FEED_SIZE));
    return Object.values(FEED_FILES).map((feed) => ({ params: { id: campaign.id, feed }, props: { campaign }, cacheKey }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site: origin }) => {
  const site = await loadSite();
  const { campaign } = props as { campaign: Campaign };
  const channel = { title: `${campaign.data.shortTitle} · ${site.settings.siteName}`, description: campaign.data.summary, home: routes.campaign(campaign.id) };
  const format = feedFormat(params.feed!)!;
  return feedResponse(format, site, site.exemplarsByCampaign.get(campaign.id) ?? [], channel, routes.feed(format, { campaign: campaign.id }), origin);
};
