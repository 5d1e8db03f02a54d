/**
 * The figures (counts, shares of direct workers, trends) and the decisions the content cites, against counts made
 * here by hand on small fixtures; the spelling check of decisions through the content check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { byYearAscending, countBy, directWorkerShare, exemplarKeys, formatShare, sharesBy, trendOf, type FigureItem } from '../../src/lib/figures/counts.ts';
import { collectDecisions, decisionKey, decisionSlug, issuerKey } from '../../src/lib/data/decisions.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import type { IsoDate } from '../../src/lib/dates.ts';
import { csv, figuresCsv } from '../../src/lib/figures/open-data.ts';
import type { Figures } from '../../src/lib/figures/tables.ts';
import { figuresParagraphs, spokenPercent } from '../../src/lib/radio/figures.ts';
import type { SocialGroup } from '../../src/schemas/social-groups.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const grant = (over: Record<string, unknown> = {}) => ({
  award: 'giay-khen',
  level: 'xa',
  issuer: 'Chủ tịch UBND xã Đông',
  decision: '12/QĐ-UBND',
  date: '2024-05-01',
  posthumous: false,
  ...over,
});

const make = (id: string, over: Partial<FigureItem['data']> & { socialGroup?: SocialGroup } = {}): FigureItem => ({
  id,
  data: {
    name: id,
    kind: 'ca-nhan',
    place: 'a',
    campaigns: [],
    awards: [],
    fields: ['tu-thien'],
    published: '2024-01-01' as IsoDate,
    featured: false,
    ...over,
  } as FigureItem['data'],
});

const items: FigureItem[] = [
  make('an', { socialGroup: 'nong-dan', campaigns: ['c1'], fields: ['nong-nghiep', 'tu-thien'], awards: [grant({ date: '2022-03-01' })] as never }),
  make('binh', {
    socialGroup: 'can-bo-cong-chuc-vien-chuc',
    campaigns: ['c1', 'c2'],
    awards: [grant({ date: '2023-03-01', level: 'huyen', award: 'bang-khen' })] as never,
  }),
  make('chi', { socialGroup: 'cong-nhan', campaigns: ['c2'], awards: [grant({ date: '2023-06-01', posthumous: true })] as never }),
  make('dung', {
    campaigns: ['c2'],
    awards: [grant({ date: '2023-06-01', revoked: { decision: '9/QĐ-UBND', date: '2023-07-01' } })] as never,
    published: '2023-02-02' as IsoDate,
  }),
  make('to-a', { kind: 'tap-the', campaigns: ['c1'], awards: [grant({ date: '2022-03-01' })] as never }),
  make('ho-b', { kind: 'ho-gia-dinh', fields: ['kinh-te'] }),
];

/** A count made the plain way: for every key, the items that have it at least once. */
function handCount(list: readonly FigureItem[], keys: (item: FigureItem) => readonly (string | number)[]) {
  const all = new Set(list.flatMap((item) => keys(item)));
  return Object.fromEntries([...all].map((key) => [key, list.filter((item) => keys(item).includes(key)).length]));
}

