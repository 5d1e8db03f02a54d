/**
 * Runs the content check before a production build. Astro alone would log a bad reference and carry on, or drop
 * one of two entries with the same id; this stops the build instead, with every problem listed.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check.ts';
import { formatProblems } from '../lib/content/issues.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

const checked = new Map<string, ReturnType<typeof checkContent>>();

/**
 * The content check of `root`, run once per build process: the output check after the build compares the output
 * with the same reading, and photos are decoded only once.
 */
export function checkContentOnce(root: string): ReturnType<typeof checkContent> {
  let result = checked.get(root);
  if (!result) checked.set(root, (result = checkContent(root)));
  return result;
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'guong-sang:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const { problems, model } = await checkContentOnce(fileURLToPath(config.root));
        if (problems.length > 0) throw new ContentError(formatProblems(problems));
        logger.info(`Nội dung hợp lệ: ${model.exemplars.length} điển hình, ${model.campaigns.length} phong trào, ${model.places.length} địa danh.`);
      },
    },
  };
}
