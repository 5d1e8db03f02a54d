/**
 * Print for the notice board and JSON for other sites: posters print on exactly one A4 page in Chromium and their
 * QR codes open the right page; honour rolls list exactly the campaign's published exemplars; JSON listings hold
 * exactly the published exemplars of their scope, with absolute addresses that exist and small re-encoded photos.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import decodeQR from 'qr/decode.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { published as expectedOutput } from '../../src/lib/output-check/published.ts';
import type { EmbedListing } from '../../src/lib/embed.ts';
import { EMBED_PHOTO_WIDTH } from '../../src/lib/images/renditions.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { readText } from '../helpers/dist.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const dist = inject('sampleDist');
const ORIGIN = 'https://guong-sang.example.vn';
let model: ContentModel;
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  ({ model } = await checkContent(ROOT));
  browser = await launchBrowser();
  server = await serveStatic(dist);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const published = () => model.exemplars.filter((e) => isPublishable(e.data));
const unpublished = () => model.exemplars.filter((e) => !isPublishable(e.data));

/** Chromium writes one "/Type /Page" object per page; the page tree is "/Type /Pages". */
const pdfPageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

async function printToPdf(page: string): Promise<Buffer> {
  const tab = await browser.newPage();
  await tab.goto(server.url + page);
  // Text set in a fallback font while the web font loads would take other line breaks than on paper.
  await tab.evaluate(() => document.fonts.ready);
  const pdf = await tab.pdf({ format: 'A4' });
  await tab.close();
  return pdf;
}

