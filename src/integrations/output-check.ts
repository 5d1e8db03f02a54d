/**
 * After every production build, compares the output with content/ as the content check read it, independently of
 * the page code: every published exemplar, campaign and place has exactly one page and one sitemap entry, and no
 * draft, withdrawn entry or entry whose consent was withdrawn left its name or address in any output file, search
 * index included. The build fails otherwise, naming what is missing or leaked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { checkContent, type ContentModel } from '../lib/content/check.ts';
import { isPublishable } from '../lib/data/publishable.ts';
import { checkedContent } from './content-check.ts';

const TEXT = /\.(html|xml|txt|json|js|mjs|css|svg|webmanifest)$/;
const SEARCH_FRAGMENT = /\.pf_(fragment|meta|index)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Text of an output file as a reader or a crawler could get it; search index files are gzip. */
function textOf(dir: string, file: string): string | undefined {
  const bytes = readFileSync(path.join(dir, file));
  if (TEXT.test(file)) return bytes.toString('utf8').normalize('NFC');
  if (SEARCH_FRAGMENT.test(file)) {
    try {
      return gunzipSync(bytes).toString('utf8').normalize('NFC');
    } catch {
      return bytes.toString('latin1');
    }
  }
  return undefined;
}

/** Problems with the output in `dir`, built for the path `base` ("/" or "/guong-sang/"). */
export function verifyOutput(dir: string, model: ContentModel, base = '/'): string[] {
  const problems: string[] = [];
  const expected = [
    ...model.exemplars.filter((e) => isPublishable(e.data)).map((e) => `dien-hinh/${e.id}/`),
    ...model.campaigns.filter((c) => isPublishable(c.data)).map((c) => `phong-trao/${c.id}/`),
    ...model.places.map((p) => `dia-phuong/${p.id}/`),
  ];
  let sitemap = '';
  try {
    sitemap = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
  } catch {
    problems.push('Thiếu sitemap.xml.');
  }
  const listed = new Map<string, number>();
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const pathname = new URL(loc).pathname;
    listed.set(pathname, (listed.get(pathname) ?? 0) + 1);
  }
  for (const page of expected) {
    try {
      statSync(path.join(dir, page, 'index.html'));
    } catch {
      problems.push(`Thiếu trang ${base}${page}`);
    }
    const count = listed.get(`${base}${page}`) ?? 0;
    if (sitemap && count !== 1) problems.push(`${base}${page} có ${count} lần trong sitemap.xml (phải đúng 1 lần).`);
  }

  const hidden = [...model.exemplars, ...model.campaigns].filter((entry) => !isPublishable(entry.data));
  const needles = hidden.flatMap((entry) => {
    const name = 'name' in entry.data ? entry.data.name : entry.data.title;
    const section = entry.file.includes('/campaigns/') ? 'phong-trao' : 'dien-hinh';
    return [name, `/${section}/${entry.id}/`];
  });
  if (needles.length > 0) {
    for (const file of files(dir)) {
      const text = textOf(dir, file);
      if (!text) continue;
      for (const needle of needles) if (text.includes(needle)) problems.push(`"${needle}" (chưa được phép đăng) có trong ${file}.`);
    }
  }
  return problems;
}

export function outputCheck(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'guong-sang:output-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('Đang đối chiếu kết quả xuất bản với nội dung…');
        const model = checkedContent(root) ?? (await checkContent(root)).model;
        const problems = verifyOutput(fileURLToPath(dir), model, base);
        if (problems.length > 0) throw new Error(`Kết quả xuất bản không khớp với nội dung đã duyệt:\n  ${problems.join('\n  ')}`);
        logger.info('Kết quả xuất bản khớp với nội dung đã duyệt.');
      },
    },
  };
}
