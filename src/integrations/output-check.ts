/**
 * After every production build, checks the output against content/ as the content check read it, independently of
 * the page code (src/lib/output/verify.ts), and fails the build, naming what is missing, leaked or unsafe.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check.ts';
import { startOutputCheck } from '../lib/output-check/verify.ts';
import { checkedContent } from './content-check.ts';
import { refuseBuild } from './refuse-build.ts';
import { CACHE_FILES, cachePath } from '../lib/names.ts';

/**
 * Two integrations around the search index's: the first starts checking the pages once Astro has written them,
 * the second finishes with the search index and fails the build on any problem. Pages are checked while Pagefind
 * indexes them, each on its own core. `files` gives the output's files if another step has just listed them.
 */
export function outputCheck({ files }: { files?: () => readonly string[] | undefined } = {}): { start: AstroIntegration; finish: AstroIntegration } {
  let root = '';
  let base = '/';
  let cacheFile = '';
  let running: ReturnType<typeof startOutputCheck> | undefined;
  return {
    start: {
      name: 'guong-sang:output-check-start',
      hooks: {
        'astro:config:done': ({ config }) => {
          root = fileURLToPath(config.root);
          base = config.base.endsWith('/') ? config.base : `${config.base}/`;
          cacheFile = cachePath(fileURLToPath(config.cacheDir), CACHE_FILES.outputCheck);
        },
        'astro:build:done': async ({ dir }) => {
          const model = checkedContent(root) ?? (await checkContent(root)).model;
          running = startOutputCheck(fileURLToPath(dir), model, { base, root, cacheFile, files: files?.() });
        },
      },
    },
    finish: {
      name: 'guong-sang:output-check',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          logger.info('Đang đối chiếu kết quả xuất bản với nội dung…');
          const problems = await running!.finish();
          if (problems.length > 0)
            refuseBuild(`Kết quả xuất bản không khớp với nội dung đã duyệt, không được công bố thư mục này:\n  ${problems.join('\n  ')}`);
          logger.info('Kết quả xuất bản khớp với nội dung đã duyệt.');
        },
      },
    },
  };
}
