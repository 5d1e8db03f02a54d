import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../lib/data/site.ts';
import { publicPaths } from '../../lib/data/route-table.ts';
import { sitemapParts, urlSet } from '../../lib/data/sitemap.ts';

/** Parts of a sitemap too large for one file; none for a site that fits in /sitemap.xml. */
export const getStaticPaths = (async () => {
  const parts = sitemapParts(publicPaths(await loadSite()));
  return parts.length === 1 ? [] : parts.map((paths, i) => ({ params: { part: String(i + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(urlSet((props.paths as string[]).map((path) => new URL(path, site).href)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
