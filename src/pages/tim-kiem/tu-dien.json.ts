import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data/site.ts';
import { searchDictionary } from '../../lib/search/dictionary.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(searchDictionary(site)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
