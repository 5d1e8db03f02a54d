/**
 * The editors' desk in Debian's Chromium, on a copy of the sample content: an editor creates an exemplar with a
 * photo and a quotation and fixes a problem the form shows; a campaign's phases are reordered and added to; an older
 * version is restored; two tabs conflict and neither text is lost; every sample file saved unchanged stays byte for
 * byte; hostile text runs nowhere; another site and a foreign Host are refused; every page passes axe under the
 * desk's strict policy with nothing loaded from outside.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as axe, CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { contentCopy, deskOn } from '../helpers/desk.ts';
import type { Desk } from '../../src/desk/server.ts';
import { idFromFile } from '../../src/lib/content/source.ts';
import sharp from 'sharp';

let copy: ReturnType<typeof contentCopy>;
let desk: Desk;
let browser: Browser;
let context: BrowserContext;
let outside: string[] = [];
let errors: string[] = [];
const read = (file: string) => readFileSync(path.join(copy.root, 'content', file), 'utf8');

beforeAll(async () => {
  copy = contentCopy();
  desk = await deskOn(copy.root);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  context.on('page', (page) => {
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  copy?.cleanup();
});

/**
 * The editors' guide shows the desk as these tests see it: with DESK_SCREENSHOTS=1 the tests write its pictures into
 * content/huong-dan/ (run once after a change to the desk's look, and commit them).
 */
async function screenshot(page: Page, name: string, selector?: string) {
  if (!process.env.DESK_SCREENSHOTS) return;
  const target = path.join(ROOT, 'content/huong-dan', `${name}.png`);
  mkdirSync(path.dirname(target), { recursive: true });
  if (selector) await page.locator(selector).first().screenshot({ path: target });
  else await page.screenshot({ path: target });
}

async function save(page: Page, value = 'save') {
  await Promise.all([page.waitForEvent('load'), page.click(`.save-bar button[value=${value}]`)]);
}

