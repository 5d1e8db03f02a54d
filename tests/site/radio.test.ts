/** Broadcast scripts and bulletins of the built sample site, checked against content/ read on its own. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { ABBREVIATIONS, abbreviationPattern } from '../../src/lib/radio/abbreviations.ts';
import { countSyllables, readingSeconds, roundedSeconds } from '../../src/lib/radio/duration.ts';
import { toSpoken } from '../../src/lib/radio/spoken.ts';
import { formatDuration } from '../../src/lib/format.ts';
import { ui } from '../../src/i18n/vi.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { listDist, readText } from '../helpers/dist.ts';

const dist = inject('sampleDist');
let model: ContentModel;
beforeAll(async () => {
  ({ model } = await checkContent(ROOT));
});

const radio = () => model.settings!.radio;
const published = () => model.exemplars.filter((e) => isPublishable(e.data));

/** A text file as an announcer opens it: strict UTF-8 with a byte order mark, header, blank line, paragraphs. */
function readScript(file: string) {
  const bytes = readFileSync(path.join(dist, file));
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF'), file).toBe(true);
  const [header, ...paragraphs] = text.slice(1).trimEnd().split('\n\n');
  return { text, header, paragraphs, syllables: countSyllables(paragraphs.join(' ')) };
}

/** Paragraphs and headings of the script on an HTML page, as text. */
function pageParagraphs(file: string): string[] {
  const html = readText(dist, file);
  const script = /<div class="radio-script">([\s\S]*?)<\/div>/.exec(html)![1];
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...script.matchAll(/<(?:p|h2)>([\s\S]*?)<\/(?:p|h2)>/g)].map((m) => decode(m[1]).trim());
}

const expectedDuration = (syllables: number) => ui.radio.duration(formatDuration(roundedSeconds(readingSeconds(syllables, radio().syllablesPerMinute))));

const textFiles = () => listDist(dist).filter((f) => f.startsWith('phat-thanh/') && f.endsWith('.txt'));

