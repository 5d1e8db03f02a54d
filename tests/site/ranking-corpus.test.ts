/**
 * Ranking at scale, over a generated site: every indexed page found by its own title typed without diacritics within
 * the first three results. Opt-in, since it needs a corpus built by the benchmark:
 *   npm run bench -- --exemplars 1000 --no-bare --no-rebuild --no-lighthouse --keep
 *   RANKING_DIST=<kept folder>/site/dist npx vitest run --config tests/vitest.config.ts --project site tests/site/ranking-corpus.test.ts
 * The sample's own pages are checked on every run by tests/site/search-words.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/lib/text.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';

const dist = process.env.RANKING_DIST;

describe.runIf(dist)('ranking over a generated site', () => {
  let search: SiteSearch;
  beforeAll(async () => {
    search = await openSearch(dist!);
  });
  afterAll(async () => search?.close());

  it('finds every indexed page by its own title typed without diacritics, within the first three results', async () => {
    const kinds = Object.keys((await search.filters()).loai ?? {});
    const pages = await search.search(null, { filters: { loai: kinds } });
    const missed: string[] = [];
    // A title four pages share cannot have all four within the first three: those are counted apart.
    const shared = new Map<string, number>();
    for (const page of pages) shared.set(foldVietnamese(page.meta.title!), (shared.get(foldVietnamese(page.meta.title!)) ?? 0) + 1);
    const crowded = pages.filter((page) => shared.get(foldVietnamese(page.meta.title!))! > 3).length;
    for (const page of pages) {
      if (shared.get(foldVietnamese(page.meta.title!))! > 3) continue;
      const query = foldVietnamese(page.meta.title!);
      const listed = await search.understood(query);
      if (!listed.slice(0, 3).includes(page.url)) missed.push(`${query} → ${page.url} (${listed.indexOf(page.url) + 1})`);
    }
    console.log(
      `ranking: ${pages.length - crowded - missed.length} of ${pages.length - crowded} pages within the first three (${crowded} pages share a title with three others or more)`,
    );
    expect(missed).toEqual([]);
  }, 1_800_000);
});
