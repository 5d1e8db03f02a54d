import { describe, expect, it } from 'vitest';
import { SITEMAP_LIMIT, sitemapIndex, sitemapParts, urlSet } from '../../src/lib/data/sitemap.ts';

describe('sitemap', () => {
  it('keeps a site within the protocol’s limit of 50,000 addresses in one file, and splits one past it', () => {
    const limit = Array.from({ length: 50_000 }, (_, i) => `/p${i}/`);
    expect(sitemapParts(limit)).toHaveLength(1);
    expect(sitemapParts([...limit, '/one-more/']).map((part) => part.length)).toEqual([50_000, 1]);
    expect(SITEMAP_LIMIT).toBeLessThanOrEqual(50_000);
    expect(sitemapParts(['a', 'b', 'c'])).toEqual([['a', 'b', 'c']]);
    expect(sitemapParts([])).toEqual([[]]);
  });

  it('splits a larger one into full parts, in order', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `/p${i}/`);
    expect(sitemapParts(paths, 3)).toEqual([['/p0/', '/p1/', '/p2/'], ['/p3/', '/p4/', '/p5/'], ['/p6/']]);
  });

  it('writes escaped addresses in a url set and in an index', () => {
    expect(urlSet(['https://x.vn/a?b&c'])).toContain('<url><loc>https://x.vn/a?b&amp;c</loc></url>');
    expect(sitemapIndex(['https://x.vn/sitemap/1.xml'])).toMatch(
      /<sitemapindex [^>]+>\n  <sitemap><loc>https:\/\/x\.vn\/sitemap\/1\.xml<\/loc><\/sitemap>\n<\/sitemapindex>/,
    );
  });
});
