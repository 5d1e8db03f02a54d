/**
 * Every string field of every collection and of the site settings carries a script payload (where the schema
 * accepts free text). The site still builds, and in Chromium no script runs and no dialog opens on any page, the
 * search results included; JSON-LD stays valid JSON, feeds stay well-formed, and nothing in any page became markup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { poisonContent } from '../helpers/hostile-content.ts';

let project: ReturnType<typeof copyProject>;
let server: StaticServer;
let browser: Browser;
let fields: string[];
let pages: string[];
let dist: string;
beforeAll(async () => {
  project = copyProject({}, { sampleContent: true });
  fields = poisonContent(project.root);
  dist = path.join(project.root, 'dist');
  astroBuild(project.root, dist);
  pages = (readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) =>
      f
        .replace(/index\.html$/, '')
        .split(path.sep)
        .join('/'),
    );
  // Served without the site's policy: escaping alone must hold; the policy is a second wall, tested elsewhere.
  server = await serveStatic(dist);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.cleanup();
});

/** What a payload would leave in the page had it become markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value) && ['href', 'src', 'action', 'formaction'].includes(attribute.name))
          found.push(`${element.tagName} ${attribute.name}=javascript:`);
      }
    }
    for (const script of document.querySelectorAll('script')) {
      if (script.type === 'application/ld+json' || script.type === 'application/json') {
        try {
          JSON.parse(script.textContent ?? '');
        } catch {
          found.push(`${script.type} that is not JSON`);
        }
      } else if (!script.src.startsWith(location.origin)) found.push(`inline or foreign script: ${script.outerHTML.slice(0, 80)}`);
    }
    for (const element of document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload]')) found.push(element.outerHTML.slice(0, 80));
    return found;
  });
}

/** The messages of every dialog the page opens, each dismissed. */
function dialogsOf(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

async function visit(address: string) {
  const page = await browser.newPage();
  const dialogs = dialogsOf(page);
  await page.goto(server.url + address, { waitUntil: 'networkidle' });
  return { page, dialogs };
}

describe('hostile text in every field', () => {
  it('reaches every collection and the settings', () => {
    for (const where of ['settings.yaml', 'awards.yaml', 'places/', 'campaigns/', 'exemplars/'])
      expect(
        fields.some((f) => f.includes(where)),
        where,
      ).toBe(true);
    for (const field of [
      'siteName',
      'notice',
      'publisher.name',
      'name',
      'citation',
      'role',
      'author',
      'photos.0.alt',
      'photos.0.credit',
      'awards.0.issuer',
      'consent.scope',
      'title',
      'summary',
      'criteria.0',
    ]) {
      expect(
        fields.some((f) => f.endsWith(`:${field}`)),
        field,
      ).toBe(true);
    }
    expect(fields.length).toBeGreaterThan(400);
  });

  it('runs no script and opens no dialog on any page', async () => {
    expect(pages.length).toBeGreaterThan(80);
    const problems: string[] = [];
    const queue = [...pages];
    // Pages without script have nothing left to run once loaded; the search page is visited below with results.
    // A few tabs, each taken from page to page: opening a tab costs more than loading a page.
    const context = await browser.newContext();
    await Promise.all(
      [0, 1, 2].map(async () => {
        const page = await context.newPage();
        const dialogs = dialogsOf(page);
        for (let address = queue.shift(); address !== undefined; address = queue.shift()) {
          dialogs.length = 0;
          await page.goto(server.url + address, { waitUntil: 'load' });
          problems.push(...dialogs.map((d) => `${address}: dialog ${d}`), ...(await injected(page)).map((p) => `${address}: ${p}`));
        }
      }),
    );
    await context.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it('shows payloads as text in search results', async () => {
    for (const query of ['alert', 'script', 'onerror']) {
      const { page, dialogs } = await visit(`tim-kiem/?q=${query}`);
      await expect.poll(() => page.locator('#ket-qua li').count()).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      expect(await injected(page)).toEqual([]);
      expect(await page.locator('#ket-qua').textContent()).toContain('alert(');
      await page.close();
    }
  });

  it('keeps feeds well-formed, with payloads as text', async () => {
    const page = await browser.newPage();
    for (const feed of ['rss.xml', 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/rss.xml']) {
      const xml = readFileSync(path.join(dist, feed), 'utf8');
      const errors = await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length, xml);
      expect(errors, feed).toBe(0);
      expect(xml).not.toMatch(/<script|<img/i);
    }
    const json = JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')) as { title: string; items: { title: string; content_html: string }[] };
    expect(json.items.some((item) => item.title.includes('alert('))).toBe(true);
    for (const item of json.items) expect(item.content_html).not.toMatch(/<script|onerror=|javascript:/i);
    await page.close();
  });
});
