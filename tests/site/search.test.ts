/** Search matching, run with Pagefind's own search code in Node against the built sample site. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { collectDecisions } from '../../src/lib/data/decisions.ts';
import { published as expectedOutput } from '../../src/lib/output-check/published.ts';
import { ROOT } from '../helpers/build-sample.ts';
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

const urls = async (query: string | null, filters?: Record<string, string | string[]>) => (await search.search(query, { filters })).map((hit) => hit.url);
const exemplar = (id: string) => `/dien-hinh/${id}/`;

describe('typing without diacritics', () => {
  it.each([
    ['dang thi hoa', 'dang-thi-hoa'],
    ['nguyen van an', 'nguyen-van-an'],
    ['doan van duc', 'doan-van-duc'],
    ['hop tac xa dong tam', 'hop-tac-xa-nong-nghiep-dong-tam'],
  ])('"%s" finds %s first', async (query, id) => {
    expect((await urls(query))[0]).toBe(exemplar(id));
  });

  it('"doan ket" finds the ward Đoàn Kết and what is filed there', async () => {
    const found = await urls('doan ket');
    expect(found).toContain('/dia-phuong/phuong-doan-ket-ayun-pa/');
    expect(found).toContain(exemplar('doi-thanh-nien-tinh-nguyen-doan-ket'));
  });
});

describe('tone placement and normal forms', () => {
  it.each([
    ['hoà', 'hòa', ['dang-thi-hoa', 'bui-thi-hoa']],
    ['thuý', 'thúy', ['tran-thi-thuy', 'le-thi-thuy']],
    ['Thuỷ', 'Thủy', ['pham-van-thuy', 'hoang-thi-thuy']],
    ['khoẻ', 'khỏe', ['ho-gia-dinh-ong-dao-van-khoe']],
  ])('"%s" and "%s" find the same people, written either way', async (a, b, ids) => {
    const [first, second] = [await urls(a), await urls(b)];
    for (const id of ids) {
      expect(first).toContain(exemplar(id));
      expect(second).toContain(exemplar(id));
    }
  });

  it('finds text stored as NFD with NFD and NFC queries', async () => {
    for (const query of ['Nguyễn Thị Ngọc Ánh'.normalize('NFD'), 'Nguyễn Thị Ngọc Ánh'.normalize('NFC'), 'nguyen thi ngoc anh']) {
      expect((await urls(query))[0]).toBe(exemplar('nguyen-thi-ngoc-anh'));
    }
  });
});

describe('exact accents first', () => {
  it.each([
    ['Thủy', ['Phạm Văn Thủy', 'Hoàng Thị Thuỷ'], ['Trần Thị Thuý', 'Lê Thị Thúy']],
    ['Thuý', ['Trần Thị Thuý', 'Lê Thị Thúy'], ['Phạm Văn Thủy', 'Hoàng Thị Thuỷ']],
    ['Đào', ['Hộ gia đình bà Nguyễn Thị Đào', 'Hộ gia đình ông Đào Văn Khoẻ'], []],
  ])('"%s" ranks exact matches above folded ones', async (query, exact, folded) => {
    const titles = (await search.search(query)).map((hit) => hit.meta.title);
    expect(new Set(titles.slice(0, exact.length))).toEqual(new Set(exact));
    for (const name of folded) expect(titles.indexOf(name)).toBeGreaterThanOrEqual(exact.length);
  });
});

describe('old and new place names', () => {
  const filedUnder = (placeSuffix: string) =>
    model.exemplars.filter((e) => isPublishable(e.data) && e.data.place.endsWith(placeSuffix)).map((e) => exemplar(e.id));

  it('finds stories filed under Thái Bình by the name of its successor, Hưng Yên, and by the old name', async () => {
    const stories = filedUnder('vu-thu');
    expect(stories.length).toBeGreaterThan(0);
    for (const query of ['Hưng Yên', 'hung yen', 'Thái Bình']) {
      const found = await urls(query);
      for (const story of stories) expect(found, query).toContain(story);
    }
  });

  it('finds stories of huyện Nam Đông by the province’s present name', async () => {
    const found = await urls('thành phố Huế');
    for (const story of filedUnder('nam-dong')) expect(found).toContain(story);
  });

  it('finds a story filed under a former commune by the commune that holds it now, and by its former district', async () => {
    const saiSon = filedUnder('sai-son-quoc-oai');
    expect(saiSon.length).toBeGreaterThan(0);
    for (const query of ['xã Quốc Oai', 'xa quoc oai', 'huyện Quốc Oai', 'Hà Nội']) {
      const found = await urls(query);
      for (const story of saiSon) expect(found, query).toContain(story);
    }
    // Khe Tre, huyện Nam Đông (before 2025) → Khe Tre, huyện Phú Lộc → xã Khe Tre (since 1 July 2025).
    const kheTre = filedUnder('khe-tre-nam-dong');
    expect(kheTre.length).toBeGreaterThan(0);
    for (const story of kheTre) expect(await urls('xã Khe Tre')).toContain(story);
    // Tân Việt of Hải Dương: now in Hải Phòng.
    for (const story of filedUnder('tan-viet-hai-duong')) expect(await urls('Hải Phòng')).toContain(story);
  });
});

describe('campaigns', () => {
  it('finds a campaign by its plan number', async () => {
    expect((await urls('177/KH-UBND'))[0]).toBe('/phong-trao/phat-trien-kt-xh-nam-dong-2021/');
  });
  it('finds a commendation decision by its number', async () => {
    const page = '/quyet-dinh/2022-09-20-1520-qd-ubnd-chu-tich-uy-ban-nhan-dan-huyen-quoc-oai/';
    expect((await urls('1520/QĐ-UBND'))[0]).toBe(page);
    expect(await urls(null, { loai: 'quyet-dinh', nam: '2022' })).toContain(page);
  });
  it('finds a campaign by its name typed without diacritics', async () => {
    expect(await urls('nguoi tot viec tot quoc oai')).toContain('/phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/');
  });
});

describe('filters', () => {
  /** The former units whose successors include xã Quốc Oai (since 1 July 2025), and xã Quốc Oai itself. */
  const nowInQuocOai = () => new Set(['xa-quoc-oai', ...model.places.filter((p) => p.data.successors.some((s) => s.place === 'xa-quoc-oai')).map((p) => p.id)]);

  it('browses a commune in a campaign with no query, with counts', async () => {
    const inQuocOai = nowInQuocOai();
    const expected = model.exemplars
      .filter((e) => isPublishable(e.data) && inQuocOai.has(e.data.place) && e.data.campaigns.includes('nguoi-tot-viec-tot-quoc-oai-2022'))
      .map((e) => exemplar(e.id))
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect((await urls(null, { xa: 'xa-quoc-oai', 'phong-trao': 'nguoi-tot-viec-tot-quoc-oai-2022' })).sort()).toEqual(expected);
    // The commune of today counts the stories of every former unit that went (wholly or in part) into it.
    const totals = await search.filters();
    expect(totals.xa['xa-quoc-oai']).toBe(model.exemplars.filter((e) => isPublishable(e.data) && inQuocOai.has(e.data.place)).length);
  });

  it('offers every filter the issue names', async () => {
    expect(Object.keys(await search.filters()).sort()).toEqual(['khen-thuong', 'linh-vuc', 'loai', 'nam', 'phong-trao', 'xa']);
  });

  it('sorts by name in Vietnamese order', async () => {
    const hits = await search.search(null, { filters: { loai: 'ca-nhan', xa: 'xa-tan-viet-hai-duong' }, sort: { name: 'asc' } });
    const names = hits.map((h) => h.meta.title);
    expect(names).toEqual(
      [...names].sort((a, b) => {
        const given = (n: string) => n.split(' ').at(-1)!;
        return given(a).localeCompare(given(b), 'vi') || a.localeCompare(b, 'vi');
      }),
    );
  });
});

