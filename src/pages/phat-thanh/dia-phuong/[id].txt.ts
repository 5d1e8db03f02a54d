import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/data/site.ts';
import { placeBulletin, placeBulletinPaths, radioTextHeader } from '../../../lib/data/radio.ts';
import { scriptText } from '../../../lib/radio/bulletin.ts';
import { capitalize } from '../../../lib/format.ts';
import { ui } from '../../../i18n/vi.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return placeBulletinPaths(site);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const id = params.id!;
  const bulletin = placeBulletin(site, id);
  const title = ui.radio.bulletinTitle(capitalize(site.places.fullLabel(id)));
  const text = scriptText(radioTextHeader(site, title, bulletin.syllables, bulletin.left), bulletin.paragraphs);
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