describe('radio scripts', () => {
  it('exist, as a page and a text file, for every published exemplar and for nothing else', () => {
    for (const exemplar of published()) {
      expect(existsSync(path.join(dist, `phat-thanh/dien-hinh/${exemplar.id}/index.html`)), exemplar.id).toBe(true);
      expect(existsSync(path.join(dist, `phat-thanh/dien-hinh/${exemplar.id}.txt`)), exemplar.id).toBe(true);
      expect(readText(dist, `dien-hinh/${exemplar.id}/index.html`)).toContain(`href="/phat-thanh/dien-hinh/${exemplar.id}/"`);
    }
    const hidden = model.exemplars.filter((e) => !isPublishable(e.data));
    expect(hidden.length).toBeGreaterThan(0);
    const files = listDist(dist).filter((f) => f.startsWith('phat-thanh/dien-hinh/'));
    for (const exemplar of hidden) expect(files.filter((f) => f.includes(exemplar.id))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.txt')).length).toBe(published().length);
  });

  it('hold no digit, no bracket and no abbreviation of the dictionary in any text file', () => {
    const files = textFiles();
    expect(files.length).toBeGreaterThan(published().length);
    for (const file of files) {
      const { text } = readScript(file);
      expect(text, file).not.toMatch(/[0-9()[\]{}]/);
      expect(text, file).not.toMatch(/https?:|www\.|@/);
      for (const abbreviation of Object.keys(ABBREVIATIONS))
        expect(abbreviationPattern(abbreviation, 'u').test(text), `${abbreviation} in ${file}`).toBe(false);
    }
  });

  it('show the reading time at the speed in the settings, on the page and in the text file, and the same paragraphs in both', () => {
    for (const exemplar of published()) {
      const { header, paragraphs, syllables } = readScript(`phat-thanh/dien-hinh/${exemplar.id}.txt`);
      const duration = expectedDuration(syllables);
      const page = readText(dist, `phat-thanh/dien-hinh/${exemplar.id}/index.html`);
      expect(page, exemplar.id).toContain(duration);
      expect(page).toContain(`href="/phat-thanh/dien-hinh/${exemplar.id}.txt"`);
      expect(page).toContain(`href="/dien-hinh/${exemplar.id}/"`);
      expect(header).toBe(toSpoken(ui.radio.textHeader(exemplar.data.name, duration)));
      expect(pageParagraphs(`phat-thanh/dien-hinh/${exemplar.id}/index.html`)).toEqual(paragraphs);
    }
  });

  it('open and close, read the place as named then and where it lies today, the citation, and the awards by issuer and date', () => {
    const { paragraphs } = readScript('phat-thanh/dien-hinh/dang-thi-hoa.txt');
    expect(paragraphs[0]).toBe('Kính thưa bà con! Sau đây là câu chuyện về Đặng Thị Hoà.');
    expect(paragraphs[1]).toMatch(/^Đặng Thị Hoà, nông dân, .*xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội, nay thuộc /);
    expect(paragraphs).toContain('Mười năm nấu cơm miễn phí cho bệnh nhân nghèo và vận động chị em trong thôn góp gạo, góp rau cho bếp ăn từ thiện.');
    // Headings are the first sentence of the paragraph after them, not lines of their own.
    expect(paragraphs).not.toContain('Bếp cơm của cả thôn');
    expect(paragraphs.some((p) => p.startsWith('Bếp cơm của cả thôn. '))).toBe(true);
    expect(paragraphs).toContain(
      'Chủ tịch Ủy ban nhân dân huyện Quốc Oai đã tặng danh hiệu Người tốt, việc tốt theo quyết định ngày hai mươi tháng chín năm hai nghìn không trăm hai mươi hai.',
    );
    expect(paragraphs.at(-1)).toBe('Vừa rồi là câu chuyện về Đặng Thị Hoà. Cảm ơn bà con đã lắng nghe.');
  });

  it('give the announcer the decisions’ numbers in a note, and a box for approval and broadcast on the page', () => {
    const html = readText(dist, 'phat-thanh/dien-hinh/dang-thi-hoa/index.html');
    expect(html).toMatch(
      /Ghi chú cho phát thanh viên \(không đọc\)<\/h2>\s*<ul><li>Quyết định số 1520\/QĐ-UBND ngày [^<]+ của Chủ tịch UBND huyện Quốc Oai<\/li>/,
    );
    expect(html).toMatch(/<h2 id="duyet-phat-song">Duyệt phát sóng<\/h2>[\s\S]*<dt>Người duyệt<\/dt>[\s\S]*<dt>Ngày phát<\/dt>/);
    expect(readText(dist, 'phat-thanh/thang/2022-10/index.html')).toContain('Duyệt phát sóng');
  });
});

describe('radio bulletins', () => {
  const bulletins = () => {
    const byCampaign = model.campaigns
      .filter((c) => isPublishable(c.data))
      .map((c) => ({ file: `phat-thanh/phong-trao/${c.id}`, items: published().filter((e) => e.data.campaigns.includes(c.id)) }))
      .filter((b) => b.items.length > 0);
    const months = [...new Set(published().map((e) => e.data.published.slice(0, 7)))];
    const byMonth = months.map((month) => ({ file: `phat-thanh/thang/${month}`, items: published().filter((e) => e.data.published.startsWith(month)) }));
    return [...byCampaign, ...byMonth];
  };

  it('exist for a commune and a district, linked from the index and the place, and read only their own people', () => {
    const index = readText(dist, 'phat-thanh/index.html');
    for (const id of ['xa-sai-son-quoc-oai', 'huyen-quoc-oai', 'xa-ia-sao-ayun-pa']) {
      expect(index).toContain(`href="/phat-thanh/dia-phuong/${id}/"`);
      expect(readText(dist, `dia-phuong/${id}/index.html`)).toContain(`href="/phat-thanh/dia-phuong/${id}/"`);
      expect(existsSync(path.join(dist, `phat-thanh/dia-phuong/${id}.txt`)), id).toBe(true);
    }
    const district = readText(dist, 'phat-thanh/dia-phuong/huyen-quoc-oai.txt');
    const named = published().filter((e) => district.includes(e.data.name));
    expect(named.length).toBeGreaterThan(2);
    for (const e of named) expect(e.data.place, e.data.name).toMatch(/quoc-oai$/);
    expect(district).toContain('những gương sáng ở huyện Quốc Oai');
  });

  it('exist for every campaign with published exemplars and every month of publication, linked from the index and the campaign', () => {
    const index = readText(dist, 'phat-thanh/index.html');
    for (const { file } of bulletins()) {
      expect(existsSync(path.join(dist, file, 'index.html')), file).toBe(true);
      expect(index).toContain(`href="/${file}/"`);
    }
    expect(readText(dist, 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/index.html')).toContain(
      'href="/phat-thanh/phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/"',
    );
  });

  it('fit the target length, open and close with the lines from the settings, and read or leave every item whole', () => {
    let leftSome = false;
    for (const { file, items } of bulletins()) {
      const { header, paragraphs, syllables } = readScript(`${file}.txt`);
      expect(syllables, file).toBeLessThanOrEqual(radio().bulletinMinutes * radio().syllablesPerMinute);
      expect(paragraphs[0]).toBe(toSpoken(radio().opening));
      expect(paragraphs.at(-1)).toBe(toSpoken(radio().closing));
      const [, left = ''] = header.split('\n');
      for (const item of items) {
        // In a bulletin an item is read without the opening and closing lines of its script read alone.
        const script = readScript(`phat-thanh/dien-hinh/${item.id}.txt`).paragraphs.slice(1, -1).join('\n\n');
        const read = paragraphs.join('\n\n').includes(`${toSpoken(item.data.name)}\n\n${script}`);
        expect(read !== left.includes(toSpoken(item.data.name)), `${item.id} in ${file}`).toBe(true);
        leftSome ||= !read;
      }
      expect(readText(dist, `${file}/index.html`)).toContain(expectedDuration(syllables));
    }
    // The sample's target is short enough that some bulletin has to leave an item for the next one.
    expect(leftSome).toBe(true);
  });
});
