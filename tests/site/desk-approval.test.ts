/**
 * The whole path in Debian's Chromium, on a copy of the project, by two accounts: an editor writes and submits; a
 * leader returns it with a comment, then approves it with its document and consent, and publishes from the desk; the
 * page, its search record and the feeds have it; the leader withdraws it and the next publish takes it off. The
 * editor is refused the leader's steps and publishing, also when calling the desk's addresses directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/desk/accounts.ts';
import { startDesk, type Desk } from '../../src/desk/server.ts';
import { astroEnv } from '../../scripts/astro-env.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { BUILD_DATE, ROOT, cleanEnv } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { openSearch } from '../helpers/search.ts';

const DRAFT = `---
kind: ca-nhan
name: Lê Thị Mới
place: xa-dong
campaigns: [phong-trao-a]
fields: [tu-thien]
awards:
  - { award: giay-khen, level: xa, issuer: Chủ tịch UBND xã Đông, decision: 15/QĐ-UBND, date: 2024-06-01 }
citation: Nấu cơm cho bệnh nhân nghèo.
storyType: tin
author: Phóng viên
published: 2024-06-10
publication:
  status: ban-nhap
---

Câu chuyện minh hoạ về bếp cơm.
`;

let project: ReturnType<typeof copyProject>;
let desk: Desk;
let browser: Browser;
const outside: string[] = [];
const dist = () => path.join(project.root, 'dist');

beforeAll(async () => {
  project = copyProject({ 'content/exemplars/le-thi-moi.mdx': DRAFT });
  const accounts = new Accounts(path.join(project.root, '.desk'));
  await accounts.add('thu', 'Minh Thư', ['bien-tap-vien'], 'bút mực xanh 2026');
  await accounts.add('lan', 'Trần Thị Lan', ['lanh-dao'], 'duyệt bài cẩn thận');
  desk = await startDesk({
    root: project.root,
    port: 0,
    env: { ...astroEnv(cleanEnv()), BUILD_DATE },
    publishOptions: {
      buildCommand: (outDir) => [path.join(ROOT, 'node_modules/.bin/node'), path.join(ROOT, 'scripts/astro.ts'), 'build', '--outDir', outDir],
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await desk?.close();
  project?.cleanup();
});

async function signedIn(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${desk.url}dien-hinh/le-thi-moi`);
  expect(new URL(page.url()).pathname).toBe('/dang-nhap');
  expect(await axeViolations(page)).toEqual([]);
  await page.fill('#l-username', username);
  await page.fill('#l-password', password);
  await Promise.all([page.waitForURL(`${desk.url}dien-hinh/le-thi-moi`), page.click('button:text("Đăng nhập")')]);
  return { context, page };
}

const status = () => /status: (\S+)/.exec(readFileSync(path.join(project.root, 'content/exemplars/le-thi-moi.mdx'), 'utf8'))?.[1];

async function publish(page: Page) {
  await page.goto(`${desk.url}xuat-ban`);
  await Promise.all([page.waitForURL(`${desk.url}xuat-ban`), page.click('form.publish-form button')]);
  // The page follows the build by itself; the run ends with its summary.
  await expect.poll(() => page.locator('#publish-state').textContent(), { timeout: 300_000, interval: 1000 }).toMatch(/Xong trong/);
}

describe('the approval path in Chromium, by an editor and a leader', () => {
  it('goes from draft to the public site and off it again, each step by the role it belongs to', async () => {
    const editor = await signedIn('thu', 'bút mực xanh 2026');
    const leader = await signedIn('lan', 'duyệt bài cẩn thận');

    await editor.page.click('button[value="submit"]');
    await expect.poll(status).toBe('cho-duyet');
    expect(await editor.page.textContent('.notice')).toContain('Đã gửi duyệt.');
    expect(await editor.page.locator('button[value="approve"]').count()).toBe(0);
    expect(await editor.page.locator('a[href="/xuat-ban"]').count()).toBe(0);
    // Called directly, publishing and approving are refused to the editor.
    const direct = await editor.page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name=csrf-token]')!.content;
      const post = (url: string, body: Record<string, string>) =>
        fetch(url, { method: 'POST', body: new URLSearchParams({ csrf: token, ...body }), redirect: 'manual' }).then((r) => r.status);
      const hash = document.querySelector<HTMLInputElement>('input[name=hash]')!.value;
      return [
        await post('/xuat-ban', {}),
        await post('/dien-hinh/le-thi-moi/trang-thai', { action: 'approve', hash, 'approval.title': 'x', 'approval.date': '01/06/2024' }),
      ];
    });
    expect(direct).toEqual([403, 403]);
    expect(status()).toBe('cho-duyet');

    await leader.page.reload();
    expect(await axeViolations(leader.page)).toEqual([]);
    await leader.page.click('summary:text("Trả lại")');
    await leader.page.fill('#w-return-comment', 'Ghi thêm ngày người được giới thiệu đồng ý.');
    await leader.page.click('button[value="return"]');
    await expect.poll(status).toBe('tra-lai');

    await editor.page.reload();
    expect(await editor.page.textContent('.review')).toContain('Ghi thêm ngày người được giới thiệu đồng ý.');
    await editor.page.click('button[value="submit"]');
    await expect.poll(status).toBe('cho-duyet');

    await leader.page.reload();
    await leader.page.click('summary:text("Duyệt")');
    await leader.page.fill('#w-approve-approval-title', 'Biên bản duyệt đăng (minh hoạ)');
    await leader.page.fill('#w-approve-approval-date', '08/06/2024');
    await leader.page.click('button[value="approve"]');
    // The consent the schema requires of a person is asked for, and nothing is approved without it.
    await expect.poll(() => leader.page.locator('.error-summary').textContent()).toContain('consent');
    expect(status()).toBe('cho-duyet');
    await leader.page.fill('#w-approve-consent-date', '02/06/2024');
    await leader.page.fill('#w-approve-consent-scope', 'Họ tên và câu chuyện trên trang web');
    await leader.page.click('button[value="approve"]');
    await expect.poll(status).toBe('da-duyet');
    expect(await leader.page.textContent('.workflow')).toContain('Duyệt bởi Trần Thị Lan');

    await publish(leader.page);
    expect(await axeViolations(leader.page)).toEqual([]);
    expect(await leader.page.textContent('#publish-state')).toContain('Lê Thị Mới');
    expect(existsSync(path.join(dist(), 'dien-hinh/le-thi-moi/index.html'))).toBe(true);
    expect(readFileSync(path.join(dist(), 'feed.json'), 'utf8')).toContain('Lê Thị Mới');
    expect(readFileSync(path.join(dist(), 'rss.xml'), 'utf8')).toContain('Lê Thị Mới');
    let search = await openSearch(dist());
    expect((await search.search('le thi moi')).map((hit) => hit.url)).toContain('/dien-hinh/le-thi-moi/');
    await search.close();

    await leader.page.goto(`${desk.url}dien-hinh/le-thi-moi`);
    await leader.page.click('summary:text("Rút bài")');
    await leader.page.fill('#w-withdraw-comment', 'Gia đình đề nghị tạm gỡ.');
    await leader.page.click('button[value="withdraw"]');
    await expect.poll(status).toBe('da-rut');
    await publish(leader.page);
    expect(await leader.page.textContent('#publish-state')).toMatch(/Gỡ|gỡ|rút/);
    expect(existsSync(path.join(dist(), 'dien-hinh/le-thi-moi'))).toBe(false);
    expect(readFileSync(path.join(dist(), 'feed.json'), 'utf8')).not.toContain('Lê Thị Mới');
    search = await openSearch(dist());
    expect((await search.search('le thi moi')).map((hit) => hit.url)).not.toContain('/dien-hinh/le-thi-moi/');
    await search.close();

    const history = await leader.context.newPage();
    await history.goto(`${desk.url}dien-hinh/le-thi-moi/lich-su`);
    const text = await history.textContent('main');
    for (const line of ['Gửi duyệt', 'Trả lại', 'Ghi thêm ngày', 'Duyệt điển hình', 'Rút điển hình', 'Gia đình đề nghị tạm gỡ.', 'Minh Thư', 'Trần Thị Lan'])
      expect(text).toContain(line);

    for (const pathname of ['phat-thanh?tu=01/06/2024&den=30/06/2024', 'dong-bo']) {
      await history.goto(desk.url + pathname);
      expect(await axeViolations(history), pathname).toEqual([]);
    }
    expect(outside).toEqual([]);
    await editor.context.close();
    await leader.context.close();
  }, 900_000);
});
