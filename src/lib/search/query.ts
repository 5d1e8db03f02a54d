/**
 * How the search page asks Pagefind, shared with the tests so they check what readers get. A query is searched as
 * typed, which Pagefind matches with or without marks; an accented query is then searched again with Pagefind's
 * exact diacritics, in the chosen tone placement (tones.ts), and those exact matches are listed first.
 * The second search needs no more of the index than the first: Pagefind keeps every written form of a word with its
 * folded form, so exactness costs a little work and no bytes. Pagefind applies the setting to the site's own index
 * only, so results from another site's merged index join the exact ones whether their marks match or not.
 */
import { chosenTonePlacement, isAccented } from './tones.ts';

export interface PagefindLike<R extends { id: string }> {
  search: (query: string | null, options: Record<string, unknown>) => Promise<{ results: R[]; filters: Record<string, Record<string, number>> } | null>;
  options: (options: Record<string, unknown>) => Promise<void>;
}

// Exact diacritics are a setting of the whole index, not of one search, so searches on one index take turns.
const turns = new WeakMap<object, Promise<unknown>>();

/**
 * Pagefind's ranking for this site: a word matched whole counts far more than a longer word it begins (so "hồ" does
 * not rank "hoà" and "hoàng" alike), and a long story is not pushed below a short page that names the same person.
 * Measured on a generated site of 1,000 exemplars (docs/benchmarks.md).
 */
export const RANKING = { termSimilarity: 5, pageLength: 0 } as const;

export function searchExactFirst<R extends { id: string }>(pagefind: PagefindLike<R>, query: string | null, options: Record<string, unknown>) {
  const turn = (turns.get(pagefind) ?? Promise.resolve()).catch(() => undefined).then(() => exactFirst(pagefind, query?.normalize('NFC') ?? null, options));
  turns.set(pagefind, turn);
  return turn;
}

async function exactFirst<R extends { id: string }>(pagefind: PagefindLike<R>, query: string | null, options: Record<string, unknown>) {
  const all = await pagefind.search(query, options);
  if (!all || !query || !isAccented(query) || all.results.length === 0) return all;
  await pagefind.options({ exactDiacritics: true });
  let exact;
  try {
    exact = await pagefind.search(chosenTonePlacement(query), options);
  } finally {
    await pagefind.options({ exactDiacritics: false });
  }
  if (!exact || exact.results.length === 0) return all;
  const first = new Set(exact.results.map((r) => r.id));
  return { ...all, results: [...exact.results, ...all.results.filter((r) => !first.has(r.id))] };
}
