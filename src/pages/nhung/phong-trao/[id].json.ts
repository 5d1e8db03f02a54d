import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, pageKeys, type Campaign } from '../../../lib/data/site.ts';
import { embedResponse } from '../../../lib/embed-response.ts';
import { routes } from '../../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.campaigns.map((campaign) => ({ params: { id: campaign.id }, props: { campaign }, cacheKey: pageKeys.details(site) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const site = await loadSite();
  const { campaign } = props as { campaign: Campaign };
  return embedResponse(
    site,
    site.exemplarsByCampaign.get(campaign.id) ?? [],
    { title: campaign.data.title, home: routes.campaign(campaign.id), self: routes.embed.campaign(campaign.id) },
    origin,
  );
};
