/**
 * The sitemap. The protocol allows 50,000 addresses a file; a larger site (about 18,000 exemplars and up) gets a
 * sitemap index at the same address, /sitemap.xml, listing numbered parts (/sitemap/1.xml, …), so robots.txt and
 * search engines need not know which kind it is.
 */
export const SITEMAP_LIMIT = 50_000;

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** The addresses of each part, in order; a single part when they all fit in one file. */
export function sitemapParts<T>(urls: readonly T[], limit = SITEMAP_LIMIT): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push(urls.slice(i, i + limit));
  return parts.length > 0 ? parts : [[]];
}

export function urlSet(urls: readonly string[]): string {
  return `${HEAD}<urlset ${NS}>\n${urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(partUrls: readonly string[]): string {
  return `${HEAD}<sitemapindex ${NS}>\n${partUrls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
}

/** Site path of part `n` (1-based) of a split sitemap. */
export const sitemapPartPath = (n: number) => `/sitemap/${n}.xml`;
