/**
 * Pictures of every page template for the documentation (docs/screenshots.md): with SITE_SCREENSHOTS=1 these tests
 * write the first screen of each at a phone's width (412 × 915) and a desktop's (1366 × 768) into docs/screenshots/.
 * Run them once after a change to the site's look, and commit the pictures.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { TEMPLATES } from '../helpers/templates.ts';

const dist = inject('sampleDist');
const OUT = path.join(ROOT, 'docs/screenshots');
const VIEWPORTS = { phone: { width: 412, height: 915 }, desktop: { width: 1366, height: 768 } } as const;

/** One page per template: a later page of a list or a second poster looks like the first. */
const SHOWN = TEMPLATES.filter((template) => !/\/\d+\/$/.test(template) && template !== 'in/dien-hinh/ksor-h-yen/' && template !== 'dia-phuong/hung-yen/');

/** "phong-trao/x/" → "phong-trao-x", "" → "trang-chu", "tim-kiem/?q=hoa&xa=…" → "tim-kiem-q-hoa-xa-…". */
const pictureName = (template: string) => template.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'trang-chu';

describe.runIf(process.env.SITE_SCREENSHOTS)('screenshots of the page templates', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchBrowser();
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.entries(VIEWPORTS))('at %s width, one picture per template', async (name, viewport) => {
    const page = await browser.newPage({ viewport });
    for (const template of SHOWN) {
      await page.goto(server.url + template, { waitUntil: 'networkidle' });
      await page.screenshot({ path: path.join(OUT, `${pictureName(template)}-${name}.jpg`), type: 'jpeg', quality: 70 });
    }
    await page.close();
    const written = readdirSync(OUT).filter((file) => file.endsWith(`-${name}.jpg`));
    expect(written).toHaveLength(SHOWN.length);
    for (const file of written) expect(statSync(path.join(OUT, file)).size, file).toBeGreaterThan(5000);
  });
});
