/** Pagefind's own search code from a built site, run in Node against a loopback server. */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { serveStatic, type StaticServer } from './serve.ts';
import { readFileSync } from 'node:fs';
import { RANKING, searchExactFirst } from '../../src/lib/search/query.ts';
import { searchUnderstood } from '../../src/lib/search/understood.ts';
import type { SearchDictionary } from '../../src/lib/search/recognize.ts';

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SiteSearch {
  search: (query: string | null, options?: { filters?: Record<string, string | string[]>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<SearchHit[]>;
  /**
   * The words as the search page asks them: understood as filters where they name something, the rest as text; the
   * addresses in the order the page lists them, the page of what the words named first.
   */
  understood: (q: string, filters?: Record<string, string[]>) => Promise<string[]>;
  dictionary: SearchDictionary;
  filters: () => Promise<Record<string, Record<string, number>>>;
  close: () => Promise<void>;
}

export async function openSearch(dist: string): Promise<SiteSearch> {
  const server: StaticServer = await serveStatic(dist);
  const pagefind = await import(pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href + `?${Date.now()}`);
  await pagefind.options({ basePath: `${server.url}pagefind/` });
  await pagefind.init();
  await pagefind.options({ ranking: RANKING });
  const dictionary = JSON.parse(readFileSync(path.join(dist, 'tim-kiem/tu-dien.json'), 'utf8')) as SearchDictionary;
  return {
    async search(query, options = {}) {
      // Several values of one filter mean "any of them", as on the search page.
      const filters = Object.fromEntries(Object.entries(options.filters ?? {}).map(([name, value]) => [name, Array.isArray(value) ? { any: value } : value]));
      const response = await searchExactFirst<{ id: string; data: () => Promise<SearchHit> }>(pagefind, query, { ...options, filters });
      const data = await Promise.all((response?.results ?? []).map((r) => r.data()));
      return data.map((d: SearchHit) => ({ url: new URL(d.url).pathname, meta: d.meta, filters: d.filters }));
    },
    dictionary,
    async understood(q, filters = {}) {
      const { response, pages } = await searchUnderstood<{ id: string; data: () => Promise<SearchHit> }>(pagefind, dictionary, { q, filters, literal: false });
      const found = (await Promise.all((response?.results ?? []).map((r) => r.data()))).map((d) => new URL(d.url).pathname);
      const first = pages.map((page) => `/${page.section}/${page.id}/`);
      return [...first, ...found.filter((url) => !first.includes(url))];
    },
    filters: () => pagefind.filters(),
    async close() {
      await pagefind.destroy?.();
      await server.close();
    },
  };
}
