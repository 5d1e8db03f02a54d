// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { guongSang } from './src/integrations/index.ts';
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
/** Past this many exemplars Astro's record of reusable pages no longer fits in memory (see GuongSangOptions). */
const INCREMENTAL_LIMIT = 20_000;
const exemplarCount = (await listFiles(fileURLToPath(new URL('.', import.meta.url)), STORY_COLLECTIONS.exemplars, STORY_FILE)).length;
const url = siteUrl();

export default defineConfig({
  site: url.origin,
  base: url.pathname,
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the site works under a Content Security Policy without 'unsafe-inline'.
  // How many pages Astro asks for at once is set by the render step (parallel-render.ts), which knows its workers.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Keep the whitespace between inline elements, so that Vietnamese words are never glued together.
  compressHTML: false,
  prerenderConflictBehavior: 'error',
  // What one build leaves for the next (content store, checked entries, optimised photos) lives beside the project,
  // not in node_modules, which `npm ci` wipes and which a copy of the project may share through a link.
  cacheDir: './.cache/astro',
  // Gương Sáng's build steps, in their order (src/integrations/index.ts). Pages whose content and code are unchanged
  // are reused from the previous build (keys: pageKeys in site.ts), up to a size.
  integrations: [mdx(), guongSang({ reusePages: exemplarCount <= INCREMENTAL_LIMIT })],
  image: {
    // Photos from phones can be large; anything above this is refused by the content check before it gets here.
    // Astro's sharp service, decoding each photo once for all its sizes (src/lib/images/service.ts), named through
    // package.json's "imports" so that the name, which is part of every photo file's hash, is the same wherever the
    // project lies. AVIF at effort 2 instead of sharp's 4: ten times faster to encode for about a fifth more bytes,
    // which keeps the first build of a site with thousands of photos within minutes (photos are cached between
    // builds anyway). Colour at half resolution (4:2:0, as in JPEG) instead of sharp's full 4:4:4: every AVIF here
    // is a photo, where that is not seen, and it is 5-10 % fewer bytes for a sixth less encoding time.
    service: { entrypoint: '#image-service', config: { limitInputPixels: 40_000_000, avif: { effort: 2, chromaSubsampling: '4:2:0' } } },
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
