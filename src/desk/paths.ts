/**
 * The one way from a name the browser sent to a file: every read and write of the desk goes through `contentFile`,
 * which accepts only a relative path inside content/ and refuses everything else (parent folders, absolute paths,
 * encoded or backslashed separators, NUL, hidden files, links that point out of the folder).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export class PathRefused extends Error {}

/** The absolute path of `relative` (e.g. "exemplars/dang-thi-hoa.mdx") inside `root`/content, or PathRefused. */
export function contentFile(root: string, relative: string): string {
  const base = path.resolve(root, 'content');
  if (typeof relative !== 'string' || relative.length === 0 || relative.length > 400) throw new PathRefused('empty or long');
  if (/[\0\\%]/.test(relative) || relative.startsWith('/') || path.isAbsolute(relative)) throw new PathRefused('refused character');
  const parts = relative.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) throw new PathRefused('refused part');
  const target = path.resolve(base, relative);
  if (!target.startsWith(base + path.sep)) throw new PathRefused('outside');
  // A link inside content/ must not lead out of it: compare the real folder of what exists.
  let existing = target;
  for (;;) {
    try {
      const real = realpathSync(existing);
      const realBase = realpathSync(base);
      if (real !== realBase && !real.startsWith(realBase + path.sep)) throw new PathRefused('link outside');
      break;
    } catch (error) {
      if (error instanceof PathRefused) throw error;
      const parent = path.dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  return target;
}

/** An entry id as the browser sends it: the folded ASCII form only. */
export function isEntryId(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 120 && /[a-z]/.test(id);
}
