/**
 * Text fields carrying script payloads are published as text: no script runs and no dialog opens on the entry
 * page, in lists, in JSON-LD and meta tags, or in search results.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build-sample.ts';
import { baseFiles, exemplar } from '../helpers/content-fixture.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const PAYLOADS = ['</script><script>alert(1)</script>', '"><img src=x onerror=alert(2)>', "'-alert(3)-'", '<svg onload=alert(4)>', 'javascript:alert(5)'];
const hostile = PAYLOADS.join(' ');

let project: ReturnType<typeof copyProject>;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  project = copyProject({
    'content/exemplars/nguyen-van-an.mdx': exemplar({ name: `Nguyễn Văn An ${PAYLOADS[1]}` })
      .replace('citation: Giúp người nghèo.', `citation: "${hostile.replace(/"/g, '\\"')}"`)
      .replace('author: Phóng viên', `author: "${PAYLOADS[0]}"`)
      .replace('Câu chuyện.', 'Câu chuyện có dấu \\<script\\> viết thường.'),
    'content/campaigns/phong-trao-a.mdx': baseFiles['content/campaigns/phong-trao-a.mdx'].replace('summary: Tóm tắt.', `summary: "${PAYLOADS[3]}"`),
  });
  const dist = path.join(project.root, 'dist');
  astroBuild(project.root, dist);
  server = await serveStatic(dist);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.cleanup();
});

it.each(['dien-hinh/nguyen-van-an/', 'dien-hinh/', '', 'phong-trao/phong-trao-a/', 'tim-kiem/?q=nguyen+van+an', 'tim-kiem/?q=alert'])(
  '/%s runs no injected script',
  async (page) => {
    const tab = await browser.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await tab.goto(server.url + page, { waitUntil: 'networkidle' });
    if (page.startsWith('tim-kiem')) await expect.poll(() => tab.locator('#ket-qua li').count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(await tab.locator('img[src="x"], svg[onload]').count()).toBe(0);
    if (page === 'dien-hinh/nguyen-van-an/') {
      expect(await tab.locator('h1').textContent()).toContain(PAYLOADS[1]);
      const jsonLd = await tab.locator('script[type="application/ld+json"]').textContent();
      expect(JSON.parse(jsonLd!).about.name).toContain(PAYLOADS[1]);
    }
    await tab.close();
  },
);
