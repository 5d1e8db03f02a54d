/**
 * Words that name a place, a campaign, an award, a field or a year, understood as filters by the search page, and
 * the ranking of every indexed page by its own title: run with Pagefind's own search code and the built dictionary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { honourYear } from '../../src/lib/data/exemplars.ts';
import { placesInUse } from '../../src/lib/data/places.ts';
import { recognise, type Recognised } from '../../src/lib/search/recognize.ts';
import { foldVietnamese } from '../../src/lib/text.ts';
import { titleQuery } from '../../src/lib/search/title-key.ts';
import { ui } from '../../src/i18n/vi.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { htmlPages, readText } from '../helpers/dist.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';

const dist = inject('sampleDist');
let search: SiteSearch;
let model: ContentModel;
beforeAll(async () => {
  search = await openSearch(dist);
  await search.filters();
  ({ model } = await checkContent(ROOT));
});
afterAll(() => search?.close());

const exemplarPage = (id: string) => `/dien-hinh/${id}/`;
const publishedExemplars = () => model.exemplars.filter((e) => isPublishable(e.data));
/** The published exemplars whose place is this one, under it or taken over by it: those its page lists. */
let under: Map<string, string[]> | undefined;
function exemplarsUnder(placeId: string): string[] {
  if (!under) {
    under = new Map();
    const places = new Map(model.places.map((p) => [p.id, p.data]));
    for (const e of publishedExemplars()) {
      for (const id of placesInUse((id) => places.get(id), [e.data.place])) under.set(id, [...(under.get(id) ?? []), exemplarPage(e.id)]);
    }
  }
  return under.get(placeId) ?? [];
}
const only = (query: string) => {
  const found = recognise(search.dictionary, query);
  expect(found.candidates, query).toEqual([]);
  expect(found.leftover, query).toBe('');
  expect(found.recognised, query).toHaveLength(1);
  return found.recognised[0]!;
};

describe('the recognition dictionary', () => {
  const file = path.join(dist, 'tim-kiem/tu-dien.json');

  it('is asked for by the search page only', () => {
    const asking = htmlPages(dist).filter((page) => readText(dist, page).includes('tu-dien.json'));
    expect(asking).toEqual(['tim-kiem/index.html']);
  });

  it('holds the places that have exemplars under them, and names no exemplar', () => {
    const text = readFileSync(file, 'utf8');
    exemplarsUnder('');
    const withExemplars = [...under!.keys()].sort();
    expect(search.dictionary.places.map(([id]) => id).sort()).toEqual(withExemplars);
    for (const e of publishedExemplars()) expect(text).not.toContain(e.data.name);
  });
});

describe('what people type after hearing it on the radio', () => {
  it.each([
    ['xa sai son', { xa: ['xa-quoc-oai'] }, ''],
    ['nguoi tot viec tot quoc oai 2022', { 'phong-trao': ['nguoi-tot-viec-tot-quoc-oai-2022'] }, ''],
    ['phuong doan ket ayun pa', { xa: ['phuong-ayun-pa'] }, ''],
    ['an sai son', { xa: ['xa-quoc-oai'] }, 'an'],
  ])('"%s" is understood as %o, leaving "%s"', (query, filters, leftover) => {
    expect(recognise(search.dictionary, query)).toMatchObject({ filters, leftover, candidates: [] });
  });
});

describe('every place in use, typed as words', () => {
  it('is recognised by its type and name, folded and accented, and filters to every exemplar it holds', async () => {
    for (const [id, type, name, , communes] of search.dictionary.places) {
      for (const query of [
        `${ui.placeTypes[type as keyof typeof ui.placeTypes]} ${name}`,
        foldVietnamese(`${ui.placeTypes[type as keyof typeof ui.placeTypes]} ${name}`),
      ]) {
        const found = recognise(search.dictionary, query);
        const choices = found.candidates.length > 0 ? found.candidates : found.recognised;
        const own = choices.filter((c) => c.kind === 'place' && search.dictionary.places[c.place]![0] === id);
        // A former commune split among several is offered once per commune that holds a part; another unit of the
        // same type and name, merged into it, may stand for it.
        expect(own.length + choices.filter((c) => c.kind === 'place').length, query).toBeGreaterThan(0);
        if (found.candidates.length > 0) continue;
        expect(found.filters.xa?.length, query).toBe(communes.length);
      }
      const query = foldVietnamese(`${ui.placeTypes[type as keyof typeof ui.placeTypes]} ${name}`);
      if (recognise(search.dictionary, query).candidates.length > 0) continue;
      const listed = await search.understood(query);
      for (const page of exemplarsUnder(id)) expect(listed, `${query}: ${page}`).toContain(page);
    }
  });

  it('"thanh pho ha noi" lists the page of Hà Nội first, then its exemplars', async () => {
    const listed = await search.understood('thanh pho ha noi');
    expect(listed[0]).toBe('/dia-phuong/ha-noi/');
    expect(listed).toEqual(expect.arrayContaining(exemplarsUnder('ha-noi')));
  });

  it('a place and a name: "dang thi hoa sai son" filters by the commune and finds the person first', async () => {
    const found = recognise(search.dictionary, 'dang thi hoa sai son');
    expect(found.leftover).toBe('dang thi hoa');
    expect((await search.understood('dang thi hoa sai son'))[0]).toBe(exemplarPage('dang-thi-hoa'));
  });

  it('lists the choices for a former town split between two communes, and for one name of several units', () => {
    const label = (c: Recognised) => c.kind === 'place' && c.communes.map((p) => search.dictionary.places[p]![0]).join();
    expect(recognise(search.dictionary, 'thi tran quoc oai').candidates.map(label)).toEqual(['xa-quoc-oai', 'xa-tay-phuong']);
    expect(recognise(search.dictionary, 'quoc oai').candidates.length).toBeGreaterThan(1);
  });
});

