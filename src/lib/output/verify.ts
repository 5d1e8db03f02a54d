/**
 * The output check: after every production build, compares what was written with content/ read on its own. Every
 * published exemplar, campaign and place has exactly one page, one sitemap entry and one search record, and sits in
 * the feeds it belongs to; no draft or withdrawn entry left its name or address anywhere; no image carries camera
 * metadata or is an original upload; no personal-data pattern appears outside the public contacts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentModel } from '../content/check.ts';
import { publicContactsOf } from '../content/personal-data.ts';
import { checkFeeds } from './feeds.ts';
import { outputFiles, outputText, sitePath } from './files.ts';
import { checkImages } from './images.ts';
import { checkPersonalData } from './personal-data.ts';
import { published, type Published } from './published.ts';

/** How often each site path is listed in the sitemap. */
function sitemapCounts(dir: string, base: string): Map<string, number> | undefined {
  if (!existsSync(path.join(dir, 'sitemap.xml'))) return undefined;
  const counts = new Map<string, number>();
  for (const [, loc] of readFileSync(path.join(dir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const page = sitePath(loc!, base);
    counts.set(page, (counts.get(page) ?? 0) + 1);
  }
  return counts;
}

/**
 * How often each site path has a record in the search index (one fragment per indexed page). Pagefind records
 * addresses inside the output folder; the base is added in the browser.
 */
function searchRecordCounts(texts: Map<string, string>): Map<string, number> | undefined {
  const fragments = [...texts].filter(([file]) => file.endsWith('.pf_fragment'));
  if (fragments.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const [, text] of fragments) {
    const url = /"url":"([^"]+)"/.exec(text)?.[1];
    if (url) counts.set(sitePath(url, '/'), (counts.get(sitePath(url, '/')) ?? 0) + 1);
  }
  return counts;
}

function checkEntryPages(dir: string, expected: Published, texts: Map<string, string>, base: string): string[] {
  const problems: string[] = [];
  const sitemap = sitemapCounts(dir, base);
  const search = searchRecordCounts(texts);
  if (!sitemap) problems.push('Thiếu sitemap.xml.');
  if (!search) problems.push('Thiếu chỉ mục tìm kiếm (pagefind/fragment).');
  const pages = new Set(expected.entryPages);
  for (const page of expected.entryPages) {
    if (!existsSync(path.join(dir, page, 'index.html'))) problems.push(`Thiếu trang ${base}${page}`);
    const listed = sitemap?.get(page) ?? 0;
    if (sitemap && listed !== 1) problems.push(`${base}${page} có ${listed} lần trong sitemap.xml (phải đúng 1 lần).`);
    const records = search?.get(page) ?? 0;
    if (search && records !== 1) problems.push(`${base}${page} có ${records} bản ghi trong chỉ mục tìm kiếm (phải đúng 1).`);
  }
  for (const [page] of search ?? []) if (!pages.has(page)) problems.push(`Chỉ mục tìm kiếm có trang không phải bài đã duyệt: ${base}${page}`);
  return problems;
}

function checkLeaks(texts: Map<string, string>, expected: Published, base: string): string[] {
  const needles = expected.hidden.flatMap(({ name, page }) => [name, `/${page}`]);
  const problems: string[] = [];
  for (const [file, text] of texts) {
    for (const needle of needles) if (text.includes(needle)) problems.push(`"${needle.startsWith('/') ? base.slice(0, -1) + needle : needle}" (chưa được phép đăng) có trong ${file}.`);
  }
  return problems;
}

export interface VerifyOptions {
  /** The base the site was built for: "/" or "/guong-sang/". */
  base?: string;
  /** Project root, where content/ and its original photos are. */
  root: string;
}

/** Every problem with the build output in `dir`; none means the output holds exactly what was approved. */
export async function verifyOutput(dir: string, model: ContentModel, { base = '/', root }: VerifyOptions): Promise<string[]> {
  const expected = published(model);
  const files = outputFiles(dir);
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = outputText(dir, file);
    if (text !== undefined) texts.set(file, text);
  }
  // Outside a build the content check keeps photo paths as written in the entry.
  const originals = model.exemplars.flatMap((e) => (e.data.photos as { src: string }[]).map((photo) => path.resolve(root, path.dirname(e.file), photo.src)));
  return [
    ...checkEntryPages(dir, expected, texts, base),
    ...checkFeeds(dir, model, expected, base),
    ...checkLeaks(texts, expected, base),
    ...(await checkImages(dir, files, originals)),
    ...checkPersonalData(texts, publicContactsOf(model.settings)),
  ];
}
