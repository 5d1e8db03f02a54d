/**
 * After every production build, checks the output against content/ read on its own (src/lib/output/verify.ts) and
 * fails the build, naming what is missing, leaked or unsafe.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { verifyOutput } from '../lib/output/verify.ts';
import { checkContentOnce } from './content-check.ts';

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
        const { model } = await checkContentOnce(root);
        const problems = await verifyOutput(fileURLToPath(dir), model, { base, root });
        if (problems.length > 0) throw new Error(`Kết quả xuất bản không khớp với nội dung đã duyệt:\n  ${problems.join('\n  ')}`);
        logger.info('Kết quả xuất bản khớp với nội dung đã duyệt.');
      },
    },
  };
}
