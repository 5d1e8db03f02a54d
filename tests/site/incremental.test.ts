/**
 * Rebuilds reuse pages from the previous build (see pageKeys in src/lib/data/site.ts). What must never happen: a
 * reused page still showing an entry that may no longer be published, or a story edit that does not reach its page.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { openSearch } from '../helpers/search.ts';

let project: ReturnType<typeof copyProject>;
let out: string;
let log: string;

/** Every text file of the output, search index excepted (gzip; the output check reads it). */
function outputText(): string {
  return (readdirSync(out, { recursive: true }) as string[])
    .filter((file) => /\.(html|xml|json|txt)$/.test(file))
    .map((file) => readFileSync(path.join(out, file), 'utf8'))
    .join('\n');
}

beforeAll(() => {
  project = copyProject({}, { sampleContent: true });
  out = path.join(project.root, 'dist');
  astroBuild(project.root, out);
  expect(outputText()).toContain('Kiều Văn Bình');
  // One person withdraws her consent; another story gets a sentence.
  const withdrawn = path.join(project.root, 'content/exemplars/kieu-van-binh.mdx');
  writeFileSync(withdrawn, readFileSync(withdrawn, 'utf8').replace(/^(consent:\n  date: .*\n)/m, '$1  withdrawn: 2026-11-01\n'));
  const edited = path.join(project.root, 'content/exemplars/pham-van-thuy.mdx');
  writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()}\n\nCâu bổ sung sau khi xuất bản.\n`);
  // The output is kept between builds: what an entry deleted by hand left there, and a stylesheet no page uses.
  mkdirSync(path.join(out, 'dien-hinh/da-xoa-khoi-noi-dung'), { recursive: true });
  writeFileSync(path.join(out, 'dien-hinh/da-xoa-khoi-noi-dung/index.html'), '<h1>Nguyễn Văn Xoá</h1>');
  writeFileSync(path.join(out, '_astro/cu.css'), 'body{}');
  log = astroBuild(project.root, out);
}, 240_000);

afterAll(() => project?.cleanup());

describe('a rebuild', () => {
  it('drops the page of a withdrawn consent and every mention of her, from reused pages and the search index too', () => {
    expect(log).not.toContain('dùng lại');
    expect(existsSync(path.join(out, 'dien-hinh/kieu-van-binh/index.html'))).toBe(false);
    expect(outputText()).not.toContain('Kiều Văn Bình');
    expect(outputText()).not.toContain('/dien-hinh/kieu-van-binh/');
  });

  it('deletes from the kept output every file this build did not make', () => {
    expect(existsSync(path.join(out, 'dien-hinh/da-xoa-khoi-noi-dung'))).toBe(false);
    expect(existsSync(path.join(out, '_astro/cu.css'))).toBe(false);
    expect(outputText()).not.toContain('Nguyễn Văn Xoá');
    expect(existsSync(path.join(out, 'favicon.svg'))).toBe(true);
  });

  it('shows an edited story on its page', () => {
    expect(readFileSync(path.join(out, 'dien-hinh/pham-van-thuy/index.html'), 'utf8')).toContain('Câu bổ sung sau khi xuất bản.');
  });

  it('reuses pages and the search index when only a story changed, and only then', async () => {
    // A withdrawal changes lists everywhere, so this rebuild renders every keyed page again; the next one, after a
    // story edit alone, reuses all but that story's page and feeds.
    const file = path.join(project.root, 'content/exemplars/pham-van-thuy.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nMột câu nữa.\n`);
    const unchanged = path.join(out, 'dien-hinh/dang-thi-hoa/index.html');
    const written = statSync(unchanged).mtimeMs;
    const next = astroBuild(project.root, out);
    // A reused page stays where it is, neither deleted nor copied back.
    expect(statSync(unchanged).mtimeMs).toBe(written);
    // Two pages render at a time and their log lines mix: count the markers.
    const rendered = (text: string) => text.split('├─').length - text.split(/\((?:cached|restored)\)/).length;
    expect(rendered(next)).toBeLessThan(rendered(log) / 4);
    // What the search index reads of the pages did not change: the story text is not indexed.
    expect(next).toContain('không đổi so với lần trước: dùng lại');
    expect(readFileSync(path.join(out, 'dien-hinh/pham-van-thuy/index.html'), 'utf8')).toContain('Một câu nữa.');
    const search = await openSearch(out);
    try {
      expect((await search.search('pham van thuy')).map((hit) => hit.url)).toContain('/dien-hinh/pham-van-thuy/');
      expect((await search.search('kieu van binh')).map((hit) => hit.url)).not.toContain('/dien-hinh/kieu-van-binh/');
    } finally {
      await search.close();
    }
  }, 120_000);

  it('keeps every reused page pointing at the stylesheet of this build after a style change', () => {
    const css = path.join(project.root, 'src/styles/global.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.rebuild-test { color: #000; }\n`);
    astroBuild(project.root, out);
    const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      for (const [, href] of readFileSync(path.join(out, page), 'utf8').matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)) {
        expect(existsSync(path.join(out, href)), `${page} → ${href}`).toBe(true);
      }
    }
  }, 120_000);
});
