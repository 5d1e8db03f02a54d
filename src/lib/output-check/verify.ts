/**
 * The output check: after every production build, compares what was written with content/ read on its own. Every
 * published exemplar, campaign and place has exactly one page, one sitemap entry and one search record, and sits in
 * the feeds it belongs to; no draft or withdrawn entry left its name or address anywhere; no image carries camera
 * metadata or is an original upload; no personal-data pattern appears outside the public contacts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentModel } from '../content/model.ts';
import { codeVersion } from '../content/cache.ts';
import { publicContactsOf } from '../content/personal-data.ts';
import { checkFeeds } from './feeds.ts';
import { isReadAsText, outputFiles, sitePath } from '../output-files.ts';
import { FileRecord } from '../file-record.ts';
import { checkImage, IMAGE_FILE, originalPhotos } from './images.ts';
import { scanInThreads, textScanner, type TextFile, type TextFindings, type TextRules } from './text-scan.ts';
import { published, type Published } from './published.ts';
import { SEARCH_INDEX_DIR } from '../names.ts';

/** How often each site path is listed in the sitemap, its parts included when it is a sitemap index. */
function sitemapCounts(dir: string, base: string): Map<string, number> | undefined {
  if (!existsSync(path.join(dir, 'sitemap.xml'))) return undefined;
  const counts = new Map<string, number>();
  const locs = (text: string) => [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const top = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
  // A part the index names but the build did not write counts as listing nothing: its pages are reported missing.
  const parts = top.includes('<sitemapindex')
    ? locs(top)
        .map((loc) => path.join(dir, sitePath(loc, base)))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'))
    : [top];
  for (const part of parts) {
    for (const loc of locs(part)) {
      const page = sitePath(loc, base);
      counts.set(page, (counts.get(page) ?? 0) + 1);
    }
  }
  return counts;
}

function checkEntryPages(dir: string, expected: Published, search: Map<string, number> | undefined, base: string): string[] {
  const problems: string[] = [];
  const sitemap = sitemapCounts(dir, base);
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

export interface VerifyOptions {
  /** The base the site was built for: "/" or "/guong-sang/". */
  base?: string;
  /** Project root, where content/ and its original photos are. */
  root: string;
  /** Where to keep which files were found clean, for the next build's check (see file-record.ts); none if absent. */
  cacheFile?: string;
  /** The files of the output (search index aside), if the caller has just listed them; listed here otherwise. */
  files?: readonly string[];
  /** Threads that read the text of a large output; 0 reads it all in this thread. One per core by default. */
  threads?: number;
}

/** The search index's folder in the output, written by Pagefind after every other file. */
const SEARCH_INDEX = `${SEARCH_INDEX_DIR}/`;
/** Files looked at between two yields to the event loop, so that a build's search indexer goes on meanwhile. */
const FILES_PER_TURN = 32;
/** Below this many files to read, starting threads costs more than it saves. */
const THREADED_FROM = 256;

/**
 * The output check in two steps, so that a build checks its pages while Pagefind indexes them in its own process:
 * the check starts on every file written so far (all but the search index), and `finish()` scans the search index,
 * written meanwhile, and checks what needs the whole output. `finish()` resolves to every problem found; none
 * means the output holds exactly what was approved.
 */
// Long because its two steps share the record of clean files and what the first step counted.
export function startOutputCheck(
  dir: string,
  model: ContentModel,
  { base = '/', root, cacheFile, files, threads = os.availableParallelism() }: VerifyOptions,
): { finish: () => Promise<string[]> } {
  const expected = published(model);
  const allowed = publicContactsOf(model.settings);
  const textRules: TextRules = { dir, needles: expected.hidden.flatMap(({ name, page }) => (name ? [name, `/${page}`] : [`/${page}`])), base, allowed };
  // Outside a build the content check keeps photo paths as written in the entry.
  const originals = originalPhotos(
    model.exemplars.flatMap((e) => (e.data.photos as { src: string }[]).map((photo) => path.resolve(root, path.dirname(e.file), photo.src))),
  );
  const rules = createHash('sha256')
    .update(JSON.stringify([expected.hidden, allowed, base, [...originals.keys()].sort()]))
    .update(cacheFile ? codeVersion(root) : '')
    .digest('base64url');
  const cleanFiles = FileRecord.load<true>(cacheFile, rules);
  const leaks: string[] = [];
  const personal: string[] = [];
  const images: string[] = [];
  // Pagefind records addresses inside the output folder (one fragment per page); the base is added in the browser.
  const search = new Map<string, number>();
  let fragments = 0;

  // The text of a large output is read in threads, one file at a time in each: it does not fit in memory at once.
  const readTexts = (items: TextFile[]): Promise<TextFindings[]> =>
    threads > 0 && items.length >= THREADED_FROM ? scanInThreads(items, textRules, threads) : Promise.resolve(items.map(textScanner(textRules)));

  const scan = async (files: string[]) => {
    const toRead: (TextFile & { key: string })[] = [];
    for (const [i, file] of files.entries()) {
      if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
      const isImage = IMAGE_FILE.test(file);
      if (!isImage && !isReadAsText(file)) continue;
      const key = FileRecord.key(file, statSync(path.join(dir, file), { bigint: true }));
      const wasClean = cleanFiles.known(key) === true;
      if (wasClean) cleanFiles.keep(key, true);
      // Fragments are read every time: they tell which pages the search index holds.
      if (wasClean && !file.endsWith('.pf_fragment')) continue;
      if (isImage) {
        const problems = await checkImage(dir, file, originals);
        images.push(...problems);
        if (problems.length === 0) cleanFiles.keep(key, true);
        continue;
      }
      toRead.push({ file, known: wasClean, key });
    }
    const findings = await readTexts(toRead.map(({ file, known }) => ({ file, known })));
    findings.forEach((found, i) => {
      const { file, known, key } = toRead[i]!;
      leaks.push(...found.leaks);
      personal.push(...found.personal);
      if (!known && found.leaks.length === 0 && found.personal.length === 0) cleanFiles.keep(key, true);
      if (file.endsWith('.pf_fragment')) {
        fragments += 1;
        if (found.url) search.set(sitePath(found.url, '/'), (search.get(sitePath(found.url, '/')) ?? 0) + 1);
      }
    });
  };
  const siteFiles = (files ?? outputFiles(dir)).filter((file) => !file.startsWith(SEARCH_INDEX));
  const sitesScanned = scan(siteFiles);
  // Awaited by finish(); until then a failure must not count as unhandled.
  sitesScanned.catch(() => undefined);

  return {
    async finish() {
      await sitesScanned;
      const indexFolder = path.join(dir, SEARCH_INDEX);
      const indexFiles = existsSync(indexFolder) ? outputFiles(indexFolder).map((file) => SEARCH_INDEX + file) : [];
      await scan(indexFiles);
      cleanFiles.save();
      return [
        ...checkEntryPages(dir, expected, fragments > 0 ? search : undefined, base),
        ...checkFeeds(dir, model, expected, base),
        ...leaks,
        ...images,
        ...personal,
      ];
    },
  };
}

/** Every problem with the build output in `dir`, checked in one go; none means it holds exactly what was approved. */
export function verifyOutput(dir: string, model: ContentModel, options: VerifyOptions): Promise<string[]> {
  return startOutputCheck(dir, model, options).finish();
}
