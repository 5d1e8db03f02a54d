import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Campaign } from '../../../lib/data/site.ts';
import { campaignBulletin, campaignBulletinPaths, radioTextHeader } from '../../../lib/data/radio.ts';
import { scriptText } from '../../../lib/radio/bulletin.ts';
import { ui } from '../../../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return campaignBulletinPaths(site);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const site = await loadSite();
  const { campaign } = props as { campaign: Campaign };
  const bulletin = campaignBulletin(site, campaign);
  const text = scriptText(radioTextHeader(site, ui.radio.bulletinTitle(campaign.data.shortTitle), bulletin.syllables, bulletin.left), bulletin.paragraphs);
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
