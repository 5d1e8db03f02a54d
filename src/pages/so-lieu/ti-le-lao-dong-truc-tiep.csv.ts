import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data/site.ts';
import { figuresOf } from '../../lib/figures/tables.ts';
import { sharesCsv } from '../../lib/figures/open-data.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(sharesCsv(figuresOf(site, site.exemplars)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
