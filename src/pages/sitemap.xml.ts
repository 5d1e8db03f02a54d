import type { APIRoute } from 'astro';
import { loadSite } from '../lib/data/site.ts';
import { publicPaths } from '../lib/data/route-table.ts';
import { sitemapIndex, sitemapPartPath, sitemapParts, urlSet } from '../lib/data/sitemap.ts';
import { href } from '../lib/paths.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const parts = sitemapParts(publicPaths(await loadSite()));
  const body =
    parts.length === 1
      ? urlSet(parts[0]!.map((path) => new URL(path, origin).href))
      : sitemapIndex(parts.map((_, i) => new URL(href(sitemapPartPath(i + 1)), origin).href));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
