import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { published as expectedOutput } from '../../src/lib/output-check/published.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { htmlPages, listDist, pagePath, readText, TEXT_EXTENSIONS } from '../helpers/dist.ts';

const dist = inject('sampleDist');
let model: ContentModel;
beforeAll(async () => {
  // Read content/ independently of the page code, so the pages are checked against the files themselves.
  ({ model } = await checkContent(ROOT));
});

const subdirs = (section: string) =>
  htmlPages(dist)
    .filter((f) => f.startsWith(`${section}/`) && f.split('/').length === 3)
    .map((f) => f.split('/')[1])
    .filter((id) => !/^\d+$/.test(id))
    .sort();

describe('the built sample site', () => {
  it('has exactly one page per approved exemplar, campaign and place', () => {
    expect(subdirs('dien-hinh')).toEqual(
      model.exemplars
        .filter((e) => isPublishable(e.data))
        .map((e) => e.id)
        .sort(),
    );
    expect(subdirs('phong-trao')).toEqual(
      model.campaigns
        .filter((c) => isPublishable(c.data))
        .map((c) => c.id)
        .sort(),
    );
    expect(subdirs('dia-phuong')).toEqual(expectedOutput(model).places);
  });

  it('has a sample large enough to browse: 30 exemplars, 8 communes, every kind', () => {
    const published = model.exemplars.filter((e) => isPublishable(e.data));
    expect(published.length).toBeGreaterThanOrEqual(30);
    expect(new Set(published.map((e) => e.data.place)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(published.map((e) => e.data.kind))).toEqual(new Set(['ca-nhan', 'tap-the', 'ho-gia-dinh', 'mo-hinh']));
    expect(model.exemplars.some((e) => e.data.publication.status === 'ban-nhap')).toBe(true);
    expect(model.exemplars.some((e) => e.data.publication.status === 'da-rut')).toBe(true);
  });

  it('leaves no trace of drafts, withdrawn entries or withdrawn consent in any output file', () => {
    const hidden = [...model.exemplars, ...model.campaigns].filter((e) => !isPublishable(e.data));
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    const files = listDist(dist).filter((f) => TEXT_EXTENSIONS.includes(path.extname(f)));
    for (const file of files) {
      const text = readText(dist, file).normalize('NFC');
      for (const entry of hidden) {
        const name = 'name' in entry.data ? entry.data.name : entry.data.title;
        expect(text.includes(name), `${name} found in ${file}`).toBe(false);
        expect(text.includes(`/${entry.id}/`), `${entry.id} found in ${file}`).toBe(false);
      }
    }
  });

  it('lists every page and only existing pages in the sitemap, print sheets left to the pages they print', () => {
    const sitemap = readText(dist, 'sitemap.xml');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).sort();
    const canonical = (file: string) => /<link rel="canonical" href="https:\/\/guong-sang\.example\.vn([^"]+)"/.exec(readText(dist, file))?.[1];
    const pages = htmlPages(dist)
      .filter((f) => f !== '404.html')
      .map(pagePath)
      .sort();
    const sheets = pages.filter((p) => p.startsWith('/in/'));
    expect(sheets.length).toBe(model.exemplars.filter((e) => isPublishable(e.data)).length + model.campaigns.filter((c) => isPublishable(c.data)).length);
    // "/in/dien-hinh/x/" prints "/dien-hinh/x/" and points search engines there.
    for (const sheet of sheets) expect(canonical(`${sheet.slice(1)}index.html`), sheet).toBe(sheet.slice('/in'.length));
    expect(listed).toEqual(pages.filter((p) => !sheets.includes(p)));
    expect(readText(dist, 'robots.txt')).toContain('Sitemap: https://guong-sang.example.vn/sitemap.xml');
  });

  it('gives every page Vietnamese language, title, description, canonical URL, Open Graph image and valid JSON-LD', () => {
    for (const file of htmlPages(dist)) {
      const html = readText(dist, file);
      expect(html, file).toMatch(/<html lang="vi">/);
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]+"/);
      if (file !== '404.html') expect(html, file).toMatch(/<link rel="canonical" href="https:\/\/guong-sang\.example\.vn\//);
      expect(html, file).toMatch(/<meta property="og:image" content="https:\/\/guong-sang\.example\.vn\/_astro\/[^"]+\.jpe?g"/);
      for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        expect(() => JSON.parse(json), file).not.toThrow();
      }
    }
  });

  it('ships client JavaScript only for search, and for sharing and printing on exemplar, campaign, poster and form pages', () => {
    const scriptFile = (name: string) => expect.stringMatching(new RegExp(`^<script type="module" src="/_astro/${name}[^"]+\\.js">$`));
    const sharing = /^(dien-hinh\/[^/]+|phong-trao\/[^/]+(\/\d+)?|in\/dien-hinh\/[^/]+|gop-y)\/index\.html$/;
    for (const file of htmlPages(dist)) {
      const scripts = readText(dist, file).match(/<script(?![^>]*type="application\/(ld\+)?json")[^>]*>/g);
      if (file === 'tim-kiem/index.html') expect(scripts).toEqual([scriptFile('tim-kiem')]);
      else if (sharing.test(file) && !/^dien-hinh\/\d+\//.test(file)) expect(scripts, file).toEqual([scriptFile('ShareButtons')]);
      else expect(scripts, file).toBeNull();
    }
    const files = listDist(dist).filter((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/'));
    expect(files).toHaveLength(2);
    // The sharing script stays within 1 KB gzip.
    const share = files.find((f) => f.includes('ShareButtons'))!;
    expect(gzipSync(readFileSync(path.join(dist, share))).length).toBeLessThanOrEqual(1024);
  });

  it('needs no inline style or script, so it works under a strict Content Security Policy', () => {
    for (const file of htmlPages(dist)) {
      const html = readText(dist, file);
      expect(html, file).not.toMatch(/<style|\sstyle="|\son[a-z]+="/);
    }
  });

  it('never copies an original photo into the output', () => {
    const originals = model.exemplars.flatMap((e) => e.data.photos.map((p) => readFileSync(path.resolve(ROOT, path.dirname(e.file), String(p.src)))));
    expect(originals.length).toBeGreaterThan(0);
    const images = listDist(dist).filter((f) => /\.(jpe?g|png|webp|avif)$/i.test(f));
    for (const image of images) {
      const bytes = readFileSync(path.join(dist, image));
      expect(
        originals.some((original) => original.equals(bytes)),
        image,
      ).toBe(false);
    }
  });

  it('turns a phone photo upright, resizes it and strips its camera data and GPS position', async () => {
    const original = await sharp(path.join(ROOT, 'content/exemplars/anh/quay-rau-ba-thuy.jpg')).metadata();
    // The sample photo is stored the way a phone stores it: sideways, with an orientation tag and a position.
    expect([original.width, original.height, original.orientation, Boolean(original.exif)]).toEqual([800, 1200, 6, true]);
    const published = listDist(dist).filter((f) => f.startsWith('_astro/quay-rau-ba-thuy.'));
    expect(published.length).toBeGreaterThan(3);
    for (const file of published) {
      const { data, info } = await sharp(path.join(dist, file)).raw().toBuffer({ resolveWithObject: true });
      const metadata = await sharp(path.join(dist, file)).metadata();
      expect(info.width, file).toBeGreaterThan(info.height);
      expect(info.width, file).toBeLessThanOrEqual(1200);
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation], file).toEqual([undefined, undefined, undefined, undefined]);
      // Upright: the pale sky of the drawing is at the top, its brown ground at the bottom.
      const brightness = (y: number) =>
        data.subarray(y * info.width * info.channels, (y + 1) * info.width * info.channels).reduce((sum, v) => sum + v, 0) / (info.width * info.channels);
      expect(brightness(1), file).toBeGreaterThan(brightness(info.height - 2) + 60);
    }
    const page = readText(dist, 'dien-hinh/hoang-thi-thuy/index.html');
    expect(page).toMatch(/<img[^>]+quay-rau-ba-thuy[^>]+width="960" height="640"/);
  });

  it('shows the place as it was named and where it lies today', () => {
    const page = readText(dist, 'dien-hinh/dang-thi-hoa/index.html');
    expect(page).toContain('xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội');
    // Hà Nội, named already, is not named again.
    expect(page).toContain('(nay thuộc xã Quốc Oai)');
  });

  it('says a former unit ended the day after its last day, and names every unit that took a part of a split one', () => {
    const saiSon = readText(dist, 'dia-phuong/xa-sai-son-quoc-oai/index.html');
    expect(saiSon).toContain('Chấm dứt hoạt động từ ngày 1 tháng 7 năm 2025');
    expect(saiSon).not.toContain('Chấm dứt hoạt động từ ngày 30 tháng 6 năm 2025');
    expect(saiSon).toContain('1656/NQ-UBTVQH15');
    const town = readText(dist, 'dia-phuong/thi-tran-quoc-oai-quoc-oai/index.html');
    expect(town).toContain('xã Quốc Oai hoặc xã Tây Phương');
  });

  it('adds no page for the units of the register no published entry is filed under', () => {
    expect(existsSync(path.join(dist, 'dia-phuong/xa-thach-than-quoc-oai'))).toBe(false);
    expect(existsSync(path.join(dist, 'dia-phuong/xa-quoc-oai/index.html'))).toBe(true);
  });

  it('lists the exemplars of a merged province on its successor’s page', () => {
    const merged = model.exemplars.filter((e) => isPublishable(e.data) && e.data.place.endsWith('vu-thu'));
    expect(merged.length).toBeGreaterThan(0);
    const page = readText(dist, 'dia-phuong/hung-yen/index.html');
    for (const exemplar of merged) expect(page).toContain(`/dien-hinh/${exemplar.id}/`);
    expect(page).toContain('tỉnh Thái Bình');
  });

  it('names on every page who publishes the site and answers for it, and the day of its last change', () => {
    const shown = [...model.exemplars, ...model.campaigns].filter((entry) => isPublishable(entry.data));
    const newest = shown
      .map((entry) => entry.data.updated ?? entry.data.published)
      .sort()
      .at(-1)!;
    const { publisher } = model.settings!;
    for (const file of htmlPages(dist).filter((f) => !f.startsWith('in/'))) {
      const html = readText(dist, file);
      expect(html, file).toContain(`<strong>Chịu trách nhiệm:</strong> ${publisher.responsible!.name}, ${publisher.responsible!.role}`);
      expect(html, file).toContain(`Cập nhật: <time datetime="${newest}">`);
      expect(html, file).toContain('href="/gop-y/"');
    }
    for (const file of ['gioi-thieu/index.html', 'gop-y/index.html']) {
      expect(readText(dist, file), file).toMatch(new RegExp(`<dt>Người chịu trách nhiệm</dt>\\s*<dd>${publisher.responsible!.name}`));
    }
  });

  it('gives each campaign card the number of its published exemplars', () => {
    const html = readText(dist, 'phong-trao/index.html');
    for (const campaign of model.campaigns.filter((c) => isPublishable(c.data))) {
      const count = model.exemplars.filter((e) => isPublishable(e.data) && e.data.campaigns.includes(campaign.id)).length;
      const card = html.slice(html.indexOf(`href="/phong-trao/${campaign.id}/"`));
      const said = /<p class="muted">[^<]*· ([^<]+)<\/p>/.exec(card)![1];
      expect(said, campaign.id).toBe(count === 0 ? 'chưa có điển hình được đăng' : `${count} điển hình được đăng`);
    }
  });

  it('writes dates the Vietnamese way', () => {
    expect(readText(dist, 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/index.html')).toContain('Từ ngày 15 tháng 10 năm 2021 đến ngày 30 tháng 6 năm 2022');
  });
});
