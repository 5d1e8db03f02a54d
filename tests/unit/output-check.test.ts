import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { verifyOutput } from '../../src/integrations/output-check.ts';
import { exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Content with one published and one draft exemplar, and an output folder that matches it. */
async function fixture() {
  const content = makeContentRoot({ 'content/exemplars/le-van-tam.mdx': exemplar({ name: 'Lê Văn Tâm', status: 'ban-nhap' }) });
  cleanups.push(content.cleanup);
  const { model } = await checkContent(content.root);
  const dist = path.join(content.root, 'dist');
  const pages = ['dien-hinh/nguyen-van-an/', 'phong-trao/phong-trao-a/', 'dia-phuong/tinh-cu/', 'dia-phuong/tinh-moi/', 'dia-phuong/xa-dong/'];
  for (const page of pages) {
    mkdirSync(path.join(dist, page), { recursive: true });
    writeFileSync(path.join(dist, page, 'index.html'), '<h1>Trang</h1>');
  }
  const sitemap = pages.map((p) => `<url><loc>https://x.vn/${p}</loc></url>`).join('');
  writeFileSync(path.join(dist, 'sitemap.xml'), sitemap);
  return { model, dist, sitemap };
}

describe('output check', () => {
  it('accepts output that holds exactly the published entries', async () => {
    const { model, dist } = await fixture();
    expect(verifyOutput(dist, model)).toEqual([]);
  });

  it('names a missing page and a page missing from the sitemap', async () => {
    const { model, dist, sitemap } = await fixture();
    writeFileSync(path.join(dist, 'sitemap.xml'), sitemap.replace('<url><loc>https://x.vn/dien-hinh/nguyen-van-an/</loc></url>', ''));
    rmSync(path.join(dist, 'dia-phuong/xa-dong/index.html'));
    expect(verifyOutput(dist, model)).toEqual([
      '/dien-hinh/nguyen-van-an/ có 0 lần trong sitemap.xml (phải đúng 1 lần).',
      'Thiếu trang /dia-phuong/xa-dong/',
    ]);
  });

  it('finds a draft’s name in a page, in JSON and in a compressed search index fragment', async () => {
    const { model, dist } = await fixture();
    writeFileSync(path.join(dist, 'dien-hinh/nguyen-van-an/index.html'), '<p>Xem thêm: Lê Văn Tâm</p>');
    mkdirSync(path.join(dist, 'pagefind/fragment'), { recursive: true });
    writeFileSync(path.join(dist, 'pagefind/fragment/vi_1.pf_fragment'), gzipSync('{"url":"/dien-hinh/le-van-tam/"}'));
    expect(verifyOutput(dist, model).sort()).toEqual([
      '"/dien-hinh/le-van-tam/" (chưa được phép đăng) có trong pagefind/fragment/vi_1.pf_fragment.',
      '"Lê Văn Tâm" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.',
    ]);
  });
});