describe('every campaign, award, field and year in use, typed as words', () => {
  it('a campaign by its short title or title, folded or accented, or its plan number: its page first, then its exemplars', async () => {
    for (const [id, title, shortTitle, plan] of search.dictionary.campaigns) {
      const queries = [shortTitle, foldVietnamese(shortTitle), foldVietnamese(title), ...(/\d/.test(plan) ? [plan] : [])];
      for (const query of queries) expect(only(query), query).toMatchObject({ kind: 'campaign' });
      const listed = await search.understood(foldVietnamese(shortTitle));
      expect(listed[0]).toBe(`/phong-trao/${id}/`);
      const members = publishedExemplars().filter((e) => e.data.campaigns.includes(id));
      for (const e of members) expect(listed).toContain(exemplarPage(e.id));
    }
  });

  it('an award by its name or its form ("giay khen"), a field by its label, a year: every exemplar that has it', async () => {
    const exemplars = publishedExemplars();
    const cases = [
      ...search.dictionary.awards.map(
        ([label, ids]) => [label, exemplars.filter((e) => e.data.awards.some((a) => !a.revoked && ids.includes(a.award)))] as const,
      ),
      ...search.dictionary.fields.map(([id, label]) => [label, exemplars.filter((e) => e.data.fields.includes(id as never))] as const),
      ...search.dictionary.years.map(([year]) => [String(year), exemplars.filter((e) => honourYear(e) === year)] as const),
    ];
    for (const [label, holders] of cases) {
      for (const query of [label, foldVietnamese(label)]) expect(only(query).kind, query).not.toBe('place');
      const listed = await search.understood(foldVietnamese(label));
      expect(holders.length, label).toBeGreaterThan(0);
      for (const e of holders) expect(listed, `${label}: ${e.id}`).toContain(exemplarPage(e.id));
    }
  });

  it('"giay khen 2023" is the Giấy khen of 2023 only', async () => {
    const found = recognise(search.dictionary, 'giay khen 2023');
    expect(Object.keys(found.filters).sort()).toEqual(['khen-thuong', 'nam']);
    const listed = await search.understood('giay khen 2023');
    const expected = publishedExemplars().filter((e) => honourYear(e) === 2023 && e.data.awards.some((a) => !a.revoked && a.award.startsWith('giay-khen')));
    expect(listed.filter((url) => url.startsWith('/dien-hinh/')).sort()).toEqual(expected.map((e) => exemplarPage(e.id)).sort());
  });
});

describe('ranking', () => {
  it('finds every indexed page by its own title typed without diacritics, within the first three results', async () => {
    const kinds = Object.keys((await search.filters()).loai ?? {});
    const pages = await search.search(null, { filters: { loai: kinds } });
    expect(pages.length).toBeGreaterThan(40);
    const missed: string[] = [];
    for (const page of pages) {
      const query = foldVietnamese(page.meta.title!);
      const listed = await search.understood(query);
      if (!listed.slice(0, 3).includes(page.url)) missed.push(`${query} → ${page.url} (${listed.indexOf(page.url) + 1})`);
    }
    expect(missed).toEqual([]);
  });

  it('finds every indexed page by the key of its whole title, that page and no other (digits and all)', async () => {
    const kinds = Object.keys((await search.filters()).loai ?? {});
    const pages = await search.search(null, { filters: { loai: kinds } });
    const titled = new Map<string, string[]>();
    for (const page of pages) titled.set(page.meta.title!, [...(titled.get(page.meta.title!) ?? []), page.url]);
    expect([...titled.keys()].some((title) => /\d/.test(title))).toBe(true);
    for (const [title, urls] of titled) expect((await search.search(titleQuery(title)!)).map((p) => p.url).sort(), title).toEqual(urls.sort());
  });
});
