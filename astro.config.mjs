// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { contentCheck } from './src/integrations/content-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { parallelRender } from './src/integrations/parallel-render.ts';
import { outputCheck } from './src/integrations/output-check.ts';
import { outputSweep } from './src/integrations/output-sweep.ts';
import { listFiles } from './src/lib/content/source.ts';
import { STORY_COLLECTIONS, STORY_FILE } from './src/lib/content/collections.ts';

/**
 * The public address comes from content/settings.yaml so that editors can change it without code. SITE_URL
 * overrides it for a one-off build, e.g. under a sub-path of an existing portal: SITE_URL=https://x.gov.vn/guong-sang/
 */
function siteUrl() {
  if (process.env.SITE_URL) return new URL(process.env.SITE_URL);
  try {
    return new URL(parse(readFileSync(new URL('./content/settings.yaml', import.meta.url), 'utf8')).url);
  } catch {
    // A broken settings file is the content check's to explain, together with every other problem.
    return new URL('https://example.invalid/');
  }
}
/**
 * Astro's record of reusable pages lists every photo transform of every page: about 4.5 KB a page, 170 MB at
 * 10,000 exemplars. Past about 30,000 it no longer fits in one JavaScript string and the build would stop at its
 * very end, so larger sites (a province, the nation) are built in full every time.
 */
const INCREMENTAL_LIMIT = 20_000;
const exemplarCount = (await listFiles(fileURLToPath(new URL('.', import.meta.url)), STORY_COLLECTIONS.exemplars, STORY_FILE)).length;
const url = siteUrl();
const sweep = outputSweep();
const search = searchIndex({ files: sweep.files });
const check = outputCheck({ files: sweep.files });

export default defineConfig({
  site: url.origin,
  base: url.pathname,
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the site works under a Content Security Policy without 'unsafe-inline'.
  // Two pages at a time: rendering a page waits on writing it (twice, with the incremental cache) and on the search
  // indexer; the second page fills that wait (about a sixth faster at 1,000 exemplars, 50 MB more memory).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // Keep the whitespace between inline elements, so that Vietnamese words are never glued together.
  compressHTML: false,
  prerenderConflictBehavior: 'error',
  // What one build leaves for the next (content store, checked entries, optimised photos) lives beside the project,
  // not in node_modules, which `npm ci` wipes and which a copy of the project may share through a link.
  cacheDir: './.cache/astro',
  // Pages whose content and code are unchanged are copied from the previous build (keys: pageKeys in site.ts).
  experimental: { incrementalBuild: exemplarCount <= INCREMENTAL_LIMIT },
  // Order matters after the build: stale files are swept from the kept output first; then the output check starts on
  // the pages, goes on while the search index is written, and finishes with it.
  integrations: [contentCheck(), mdx(), parallelRender({ wrap: [search.observe] }), sweep, check.start, search, check.finish],
  image: {
    // Photos from phones can be large; anything above this is refused by the content check before it gets here.
    // AVIF at effort 2 instead of sharp's 4: ten times faster to encode for about a fifth more bytes, which keeps the
    // first build of a site with thousands of photos within minutes (photos are cached between builds anyway). Colour
    // at half resolution (4:2:0, as in JPEG) instead of sharp's full 4:4:4: every AVIF here is a photo, where that
    // is not seen, and it is 5-10 % fewer bytes for a sixth less encoding time.
    service: { entrypoint: 'astro/assets/services/sharp', config: { limitInputPixels: 40_000_000, avif: { effort: 2, chromaSubsampling: '4:2:0' } } },
  },
  vite: {
    build: {
      // Scripts as files, never inline, for the same Content Security Policy.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
