/** RSS and JSON Feed: well-formed, newest published exemplars only, right scope, sanitised content. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { ContentModel } from '../../src/lib/content/model.ts';
import { sortNewest } from '../../src/lib/data/exemplars.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { readText } from '../helpers/dist.ts';

const dist = inject('sampleDist');
let model: ContentModel;
let browser: Browser;
beforeAll(async () => {
  ({ model } = await checkContent(ROOT));
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const published = () => model.exemplars.filter((e) => isPublishable(e.data));

describe('feeds', () => {
  it.each(['feed.json', 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/feed.json', 'dia-phuong/ha-noi/feed.json'])(
    '%s is a JSON Feed 1.1 of the newest published exemplars in its scope',
    (file) => {
      const feed = JSON.parse(readText(dist, file));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`https://guong-sang.example.vn/${file}`);
      const ids = feed.items.map((item: { url: string }) => new URL(item.url).pathname.split('/')[2]);
      const scope = published().filter((e) =>
        file.startsWith('phong-trao/')
          ? e.data.campaigns.includes('nguoi-tot-viec-tot-quoc-oai-2022')
          : file.startsWith('dia-phuong/')
            ? e.data.place.endsWith('quoc-oai')
            : true,
      );
      expect(new Set(ids)).toEqual(
        new Set(
          sortNewest(scope)
            .slice(0, FEED_SIZE)
            .map((e) => e.id),
        ),
      );
      const dates = feed.items.map((item: { date_published: string }) => item.date_published);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const item of feed.items) expect(item.content_html).not.toMatch(/<(script|iframe|gs-photo)|\son\w+=/i);
    },
  );

  it.each(['rss.xml', 'phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/rss.xml', 'dia-phuong/xa-sai-son-quoc-oai/rss.xml'])(
    '%s is well-formed RSS 2.0',
    async (file) => {
      const page = await browser.newPage();
      const result = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            version: doc.documentElement.getAttribute('version'),
            items: doc.querySelectorAll('item').length,
            titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent),
          };
        },
        readText(dist, file),
      );
      expect(result.error).toBeNull();
      expect(result.version).toBe('2.0');
      expect(result.items).toBeGreaterThan(0);
      for (const hidden of model.exemplars.filter((e) => !isPublishable(e.data))) expect(result.titles).not.toContain(hidden.data.name);
      await page.close();
    },
  );
});
