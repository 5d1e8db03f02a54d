/**
 * Campaigns say what their plans say, and no more: every real campaign of the sample cites the section of its plan
 * for each statement, names the plan's signer, and shows no result without the report it comes from; dates the
 * plans give only as a month or a year stay so, and status, order and wording read them sensibly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignSchema, type CampaignData } from '../../src/schemas/campaign.ts';
import { parseEntry } from '../../src/lib/content/source.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import {
  campaignStatus,
  currentPhase,
  periodLong,
  periodShort,
  planShortName,
  sortCampaigns,
  sourceNotes,
  sourceSections,
} from '../../src/lib/data/campaigns.ts';
import { signerLabel } from '../../src/lib/documents.ts';
import type { IsoDate, PartialDate } from '../../src/lib/dates.ts';
import { baseFiles, makeContentRoot } from '../helpers/content-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = 'content/campaigns';

/** The sample's campaign entries, read and parsed on their own, as the content check reads them. */
const sample = readdirSync(path.join(ROOT, DIR))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const file = `${DIR}/${name}`;
    const { entry } = parseEntry(readFileSync(path.join(ROOT, file), 'utf8'), file);
    const parsed = campaignSchema().safeParse(entry!.data);
    return { file, parsed };
  });

const day = (value: string) => value as IsoDate;
const date = (value: string) => value as PartialDate;

describe('the sample campaigns', () => {
  it('are six, all valid', () => {
    expect(sample).toHaveLength(6);
    for (const { file, parsed } of sample) expect(parsed.error?.issues ?? [], file).toEqual([]);
  });

  const real = () => sample.map(({ file, parsed }) => ({ file, data: parsed.data! })).filter(({ data }) => !data.illustrative);

  it('summarise real plans, but for one illustrative campaign under the communes of after 1 July 2025', () => {
    expect(real()).toHaveLength(5);
    const illustrative = sample.map(({ parsed }) => parsed.data!).filter((data) => data.illustrative);
    expect(illustrative.map((data) => [data.place, data.period.end])).toEqual([['xa-quoc-oai', '2026-12-31']]);
    expect(illustrative[0]!.title).toContain('minh hoạ');
  });

  it('cite the section of the plan behind the summary, the text, the period and the participants', () => {
    for (const { file, data } of real()) {
      for (const statement of ['summary', 'body', 'period', 'participants'] as const)
        expect(sourceSections(data, statement), `${file} ${statement}`).not.toEqual([]);
    }
  });

  it('cite a source for each phase, criterion, document of the legal basis, movement and field, one for all or one each', () => {
    for (const { file, data } of real()) {
      for (const statement of ['phases', 'criteria', 'legalBasis', 'movements', 'fields'] as const) {
        const cited = data.sources?.[statement];
        if (data[statement].length === 0) {
          expect(cited, `${file} ${statement}`).toBeUndefined();
          continue;
        }
        expect(cited, `${file} ${statement}`).toBeDefined();
        if (Array.isArray(cited)) expect(cited, `${file} ${statement}`).toHaveLength(data[statement].length);
      }
      if (data.reviews.midterm || data.reviews.final) expect(data.sources?.reviews, file).toBeDefined();
    }
  });

  it('name the signer of each plan with their public role, as the plan prints them', () => {
    const signers = Object.fromEntries(real().map(({ file, data }) => [path.basename(file, '.mdx'), data.plan.signer && signerLabel(data.plan.signer)]));
    expect(signers).toEqual({
      'chi-thi-19-thai-binh-2021-2025': 'Phó Chủ tịch Lưu Văn Hoàn (ký thay Chủ tịch, thay mặt Ủy ban nhân dân tỉnh)',
      'nguoi-tot-viec-tot-quoc-oai-2022': 'Phó Chủ tịch Hoàng Nguyên Ứng (ký thay Chủ tịch, thay mặt Ủy ban nhân dân)',
      'phat-trien-kt-xh-nam-dong-2021': 'Chủ tịch Trần Quốc Phụng (thay mặt Ủy ban nhân dân)',
      'thi-dua-ayun-pa-2023': 'Chủ tịch Nguyễn Trường Sơn (thay mặt Ủy ban nhân dân)',
      'thi-dua-khen-thuong-tan-viet-2023': 'Chủ tịch Vũ Ngọc Hưng (thay mặt Ủy ban nhân dân)',
    });
  });

  it('show no results without the report they come from', () => {
    for (const { file, data } of real()) if (data.results) expect(data.results.report, file).toBeDefined();
  });

  it('keep the dates the plans give only as a month or a year', () => {
    const byId = Object.fromEntries(real().map(({ file, data }) => [path.basename(file, '.mdx'), data]));
    expect(byId['nguoi-tot-viec-tot-quoc-oai-2022']!.reviews.final).toBe('2022-09');
    expect(byId['thi-dua-ayun-pa-2023']!.plan.date).toBe('2023-03');
    expect(byId['chi-thi-19-thai-binh-2021-2025']!.period).toEqual({ start: '2021', end: '2025' });
    // The Quốc Oai plan names no issuer for Kế hoạch số 04/KH-BTC, and has neither number nor date of its own.
    const quocOai = byId['nguoi-tot-viec-tot-quoc-oai-2022']!;
    expect(quocOai.legalBasis.find((d) => d.number === '04/KH-BTC')!.issuer).toBeUndefined();
    expect([quocOai.plan.number, quocOai.plan.date]).toEqual([undefined, undefined]);
  });
});

