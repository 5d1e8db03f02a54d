import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Campaign } from '../../../../lib/data/site.ts';
import { campaignFiguresText, figureCampaignPaths } from '../../../../lib/figures/radio.ts';

export const getStaticPaths = (async () => figureCampaignPaths(await loadSite())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { campaign } = props as { campaign: Campaign };
  return new Response(campaignFiguresText(await loadSite(), campaign), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
