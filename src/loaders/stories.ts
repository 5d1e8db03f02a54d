/**
 * Loads MDX stories (exemplars, campaigns) into the content store with their HTML already rendered by the safe
 * story compiler, so no story becomes a JavaScript module. Entries that may not be published are never stored:
 * no page, list or feed can show what is not in the store.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { compileStory } from '../lib/mdx/compile.ts';
import { listFiles, parseEntry } from '../lib/content/source.ts';
import { STORY_FILE } from '../lib/content/collections.ts';
import { formatProblems } from '../lib/content/issues.ts';
import { isDraft, isShown } from '../lib/data/publishable.ts';

/**
 * Checked on the raw frontmatter first, so that in a build a draft is never even validated into the store (in
 * `npm run dev` drafts are loaded for preview, see PREVIEW_DRAFTS).
 */
function looksShown(data: unknown): boolean {
  const candidate = data as Parameters<typeof isShown>[0] | undefined;
  return Boolean(candidate?.publication) && isShown(candidate!);
}

export function storyLoader(dir: string): Loader {
  return {
    name: 'guong-sang-stories',
    async load({ store, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      store.clear();
      for (const file of await listFiles(root, dir, STORY_FILE)) {
        const raw = await readFile(path.join(root, file), 'utf8');
        const { entry, problems } = parseEntry(raw, file);
        if (!entry) throw new Error(formatProblems(problems));
        if (!looksShown(entry.data)) continue;
        let data: Record<string, unknown>;
        try {
          data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: path.join(root, file) });
        } catch (error) {
          // A draft being written may be incomplete: leave it out of the preview rather than stop it.
          if (!isDraft(entry.data as Parameters<typeof isDraft>[0])) throw error;
          logger.warn(`${file}: bản nháp chưa hợp lệ nên chưa xem trước được; chạy npm run check để xem lỗi.`);
          continue;
        }
        const photos = (data as { photos?: unknown[] }).photos?.length ?? 0;
        const { story, problems: bodyProblems } = compileStory(entry.body, photos);
        if (!story) {
          throw new Error(formatProblems(bodyProblems.map((p) => ({ file, line: p.line && p.line + entry.bodyLine - 1, message: p.message }))));
        }
        store.set({
          id: entry.id,
          data,
          filePath: file,
          digest: generateDigest(raw),
          rendered: { html: story.html, metadata: { headings: story.headings, photoRefs: story.photoRefs, blocks: story.blocks } },
        });
      }
    },
  };
}
