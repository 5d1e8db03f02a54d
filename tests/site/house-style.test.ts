/**
 * The house style (docs/house-style.md) over everything a reader or listener meets: every built page and every radio
 * text of the sample, and the dictionary the site's own words come from.
 */
import { describe, expect, inject, it } from 'vitest';
import { htmlPages, listDist, readText } from '../helpers/dist.ts';
import { internalLabels, lowerCaseStarts, otherDashes, shortDates, spaceBeforePunctuation, standaloneLines, visibleText } from '../helpers/house-style.ts';
import { chosenTonePlacement } from '../../src/lib/search/tones.ts';
import { ui } from '../../src/i18n/vi.ts';

const dist = inject('sampleDist');
const pages = () => htmlPages(dist).map((file) => ({ file, html: readText(dist, file) }));
const radioTexts = () =>
  listDist(dist)
    .filter((file) => file.startsWith('phat-thanh/') && file.endsWith('.txt'))
    .map((file) => ({ file, text: readText(dist, file) }));
const everyText = () => [...pages().map(({ file, html }) => ({ file, text: visibleText(html) })), ...radioTexts()];
const found = (check: (text: string) => string[]) => everyText().flatMap(({ file, text }) => check(text).map((passage) => `${file}: ${passage}`));

describe('the checks themselves', () => {
  it('catch what the house style forbids and pass what it asks for', () => {
    expect(shortDates('ngày 30/6/2022 và 1/12/2023')).toHaveLength(2);
    expect(shortDates('ngày 30/06/2022, tháng 6/2022, Quyết định 1520/QĐ-UBND, trang 1/3')).toEqual([]);
    expect(otherDashes('kinh tế - xã hội — năm')).toHaveLength(2);
    expect(otherDashes('kinh tế – xã hội, Ia-Sao, 2021 – 2025')).toEqual([]);
    expect(spaceBeforePunctuation('Sài Sơn , Quốc Oai ; xong .')).toHaveLength(3);
    expect(spaceBeforePunctuation('Sài Sơn, Quốc Oai (nay thuộc Hà Nội). Tên, xã phường…')).toEqual([]);
    expect(visibleText('<p>Xã <a href="/">Sài Sơn</a>, <strong>Quốc Oai</strong></p><p>Hai</p>')).toBe('Xã Sài Sơn, Quốc Oai\nHai');
    const html =
      '<title>xã Sài Sơn · Gương Sáng</title><nav class="breadcrumb"><ol><li><a href="/">Trang chủ</a></li><li>xã Đông</li></ol></nav><h2>Khen thưởng</h2>';
    expect(lowerCaseStarts(standaloneLines(html))).toEqual(['xã Sài Sơn · Gương Sáng', 'xã Đông']);
    expect(internalLabels('UBND huyện Quốc Oai (Huyện, thị xã); Kế hoạch số /KH-UBND; KT. Chủ tịch', ['Huyện, thị xã'])).toHaveLength(3);
    expect(internalLabels('Kế hoạch số 177/KH-UBND (ký thay Chủ tịch)', ['Huyện, thị xã'])).toEqual([]);
  });
});

describe('house style', () => {
  it('builds the pages and radio texts it checks', () => {
    expect(pages().length).toBeGreaterThan(100);
    expect(radioTexts().length).toBeGreaterThan(20);
  });

  it('writes numeric dates as dd/mm/yyyy, with leading zeros', () => {
    expect(found(shortDates)).toEqual([]);
  });

  it('uses one dash, the spaced en dash', () => {
    expect(found(otherDashes)).toEqual([]);
  });

  it('puts no space before punctuation', () => {
    expect(found(spaceBeforePunctuation)).toEqual([]);
  });

  it('shows no internal label or empty value: no level in brackets, no empty "số", no bare "KT."', () => {
    expect(found((text) => internalLabels(text, Object.values(ui.levels)))).toEqual([]);
  });

  it('starts every standalone line with a capital: titles, breadcrumbs, headings, subtitles, summaries', () => {
    const pageLines = pages().flatMap(({ file, html }) => lowerCaseStarts(standaloneLines(html)).map((line) => `${file}: ${line}`));
    const radioLines = radioTexts().flatMap(({ file, text }) =>
      lowerCaseStarts(text.split('\n').filter((line) => line.trim())).map((line) => `${file}: ${line}`),
    );
    expect([...pageLines, ...radioLines]).toEqual([]);
  });

  it("places tone marks one way in the site's own words (the newer way: hoá, khoẻ, uỷ)", () => {
    const strays: string[] = [];
    const walk = (value: unknown, key: string) => {
      // A function's source holds its words: a template such as `Đã thu hồi theo ${decision}`.
      const text = typeof value === 'string' ? value : typeof value === 'function' ? String(value) : undefined;
      if (text !== undefined && chosenTonePlacement(text) !== text.normalize('NFC')) strays.push(`${key}: ${text}`);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
    };
    walk(ui, 'ui');
    expect(strays).toEqual([]);
  });
});
