import { describe, expect, it } from 'vitest';
import { searchExactFirst, type PagefindLike } from '../../src/lib/search/query.ts';
import { foldVietnamese } from '../../src/lib/text.ts';
import { chosenTonePlacement } from '../../src/lib/search/tones.ts';

/**
 * A stand-in for Pagefind over a few names: like Pagefind, it reads the exact-diacritics setting only once the
 * index chunks have arrived, after a pause. Each name is also indexed in the chosen tone placement, as pages are.
 */
function fakeIndex(names: string[]) {
  let exact = false;
  const calls: string[] = [];
  const index: PagefindLike<{ id: string }> = {
    async options(options) {
      exact = Boolean(options.exactDiacritics);
    },
    async search(query) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      calls.push(`${query}${exact ? ' (exact)' : ''}`);
      const matches = names.filter((name) => (exact ? [name, chosenTonePlacement(name)].includes(query!) : foldVietnamese(name) === foldVietnamese(query!)));
      return { results: matches.map((id) => ({ id })), filters: {} };
    },
  };
  return { index, calls };
}

const ids = (response: { results: { id: string }[] } | null) => response?.results.map((r) => r.id);

describe('exact accents first', () => {
  const names = ['Thúy', 'Thuỷ', 'Thuy', 'Thủy'];

  it('lists exact matches first, both tone placements counting as exact', async () => {
    const { index, calls } = fakeIndex(names);
    expect(ids(await searchExactFirst(index, 'Thủy', {}))).toEqual(['Thuỷ', 'Thủy', 'Thúy', 'Thuy']);
    expect(calls).toEqual(['Thủy', 'Thuỷ (exact)']);
  });

  it('asks once for a query without marks', async () => {
    const { index, calls } = fakeIndex(names);
    expect(ids(await searchExactFirst(index, 'thuy', {}))).toEqual(names);
    expect(calls).toEqual(['thuy']);
  });

  it('keeps searches asked at the same time apart, as when a reader types on', async () => {
    const { index, calls } = fakeIndex(names);
    const [accented, plain] = await Promise.all([searchExactFirst(index, 'Thủy', {}), searchExactFirst(index, 'thuy', {})]);
    expect(ids(accented)).toEqual(['Thuỷ', 'Thủy', 'Thúy', 'Thuy']);
    expect(ids(plain)).toEqual(names);
    expect(calls).toEqual(['Thủy', 'Thuỷ (exact)', 'thuy']);
  });
});
