import type { APIRoute } from 'astro';
import { loadSite } from '../lib/data/site.ts';
import { publicPaths } from '../lib/data/route-table.ts';

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const urls = publicPaths(site).map((path) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
