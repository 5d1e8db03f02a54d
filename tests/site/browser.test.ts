/**
 * Every page template in Debian's Chromium: axe (WCAG 2.2 A and AA) on a phone and a desktop viewport, and no
 * request leaving the local server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { shippedPolicy } from '../helpers/nginx.ts';
import { TEMPLATES } from '../helpers/templates.ts';

const dist = inject('sampleDist');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The policy of the shipped nginx configuration, enforced on every page here; Pagefind needs 'wasm-unsafe-eval'. */
const CSP = shippedPolicy();

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(dist, { headers: { 'Content-Security-Policy': CSP } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 900 }],
])('page templates on a %s', (_, viewport) => {
  // One tab per viewport, taken from page to page: a new browser context costs more than a page load here.
  let context: BrowserContext;
  let page: Page;
  let outside: string[] = [];
  let errors: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext({ viewport });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(() => context?.close());

  it.each(TEMPLATES)('/%s passes axe and requests nothing outside the site', async (template) => {
    outside = [];
    errors = [];
    // Only the search page goes on fetching (its index) once loaded; axe must see its results.
    const response = await page.goto(server.url + template, { waitUntil: template.startsWith('tim-kiem') ? 'networkidle' : 'load' });
    expect(response?.status()).toBe(template.startsWith('khong-co') ? 404 : 200);
    // Nothing the page loads or runs breaks the policy (a violation is reported on the console).
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    // Through the DevTools protocol, which the page's policy does not govern.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(outside).toEqual([]);
  });
});

