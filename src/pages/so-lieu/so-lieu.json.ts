import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data/site.ts';
import { figuresOf } from '../../lib/figures/tables.ts';
import { figuresJson } from '../../lib/figures/open-data.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  return new Response(figuresJson(figuresOf(site, site.exemplars), origin, site.today), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
