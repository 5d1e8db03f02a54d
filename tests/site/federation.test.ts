/**
 * Beyond one site: a province publishes one site per district, each built on its own and served as static files
 * under one domain, and each search page also searches the other sites' indexes (Pagefind's mergeIndex). Two
 * small generated sites, different names and places, are built and served here; a search on either finds the
 * people of both, and every result links to its own site.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { astroBuild, ROOT } from '../helpers/build-sample.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyProjectCode } from '../helpers/project-copy.ts';
import { freePort, serveStatic, type StaticServer } from '../helpers/serve.ts';
import type { SearchDictionary } from '../../src/lib/search/recognize.ts';
import { foldVietnamese } from '../../src/lib/text.ts';

const SITES = [
  { path: 'huyen-an-binh', name: 'Gương Sáng huyện An Bình', seed: 11, provinces: ['ha-nam', 'nam-dinh', 'ninh-binh'] as [string, string, string] },
  { path: 'huyen-phu-yen', name: 'Gương Sáng huyện Phú Yên', seed: 22, provinces: ['phu-yen', 'kon-tum', 'binh-dinh'] as [string, string, string] },
];
const first: Record<string, string> = {};
const temporary: string[] = [];
let server: StaticServer;
let browser: Browser;
let served: string;

beforeAll(async () => {
  const port = await freePort();
  served = mkdtempSync(path.join(tmpdir(), 'guong-sang-federation-'));
  temporary.push(served);
  for (const [i, site] of SITES.entries()) {
    const other = SITES[1 - i];
    const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-project-'));
    temporary.push(root);
    copyProjectCode(root);
    const corpus = await writeCorpus(root, ROOT, {
      exemplars: 6,
      seed: site.seed,
      provinces: site.provinces,
      districtsPerProvince: 1,
      communesPerDistrict: 2,
      campaigns: 2,
    });
    first[site.path] = corpus.first.name;
    writeFileSync(
      path.join(root, 'content/settings.yaml'),
      `siteName: ${site.name}
tagline: Thử nghiệm tìm kiếm chung
url: http://127.0.0.1:${port}/${site.path}/
publisher:
  name: Trung tâm Văn hóa, Thông tin và Thể thao (thử nghiệm)
  address: Địa chỉ thử nghiệm
otherSites:
  - { name: ${other.name}, path: /${other.path}/ }
`,
    );
    astroBuild(root, path.join(served, site.path));
  }
  server = await serveStatic(served, { port });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Results of a search on one site's search page: link, title and tags of each card. */
async function search(site: string, query: string, seen: { chip?: string } = {}) {
  const page = await browser.newPage();
  await page.goto(`${server.url}${site}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai')?.textContent ?? ''), undefined, { timeout: 30_000 });
  if (await page.locator('#da-hieu .chip').count()) seen.chip = (await page.locator('#da-hieu .chip').first().textContent()) ?? undefined;
  const results = await page.locator('#ket-qua > li').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('h2 a')!.getAttribute('href')!,
      title: item.querySelector('h2')!.textContent!.trim(),
      tags: [...item.querySelectorAll('.tag')].map((tag) => tag.textContent!.trim()),
    })),
  );
  await page.close();
  return results;
}

describe('one search across separately built sites', () => {
  it('finds the people of both sites from either search page, each marked with its site', async () => {
    for (const [i, site] of SITES.entries()) {
      const other = SITES[1 - i];
      const own = await search(site.path, first[site.path]);
      expect(own.map((r) => r.href)).toContain(`/${site.path}/dien-hinh/dh-000000/`);
      const theirs = await search(site.path, first[other.path]);
      const hit = theirs.find((r) => r.href === `/${other.path}/dien-hinh/dh-000000/`);
      expect(hit, `${first[other.path]} from ${site.path}`).toBeDefined();
      expect(hit!.tags).toContain(other.name);
    }
  });

  it('lists the campaigns of both sites in one result list, found by their plan number', async () => {
    const results = await search(SITES[0].path, '100/KH-UBND');
    for (const site of SITES)
      expect(
        results.some((r) => r.href === `/${site.path}/phong-trao/phong-trao-0/`),
        site.path,
      ).toBe(true);
  });

  it('understands a commune of the other site typed as words, and filters there', async () => {
    const dictionary = (site: string) => JSON.parse(readFileSync(path.join(served, site, 'tim-kiem/tu-dien.json'), 'utf8')) as SearchDictionary;
    const own = new Set(dictionary(SITES[0].path).places.map(([id]) => id));
    const theirs = dictionary(SITES[1].path);
    const commune = theirs.places.find(([id, type, , , communes]) => ['xa', 'phuong', 'thi-tran'].includes(type) && !own.has(id) && communes.length === 1)!;
    expect(commune, 'a commune of the other site only').toBeDefined();
    const seen: { chip?: string } = {};
    const results = await search(SITES[0].path, foldVietnamese(`${theirs.placeTypes[commune[1]]} ${commune[2]}`), seen);
    expect(seen.chip).toContain(commune[2]);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.href.startsWith(`/${SITES[1].path}/`), result.href).toBe(true);
  });

  it('links every result to a working page of its own site', async () => {
    const results = await search(SITES[1].path, first[SITES[0].path]);
    const hit = results.find((r) => r.href.startsWith(`/${SITES[0].path}/`))!;
    const page = await browser.newPage();
    const response = await page.goto(new URL(hit.href, server.url).href);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(first[SITES[0].path]);
    expect(await page.locator('header').textContent()).toContain(SITES[0].name);
    await page.close();
  });
});