describe('partial dates of a campaign', () => {
  const period = (start: string, end: string) => ({ period: { start: date(start), end: date(end) } });

  it('run to the last day of an end month or year, and from the first day of a start month or year', () => {
    expect(campaignStatus(period('2022-09', '2022-09'), day('2022-08-31'))).toBe('upcoming');
    expect(campaignStatus(period('2022-09', '2022-09'), day('2022-09-01'))).toBe('running');
    expect(campaignStatus(period('2022-09', '2022-09'), day('2022-09-30'))).toBe('running');
    expect(campaignStatus(period('2022-09', '2022-09'), day('2022-10-01'))).toBe('reviewed');
    expect(campaignStatus(period('2021', '2025'), day('2025-12-31'))).toBe('running');
    expect(campaignStatus(period('2021', '2025'), day('2026-01-01'))).toBe('reviewed');
    expect(campaignStatus(period('2021-10-15', '2022-06-30'), day('2022-06-30'))).toBe('running');
  });

  it('find the phase under way, whatever the precision of its dates', () => {
    const phases = [
      { name: 'Đợt 1', start: date('2023-01'), end: date('2023-06') },
      { name: 'Đợt 2', start: date('2023-07-01'), end: date('2023') },
    ];
    expect(currentPhase({ phases }, day('2023-06-30'))?.name).toBe('Đợt 1');
    expect(currentPhase({ phases }, day('2023-12-31'))?.name).toBe('Đợt 2');
    expect(currentPhase({ phases }, day('2024-01-01'))).toBeUndefined();
  });

  it('sort newest first across precisions', () => {
    const campaigns = [period('2021', '2025'), period('2023', '2023'), period('2022-09', '2022-09'), period('2023-01-01', '2023-06-30')].map((data, i) => ({
      id: i,
      data,
    }));
    expect(sortCampaigns(campaigns).map((c) => c.id)).toEqual([1, 3, 2, 0]);
  });

  it('read as the plan wrote them', () => {
    expect(periodLong(period('2021-10-15', '2022-06-30').period)).toBe('Từ ngày 15 tháng 10 năm 2021 đến ngày 30 tháng 6 năm 2022');
    expect(periodLong(period('2021', '2025').period)).toBe('Từ năm 2021 đến năm 2025');
    expect(periodLong(period('2023', '2023').period)).toBe('Năm 2023');
    expect(periodLong(period('2022-09', '2022-09').period)).toBe('Tháng 9 năm 2022');
    expect(periodShort(period('2021', '2025').period)).toBe('2021 – 2025');
    expect(periodShort(period('2023-01', '2023-06').period)).toBe('1/2023 – 6/2023');
    expect(periodShort(period('2023', '2023').period)).toBe('2023');
  });
});

describe('citing a plan', () => {
  const plan = (fields: Partial<CampaignData['plan']>) => ({ issuer: 'UBND xã Đông', plan: { title: 'Kế hoạch', ...fields } as CampaignData['plan'] });

  it('names the plan in source notes by its number, or by its date and issuer', () => {
    expect(planShortName(plan({ number: '177/KH-UBND', date: date('2020-12-31') }))).toBe('Kế hoạch số 177/KH-UBND');
    expect(planShortName(plan({ number: '/KH-UBND', date: date('2023-03'), issuer: 'UBND thị xã Ayun Pa' }))).toBe(
      'Kế hoạch tháng 3/2023 của UBND thị xã Ayun Pa',
    );
    expect(planShortName(plan({}))).toBe('Kế hoạch của UBND xã Đông');
  });

  it('writes out the signature block without its abbreviations', () => {
    expect(signerLabel({ name: 'Nguyễn Văn A', role: 'Giám đốc', authority: [] })).toBe('Giám đốc Nguyễn Văn A');
    expect(signerLabel({ name: 'Nguyễn Văn A', role: 'Phó Giám đốc', authority: ['TL. Chủ tịch', 'KT. Giám đốc'] })).toBe(
      'Phó Giám đốc Nguyễn Văn A (ký thay Giám đốc, thừa lệnh Chủ tịch)',
    );
  });

  it('lists the sections cited for each statement once, in the order of the page', () => {
    const sources = { summary: 'Mục I.1', criteria: ['Mục II.1', 'Mục II.1', 'Mục III.2'], phases: 'Mục II.6' };
    expect(sourceNotes({ sources } as Pick<CampaignData, 'sources'>)).toEqual([
      { statement: 'summary', sections: ['Mục I.1'] },
      { statement: 'phases', sections: ['Mục II.6'] },
      { statement: 'criteria', sections: ['Mục II.1', 'Mục III.2'] },
    ]);
  });
});

