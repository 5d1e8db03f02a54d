/**
 * The statistics section, its open data, the campaign figures, the radio texts of the figures and the decision
 * pages of the built sample, against counts made here from content/ as the content check reads it: plain loops over
 * the published entries, not the site's counting code. Drafts, withdrawn entries and withdrawn consents must never
 * be counted.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel, Loaded } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { PlaceIndex } from '../../src/lib/data/places.ts';
import { collectDecisions } from '../../src/lib/data/decisions.ts';
import type { ExemplarData } from '../../src/schemas/exemplar.ts';
import { BUILD_DATE, ROOT } from '../helpers/build-sample.ts';
import { listDist, readText } from '../helpers/dist.ts';

const dist = inject('sampleDist');
let model: ContentModel;
let exemplars: Loaded<ExemplarData>[];
let places: PlaceIndex;
beforeAll(async () => {
  ({ model } = await checkContent(ROOT));
  exemplars = model.exemplars.filter((e) => isPublishable(e.data));
  places = new PlaceIndex(
    model.places.map((p) => p.data),
    BUILD_DATE as never,
  );
});

const DIRECT = ['nong-dan', 'cong-nhan', 'lao-dong-truc-tiep'];

/** The commune an exemplar is counted under: its commune, or the communes that took it over; else the unit today. */
function communes(placeId: string): string[] {
  let id: string | undefined = placeId;
  while (id && !['xa', 'phuong', 'thi-tran', 'dac-khu'].includes(places.get(id).type)) id = places.get(id).parent;
  if (id && places.get(id).successors.length === 0) return [id];
  return places.presentUnits(id ?? placeId).map((p) => p.id);
}
const provinces = (placeId: string) => [...new Set(communes(placeId).flatMap((id) => places.presentUnits(places.lineage(id).at(-1)!.id).map((p) => p.id)))];

