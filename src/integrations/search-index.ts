/**
 * Builds the Pagefind index after every production build. Only pages that mark their content with
 * data-pagefind-body are indexed (exemplar, campaign and place pages); lists and navigation never are, and
 * unpublished entries have no page to index.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Folder of the index inside the output, also the address the search page loads it from. */
export const SEARCH_INDEX_DIR = 'pagefind';

export async function buildSearchIndex(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, SEARCH_INDEX_DIR) });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'guong-sang:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Chỉ mục tìm kiếm: ${pages} trang.`);
      },
    },
  };
}
