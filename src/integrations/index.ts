/**
 * Gương Sáng's build steps, in the one order that works, as one integration list for astro.config.mjs:
 *
 * 1. content check: every file under content/ is checked before anything is built; a problem stops the build.
 * 2. parallel render: pages rendered in worker threads, photos made meanwhile; every rendered page also passes
 *    through the search index's observer.
 * 3. output sweep: files of an earlier build that this one did not make are deleted, before anything reads the output.
 * 4. output check (start): pages checked against content/ while the search index is written.
 * 5. search index: Pagefind indexes the published pages.
 * 6. output check (finish): the search index checked too; any problem fails the build.
 *
 * Astro runs each hook of these integrations in this order, so after the build the sweep comes before the search
 * index and both checks around it.
 */
import type { AstroIntegration } from 'astro';
import { accelerationsOn, internalsStatus, warnInternalsOff } from './astro-internals.ts';
import { contentCheck } from './content-check.ts';
import { outputCheck } from './output-check.ts';
import { outputSweep } from './output-sweep.ts';
import { defaultWorkerCount, parallelRender } from './parallel-render.ts';
import { searchIndex } from './search-index.ts';

export interface GuongSangOptions {
  /**
   * Whether Astro may reuse unchanged pages from the previous build (its experimental incremental build). Its record
   * lists every photo transform of every page and stops fitting in one JavaScript string past about 30,000 pages'
   * worth, so large sites are built in full every time.
   */
  reusePages: boolean;
}

/**
 * The accelerations (render workers and the photos made meanwhile, page reuse through a copy linked to the output)
 * use Astro's internals; with an Astro they were not written for they are all off (astro-internals.ts), and the
 * build renders every page in Astro's own way, with the same output.
 */
export function guongSang({ reusePages }: GuongSangOptions): AstroIntegration[] {
  const internals = internalsStatus();
  const on = accelerationsOn(internals);
  const sweep = outputSweep();
  const search = searchIndex({ files: sweep.files });
  const check = outputCheck({ files: sweep.files });
  const settings: AstroIntegration = {
    name: 'guong-sang:settings',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command === 'build') warnInternalsOff(internals, (message) => logger.warn(message));
        updateConfig({ experimental: { incrementalBuild: reusePages && on['page-reuse'] } });
      },
    },
  };
  const render = parallelRender({ workers: on['render-workers'] ? defaultWorkerCount() : 0, photos: on['photos-meanwhile'], wrap: [search.observe] });
  return [settings, contentCheck(), render, sweep, check.start, search, check.finish];
}