describe('the first screen of a phone', () => {
  it('shows the page’s title and the start of its content under the notice and the header (412 × 915)', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    for (const path of ['', 'dien-hinh/dang-thi-hoa/', 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/', 'dia-phuong/xa-sai-son-quoc-oai/', 'dien-hinh/']) {
      await page.goto(server.url + path);
      const layout = await page.evaluate(() => {
        const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom;
        // The first block of the page's own content after its title.
        const title = document.querySelector('main h1')!;
        let next = title.nextElementSibling ?? title.parentElement!.nextElementSibling;
        while (next && next.getBoundingClientRect().height === 0) next = next.nextElementSibling;
        return { notice: bottom('.notice'), header: bottom('.site-header'), title: bottom('main h1'), content: next!.getBoundingClientRect().top };
      });
      expect(layout.notice, path).toBeGreaterThan(0);
      // The notice and the header take at most a third of the screen; the title and the next block fit on it.
      expect(layout.header, path).toBeLessThan(915 / 3);
      expect(layout.title, path).toBeLessThan(915);
      expect(layout.content, path).toBeLessThan(915 - 40);
    }
    // Six menu items, in at most two rows.
    const rows = new Set(await page.locator('.site-nav li').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top))));
    expect(rows.size).toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('print and fonts', () => {
  it('prints an exemplar page without navigation, banner or share links', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + 'dien-hinh/dang-thi-hoa/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.notice', '.share']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('renders Vietnamese text in the self-hosted font, Vietnamese subset included', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + 'dien-hinh/dang-thi-hoa/');
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.unicodeRange}`));
    expect(fonts.some((f) => f.includes('Be Vietnam Pro') && /U\+1EA0-1EF9/i.test(f))).toBe(true);
    expect(server.requests.some((r) => /be-vietnam-pro-vietnamese-400-normal\.[\w-]+\.woff2$/.test(r))).toBe(true);
    await page.close();
  });
});

describe('search page', () => {
  async function open(path: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url + path);
    return { page, problems };
  }
  const resultTitles = (page: Page) => page.locator('#ket-qua h2').allTextContents();

  it('finds a person typed without diacritics, under a strict CSP', async () => {
    const { page, problems } = await open('tim-kiem/?q=dang+thi+hoa');
    await expect.poll(() => resultTitles(page)).toContain('Đặng Thị Hoà');
    expect((await resultTitles(page))[0]).toBe('Đặng Thị Hoà');
    await expect.poll(() => page.locator('#trang-thai').textContent()).toMatch(/Tìm thấy \d+ kết quả/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches the search page from the header form of any page, without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + 'phong-trao/');
    await page.fill('#tim-nhanh', 'doan ket');
    await Promise.all([page.waitForURL(/tim-kiem\/\?q=doan\+ket/), page.click('.site-search button')]);
    await context.close();
  });

  it('keeps filters in the URL, and back and forward restore them', async () => {
    const { page, problems } = await open('tim-kiem/?phong-trao=nguoi-tot-viec-tot-quoc-oai-2022');
    await expect.poll(() => resultTitles(page)).toContain('Đặng Thị Hoà');
    // Results are shown as they arrive; the count comes once the last has.
    await expect.poll(() => page.locator('#trang-thai').textContent()).toMatch(/Tìm thấy/);
    const all = (await resultTitles(page)).length;
    // The chosen filter is named above the results; the panel of filters stays closed until it is opened.
    await expect.poll(() => page.locator('#loc-dang-chon').textContent()).toContain('Người tốt, việc tốt Quốc Oai 2022');
    await page.click('#bo-loc summary');
    await page.check('input[name="xa"][value="xa-quoc-oai"]');
    await page.waitForURL(/xa=xa-quoc-oai/);
    await expect.poll(async () => (await resultTitles(page)).length).toBeLessThan(all);
    expect(page.url()).toContain('phong-trao=nguoi-tot-viec-tot-quoc-oai-2022');
    await page.goBack();
    await expect.poll(async () => (await resultTitles(page)).length).toBe(all);
    expect(await page.isChecked('input[name="xa"][value="xa-quoc-oai"]')).toBe(false);
    await page.goForward();
    await expect.poll(() => page.isChecked('input[name="xa"][value="xa-quoc-oai"]')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('drops every filter at once and keeps the words searched', async () => {
    const { page, problems } = await open('tim-kiem/?q=hoa&xa=xa-quoc-oai&loai=ca-nhan');
    await expect.poll(() => page.locator('#loc-dang-chon').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#trang-thai').textContent()).toMatch(/Tìm thấy/);
    const filtered = (await resultTitles(page)).length;
    await page.getByRole('button', { name: 'Bỏ hết bộ lọc' }).click();
    await page.waitForURL((url) => url.search === '?q=hoa');
    await expect.poll(async () => (await resultTitles(page)).length).toBeGreaterThan(filtered);
    expect(await page.locator('#loc-dang-chon').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('understands a commune typed as words as a filter, undoes it in one click, and keeps both in the history', async () => {
    const { page, problems } = await open('tim-kiem/?q=xa+sai+son');
    const chip = page.locator('#da-hieu .chip');
    await expect.poll(() => chip.textContent()).toBe('Xã Sài Sơn, huyện Quốc Oai · nay thuộc xã Quốc Oai · 3 điển hình');
    // The place's own page first, then the exemplars of the commune that holds it now.
    await expect.poll(() => resultTitles(page)).toContain('Đặng Thị Hoà');
    const understood = await resultTitles(page);
    expect(understood[0]).toBe('Xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội');
    await page.getByRole('button', { name: 'Không lọc, tìm theo chữ' }).click();
    await page.waitForURL(/theo-chu=1/);
    await expect.poll(() => page.locator('#da-hieu').textContent()).toContain('Đang tìm theo chữ đã gõ.');
    expect(await chip.count()).toBe(0);
    await expect.poll(() => resultTitles(page)).not.toEqual(understood);
    await page.goBack();
    await expect.poll(() => chip.textContent()).toContain('Xã Sài Sơn');
    expect(page.url()).not.toContain('theo-chu');
    await expect.poll(() => resultTitles(page)).toEqual(understood);
    await page.goForward();
    await expect.poll(() => chip.count()).toBe(0);
    expect(page.url()).toContain('theo-chu=1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the choices for a former town split between two communes, and filters by the one chosen', async () => {
    const { page, problems } = await open('tim-kiem/?q=thi+tran+quoc+oai');
    const choices = page.locator('#lua-chon li a');
    await expect
      .poll(() => choices.allTextContents())
      .toEqual([
        'Thị trấn Quốc Oai, huyện Quốc Oai · nay thuộc xã Quốc Oai · 2 điển hình',
        'Thị trấn Quốc Oai, huyện Quốc Oai · nay thuộc xã Tây Phương · 2 điển hình',
      ]);
    await choices.nth(1).click();
    await page.waitForURL((url) => url.search === '?xa=xa-tay-phuong');
    await expect.poll(() => page.locator('#loc-dang-chon').textContent()).toContain('Tây Phương');
    await expect.poll(() => page.locator('#lua-chon').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the first results while the others are still arriving', async () => {
    const page = await browser.newPage();
    let fragments = 0;
    // Every result's data but the first's is held back.
    await page.route('**/*.pf_fragment', async (route) => {
      if (++fragments > 1) await new Promise((resolve) => setTimeout(resolve, 4000));
      await route.continue();
    });
    // Sorted, so that Pagefind lists it: a campaign alone in the default order is shown from its search list at once.
    await page.goto(server.url + 'tim-kiem/?phong-trao=nguoi-tot-viec-tot-quoc-oai-2022&sap-xep=moi-nhat');
    await expect.poll(async () => (await resultTitles(page)).length).toBe(1);
    expect(await page.locator('#trang-thai').textContent()).toBe('Đang tìm…');
    await expect.poll(async () => (await resultTitles(page)).length).toBeGreaterThan(1);
    await page.close();
  });

  it('helps when nothing is found', async () => {
    const { page } = await open('tim-kiem/?q=zxqwvy');
    await expect.poll(() => page.locator('#trang-thai').textContent()).toBe('Không tìm thấy kết quả nào.');
    expect(await page.locator('#goi-y').isVisible()).toBe(true);
    await page.close();
  });

  it('loads search code on the search page only', async () => {
    const { page } = await open('dien-hinh/dang-thi-hoa/');
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => /\.(m?js|wasm)(\?|$)|pagefind/.test(n)),
    );
    expect(scripts).toEqual([expect.stringMatching(/\/_astro\/ShareButtons[^/]+\.js$/)]);
    await page.close();
  });
});

describe('sharing and printing', () => {
  it('opens the phone’s share sheet with the page, and copies its address, under the strict policy', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    // A phone's share sheet, as Chromium on a desktop has none.
    await context.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', { value: async (data: unknown) => void shared.push(data) });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(server.url + 'dien-hinh/dang-thi-hoa/');
    await page.getByRole('button', { name: /Chia sẻ \(Zalo/ }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)).toEqual([
      { title: 'Đặng Thị Hoà', text: expect.stringContaining('nấu cơm'), url: 'https://guong-sang.example.vn/dien-hinh/dang-thi-hoa/' },
    ]);
    await page.getByRole('button', { name: 'Sao chép đường dẫn' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã sao chép' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://guong-sang.example.vn/dien-hinh/dang-thi-hoa/');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the plain links, and no button, without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + 'dien-hinh/dang-thi-hoa/');
    expect(await page.getByRole('button', { name: /Chia sẻ|Sao chép/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Gửi qua thư điện tử' }).count()).toBe(1);
    await context.close();
  });

  it('prints a poster from its button', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => Object.assign(window, { printed: 0, print: () => (window as unknown as { printed: number }).printed++ }));
    await page.goto(server.url + 'in/dien-hinh/dang-thi-hoa/');
    await page.getByRole('button', { name: 'In áp phích' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
  });
});
