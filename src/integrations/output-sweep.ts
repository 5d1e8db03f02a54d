/**
 * Keeps the output folder between builds and removes, at the end of each, what that build did not make.
 *
 * Astro empties the output folder before building, and its page reuse then copies every unchanged page back from
 * its cache: at 10,000 exemplars, deleting and copying back about 48,000 files was most of a rebuild after a story
 * edit. Kept, a reused page is already where it belongs. Nothing stale may be published, though: the pages of an
 * entry withdrawn, unpublished or deleted since the last build must go. So once Astro has written the pages, every
 * file it neither wrote nor kept in this build is deleted, before the search index and the output check read the
 * folder. What is always made anew (scripts, styles and photos in `_astro/`, the search index) is deleted at the
 * start, so no file of an earlier build can stay there either.
 *
 * A build that stops halfway leaves the folder half updated, as an emptied folder would have been half written:
 * publish the output only after a build that succeeded.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, rmdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageCopyFolder } from './astro-internals.ts';
import { SEARCH_INDEX_DIR } from '../lib/names.ts';
import { outputFiles } from '../lib/output-files.ts';

/** Removes the folders below `folder` that are empty, deepest first; `folder` itself stays. */
function removeEmptyFolders(folder: string): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(path.join(folder, entry.name))) rmdirSync(path.join(folder, entry.name));
    else empty = false;
  }
  return empty;
}

/**
 * Deletes every file of `outDir` that is not in `kept` (paths relative to `outDir`) and not under one of the
 * `freshPrefixes` (folders written in full by this build), then every empty folder. Returns what it deleted
 * and the files left.
 */
export function sweepOutput(outDir: string, kept: ReadonlySet<string>, freshPrefixes: readonly string[]): { removed: string[]; files: string[] } {
  const removed: string[] = [];
  const files: string[] = [];
  for (const file of outputFiles(outDir)) {
    (kept.has(file) || freshPrefixes.some((prefix) => file.startsWith(`${prefix}/`)) ? files : removed).push(file);
  }
  for (const file of removed) rmSync(path.join(outDir, file), { force: true });
  // Always, not only after deleting here: Astro's page reuse prunes the pages it no longer makes from its copy, which
  // is the output itself (linkPageCopy), and leaves their folders. A folder's name is a person's id: an empty one
  // would still tell, on the web server, that the person was published.
  removeEmptyFolders(outDir);
  return { removed, files };
}

/**
 * Makes Astro's copy of the pages for its page reuse (`copy`, the cache folder's `dist/`) a link to the output folder
 * `outDir`. Astro writes every page twice, into the output and into that copy, from which it restores pages into an
 * emptied output folder; here the output folder is kept, so the copy can be the output itself. Creating a file costs
 * the file system more than writing over one: 5,000 pages written into the output and into a copy took 11–14 s of
 * system time on the benchmark's machine, written twice into the output 6–7 s. With the link, the second write goes
 * over the page just written, with the same bytes; a page missing from the output is rendered again instead of
 * restored, and a page Astro finds stale in its copy is one the sweep would delete
 * anyway.
 *
 * Returns whether the copy already was this output folder. If not, Astro's record of reusable pages describes the
 * pages of another folder (the last build went elsewhere, with `--outDir`, or the project moved), and the pages kept
 * in this one may be older than that record: they must not be reused.
 */
export function linkPageCopy(copy: string, outDir: string): boolean {
  mkdirSync(outDir, { recursive: true });
  try {
    // Real paths, not the link's text: a Windows junction's target reads back in another form.
    if (lstatSync(copy).isSymbolicLink() && realpathSync(copy) === realpathSync(outDir)) return true;
  } catch {
    // No copy yet, or a link to a folder since deleted.
  }
  // A copy left by an older build, or a link to where the project was before it moved.
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(path.dirname(copy), { recursive: true });
  // A junction on Windows, which needs no special right; other systems ignore the type.
  symlinkSync(path.resolve(outDir), copy, 'junction');
  return false;
}

/** Deletes what is inside `folder`, which stays (it may be a mount point or shared). Returns whether it held anything. */
function emptyFolder(folder: string): boolean {
  const entries = existsSync(folder) ? readdirSync(folder) : [];
  for (const entry of entries) rmSync(path.join(folder, entry), { recursive: true, force: true });
  return entries.length > 0;
}

/**
 * The integration, and the files of the output once swept, which the output check and the search index read instead
 * of listing them again.
 */
export function outputSweep(): AstroIntegration & { files: () => readonly string[] | undefined } {
  let outDir = '';
  let files: string[] | undefined;
  let publicDir = '';
  let assetsFolder = '_astro';
  /** Where Astro's page reuse keeps its copy of the pages (see linkPageCopy), and whether page reuse is on. */
  let pageCopy = '';
  let reusePages = false;
  return {
    name: 'guong-sang:output-sweep',
    files: () => files,
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        pageCopy = fileURLToPath(pageCopyFolder(config.cacheDir)).replace(/[\\/]$/, '');
        reusePages = Boolean(config.experimental.incrementalBuild);
        publicDir = fileURLToPath(config.publicDir);
        assetsFolder = config.build.assets;
      },
      'astro:build:start': async ({ logger }) => {
        files = undefined;
        // The search index in the output is linked to the copy kept for the next build: it must be unlinked, never
        // written over.
        for (const folder of [assetsFolder, SEARCH_INDEX_DIR]) rmSync(path.join(outDir, folder), { recursive: true, force: true });
        if (reusePages) {
          if (!linkPageCopy(pageCopy, outDir) && emptyFolder(outDir))
            logger.info('Dựng lại toàn bộ trang: thư mục xuất bản không phải nơi lần dựng trước ghi ra.');
        } else {
          // Without page reuse (large sites) Astro neither reads nor writes its copy; gone, it tells the next build
          // with page reuse that the output was not made under its record.
          rmSync(pageCopy, { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const kept = new Set(existsSync(publicDir) ? outputFiles(publicDir) : []);
        for (const urls of assets.values()) for (const url of urls) kept.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        const swept = sweepOutput(root, kept, [assetsFolder]);
        files = swept.files;
        if (swept.removed.length > 0) logger.info(`Đã xoá ${swept.removed.length} tệp của lần dựng trước không còn trong trang.`);
      },
    },
  };
}
