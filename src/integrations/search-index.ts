/**
 * Builds the Pagefind index in every production build. Only pages that mark their content with
 * data-pagefind-body are indexed (exemplar, campaign and place pages); lists and navigation never are, and
 * unpublished entries have no page to index.
 *
 * Each page is handed to Pagefind as soon as Astro has rendered it, from memory: Pagefind indexes in a process of
 * its own, on another core, while Astro renders the next pages, instead of reading every file back once all are
 * written. Pages Astro did not render in this build (reused from the previous one) are read from the output. Pages
 * without data-pagefind-body are not sent at all: Pagefind would skip them anyway.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';

/** Folder of the index inside the output, also the address the search page loads it from. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** Pages sent to Pagefind and not yet acknowledged; past this, rendering waits so memory stays flat. */
const IN_FLIGHT = 64;

class SearchIndexer {
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #pending = new Set<Promise<void>>();
  readonly #errors: string[] = [];
  /** Output files already seen, relative to the output folder. */
  readonly #seen = new Set<string>();
  #indexed = 0;

  constructor() {
    this.#index = pagefind.createIndex({ forceLanguage: 'vi' }).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      return index;
    });
  }

  async add(sourcePath: string, content: string) {
    this.#seen.add(sourcePath);
    if (!content.includes('data-pagefind-body')) return;
    this.#indexed += 1;
    const index = await this.#index;
    const sent = index.addHTMLFile({ sourcePath, content }).then(
      ({ errors }) => void this.#errors.push(...errors),
      (error: Error) => void this.#errors.push(error.message),
    );
    const pending = sent.finally(() => this.#pending.delete(pending));
    this.#pending.add(pending);
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }

  /** Adds the pages not sent yet, then writes the index into the output. */
  async write(outDir: string): Promise<{ pages: number }> {
    try {
      for (const file of (await readdir(outDir, { recursive: true })) as string[]) {
        const sourcePath = file.split(path.sep).join('/');
        if (!sourcePath.endsWith('.html') || sourcePath.startsWith(`${SEARCH_INDEX_DIR}/`) || this.#seen.has(sourcePath)) continue;
        // Read without a round trip through the thread pool: a rebuild reads back thousands of reused pages.
        await this.add(sourcePath, readFileSync(path.join(outDir, file), 'utf8'));
      }
      await Promise.all(this.#pending);
      if (this.#errors.length > 0) throw new Error(`Pagefind: ${this.#errors.join('; ')}`);
      const written = await (await this.#index).writeFiles({ outputPath: path.join(outDir, SEARCH_INDEX_DIR) });
      if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      return { pages: this.#indexed };
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

export function searchIndex(): AstroIntegration {
  let indexer: SearchIndexer | undefined;
  let base = '/';
  return {
    name: 'guong-sang:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const current = new SearchIndexer();
        indexer = current;
        setPrerenderer((astro: AstroPrerenderer): AstroPrerenderer => ({
          ...astro,
          name: 'guong-sang:search-index',
          setup: astro.setup?.bind(astro),
          getStaticPaths: astro.getStaticPaths.bind(astro),
          teardown: astro.teardown?.bind(astro),
          async render(request, options) {
            const result = await astro.render(request, options);
            const response = result instanceof Response ? result : result.response;
            if (!response.headers.get('content-type')?.startsWith('text/html') || !response.body) return result;
            const html = await response.text();
            await current.add(outputFile(request, base), html);
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? copy : { ...result, response: copy };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('Đang ghi chỉ mục tìm kiếm…');
        const { pages } = await (indexer ?? new SearchIndexer()).write(fileURLToPath(dir));
        logger.info(`Chỉ mục tìm kiếm: ${pages} trang.`);
      },
    },
  };
}
