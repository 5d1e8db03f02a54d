/**
 * Loads MDX stories (exemplars, campaigns) into the content store, each rendered by the safe story compiler into a
 * story file (stories/store.ts), so no story becomes a JavaScript module. Entries that may not be published are never
 * stored: no page, list or feed can show what is not in the store.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { compileStory } from '../lib/mdx/compile.ts';
import { idFromFile, listFiles, parseEntry } from '../lib/content/source.ts';
import { codeVersion, contentHash } from '../lib/content/cache.ts';
import { metadataOf, pruneStories, savedStory, saveStory, storyFile, takeCheckedStories } from '../lib/stories/store.ts';
import { STORY_FILE } from '../lib/content/collections.ts';
import { formatProblems } from '../lib/content/issues.ts';
import { isDraft, isShown, PREVIEW_DRAFTS } from '../lib/data/publishable.ts';

/**
 * Checked on the raw frontmatter first, so that in a build a draft is never even validated into the store (in
 * `npm run dev` drafts are loaded for preview, see PREVIEW_DRAFTS).
 */
function looksShown(data: unknown): boolean {
  const candidate = data as Parameters<typeof isShown>[0] | undefined;
  return Boolean(candidate?.publication) && isShown(candidate!);
}

// Long because it is one object: an Astro loader, whose load() reads, prunes and saves in one pass over the files.
export function storyLoader(dir: string): Loader {
  return {
    name: 'guong-sang-stories',
    async load({ store, parseData, config, logger }) {
      const root = fileURLToPath(config.root);
      // The store survives between builds (in the cache folder): an entry whose text and code are unchanged is
      // kept as it is, so a rebuild parses and renders only the stories that changed.
      const version = codeVersion(root);
      const cacheDir = fileURLToPath(config.cacheDir);
      const kept = new Set<string>();
      const storyFiles = new Set<string>();
      const checked = takeCheckedStories(dir);
      for (const file of await listFiles(root, dir, STORY_FILE)) {
        const raw = readFileSync(path.join(root, file), 'utf8');
        const hash = contentHash(raw);
        // A draft stored for preview by `npm run dev` must never be kept by a build: the mode is part of the key.
        const digest = `${version}:${PREVIEW_DRAFTS ? 'preview' : 'publish'}:${hash}`;
        const id = idFromFile(file);
        const story = storyFile(cacheDir, dir, version, hash);
        const previous = store.get(id);
        if (previous?.digest === digest && previous.rendered?.metadata?.story === story && existsSync(story)) {
          kept.add(id);
          storyFiles.add(story);
          continue;
        }
        // The content check of this build has usually read the entry and saved its story already.
        const fromCheck = checked.get(story);
        const parsed = fromCheck ? undefined : parseEntry(raw, file);
        if (parsed && !parsed.entry) throw new Error(formatProblems(parsed.problems));
        const frontmatter = fromCheck ? fromCheck.frontmatter : parsed!.entry!.data;
        if (!looksShown(frontmatter)) continue;
        let data: Record<string, unknown>;
        try {
          // One entry at a time: the exemplar schema takes the image() helper of the entry being parsed.
          data = await parseData({ id, data: frontmatter as Record<string, unknown>, filePath: path.join(root, file) });
        } catch (error) {
          // A draft being written may be incomplete: leave it out of the preview rather than stop it.
          if (!isDraft(frontmatter as Parameters<typeof isDraft>[0])) throw error;
          logger.warn(`${file}: bản nháp chưa hợp lệ nên chưa xem trước được; chạy npm run check để xem lỗi.`);
          continue;
        }
        let metadata = fromCheck?.metadata;
        if (!metadata) {
          const entry = parsed!.entry!;
          const photos = (data as { photos?: unknown[] }).photos?.length ?? 0;
          let saved = savedStory(story);
          if (!saved) {
            const { story: fresh, problems: bodyProblems } = compileStory(entry.body, photos);
            if (!fresh) {
              throw new Error(formatProblems(bodyProblems.map((p) => ({ file, line: p.line && p.line + entry.bodyLine - 1, message: p.message }))));
            }
            saved = saveStory(story, fresh);
          }
          metadata = metadataOf(story, saved);
        }
        store.set({ id, data, filePath: file, digest, rendered: { html: '', metadata: { ...metadata } } });
        kept.add(id);
        storyFiles.add(story);
      }
      // Files removed, renamed or no longer publishable leave the store, and their stories the cache.
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      pruneStories(cacheDir, dir, storyFiles);
    },
  };
}
