/**
 * The search page in Debian's Chromium, under the shipped policy, with Pagefind's filter index held back: words that
 * name a commune or a campaign show the first page of its browse from the list written with the site, Pagefind's
 * results continue it, and a site without lists searches as before.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { shippedPolicy } from '../helpers/nginx.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const dist = inject('sampleDist');
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(dist, { headers: { 'Content-Security-Policy': shippedPolicy() } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LISTS = '**/tim-kiem/danh-sach/**';
const titles = (page: Page) => page.locator('#ket-qua h2').allTextContents();
const status = (page: Page) => page.locator('#trang-thai').textContent();
/** Pagefind has answered once it has shown the facets, which it alone counts. */
const facetsShown = (page: Page) => page.locator('fieldset[data-facet="loai"]:not([hidden])').count();

/** A page whose requests for Pagefind's filter index wait until `release` is called. */
async function withFiltersHeld(problems: string[]) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Route[] = [];
  const fragments: string[] = [];
  await page.route('**/*.pf_filter', async (route) => {
    held.push(route);
    await released;
    await route.continue();
  });
  page.on('request', (request) => request.url().endsWith('.pf_fragment') && fragments.push(request.url()));
  return { page, release, held, fragments };
}

/** The titles listed for the words without lists, once Pagefind has answered and everything is shown. */
async function withoutLists(q: string): Promise<string[]> {
  const page = await browser.newPage();
  const asked: string[] = [];
  await page.route(LISTS, (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 404, body: 'Not found' });
  });
  await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent(q)}`);
  await expect.poll(() => status(page)).toMatch(/Tìm thấy/);
  while (await page.locator('#xem-them').isVisible()) await page.click('#xem-them');
  const found = await titles(page);
  expect(asked).toHaveLength(1);
  await page.close();
  return found;
}

describe('a commune or a campaign typed as words', () => {
  it("shows the first page of its browse and its count before Pagefind has evaluated the filter, then Pagefind's facets", async () => {
    const problems: string[] = [];
    const { page, release, held, fragments } = await withFiltersHeld(problems);
    await page.goto(`${server.url}tim-kiem/?q=xa+sai+son`);
    await expect.poll(() => titles(page)).toContain('Đặng Thị Hoà');
    const early = await titles(page);
    expect(early[0]).toBe('Xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội');
    expect(await status(page)).toBe('Tìm thấy 7 kết quả.');
    expect(await page.locator('#da-hieu .chip').textContent()).toBe('Xã Sài Sơn, huyện Quốc Oai · nay thuộc xã Quốc Oai · 3 điển hình');
    // Pagefind asks for its filter index (on a busy machine, after the list is shown) and waits for it: nothing shown
    // came from it.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(fragments).toEqual([]);
    expect(await facetsShown(page)).toBe(0);
    release();
    await expect.poll(() => facetsShown(page)).toBeGreaterThan(0);
    await expect.poll(() => status(page)).toBe('Tìm thấy 7 kết quả.');
    expect(await titles(page)).toEqual(early);
    expect(await page.locator('#xem-them').isVisible()).toBe(false);
    expect(early).toEqual(await withoutLists('xa sai son'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('continues with Pagefind\'s results not already shown when "Xem thêm" is pressed', async () => {
    const problems: string[] = [];
    const { page, release } = await withFiltersHeld(problems);
    // A list shorter than the browse, as a commune with many exemplars has: only its first three results.
    await page.route(LISTS, async (route) => {
      const list = (await (await route.fetch()).json()) as { count: number; results: unknown[] };
      await route.fulfill({ json: { ...list, results: list.results.slice(0, 3) } });
    });
    await page.goto(`${server.url}tim-kiem/?q=nguoi+tot+viec+tot+quoc+oai+2022`);
    // The campaign's page, then the three results of the list.
    await expect.poll(async () => (await titles(page)).length).toBe(4);
    expect(await status(page)).toBe('Tìm thấy 11 kết quả.');
    expect(await page.locator('#xem-them').isVisible()).toBe(false);
    release();
    await expect.poll(() => page.locator('#xem-them').isVisible()).toBe(true);
    await page.click('#xem-them');
    await expect.poll(() => page.locator('#xem-them').isVisible()).toBe(false);
    const all = await titles(page);
    // Ten exemplars and the campaign's page, listed once although Pagefind lists it among its results too.
    expect(all).toHaveLength(11);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(await withoutLists('nguoi tot viec tot quoc oai 2022'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a commune chosen as the only filter from its list too, before Pagefind has evaluated the filter', async () => {
    const problems: string[] = [];
    const { page, release, held, fragments } = await withFiltersHeld(problems);
    await page.goto(`${server.url}tim-kiem/?xa=xa-quoc-oai`);
    // The seven exemplars of xã Quốc Oai and of the communes it took over; no place card, since nothing was typed.
    await expect.poll(() => status(page)).toBe('Tìm thấy 7 kết quả.');
    const early = await titles(page);
    expect(early).toHaveLength(7);
    expect(early).toContain('Đặng Thị Hoà');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(fragments).toEqual([]);
    release();
    await expect.poll(() => facetsShown(page)).toBeGreaterThan(0);
    expect(await titles(page)).toEqual(early);
    expect(await status(page)).toBe('Tìm thấy 7 kết quả.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is searched as before when the site has no list for it', async () => {
    const problems: string[] = [];
    const { page, release, fragments } = await withFiltersHeld(problems);
    let refused = 0;
    await page.route(LISTS, (route) => (refused++, route.fulfill({ status: 404, body: 'Not found' })));
    await page.goto(`${server.url}tim-kiem/?q=xa+sai+son`);
    await expect.poll(() => refused).toBe(1);
    // Time for the page to have shown anything it would show of a list.
    await page.waitForTimeout(300);
    expect(await page.locator('#da-hieu .chip').count()).toBe(0);
    expect(await status(page)).not.toMatch(/Tìm thấy/);
    expect(await titles(page)).toEqual([]);
    release();
    await expect.poll(() => status(page)).toBe('Tìm thấy 7 kết quả.');
    expect(fragments.length).toBeGreaterThan(0);
    expect((await titles(page))[0]).toBe('Xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội');
    expect(await page.locator('#da-hieu .chip').textContent()).toContain('Xã Sài Sơn');
    expect(problems).toEqual([]);
    await page.close();
  });
});
