/**
 * The first page of each commune's and campaign's search browse, written with the site (lib/search/lists.ts): the
 * same count, results, order and card text as Pagefind's own filter-only browse, and only published entries.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { LISTED_FILTERS, PAGE_SIZE, type SearchList } from '../../src/lib/search/lists.ts';
import { listedBrowse, listedFilter } from '../../src/lib/search/understood.ts';
import { routes } from '../../src/lib/paths.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { listDist } from '../helpers/dist.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';

const dist = inject('sampleDist');
let search: SiteSearch;
let model: ContentModel;
let values: [filter: (typeof LISTED_FILTERS)[number], value: string][];
beforeAll(async () => {
  search = await openSearch(dist);
  const counts = await search.filters();
  values = LISTED_FILTERS.flatMap((filter) => Object.keys(counts[filter] ?? {}).map((value) => [filter, value] as [typeof filter, string]));
  ({ model } = await checkContent(ROOT));
});
afterAll(() => search?.close());

const fileOf = (filter: (typeof LISTED_FILTERS)[number], value: string) => path.join(dist, routes.searchList(filter, value));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SearchList;
/** What the result card reads (renderResult in src/scripts/search.ts). */
const CARD = ['title', 'kind', 'award', 'place', 'campaign', 'citation', 'image'];

describe('search lists', () => {
  it('exist for every commune and campaign value the index holds, and for no other', () => {
    expect(values.length).toBeGreaterThan(10);
    for (const [filter, value] of values) expect(existsSync(fileOf(filter, value)), `${filter}:${value}`).toBe(true);
    const files = listDist(dist).filter((f) => f.startsWith('tim-kiem/danh-sach/'));
    expect(files.sort()).toEqual(values.map(([filter, value]) => routes.searchList(filter, value).slice(1)).sort());
  });

  it("hold Pagefind's count, and its first page of the same filter-only browse, in its order, with the same card text", async () => {
    for (const [filter, value] of values) {
      const list = read(fileOf(filter, value));
      const hits = await search.search(null, { filters: { [filter]: [value] } });
      expect(list.count, `${filter}:${value}`).toBe(hits.length);
      expect(list.results.map((r) => new URL(r.url, 'http://x').pathname)).toEqual(hits.slice(0, PAGE_SIZE).map((h) => h.url));
      list.results.forEach((result, i) => {
        for (const key of CARD) expect(result.meta[key] ?? '', `${result.url} ${key}`).toBe(hits[i]!.meta[key] ?? '');
      });
    }
  });

  it('list no draft, no withdrawn entry', () => {
    const hidden = model.exemplars.filter((e) => !isPublishable(e.data)).map((e) => routes.exemplar(e.id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const [filter, value] of values) {
      const urls = read(fileOf(filter, value)).results.map((r) => r.url);
      for (const url of hidden) expect(urls).not.toContain(url);
    }
  });

  it('stay small', () => {
    const files = values.map(([filter, value]) => fileOf(filter, value));
    for (const file of files) expect(statSync(file).size, file).toBeLessThan(16_000);
  });
});

describe('which words are answered from a list', () => {
  const browse = (q: string, more: { filters?: Record<string, string[]>; sort?: Record<string, string>; literal?: boolean } = {}) =>
    listedBrowse(search.dictionary, { q, filters: more.filters ?? {}, literal: more.literal ?? false, sort: more.sort });

  it('a commune or a campaign alone', () => {
    expect(browse('xa sai son')).toMatchObject({ filter: 'xa', value: 'xa-quoc-oai' });
    expect(browse('nguoi tot viec tot quoc oai 2022')).toMatchObject({ filter: 'phong-trao', value: 'nguoi-tot-viec-tot-quoc-oai-2022' });
  });

  it('not with other words, another filter, a sort, as text, or a place of several communes', () => {
    expect(browse('an sai son')).toBeUndefined();
    expect(browse('xa sai son', { filters: { nam: ['2022'] } })).toBeUndefined();
    expect(browse('xa sai son', { sort: { date: 'desc' } })).toBeUndefined();
    expect(browse('xa sai son', { literal: true })).toBeUndefined();
    expect(browse('thanh pho ha noi')).toBeUndefined();
  });

  it('a commune or a campaign chosen as the only filter, without words or a sort', () => {
    const chosen = (filters: Record<string, string[]>, more: { q?: string; sort?: Record<string, string> } = {}) =>
      listedFilter({ q: more.q ?? '', filters, literal: false, sort: more.sort });
    expect(chosen({ xa: ['xa-quoc-oai'] })).toEqual({ filter: 'xa', value: 'xa-quoc-oai' });
    expect(chosen({ 'phong-trao': ['nguoi-tot-viec-tot-quoc-oai-2022'] })).toEqual({ filter: 'phong-trao', value: 'nguoi-tot-viec-tot-quoc-oai-2022' });
    expect(chosen({ xa: ['xa-quoc-oai', 'xa-tay-phuong'] })).toBeUndefined();
    expect(chosen({ xa: ['xa-quoc-oai'], nam: ['2022'] })).toBeUndefined();
    expect(chosen({ nam: ['2022'] })).toBeUndefined();
    expect(chosen({ xa: ['xa-quoc-oai'] }, { q: 'an' })).toBeUndefined();
    expect(chosen({ xa: ['xa-quoc-oai'] }, { sort: { date: 'desc' } })).toBeUndefined();
  });
});