describe('the editors’ desk in Chromium', () => {
  it('lets an editor create an exemplar with a photo and a quotation, fixing a problem the form shows', async () => {
    const page = await context.newPage();
    await page.goto(`${desk.url}dien-hinh`);
    await screenshot(page, 'danh-sach');
    await page.click('text=Thêm điển hình mới');
    await page.fill('#f-editor', 'Minh Thư');
    await page.fill('#f-name', 'Hà Văn Mới');
    // The place is picked by typing its name without diacritics.
    await page.fill('#f-place-filter', 'sai son');
    expect(await page.inputValue('#f-place')).toBe('xa-sai-son-quoc-oai');
    await page.check('text=Cứu người, cứu tài sản');
    await page.fill('#f-citation', 'Cứu hai em nhỏ khỏi đuối nước ở sông Đáy.');
    await page.fill('#f-author', '');
    await save(page);
    // The problem is listed at the top, linked to its field, and shown again beside it.
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Có 1 lỗi cần sửa');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await screenshot(page, 'loi-tren-form', '#error-summary');
    await page.click('.error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-author');
    expect(await page.getAttribute('#f-author', 'aria-describedby')).toContain('f-author-error');
    await page.fill('#f-author', 'Minh Thư');
    await save(page);
    expect(page.url()).toMatch(/\/dien-hinh\/ha-van-moi\?luu=1$/);
    expect(read('exemplars/ha-van-moi.mdx')).toContain('author: Minh Thư');

    // A photo, checked by content, then placed in the story with the toolbar's dialog.
    await page.setInputFiles('#p-file', path.join(copy.root, 'content/exemplars/anh/dang-thi-hoa.jpg'));
    await page.fill('#p-alt', 'Anh Mới đứng bên bờ sông');
    await page.fill('#p-credit', 'Trung tâm');
    await page.fill('#p-editor', 'Minh Thư');
    await Promise.all([page.waitForEvent('load'), page.click('text=Tải ảnh lên')]);
    expect(read('exemplars/ha-van-moi.mdx')).toContain('src: ./anh/ha-van-moi.jpg');
    expect(readFileSync(path.join(copy.root, 'content/exemplars/anh/ha-van-moi.jpg')).length).toBeGreaterThan(1000);

    await page.fill('#f-editor', 'Minh Thư');
    await page.click('#f-body');
    await page.keyboard.press('Control+End');
    await page.click('.toolbar >> text=Chèn ảnh');
    await page.click('dialog button[value=ok]');
    await page.click('.toolbar >> text=Trích lời');
    await page.fill('#dialog-by', 'Ông Hà Văn Mới');
    await page.fill('#dialog-text', 'Thấy người gặp nạn thì phải cứu.');
    await page.click('dialog button[value=ok]');
    await page.click('button[data-preview]');
    await expect.poll(() => page.locator('#preview').innerHTML()).toContain('<img');
    expect(await page.locator('#preview img').count()).toBe(1);
    await screenshot(page, 'noi-dung-bai', '.story-editor');
    expect(await page.locator('#preview blockquote, #preview figure').count()).toBeGreaterThan(1);
    await save(page);
    const saved = read('exemplars/ha-van-moi.mdx');
    expect(saved).toContain('<Figure photo="1" />');
    expect(saved).toContain('<Quote by="Ông Hà Văn Mới">');
    expect(errors).toEqual([]);
  });

  it('finds a commune no entry uses yet in the register of the whole country, by its name typed without diacritics', async () => {
    const page = await context.newPage();
    await page.goto(`${desk.url}dien-hinh/vu-van-long`);
    await page.fill('#f-editor', 'Minh Thư');
    await page.fill('#f-place-filter', 'thach than');
    await expect.poll(() => page.inputValue('#f-place')).toBe('xa-thach-than-quoc-oai');
    await save(page);
    expect(read('exemplars/vu-van-long.mdx')).toContain('place: xa-thach-than-quoc-oai');
  });

  it('turns a photo on its side, fills a date from the calendar, and takes a pasted photo', async () => {
    const page = await context.newPage();
    const photo = path.join(copy.root, 'content/exemplars/anh/dang-thi-hoa.jpg');
    const before = await sharp(photo).metadata();
    await page.goto(`${desk.url}dien-hinh/dang-thi-hoa`);
    // Local desk: the name of the person turning it goes with the version, as with any save.
    await Promise.all([page.waitForEvent('load'), page.click('text=Xoay phải ảnh 1')]);
    const after = await sharp(photo).metadata();
    expect([after.width, after.height]).toEqual([before.height, before.width]);

    await page.fill('[aria-label^="Chọn trên lịch: Ngày đăng"]', '2026-11-20');
    expect(await page.inputValue('#f-published')).toBe('20/11/2026');

    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'dan-tu-zalo.jpg', { type: 'image/jpeg' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
    });
    expect(await page.evaluate(() => (document.querySelector('#p-file') as HTMLInputElement).files?.[0]?.name)).toBe('dan-tu-zalo.jpg');
    expect(await page.textContent('#p-status')).toContain('Đã dán ảnh dan-tu-zalo.jpg');
  });

  it('keeps the headings, bold, italic, lists and links of text pasted from Word, and nothing else of it', async () => {
    const page = await context.newPage();
    await page.goto(`${desk.url}dien-hinh/moi`);
    await page.fill('#f-body', '');
    await page.focus('#f-body');
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.setData(
        'text/html',
        '<html><head><style>p{mso-style:x}</style></head><body><h2>Bếp cơm</h2><p class="MsoNormal"><b>Bà Hoà</b> nấu <span style="font-style:italic">mỗi sáng</span><o:p></o:p></p><ul><li>Gạo</li><li>Rau</li></ul><p><a href="https://example.vn/">Xem thêm</a> <img src=x onerror="alert(1)"></p></body></html>',
      );
      transfer.setData('text/plain', 'Bếp cơm Bà Hoà nấu mỗi sáng');
      document.querySelector('#f-body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    });
    expect(await page.inputValue('#f-body')).toBe('## Bếp cơm\n\n**Bà Hoà** nấu *mỗi sáng*\n\n- Gạo\n- Rau\n\n[Xem thêm](https://example.vn/)');
    expect(errors.filter((e) => e.startsWith('dialog'))).toEqual([]);
  });

  it('reorders and adds the phases of a campaign', async () => {
    const page = await context.newPage();
    await page.goto(`${desk.url}phong-trao/thi-dua-ayun-pa-2023`);
    await page.fill('#f-editor', 'Minh Thư');
    const phases = page.locator('[data-list="f.phases"]');
    await Promise.all([page.waitForEvent('load'), phases.locator('button:text("Xuống")').first().click()]);
    await page.fill('#f-editor', 'Minh Thư');
    await Promise.all([page.waitForEvent('load'), phases.locator('button', { hasText: 'Thêm' }).last().click()]);
    const last = page.locator('[data-list="f.phases"] > ol > li').last();
    await last.locator('input[name$=".name"]').fill('Đợt 3');
    await last.locator('input[name$=".start"]').fill('12/2023');
    await last.locator('input[name$=".end"]').fill('12/2023');
    await save(page);
    expect(await page.locator('.error-summary').allTextContents()).toEqual([]);
    const text = read('campaigns/thi-dua-ayun-pa-2023.mdx');
    expect(text.indexOf('name: Đợt 2')).toBeLessThan(text.indexOf('name: Đợt 1'));
    expect(text).toContain('name: Đợt 3');
  });

  it('restores an older version from the history', async () => {
    const page = await context.newPage();
    for (const role of ['Bản thứ nhất', 'Bản thứ hai']) {
      await page.goto(`${desk.url}dien-hinh/vu-van-long`);
      await page.fill('#f-editor', 'Minh Thư');
      await page.fill('#f-role', role);
      await save(page);
    }
    await page.click('.entry-links >> text=Lịch sử phiên bản');
    await page.locator('td a').nth(1).click();
    await expect.poll(() => page.locator('pre.diff').textContent()).toContain('Bản thứ nhất');
    await screenshot(page, 'lich-su');
    await page.fill('#h-editor', 'Minh Thư');
    await Promise.all([page.waitForEvent('load'), page.click('text=Khôi phục bản này')]);
    expect(read('exemplars/vu-van-long.mdx')).toContain('role: Bản thứ nhất');
  });

  it('refuses the second of two tabs saving the same entry, and loses neither text', async () => {
    const [one, two] = [await context.newPage(), await context.newPage()];
    for (const page of [one, two]) {
      await page.goto(`${desk.url}dien-hinh/kieu-van-binh`);
      await page.fill('#f-editor', 'Minh Thư');
    }
    await one.fill('#f-role', 'Sửa ở tab một');
    await two.fill('#f-role', 'Sửa ở tab hai');
    await save(one);
    await save(two);
    await expect.poll(() => two.locator('h1').textContent()).toBe('Bài này vừa được người khác lưu');
    expect(read('exemplars/kieu-van-binh.mdx')).toContain('role: Sửa ở tab một');
    expect(await two.inputValue('#m-text')).toContain('role: Sửa ở tab hai');
    await screenshot(two, 'hai-nguoi-cung-sua');
    expect(await two.locator('pre.diff').first().textContent()).toContain('Sửa ở tab một');
    await two.fill('#m-text', (await two.inputValue('#m-text')).replace('role: Sửa ở tab hai', 'role: Sửa ở tab một và tab hai'));
    await Promise.all([two.waitForEvent('load'), two.click('text=Lưu bản gộp')]);
    expect(read('exemplars/kieu-van-binh.mdx')).toContain('role: Sửa ở tab một và tab hai');
  });

  it('saves every sample file unchanged byte for byte', async () => {
    const page = await context.newPage();
    const files = (['exemplars', 'campaigns'] as const).flatMap((dir) =>
      readdirSync(path.join(copy.root, 'content', dir))
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => ({ dir, name, route: dir === 'exemplars' ? 'dien-hinh' : 'phong-trao' })),
    );
    const changed: string[] = [];
    for (const { dir, name, route } of files) {
      const before = read(`${dir}/${name}`);
      const id = idFromFile(name);
      await page.goto(`${desk.url}${route}/${id}`);
      await page.fill('#f-editor', 'Minh Thư');
      await save(page);
      if (read(`${dir}/${name}`) !== before) changed.push(name);
    }
    expect(changed).toEqual([]);
  });

  it('runs no hostile text in any field, in the form, the lists, the history or the preview', async () => {
    const page = await context.newPage();
    const payloads = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(2)>',
      "'><svg onload=alert(3)>",
      '</textarea><script>alert(4)</script>',
      'javascript:alert(5)',
      '{alert(6)}',
    ];
    await page.goto(`${desk.url}dien-hinh/ban-nhap-le-van-tam`);
    const boxes = page.locator('form.entry-form input[type=text], form.entry-form textarea');
    const count = await boxes.count();
    // Every text box of the form (the approval state has none: it changes only through the steps of approval).
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) await boxes.nth(i).fill(`Chữ ${payloads[i % payloads.length]}`);
    await page.fill('#f-editor', payloads[1]!);
    await page.fill('#f-body', `Chữ ${payloads.join(' ')} [x](javascript:alert(7))\n\n<img src=x onerror=alert(8) />\n`);
    await page.click('button[data-preview]');
    await expect.poll(() => page.locator('#preview').textContent()).not.toBe('');
    await save(page);
    expect(read('exemplars/ban-nhap-le-van-tam.mdx')).toContain('onerror=alert(2)');
    for (const pathname of [
      'dien-hinh/ban-nhap-le-van-tam',
      'dien-hinh?q=script',
      'dien-hinh/ban-nhap-le-van-tam/lich-su',
      'dien-hinh/ban-nhap-le-van-tam/phat-thanh',
      'dien-hinh/ban-nhap-le-van-tam/xem-trang',
    ]) {
      await page.goto(desk.url + pathname);
      expect(await page.locator('script:not([src]), [onerror], [onload], iframe, svg').count(), pathname).toBe(0);
    }
    await page.waitForTimeout(300);
    expect(errors.filter((e) => e.startsWith('dialog'))).toEqual([]);
  });

  it('refuses a form posted from another site and a request under a foreign Host', async () => {
    const before = read('exemplars/dang-thi-hoa.mdx');
    const evil: Server = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><form method="post" action="${desk.url}dien-hinh/dang-thi-hoa"><input name="f.role" value="Bị sửa"><input name="editor" value="x"><button>Gửi</button></form>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().startsWith(desk.url)), page.click('button')]);
      expect(response.status()).toBe(403);
      expect(read('exemplars/dang-thi-hoa.mdx')).toBe(before);
    } finally {
      evil.close();
    }
    // A rebinding page: a name of the attacker's that resolves to 127.0.0.1.
    const rebound = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
    });
    try {
      const page = await rebound.newPage();
      const response = await page.goto(`http://rebind.test:${desk.port}/dien-hinh`);
      expect(response?.status()).toBe(421);
    } finally {
      await rebound.close();
    }
  });

  it('works with the keyboard alone: the skip link, Enter to save, the dialogs and shortcuts of the story', async () => {
    const page = await context.newPage();
    await page.goto(`${desk.url}dien-hinh/nguyen-van-an`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('#f-body-count').textContent()).toMatch(/^\d+ chữ, đọc trên đài khoảng/);
    await page.focus('#f-body');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('chữ đậm gõ bằng phím');
    await page.keyboard.press('End');
    await page.focus('.toolbar button:text("Trích lời")');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bà Lan');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lời nói gõ bằng phím.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The dialog closes, then hands the focus back to the story.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-body');
    await page.focus('#f-editor');
    await page.keyboard.type('Minh Thư');
    await page.focus('#f-role');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Gõ bằng phím');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    const text = read('exemplars/nguyen-van-an.mdx');
    expect(text).toContain('role: Gõ bằng phím');
    expect(text).toContain('**chữ đậm gõ bằng phím**');
    expect(text).toContain('<Quote by="Bà Lan">');
  });

  it.each([
    'dien-hinh',
    'dien-hinh?q=hoa&trang-thai=da-duyet',
    'dien-hinh/moi',
    'dien-hinh/dang-thi-hoa',
    'dien-hinh/dang-thi-hoa/lich-su',
    'dien-hinh/dang-thi-hoa/phat-thanh',
    'dien-hinh/dang-thi-hoa/xem-trang',
    'dien-hinh/dang-thi-hoa/ap-phich',
    'dia-danh',
    'dia-danh/xa-huong-phu-nam-dong',
    'khen-thuong/nguoi-tot-viec-tot',
    'cai-dat',
    'phong-trao',
    'phong-trao/thi-dua-ayun-pa-2023',
    'tai-khoan',
    'cai-dat-ban',
  ])('/%s passes axe under the strict policy and loads nothing from outside', async (pathname) => {
    outside = [];
    errors = [];
    const page = await context.newPage();
    const response = await page.goto(desk.url + pathname);
    expect(response?.status()).toBe(200);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