describe('the content check of a campaign', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  const FILE = 'content/campaigns/phong-trao-a.mdx';
  const base = baseFiles[FILE]!;

  async function check(text: string) {
    const fixture = makeContentRoot({ [FILE]: text });
    cleanups.push(fixture.cleanup);
    // An invalid campaign also makes the exemplar that names it report a missing campaign; only the campaign's own problems matter here.
    return (await checkContent(fixture.root)).problems.filter((p) => p.file === FILE);
  }
  const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

  /** The fixture's campaign as a real one, with its sources. */
  const real = base
    .replace('illustrative: true\n', '')
    .replace(
      'published: 2024-01-06\n',
      'published: 2024-01-06\nsources: { summary: Mục I, body: Mục I đến Mục III, period: Mục II.2, participants: Mục II.3 }\n',
    );

  it('accepts a real campaign with its sources, and an illustrative one without', async () => {
    expect(await check(real)).toEqual([]);
    expect(await check(base)).toEqual([]);
  });

  it('refuses a real campaign without sources, at the line of the campaign and naming the field', async () => {
    const text = base.replace('illustrative: true\n', '');
    expect(await check(text)).toEqual([
      expect.objectContaining({ file: FILE, line: 2, field: 'sources', message: expect.stringContaining('phải ghi nguồn (sources)') }),
    ]);
  });

  it('refuses a list whose sources do not match its items, and a statement without its source', async () => {
    const text = real
      .replace(
        'participants: Mọi người dân.\n',
        'participants: Mọi người dân.\ncriteria: [A., B.]\nphases:\n  - { name: Đợt 1, start: 01/2024, end: 06/2024 }\n',
      )
      .replace('participants: Mục II.3 }', 'participants: Mục II.3, criteria: [Mục III.1] }');
    expect((await check(text)).map((p) => [p.field, p.line, p.message])).toEqual([
      ['sources.phases', lineOf(text, 'sources:'), 'Ghi nguồn của các đợt (phases) ở sources.phases: mục nào của kế hoạch, ví dụ "Mục II.3".'],
      ['sources.criteria', lineOf(text, 'sources:'), expect.stringContaining('Danh sách tiêu chí (criteria) có 2 mục mà sources.criteria ghi 1 nguồn')],
    ]);
  });

  it('refuses results that cite no report, naming file, line and field', async () => {
    const text = real.replace('published: 2024-01-06\n', 'published: 2024-01-06\nresults:\n  byAward:\n    - { award: giay-khen, count: 3 }\n');
    expect(await check(text)).toEqual([
      {
        file: FILE,
        line: lineOf(text, 'results:'),
        field: 'results.report',
        message: expect.stringMatching(/^Kết quả của phong trào phải dẫn báo cáo .*results\.report/),
      },
    ]);
    const reported = text.replace('results:\n', 'results:\n  report: { number: 9/BC-UBND, issuer: UBND xã Đông, date: 2024-12-20 }\n');
    expect(await check(reported)).toEqual([]);
  });

  it('accepts a month or a year where the plan gives no day, and refuses months that do not exist', async () => {
    const partial = real
      .replace('period: { start: 2024-01-02, end: 2024-12-31 }', 'period: { start: 2024, end: 12/2024 }\nreviews: { final: 2025-01 }')
      .replace('period: Mục II.2', 'period: Mục II.2, reviews: Mục II.4')
      .replace('plan: { number: 1/KH-UBND, date: 2024-01-02 }', 'plan: { number: 1/KH-UBND, date: 01/2024 }');
    expect(await check(partial)).toEqual([]);
    const wrong = partial.replace('end: 12/2024', 'end: 13/2024').replace('final: 2025-01', 'final: 2025/01');
    expect((await check(wrong)).map((p) => [p.field, p.message])).toEqual([
      ['period.end', 'Ngày "13/2024" không có trên lịch: kiểm tra lại ngày, tháng (từ 1 đến 12) và năm.'],
      ['reviews.final', expect.stringContaining('chỉ ghi tháng thì viết 03/2024')],
    ]);
  });

  it('keeps the publication dates whole: a month alone is refused there', async () => {
    const text = base.replace('published: 2024-01-06', 'published: 01/2024');
    expect((await check(text)).map((p) => p.field)).toEqual(['published']);
  });
});
