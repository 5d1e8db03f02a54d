/**
 * The nginx configuration the project ships (scripts/nginx/guong-sang.conf), serving the built sample site on
 * loopback with Debian's nginx: security and cache headers, types of the search index, compression, 404 and
 * redirects, and a search in Chromium under the policy nginx sends.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { shippedPolicy, startNginx, type Nginx } from '../helpers/nginx.ts';
import { ui } from '../../src/i18n/vi.ts';

const dist = inject('sampleDist');
let nginx: Nginx;
let browser: Browser;
beforeAll(async () => {
  [nginx, browser] = await Promise.all([startNginx(dist), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

const get = (file: string, headers: Record<string, string> = {}) => fetch(nginx.url + file, { headers, redirect: 'manual' });
const first = (folder: string, pattern: RegExp) => {
  const name = readdirSync(path.join(dist, folder)).find((f) => pattern.test(f));
  if (!name) throw new Error(`no ${pattern} in ${folder}`);
  return `${folder}/${name}`;
};

describe('security headers', () => {
  it('sends a strict Content Security Policy and the usual security headers on every answer, 404 included', async () => {
    const policy = shippedPolicy();
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    for (const file of ['', 'dien-hinh/dang-thi-hoa/', first('_astro', /\.css$/), 'khong-co-trang-nay/']) {
      const response = await get(file);
      expect(response.headers.get('content-security-policy'), file).toBe(policy);
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), file).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy'), file).toContain('geolocation=()');
      expect(response.headers.get('x-frame-options'), file).toBe('SAMEORIGIN');
      expect(response.headers.get('server'), file).toBe('nginx');
    }
  });
});

describe('types, caching and compression', () => {
  it('serves pages as UTF-8 HTML that browsers revalidate', async () => {
    const response = await get('dien-hinh/dang-thi-hoa/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('Đặng Thị Hoà');
  });

  it('caches files with a content hash for a year', async () => {
    for (const file of [first('_astro', /\.css$/), first('_astro', /\.woff2$/), first('pagefind/fragment', /\.pf_fragment$/)]) {
      expect((await get(file)).headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('pagefind/pagefind-entry.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('gives the search index, its script and the feeds their types, feeds readable from another site', async () => {
    const types: [string, string][] = [
      ['pagefind/pagefind.js', 'application/javascript; charset=utf-8'],
      ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
      [first('pagefind/fragment', /\.pf_fragment$/), 'application/octet-stream'],
      [first('pagefind', /\.pf_meta$/), 'application/octet-stream'],
      ['rss.xml', 'text/xml; charset=utf-8'],
      ['feed.json', 'application/json; charset=utf-8'],
      ['so-lieu/so-lieu.csv', 'text/csv; charset=utf-8'],
      ['so-lieu/so-lieu.json', 'application/json; charset=utf-8'],
      [first('_astro', /\.avif$/), 'image/avif'],
      [first('_astro', /\.woff2$/), 'font/woff2'],
    ];
    for (const [file, type] of types) expect((await get(file)).headers.get('content-type'), file).toBe(type);
    expect((await get('rss.xml')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/feed.json')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('so-lieu/so-lieu.csv')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('so-lieu/')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await get('dien-hinh/dang-thi-hoa/')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('compresses text with gzip (and brotli when nginx has it), never the compressed search index again', async () => {
    const gzip = await get('dien-hinh/dang-thi-hoa/', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toContain('Accept-Encoding');
    expect((await get(first('_astro', /\.css$/), { 'accept-encoding': 'gzip' })).headers.get('content-encoding')).toBe('gzip');
    const fragment = await get(first('pagefind/fragment', /\.pf_fragment$/), { 'accept-encoding': 'gzip, br' });
    expect(fragment.headers.get('content-encoding')).toBeNull();
    if (nginx.brotli) expect((await get('', { 'accept-encoding': 'br' })).headers.get('content-encoding')).toBe('br');
  });
});

describe('addresses', () => {
  it('answers an unknown address with status 404 and the site’s own 404 page', async () => {
    const response = await get('dien-hinh/khong-co-nguoi-nay/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(ui.notFound.title);
  });

  it('adds the final slash with a relative redirect, where the folder holds a page', async () => {
    const response = await get('dien-hinh/dang-thi-hoa');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/dien-hinh/dang-thi-hoa/');
    expect((await get('tim-kiem?q=hoa')).headers.get('location')).toBe('/tim-kiem/?q=hoa');
  });

  it('answers 404, never 403 or a listing, for a folder without a page, so a removed person leaves no sign', async () => {
    // A folder left on the web server by a copy that does not delete (the build itself leaves none: rebuild.test.ts).
    const left = path.join(dist, 'dien-hinh/nguoi-da-go-bai');
    mkdirSync(left, { recursive: true });
    try {
      for (const file of ['dien-hinh/nguoi-da-go-bai/', 'dien-hinh/nguoi-da-go-bai', '_astro/', '_astro', 'pagefind/', 'phat-thanh/dien-hinh/']) {
        const response = await get(file);
        expect(response.status, file).toBe(404);
        expect(await response.text(), file).toContain(ui.notFound.title);
      }
    } finally {
      rmSync(left, { recursive: true, force: true });
    }
  });
});

describe('in Chromium, under the policy nginx sends', () => {
  it('searches and shows an exemplar page with no policy violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(nginx.url + 'tim-kiem/?q=dang+thi+hoa');
    await expect.poll(() => page.locator('#ket-qua h2').allTextContents()).toContain('Đặng Thị Hoà');
    await page.locator('#ket-qua a', { hasText: 'Đặng Thị Hoà' }).first().click();
    await page.waitForURL(/\/dien-hinh\/dang-thi-hoa\/$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Đặng Thị Hoà');
    expect(problems).toEqual([]);
    await page.close();
  });
});
