/**
 * How the search page asks Pagefind, shared with the tests so they check what readers get. An accented query runs
 * twice: with its exact-accent tokens (which Pagefind treats as required words, so only exact matches come back)
 * and as typed (folded matches); exact matches are listed first, then the rest.
 */
import { toneTokens, withToneTokens } from './tones.ts';

export interface PagefindLike<R extends { id: string }> {
  search: (query: string | null, options: Record<string, unknown>) => Promise<{ results: R[]; filters: Record<string, Record<string, number>> } | null>;
}

export async function searchExactFirst<R extends { id: string }>(pagefind: PagefindLike<R>, query: string | null, options: Record<string, unknown>) {
  const accented = Boolean(query) && toneTokens(query!).length > 0;
  // Both at once: each waits on its own index chunks, and the reader waits for the slower only.
  const [all, exact] = await Promise.all([pagefind.search(query, options), accented ? pagefind.search(withToneTokens(query!), options) : null]);
  if (!all || !exact || exact.results.length === 0) return all;
  const first = new Set(exact.results.map((r) => r.id));
  return { ...all, results: [...exact.results, ...all.results.filter((r) => !first.has(r.id))] };
}
