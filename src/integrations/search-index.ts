/**
 * Builds the Pagefind index in every production build. Only pages that mark their content with
 * data-pagefind-body are indexed (exemplar, campaign and place pages); lists and navigation never are, and
 * unpublished entries have no page to index.
 *
 * Astro's renderer is watched (through parallel-render.ts, which owns Astro's prerenderer) so that a hash of what
 * Pagefind reads of each rendered page is taken from memory; pages kept from the previous build are read from the
 * output, unless that build recorded the hash of the very same file (see file-record.ts). Indexed pages are sent to
 * Pagefind in the order of their paths, so that two builds of one commit write the same index bytes. Pages without
 * data-pagefind-body are never sent: Pagefind would skip them anyway; of the others, only what Pagefind reads is
 * (pagefindInput).
 *
 * Pagefind cannot update an index, so a rebuild would index every page again. Instead, when what Pagefind reads
 * of every indexed page is the same as in the previous build, the previous index is reused from the cache folder.
 * What Pagefind reads is the page minus what is data-pagefind-ignore (see indexedPart): editing the text of a
 * story, the most common change, keeps the index.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { codeVersion } from '../lib/content/cache.ts';
import { FileRecord } from '../lib/file-record.ts';
import { outputFiles } from '../lib/output-files.ts';
import { RenderedPage } from './rendered-page.ts';
import { indexedPart, pagefindInput } from '../lib/search/indexed-part.ts';
import { linkTree } from '../lib/output-files.ts';
import { CACHE_FILES, SEARCH_INDEX_DIR, cachePath } from '../lib/names.ts';

/** Pages sent to Pagefind and not yet acknowledged; past this, rendering waits so memory stays flat. */
const IN_FLIGHT = 64;

const isIndexed = (html: string) => html.includes('data-pagefind-body');

const createPagefindIndex = () =>
  pagefind.createIndex({ forceLanguage: 'vi' }).then(({ index, errors }) => {
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    return index;
  });

/** HTML files of the output folder (of `files`, if just listed), relative to it, outside the search index's folder. */
function outputPages(outDir: string, files?: readonly string[]): string[] {
  return (files ?? outputFiles(outDir)).filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_INDEX_DIR}/`));
}

interface IndexOptions {
  cacheDir: string;
  root: string;
  /** Every file of the output folder, if the caller has just listed them. */
  files?: readonly string[];
}

class SearchIndexer {
  #index: Promise<pagefind.PagefindIndex> = createPagefindIndex();
  readonly #pending = new Set<Promise<void>>();
  readonly #errors: string[] = [];
  /** Output files already seen, relative to the output folder, with the hash of what Pagefind reads of them. */
  readonly #seen = new Map<string, string | undefined>();
  /** The index made before the build's end (see makeEarly), by the key of its pages. */
  #early?: { key: string; made: Promise<void> };

  /** Notes a page Astro rendered: only the hash of what Pagefind would read is kept, so memory stays flat. */
  note(sourcePath: string, content: string) {
    this.#seen.set(sourcePath, isIndexed(content) ? createHash('sha256').update(indexedPart(content)).digest('base64url') : undefined);
  }

  async #send(sourcePath: string, content: string) {
    const index = await this.#index;
    const sent = index.addHTMLFile({ sourcePath, content: pagefindInput(content) }).then(
      ({ errors }) => void this.#errors.push(...errors),
      (error: Error) => void this.#errors.push(error.message),
    );
    const pending = sent.finally(() => this.#pending.delete(pending));
    this.#pending.add(pending);
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }

  /**
   * Sends pages to Pagefind in the order of their paths, whatever order they were rendered or reused in, so that two
   * builds of one commit write the same index.
   */
  async #sendAll(outDir: string, pages: [string, string | undefined][]) {
    for (const [sourcePath] of pages) await this.#send(sourcePath, readFileSync(path.join(outDir, sourcePath), 'utf8'));
    await Promise.all(this.#pending);
  }

  /** Indexed pages, in the order of their paths, and the key under which their index is kept. */
  #pages(code: string): { pages: [string, string | undefined][]; key: string } {
    const pages = [...this.#seen].filter(([, hash]) => hash).sort(([a], [b]) => (a < b ? -1 : 1));
    return { pages, key: createHash('sha256').update(code).update(JSON.stringify(pages)).digest('base64url') };
  }

  /**
   * Notes the pages this build kept from the previous one instead of rendering them: the hash the previous build
   * took of a file still there unchanged, otherwise the file read back. Every page's hash is then kept for the next
   * build (after a story edit, 37,000 pages at 10,000 exemplars are kept, and reading them all took seconds).
   */
  #noteKept(outDir: string, pages: string[], cacheDir: string, code: string) {
    const hashes = FileRecord.load<string | null>(cachePath(cacheDir, CACHE_FILES.searchPages), code);
    for (const sourcePath of pages) {
      const file = path.join(outDir, sourcePath);
      const key = FileRecord.key(sourcePath, statSync(file, { bigint: true }));
      if (!this.#seen.has(sourcePath)) {
        const known = hashes.known(key);
        if (known === undefined) this.note(sourcePath, readFileSync(file, 'utf8'));
        else this.#seen.set(sourcePath, known ?? undefined);
      }
      hashes.keep(key, this.#seen.get(sourcePath) ?? null);
    }
    hashes.save();
  }

  /** The index kept by the previous build, if it was made of the same pages. */
  #cached(cacheDir: string, key: string): string | undefined {
    const cached = cachePath(cacheDir, CACHE_FILES.searchIndex);
    return existsSync(path.join(cached, 'key')) && readFileSync(path.join(cached, 'key'), 'utf8') === key ? cached : undefined;
  }

  /**
   * Makes the index as soon as Astro has written the last page, while the build still waits for its photos
   * (Pagefind runs at the normal priority, the photos at the lowest): on a first build the photos and the index
   * then share the processor instead of taking turns. The index is kept in the cache folder, as for the next build,
   * and `write` links it into the output after the sweep. Only when the output holds no page but those this build
   * rendered, which is when nothing can be reused or be left to sweep; otherwise `write` does it all.
   */
  makeEarly(outDir: string, { cacheDir, root }: IndexOptions) {
    const rendered = [...this.#seen.keys()].filter((file) => file.endsWith('.html'));
    const inOutput = outputPages(outDir);
    if (inOutput.length !== rendered.length || inOutput.some((file) => !this.#seen.has(file))) return;
    const { pages, key } = this.#pages(codeVersion(root));
    if (this.#cached(cacheDir, key)) return;
    const made = this.#sendAll(outDir, pages).then(() => this.#keep(cacheDir, key));
    // Any failure is met again, and reported, when the index is written.
    made.catch(() => {});
    this.#early = { key, made };
  }

  /** Writes the index into the cache folder, where the next build may reuse it; the key last, once it is whole. */
  async #keep(cacheDir: string, key: string) {
    if (this.#errors.length > 0) throw new Error(`Pagefind: ${this.#errors.join('; ')}`);
    const keep = cachePath(cacheDir, CACHE_FILES.searchIndex);
    rmSync(keep, { recursive: true, force: true });
    const written = await (await this.#index).writeFiles({ outputPath: path.join(keep, SEARCH_INDEX_DIR) });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    writeFileSync(path.join(keep, 'key'), key);
  }

  /**
   * Links the index into the output: the previous one if what is indexed did not change, the one made early if it
   * was made of these very pages, otherwise one made now. `cacheDir` keeps the index for the next build.
   */
  async write(outDir: string, { cacheDir, root, files }: IndexOptions): Promise<{ pages: number; reused: boolean }> {
    try {
      const code = codeVersion(root);
      this.#noteKept(outDir, outputPages(outDir, files), cacheDir, code);
      const { pages, key } = this.#pages(code);
      const early = this.#early;
      const madeEarly =
        early?.key === key &&
        (await early.made.then(
          () => true,
          () => false,
        ));
      if (early && !madeEarly) {
        // Made of other pages (which the output's sweep should make impossible), or failed: start again.
        await early.made.catch(() => {});
        await pagefind.close();
        this.#index = createPagefindIndex();
        this.#errors.length = 0;
      }
      const reused = !madeEarly && this.#cached(cacheDir, key) !== undefined;
      if (!madeEarly && !reused) {
        await this.#sendAll(outDir, pages);
        await this.#keep(cacheDir, key);
      }
      linkTree(path.join(cachePath(cacheDir, CACHE_FILES.searchIndex), SEARCH_INDEX_DIR), path.join(outDir, SEARCH_INDEX_DIR));
      return { pages: pages.length, reused };
    } finally {
      await pagefind.close();
    }
  }
}