describe('figures', () => {
  it('counts each item once per key, largest first', () => {
    const rows = countBy(items, exemplarKeys.field);
    expect(rows).toEqual([
      { key: 'tu-thien', count: 5 },
      { key: 'kinh-te', count: 1 },
      { key: 'nong-nghiep', count: 1 },
    ]);
    for (const name of Object.keys(exemplarKeys) as (keyof typeof exemplarKeys)[]) {
      const keys = exemplarKeys[name] as (item: FigureItem) => readonly (string | number)[];
      expect(Object.fromEntries(countBy(items, keys).map((r) => [r.key, r.count])), name).toEqual(handCount(items, keys));
    }
  });

  it('leaves revoked awards out of forms, levels, years and posthumous awards', () => {
    expect(countBy(items, exemplarKeys.award)).toEqual([
      { key: 'giay-khen', count: 3 },
      { key: 'bang-khen', count: 1 },
    ]);
    expect(countBy(items, exemplarKeys.posthumous)).toEqual([{ key: 'truy-tang', count: 1 }]);
    // "dung" keeps only a revoked award: dated by publication.
    expect(byYearAscending(countBy(items, exemplarKeys.honourYear))).toEqual([
      { key: 2022, count: 2 },
      { key: 2023, count: 3 },
      { key: 2024, count: 1 },
    ]);
    expect(countBy(items, exemplarKeys.publishedYear)).toEqual([
      { key: 2024, count: 5 },
      { key: 2023, count: 1 },
    ]);
  });

  it('shares direct workers among individuals whose group is recorded', () => {
    expect(directWorkerShare(items)).toEqual({ individuals: 4, recorded: 3, direct: 2, unrecorded: 1, share: 2 / 3 });
    expect(directWorkerShare(items.filter((i) => i.data.kind !== 'ca-nhan')).share).toBeUndefined();
    expect(
      countBy(items, exemplarKeys.socialGroup)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['can-bo-cong-chuc-vien-chuc', 'chua-ghi', 'cong-nhan', 'nong-dan']);
  });

  it('gives the share per year and per campaign, and its trend', () => {
    const byYear = sharesBy(items, exemplarKeys.honourYear, [2022, 2023, 2024]);
    expect(byYear.map((r) => [r.key, r.direct, r.recorded])).toEqual([
      [2022, 1, 1],
      [2023, 1, 2],
      [2024, 0, 0],
    ]);
    expect(trendOf(byYear)).toEqual({ direction: 'giam', from: 2022, to: 2023, points: -50 });
    expect(
      trendOf([
        { key: 2020, share: 0.2 },
        { key: 2021, share: undefined },
        { key: 2022, share: 0.25 },
      ]),
    ).toEqual({ direction: 'tang', from: 2020, to: 2022, points: 5 });
    expect(trendOf([{ key: 2020, share: 0.2 }])).toEqual({ direction: 'chua-du' });
    const byCampaign = sharesBy(items, exemplarKeys.campaign, ['c1', 'c2']);
    expect(byCampaign.map((r) => [r.key, r.direct, r.recorded, r.unrecorded])).toEqual([
      ['c1', 1, 2, 0],
      ['c2', 1, 2, 1],
    ]);
  });

  it('writes shares as Vietnamese percentages', () => {
    expect([formatShare(0.4), formatShare(1 / 3), formatShare(undefined)]).toEqual(['40%', '33,3%', '–']);
  });
});

describe('decisions', () => {
  it('identifies a decision by issuer, number and date, whatever the spelling of the issuer', () => {
    expect(issuerKey('Chủ tịch UBND huyện Quốc Oai')).toBe(issuerKey('Chủ tịch Ủy ban nhân dân huyện  Quốc Oai.'));
    expect(issuerKey('Chủ tịch UBND huyện Quốc Oai')).not.toBe(issuerKey('Chủ tịch UBND huyện Thạch Thất'));
    const a = { issuer: 'Chủ tịch UBND huyện Quốc Oai', decision: '1520/QĐ-UBND', date: '2022-09-20' };
    expect(decisionKey({ ...a, issuer: 'Chủ tịch Uỷ ban nhân dân huyện Quốc Oai' })).toBe(decisionKey(a));
    expect(decisionKey({ ...a, date: '2023-09-20' })).not.toBe(decisionKey(a));
    // The number typed with an en dash or in lower case is the same number; the page and the check agree.
    expect(decisionKey({ ...a, decision: '1520/qđ–UBND' })).toBe(decisionKey(a));
    expect(decisionKey(a)).toBe(decisionSlug(a));
    expect(decisionKey({ ...a, issuer: 'Chủ tịch UBND xã Sài Sơn' })).not.toBe(decisionKey(a));
    expect(decisionSlug(a)).toBe('2022-09-20-1520-qd-ubnd-chu-tich-uy-ban-nhan-dan-huyen-quoc-oai');
  });

  it('lists everyone each decision honoured, revoked awards included, newest decision first', () => {
    const decisions = collectDecisions(items);
    expect(decisions.map((d) => [d.date, d.grants.map((g) => g.item.id)])).toEqual([
      ['2023-06-01', ['chi', 'dung']],
      ['2023-03-01', ['binh']],
      ['2022-03-01', ['an', 'to-a']],
    ]);
    const total = items.reduce((n, item) => n + item.data.awards.length, 0);
    expect(decisions.reduce((n, d) => n + d.grants.length, 0)).toBe(total);
  });

  it('reports the same decision cited with two spellings of its issuer, at the line of the second', async () => {
    const fixture = makeContentRoot({
      'content/exemplars/tran-thi-binh.mdx': exemplar({ name: 'Trần Thị Bình' }).replace(
        'issuer: Chủ tịch UBND xã Đông',
        'issuer: Chủ tịch Ủy ban nhân dân xã Đông',
      ),
      'content/exemplars/le-van-cuong.mdx': exemplar({ name: 'Lê Văn Cường' })
        .replace('date: 2024-05-01 }', 'date: 2024-06-01 }')
        .replace('issuer: Chủ tịch UBND xã Đông', 'issuer: Chủ tịch UBND xã Tây'),
    });
    cleanups.push(fixture.cleanup);
    const { problems } = await checkContent(fixture.root);
    expect(problems).toEqual([
      {
        file: 'content/exemplars/tran-thi-binh.mdx',
        line: 8,
        field: 'awards[0].issuer',
        message: expect.stringContaining(
          'Quyết định 12/QĐ-UBND ngày 01/05/2024 đã được ghi trong content/exemplars/nguyen-van-an.mdx là "Chủ tịch UBND xã Đông"',
        ),
      },
    ]);
    expect(baseFiles['content/exemplars/nguyen-van-an.mdx']).toContain('Chủ tịch UBND xã Đông');
  });
});

