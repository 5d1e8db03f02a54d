/** Pagefind's own search code from a built site, run in Node against a loopback server. */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { serveStatic, type StaticServer } from './serve.ts';
import { searchExactFirst } from '../../src/lib/search/query.ts';

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SiteSearch {
  search: (query: string | null, options?: { filters?: Record<string, string | string[]>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<SearchHit[]>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  close: () => Promise<void>;
}

export async function openSearch(dist: string): Promise<SiteSearch> {
  const server: StaticServer = await serveStatic(dist);
  const pagefind = await import(pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href + `?${Date.now()}`);
  await pagefind.options({ basePath: `${server.url}pagefind/` });
  await pagefind.init();
  return {
    async search(query, options = {}) {
      // Several values of one filter mean "any of them", as on the search page.
      const filters = Object.fromEntries(Object.entries(options.filters ?? {}).map(([name, value]) => [name, Array.isArray(value) ? { any: value } : value]));
      const response = await searchExactFirst<{ id: string; data: () => Promise<SearchHit> }>(pagefind, query, { ...options, filters });
      const data = await Promise.all((response?.results ?? []).map((r) => r.data()));
      return data.map((d: SearchHit) => ({ url: new URL(d.url).pathname, meta: d.meta, filters: d.filters }));
    },
    filters: () => pagefind.filters(),
    async close() {
      await pagefind.destroy?.();
      await server.close();
    },
  };
}
