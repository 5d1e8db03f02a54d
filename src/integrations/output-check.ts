/**
 * After every production build, checks the output against content/ as the content check read it, independently of
 * the page code (src/lib/output/verify.ts), and fails the build, naming what is missing, leaked or unsafe.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check.ts';
import { verifyOutput } from '../lib/output/verify.ts';
import { checkedContent } from './content-check.ts';

export function outputCheck(): AstroIntegration {
  let root = '';
  let base = '/';
  let cacheFile = '';
  return {
    name: 'guong-sang:output-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheFile = path.join(fileURLToPath(config.cacheDir), 'guong-sang', 'output-check.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('Đang đối chiếu kết quả xuất bản với nội dung…');
        const model = checkedContent(root) ?? (await checkContent(root)).model;
        const problems = await verifyOutput(fileURLToPath(dir), model, { base, root, cacheFile });
        if (problems.length > 0) throw new Error(`Kết quả xuất bản không khớp với nội dung đã duyệt:\n  ${problems.join('\n  ')}`);
        logger.info('Kết quả xuất bản khớp với nội dung đã duyệt.');
      },
    },
  };
}