describe('open data and radio text of the figures', () => {
  const figures: Figures = {
    total: 6,
    tables: [
      {
        id: 'xa',
        title: 'Theo xã, phường hiện nay',
        description: '',
        rows: [
          { key: 'sai-son', label: 'xã Sài Sơn, huyện Quốc Oai', count: 4, href: '/dia-phuong/sai-son/' },
          { key: 'x', label: '=SUM(A1)', count: 2 },
        ],
      },
      { id: 'loai', title: 'Theo loại điển hình', description: '', rows: [{ key: 'ca-nhan', label: 'Cá nhân', count: 4 }] },
      { id: 'truy-tang', title: 'Truy tặng', description: '', rows: [{ key: 'truy-tang', label: 'Truy tặng', count: 1 }] },
    ],
    share: { overall: { individuals: 4, recorded: 3, direct: 2, unrecorded: 1, share: 2 / 3 }, byYear: [], byCampaign: [], trend: { direction: 'chua-du' } },
  };

  it('writes CSV with a byte order mark, CRLF, quoting and no formulas', () => {
    const text = figuresCsv(figures);
    expect(text.startsWith('\uFEFFbảng,mã,tên,số điển hình\r\n')).toBe(true);
    expect(text).toContain('xa,sai-son,"xã Sài Sơn, huyện Quốc Oai",4\r\n');
    expect(text).toContain("xa,x,'=SUM(A1),2\r\n");
    expect(csv([['a "b"', 1]])).toBe('\uFEFF"a ""b""",1\r\n');
  });

  it('reads the figures aloud with every number in words', () => {
    expect(spokenPercent(2 / 3)).toBe('sáu mươi sáu phẩy bảy phần trăm');
    const text = figuresParagraphs(figures, 'năm 2023', 'Gương Sáng')
      .map((p) => p.text)
      .join('\n');
    expect(text).not.toMatch(/[0-9%()]/);
    expect(text).toContain('năm hai nghìn không trăm hai mươi ba');
    expect(text).toContain('sáu mươi sáu phẩy bảy phần trăm');
    expect(text).toContain('truy tặng');
  });
});

describe('figures of a generated corpus', () => {
  it('counts as a plain tally does, and every decision lists its exemplars once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-figures-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    await writeCorpus(root, path.resolve(import.meta.dirname, '../..'), { exemplars: 300, districtsPerProvince: 2, communesPerDistrict: 3, campaigns: 6 });
    const { problems, model } = await checkContent(root);
    expect(problems).toEqual([]);
    const published = model.exemplars.filter((e) => isPublishable(e.data));
    expect(published.length).toBeLessThan(model.exemplars.length);
    for (const name of Object.keys(exemplarKeys) as (keyof typeof exemplarKeys)[]) {
      const keys = exemplarKeys[name] as (item: FigureItem) => readonly (string | number)[];
      expect(Object.fromEntries(countBy(published, keys).map((r) => [r.key, r.count])), name).toEqual(handCount(published, keys));
    }
    const people = published.filter((e) => e.data.kind === 'ca-nhan');
    const direct = people.filter((e) => ['nong-dan', 'cong-nhan', 'lao-dong-truc-tiep'].includes(e.data.socialGroup ?? ''));
    expect(directWorkerShare(published)).toMatchObject({ individuals: people.length, recorded: people.length, direct: direct.length });
    const decisions = collectDecisions(published);
    expect(decisions.length).toBeLessThan(published.length / 2);
    expect(decisions.flatMap((d) => d.grants.map((g) => g.item.id)).sort()).toEqual(published.flatMap((e) => e.data.awards.map(() => e.id)).sort());
  }, 60_000);
});
