/**
 * Runs the content check before a production build. Astro alone would log a bad reference and carry on, or drop
 * one of two entries with the same id; this stops the build instead, with every problem listed. What it read is
 * kept for the rest of the build: the stories it compiled are saved for the story loader, and the model of the
 * content goes to the output check, so that no file is parsed twice.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check.ts';
import type { ContentModel } from '../lib/content/model.ts';
import { formatProblems } from '../lib/content/issues.ts';
import { refuseBuild } from './refuse-build.ts';
import { isPublishable } from '../lib/data/publishable.ts';
import { usedPlaceIds } from '../lib/data/places.ts';
import { rememberUsedPlaces } from '../lib/places/in-use.ts';

const checked = new Map<string, ContentModel>();

/** The content as the check read it at the start of this build of `root`, if it ran. */
export function checkedContent(root: string): ContentModel | undefined {
  return checked.get(root);
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'guong-sang:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        logger.info('Đang kiểm tra nội dung…');
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        const { problems, model } = await checkContent(root, { cacheDir, saveStories: true });
        if (problems.length > 0) refuseBuild(formatProblems(problems));
        checked.set(root, model);
        const used = usedPlaceIds([...model.exemplars, ...model.campaigns].filter((e) => isPublishable(e.data)).map((e) => e.data));
        rememberUsedPlaces(root, used);
        logger.info(`Nội dung hợp lệ: ${model.exemplars.length} điển hình, ${model.campaigns.length} phong trào, ${used.size} địa danh có bài.`);
      },
    },
  };
}
