import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data/site.ts';
import { embedResponse } from '../../lib/embed-response.ts';
import { routes } from '../../lib/paths.ts';
import { ui } from '../../i18n/vi.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  return embedResponse(site, site.exemplars, { title: ui.exemplars.title, home: routes.exemplars(), self: routes.embed.exemplars() }, origin);
};