/** Output file of a page, relative to the output folder, as Astro names it in the directory build format. */
function outputFile(request: Request, base: string): string {
  const pathname = decodeURI(new URL(request.url).pathname).slice(base.length);
  if (pathname.endsWith('.html')) return pathname;
  const folder = pathname.replace(/\/$/, '');
  if (folder === '404' || folder === '500') return `${folder}.html`;
  return folder ? `${folder}/index.html` : 'index.html';
}

/**
 * The search index integration, and the prerenderer wrapper through which it sees every rendered page. `files`
 * gives the output's files once the output sweep has listed them.
 */
export function searchIndex({ files }: { files?: () => readonly string[] | undefined } = {}): AstroIntegration & {
  observe: (prerenderer: AstroPrerenderer) => AstroPrerenderer;
} {
  let indexer: SearchIndexer | undefined;
  let base = '/';
  let root = '';
  let cacheDir = '';
  let outDir = '';
  return {
    name: 'guong-sang:search-index',
    observe: (astro) => ({
      ...astro,
      name: 'guong-sang:search-index',
      async render(request, options) {
        const result = await astro.render(request, options);
        const response = result instanceof Response ? result : result.response;
        if (!indexer || !response.headers.get('content-type')?.startsWith('text/html') || !response.body) return result;
        // Read so that Astro can read it again after, without a copy when it came from a render worker.
        const page = await RenderedPage.from(response);
        indexer.note(outputFile(request, base), await page.text());
        return result instanceof Response ? page : { ...result, response: page };
      },
      // Astro asks for the photos once every page is written, and then waits for them.
      async collectStaticImages() {
        indexer?.makeEarly(outDir, { cacheDir, root });
        return (await astro.collectStaticImages?.()) ?? new Map();
      },
    }),
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        indexer = new SearchIndexer();
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('Đang ghi chỉ mục tìm kiếm…');
        const { pages, reused } = await (indexer ?? new SearchIndexer()).write(fileURLToPath(dir), { cacheDir, root, files: files?.() });
        logger.info(`Chỉ mục tìm kiếm: ${pages} trang${reused ? ', không đổi so với lần trước: dùng lại' : ''}.`);
      },
    },
  };
}
