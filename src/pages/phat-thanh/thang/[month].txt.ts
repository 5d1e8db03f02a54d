import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/data/site.ts';
import { monthBulletin, monthBulletinPaths, radioTextHeader } from '../../../lib/data/radio.ts';
import { scriptText } from '../../../lib/radio/bulletin.ts';
import { ui } from '../../../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return monthBulletinPaths(site);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const month = params.month!;
  const bulletin = monthBulletin(site, month);
  const text = scriptText(radioTextHeader(site, ui.radio.bulletinTitle(ui.radio.month(month)), bulletin.syllables, bulletin.left), bulletin.paragraphs);
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