/** For each key, how many exemplars have it at least once. */
function tally(list: readonly Loaded<ExemplarData>[], keys: (e: Loaded<ExemplarData>) => (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of list) for (const key of new Set(keys(e).map(String))) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const standing = (e: Loaded<ExemplarData>) => e.data.awards.filter((a) => !a.revoked);
const honourYear = (e: Loaded<ExemplarData>) =>
  Number(
    (
      standing(e)
        .map((a) => a.date)
        .sort()[0] ?? e.data.published
    ).slice(0, 4),
  );

/** The tables of the statistics section, counted independently. */
function expectedTables(list: readonly Loaded<ExemplarData>[]): Record<string, Record<string, number>> {
  return {
    xa: tally(list, (e) => communes(e.data.place)),
    tinh: tally(list, (e) => provinces(e.data.place)),
    'phong-trao': tally(list, (e) => e.data.campaigns),
    'hinh-thuc': tally(list, (e) => standing(e).map((a) => a.award)),
    cap: tally(list, (e) => standing(e).map((a) => a.level)),
    loai: tally(list, (e) => [e.data.kind]),
    'linh-vuc': tally(list, (e) => e.data.fields),
    'nam-khen': tally(list, (e) => [honourYear(e)]),
    'nam-dang': tally(list, (e) => [e.data.published.slice(0, 4)]),
    'truy-tang': tally(list, (e) => (standing(e).some((a) => a.posthumous) ? ['truy-tang'] : [])),
    'nhom-xa-hoi': tally(list, (e) => (e.data.kind === 'ca-nhan' ? [e.data.socialGroup ?? 'chua-ghi'] : [])),
  };
}

function share(list: readonly Loaded<ExemplarData>[]) {
  const people = list.filter((e) => e.data.kind === 'ca-nhan');
  const recorded = people.filter((e) => e.data.socialGroup);
  const direct = recorded.filter((e) => DIRECT.includes(e.data.socialGroup!));
  return { individuals: people.length, recorded: recorded.length, direct: direct.length };
}

interface JsonFigures {
  total: number;
  tables: { id: string; rows: { key: string; label: string; count: number; href?: string }[] }[];
  directWorkers: {
    overall: { individuals: number; recorded: number; direct: number };
    byYear: { key: string; individuals: number; recorded: number; direct: number }[];
    byCampaign: { key: string; direct: number; recorded: number }[];
  };
}

const asCounts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

/** `data-key` / `data-count` pairs of a chart's table in a page, by the chart's id. */
function htmlTable(html: string, id: string): Record<string, number> {
  const section = new RegExp(`data-figure-table="${id}"[\\s\\S]*?</section>`).exec(html)?.[0];
  if (!section) return {};
  return Object.fromEntries([...section.matchAll(/<tr data-key="([^"]+)">[\s\S]*?data-count="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
}

describe('figures', () => {
  it('shows a person’s social group on their page only where the editor chose to', () => {
    expect(readText(dist, 'dien-hinh/nguyen-van-thanh/index.html')).toContain('<strong>Nhóm xã hội:</strong> Lực lượng vũ trang');
    // Đặng Thị Hoà is counted as a farmer in the figures, and her page does not say so.
    expect(readText(dist, 'dien-hinh/dang-thi-hoa/index.html')).not.toContain('Nhóm xã hội');
  });

  it('counts in the JSON every table as content/ gives it, without drafts or withdrawn entries', () => {
    const json = JSON.parse(readText(dist, 'so-lieu/so-lieu.json')) as JsonFigures;
    expect(json.total).toBe(exemplars.length);
    expect(model.exemplars.length).toBeGreaterThan(exemplars.length);
    const expected = expectedTables(exemplars);
    expect(Object.fromEntries(json.tables.map((t) => [t.id, asCounts(t.rows)]))).toEqual(expected);
    expect(json.directWorkers.overall).toMatchObject(share(exemplars));
    expect(json.directWorkers.overall.recorded).toBeGreaterThan(0);
    for (const row of json.directWorkers.byYear) expect(row, row.key).toMatchObject(share(exemplars.filter((e) => honourYear(e) === Number(row.key))));
    for (const row of json.directWorkers.byCampaign) expect(row, row.key).toMatchObject(share(exemplars.filter((e) => e.data.campaigns.includes(row.key))));
    const unpublished = model.exemplars.filter((e) => !isPublishable(e.data)).map((e) => e.data.name);
    for (const name of unpublished) expect(readText(dist, 'so-lieu/so-lieu.json')).not.toContain(name);
  });

  it('shows the same numbers in the tables of the statistics page, each bar linked to its list', () => {
    const html = readText(dist, 'so-lieu/index.html');
    const json = JSON.parse(readText(dist, 'so-lieu/so-lieu.json')) as JsonFigures;
    for (const table of json.tables) {
      // Provinces are shown only when there are several.
      if (table.id === 'tinh' && table.rows.length < 2) continue;
      expect(htmlTable(html, `bang-${table.id}`), table.id).toEqual(asCounts(table.rows));
    }
    const commune = json.tables.find((t) => t.id === 'xa')!.rows[0]!;
    expect(html).toContain(`<a href="/dia-phuong/${commune.key}/" tabindex="-1">`);
    expect(html).toMatch(/<svg[^>]*class="chart-drawing"[^>]*aria-hidden="true"/);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });

  it('publishes the figures as CSV that Excel opens with its diacritics', () => {
    const csv = readText(dist, 'so-lieu/so-lieu.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('bảng,mã,tên,số điển hình');
    expect(csv).toMatch(/xã|phường/);
    const expected = expectedTables(exemplars);
    const fromCsv: Record<string, Record<string, number>> = {};
    for (const line of lines) {
      const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 4);
      (fromCsv[cells[0]!] ??= {})[cells[1]!] = Number(cells[3]);
    }
    expect(fromCsv).toEqual(Object.fromEntries(Object.entries(expected).filter(([, counts]) => Object.keys(counts).length > 0)));
    const shares = readText(dist, 'so-lieu/ti-le-lao-dong-truc-tiep.csv');
    expect(shares.charCodeAt(0)).toBe(0xfeff);
    const overall = share(exemplars);
    expect(shares.split('\r\n')[1]).toBe(
      `tat-ca,,Tỉ lệ người lao động trực tiếp,${overall.individuals},${overall.recorded},${overall.direct},${overall.individuals - overall.recorded},${((overall.direct / overall.recorded) * 100).toFixed(1)}`,
    );
  });

  it('shows a campaign its own figures', () => {
    const id = 'nguoi-tot-viec-tot-quoc-oai-2022';
    const own = exemplars.filter((e) => e.data.campaigns.includes(id));
    // The campaign's page gives the totals and links to the charts, which are kept off it to keep it light.
    expect(readText(dist, `phong-trao/${id}/index.html`)).toContain(`href="/so-lieu/phong-trao/${id}/"`);
    const html = readText(dist, `so-lieu/phong-trao/${id}/index.html`);
    expect(html).toContain(`data-campaign-figures="${own.length}"`);
    const expected = expectedTables(own);
    for (const table of ['xa', 'hinh-thuc', 'cap', 'loai']) expect(htmlTable(html, `phong-trao-${table}`), table).toEqual(expected[table]);
  });

  it('reads the figures of a year and of a campaign aloud, numbers in words', () => {
    const texts = listDist(dist).filter((file) => file.startsWith('phat-thanh/so-lieu/') && file.endsWith('.txt'));
    const years = new Set(exemplars.map(honourYear));
    const campaigns = new Set(exemplars.flatMap((e) => e.data.campaigns));
    expect(texts.sort()).toEqual(
      [...[...years].map((y) => `phat-thanh/so-lieu/${y}.txt`), ...[...campaigns].map((c) => `phat-thanh/so-lieu/phong-trao/${c}.txt`)].sort(),
    );
    for (const file of texts) {
      const text = readText(dist, file);
      expect(text.charCodeAt(0), file).toBe(0xfeff);
      expect(text, file).not.toMatch(/[0-9%()]/);
    }
    const id = 'nguoi-tot-viec-tot-quoc-oai-2022';
    const own = exemplars.filter((e) => e.data.campaigns.includes(id));
    const text = readText(dist, `phat-thanh/so-lieu/phong-trao/${id}.txt`);
    expect(text).toContain('phần trăm');
    expect(own.length).toBeLessThan(20);
    expect(text).toMatch(/Có [a-zà-ỹ ]+ điển hình được giới thiệu/);
  });

  it('gives every decision the published content cites a page listing everyone it honoured', () => {
    const decisions = collectDecisions(exemplars);
    expect(decisions.length).toBeGreaterThan(5);
    const pages = listDist(dist).filter((file) => /^quyet-dinh\/[^/]+\/index\.html$/.test(file));
    expect(pages.sort()).toEqual(decisions.map((d) => `quyet-dinh/${d.slug}/index.html`).sort());
    for (const decision of decisions) {
      const html = readText(dist, `quyet-dinh/${decision.slug}/index.html`);
      const honoured = exemplars.filter((e) => e.data.awards.some((a) => a.decision === decision.number && a.date === decision.date));
      expect(new Set([...html.matchAll(/<tr data-exemplar="([^"]+)">/g)].map((m) => m[1])), decision.slug).toEqual(new Set(honoured.map((e) => e.id)));
      expect(html).toContain(decision.number);
    }
    const index = readText(dist, 'quyet-dinh/index.html');
    for (const decision of decisions) expect(index).toContain(`/quyet-dinh/${decision.slug}/`);
    const revoked = exemplars.find((e) => e.data.awards.some((a) => a.revoked))!;
    const grant = revoked.data.awards.find((a) => a.revoked)!;
    const page = decisions.find((d) => d.grants.some((g) => g.award === grant))!;
    expect(readText(dist, `quyet-dinh/${page.slug}/index.html`)).toContain('Đã thu hồi theo Quyết định số');
    expect(readText(dist, `dien-hinh/${revoked.id}/index.html`)).toContain(`/quyet-dinh/${page.slug}/`);
  });
});