describe('every sample exemplar', () => {
  it('is found by its name typed without diacritics, by its commune and by its campaigns', async () => {
    const fold = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase();
    const published = model.exemplars.filter((e) => isPublishable(e.data));
    expect(published.length).toBeGreaterThanOrEqual(30);
    for (const entry of published) {
      const url = exemplar(entry.id);
      expect((await urls(fold(entry.data.name))).slice(0, 3), entry.data.name).toContain(url);
      const [hit] = await search.search(null, { filters: { loai: entry.data.kind } }).then((hits) => hits.filter((h) => h.url === url));
      expect(hit, entry.data.name).toBeDefined();
      expect(await urls(null, { xa: hit.filters.xa })).toContain(url);
      for (const campaign of entry.data.campaigns) expect(await urls(null, { 'phong-trao': campaign })).toContain(url);
    }
  });
});

describe('what the index holds', () => {
  it('indexes only exemplar, campaign, place and decision pages', async () => {
    const all = await urls(null, { loai: ['ca-nhan', 'tap-the', 'ho-gia-dinh', 'mo-hinh', 'phong-trao', 'dia-phuong', 'quyet-dinh'] });
    const decisions = collectDecisions(model.exemplars.filter((e) => isPublishable(e.data)));
    expect(all.length).toBe(
      model.exemplars.filter((e) => isPublishable(e.data)).length + model.campaigns.length + expectedOutput(model).places.length + decisions.length,
    );
    for (const url of all) expect(url).toMatch(/^\/(dien-hinh|phong-trao|dia-phuong|quyet-dinh)\/[a-z0-9-]+\/$/);
  });

  it('never finds a draft, a withdrawn entry or one whose consent was withdrawn', async () => {
    const hidden = model.exemplars.filter((e) => !isPublishable(e.data));
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const entry of hidden) {
      const hits = await search.search(entry.data.name);
      expect(hits.map((h) => h.meta.title)).not.toContain(entry.data.name);
      expect(hits.map((h) => h.url)).not.toContain(exemplar(entry.id));
    }
  });

  it('gives results the data a card needs', async () => {
    const [hit] = await search.search('dang thi hoa');
    expect(hit.meta).toMatchObject({
      title: 'Đặng Thị Hoà',
      citation: expect.stringContaining('nấu cơm'),
      place: 'xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội',
      campaign: expect.stringContaining('Quốc Oai'),
      award: 'Người tốt, việc tốt',
      image: expect.stringMatching(/^\/_astro\/.+\.webp$/),
    });
  });
});