/** Reads the QR code of a page the way a phone would: the SVG rendered to pixels, then decoded. */
async function readQr(file: string): Promise<string> {
  const svg = /<figure class="qr">\s*(<svg[\s\S]*?<\/svg>)/.exec(readText(dist, file))?.[1];
  expect(svg, file).toBeDefined();
  const { data, info } = await sharp(Buffer.from(svg!))
    .resize(400, 400)
    .flatten({ background: '#fff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return decodeQR({ width: info.width, height: info.height, data });
}

describe('posters for the notice board', () => {
  /** The posters most likely to run over: the most text, one with a photo and one without. */
  const heaviest = () => {
    const text = (e: (typeof model.exemplars)[number]) =>
      e.data.name.length + (e.data.role?.length ?? 0) + e.data.citation.length + 90 * Math.min(3, e.data.awards.length) + 60 * e.data.campaigns.length;
    const byText = [...published()].sort((a, b) => text(b) - text(a));
    return [byText.find((e) => e.data.photos.length > 0)!, byText.find((e) => e.data.photos.length === 0)!];
  };

  it('prints a poster on exactly one A4 page, with the most text, with a photo and without', async () => {
    for (const exemplar of heaviest()) {
      const pdf = await printToPdf(`in/dien-hinh/${exemplar.id}/`);
      expect(pdf.subarray(0, 4).toString(), exemplar.id).toBe('%PDF');
      expect(pdfPageCount(pdf), exemplar.id).toBe(1);
    }
  });

  it('fits every poster on its sheet without cutting anything off', async () => {
    // The width of A4 less the page margins, so that the print layout is the one on paper.
    const tab = await browser.newPage({ viewport: { width: Math.round(((210 - 24) / 25.4) * 96), height: 1000 } });
    await tab.emulateMedia({ media: 'print' });
    for (const exemplar of published()) {
      await tab.goto(server.url + `in/dien-hinh/${exemplar.id}/`);
      await tab.evaluate(() => document.fonts.ready);
      const fit = await tab.evaluate(() => {
        const poster = document.querySelector('.poster')!;
        const bottom = poster.getBoundingClientRect().bottom;
        return {
          overflow: poster.scrollHeight - poster.clientHeight,
          footerInside: document.querySelector('.poster .sheet-foot')!.getBoundingClientRect().bottom <= bottom + 0.5,
        };
      });
      expect(fit, exemplar.id).toEqual({ overflow: 0, footerInside: true });
    }
    await tab.close();
  });

  it('carries a headline, the award in large type, and a quotation or the start of the story', async () => {
    const tab = await browser.newPage({ viewport: { width: Math.round(((210 - 24) / 25.4) * 96), height: 1000 } });
    await tab.emulateMedia({ media: 'print' });
    for (const exemplar of published()) {
      await tab.goto(server.url + `in/dien-hinh/${exemplar.id}/`);
      const poster = await tab.evaluate(() => {
        const award = document.querySelector('.poster-awards strong');
        return {
          heading: document.querySelector('.poster-heading')!.textContent,
          // CSS pixels at 96 to the inch: 16 pt is 21.3 px.
          awardPt: award ? (parseFloat(getComputedStyle(award).fontSize) * 72) / 96 : undefined,
          excerpt: document.querySelector('.poster-excerpt')?.textContent?.trim() ?? '',
        };
      });
      expect(poster.heading, exemplar.id).toBe(
        exemplar.data.kind === 'ca-nhan' || exemplar.data.kind === 'ho-gia-dinh' ? 'Tấm gương người tốt, việc tốt' : 'Điển hình tiên tiến',
      );
      if (poster.awardPt !== undefined) expect(poster.awardPt, exemplar.id).toBeGreaterThanOrEqual(16);
      expect(poster.excerpt.length, exemplar.id).toBeGreaterThan(20);
    }
    await tab.close();
  });

  it('counts the pages of a PDF the way the poster check relies on', async () => {
    const roll = await printToPdf('phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/');
    expect(pdfPageCount(roll)).toBeGreaterThan(1);
  });

  it('carries a QR code that opens the exemplar’s own page', async () => {
    for (const exemplar of published()) {
      expect(await readQr(`in/dien-hinh/${exemplar.id}/index.html`)).toBe(`${ORIGIN}/dien-hinh/${exemplar.id}/`);
    }
  });

  it('shows the deed, the award with its decision, the place today and the short address', () => {
    const html = readText(dist, 'in/dien-hinh/dang-thi-hoa/index.html');
    const entry = published().find((e) => e.id === 'dang-thi-hoa')!;
    expect(html).toContain(entry.data.citation);
    expect(html).toContain(`Quyết định số ${entry.data.awards[0].decision}`);
    expect(html).toContain('nay thuộc xã Quốc Oai)');
    expect(html.replace(/<\/?(span|wbr)[^>]*>/g, '')).toContain('guong-sang.example.vn/dien-hinh/dang-thi-hoa/');
    expect(html).toMatch(/<img [^>]*src="\/_astro\/[^"]+\.jpe?g"/);
    expect(readText(dist, 'dien-hinh/dang-thi-hoa/index.html')).toContain('href="/in/dien-hinh/dang-thi-hoa/"');
  });

  it('prints only the sheet: no navigation, notice, breadcrumbs or print instructions', async () => {
    const tab = await browser.newPage();
    await tab.goto(server.url + 'in/dien-hinh/dang-thi-hoa/');
    expect(await tab.locator('.print-help').isVisible()).toBe(true);
    await tab.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.notice', '.breadcrumb', '.print-help', '.site-footer']) {
      expect(await tab.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await tab.locator('.poster h1').isVisible()).toBe(true);
    await tab.close();
  });
});

describe('honour rolls', () => {
  const campaignIds = () => model.campaigns.filter((c) => isPublishable(c.data)).map((c) => c.id);
  const members = (id: string) => published().filter((e) => e.data.campaigns.includes(id));
  const largest = () => campaignIds().sort((a, b) => members(b).length - members(a).length)[0];

  it('lists every published exemplar of the campaign, numbered, and no unpublished one', () => {
    for (const id of campaignIds()) {
      const html = readText(dist, `in/phong-trao/${id}/index.html`);
      const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      const listed = [...rows.matchAll(/href="\/dien-hinh\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
      expect(listed.sort(), id).toEqual(
        members(id)
          .map((e) => e.id)
          .sort(),
      );
      for (const hidden of unpublished()) {
        expect(html.normalize('NFC')).not.toContain(hidden.data.name);
        expect(html).not.toContain(`/${hidden.id}/`);
      }
    }
    expect(readText(dist, `phong-trao/${largest()}/index.html`)).toContain(`href="/in/phong-trao/${largest()}/"`);
  });

  it('prints the largest campaign’s roll with headers repeated on each page and rows never split', async () => {
    expect(members(largest()).length).toBeGreaterThanOrEqual(8);
    const pdf = await printToPdf(`in/phong-trao/${largest()}/`);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const tab = await browser.newPage();
    await tab.goto(server.url + `in/phong-trao/${largest()}/`);
    await tab.emulateMedia({ media: 'print' });
    const styles = await tab.evaluate(() => ({
      head: getComputedStyle(document.querySelector('.roll-table thead')!).display,
      row: getComputedStyle(document.querySelector('.roll-table tbody tr')!).breakInside,
      rows: document.querySelectorAll('.roll-table tbody tr').length,
    }));
    expect(styles).toEqual({ head: 'table-header-group', row: 'avoid', rows: members(largest()).length });
    await tab.close();
  });

  it('ends with a signature block for the body that issued the campaign', () => {
    for (const id of campaignIds()) {
      const issuer = model.campaigns.find((c) => c.id === id)!.data.issuer;
      expect(readText(dist, `in/phong-trao/${id}/index.html`), id).toMatch(
        new RegExp(`<div class="roll-signature">[\\s\\S]*<strong>${issuer.toLocaleUpperCase('vi')}</strong>[\\s\\S]*Ký, ghi rõ họ tên, đóng dấu`),
      );
    }
  });

  it('carries a QR code that opens the campaign page', async () => {
    expect(await readQr(`in/phong-trao/${largest()}/index.html`)).toBe(`${ORIGIN}/phong-trao/${largest()}/`);
  });
});

describe('JSON listings for other sites', () => {
  /** Place ids whose stories a place's listing holds: itself, its sub-units and the units it took over. */
  function covered(id: string, found = new Set<string>()): Set<string> {
    if (found.has(id)) return found;
    found.add(id);
    const inUse = new Set(expectedOutput(model).places);
    for (const place of model.places) {
      if (!inUse.has(place.id)) continue;
      if (place.data.parent === id || place.data.successors.some((s) => s.place === id)) covered(place.data.id, found);
    }
    return found;
  }

  /** The output file an absolute address of the site points at. */
  const fileOf = (url: string) => {
    expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
    const pathname = decodeURIComponent(new URL(url).pathname);
    return path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  };

  const listings = () => [
    { file: 'nhung/dien-hinh.json', scope: published() },
    ...model.campaigns
      .filter((c) => isPublishable(c.data))
      .map((c) => ({ file: `nhung/phong-trao/${c.id}.json`, scope: published().filter((e) => e.data.campaigns.includes(c.id)) })),
    ...expectedOutput(model).places.map((id) => ({ file: `nhung/dia-phuong/${id}.json`, scope: published().filter((e) => covered(id).has(e.data.place)) })),
  ];

  it('hold exactly the published exemplars of their scope, newest first', () => {
    for (const { file, scope } of listings()) {
      const listing = JSON.parse(readText(dist, file)) as EmbedListing;
      expect(listing.version, file).toBe(1);
      expect(listing.generated, file).toBe('2026-11-21');
      expect(listing.site).toEqual({ name: model.settings!.siteName, url: `${ORIGIN}/` });
      expect(listing.self, file).toBe(`${ORIGIN}/${file}`);
      expect(listing.items.map((item) => item.id).sort(), file).toEqual(scope.map((e) => e.id).sort());
      const dates = listing.items.map((item) => item.published);
      expect(dates, file).toEqual([...dates].sort().reverse());
    }
    const hungYen = JSON.parse(readText(dist, 'nhung/dia-phuong/hung-yen.json')) as EmbedListing;
    expect(hungYen.items.some((item) => item.place.name.includes('tỉnh Thái Bình'))).toBe(true);
  });

  it('point at pages, posters and photos that exist, never at an original photo', async () => {
    const listing = JSON.parse(readText(dist, 'nhung/dien-hinh.json')) as EmbedListing;
    expect(existsSync(fileOf(listing.home))).toBe(true);
    const originals = published().flatMap((e) => e.data.photos.map((p) => readFileSync(path.resolve(ROOT, path.dirname(e.file), String(p.src)))));
    let photos = 0;
    for (const item of listing.items) {
      expect(existsSync(fileOf(item.url)), item.url).toBe(true);
      expect(existsSync(fileOf(item.poster)), item.poster).toBe(true);
      expect(item.kind.label.length).toBeGreaterThan(0);
      if (!item.photo) continue;
      photos++;
      const bytes = readFileSync(fileOf(item.photo.url));
      expect(
        originals.some((original) => original.equals(bytes)),
        item.photo.url,
      ).toBe(false);
      const { width, height } = await sharp(bytes).metadata();
      expect({ width, height }).toEqual({ width: item.photo.width, height: item.photo.height });
      expect(width).toBeLessThanOrEqual(EMBED_PHOTO_WIDTH);
      expect(item.photo.alt.length).toBeGreaterThan(0);
    }
    expect(photos).toBeGreaterThan(0);
  });
});
