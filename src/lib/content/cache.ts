/**
 * What the build may reuse from the previous build, so that a rebuild after editing one story does not read,
 * check and render 10,000 unchanged ones again. A result is reused only for the very same file text checked by the
 * very same code: the key of every entry is the hash of its text, and the whole cache is dropped when any source
 * file that reads, checks or renders content changes (or a dependency is updated). Entries with problems are never
 * stored, so they are checked, and reported, on every build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FILES, cachePath } from '../names.ts';

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Source files whose change can change what is read from content/, how a story renders or how it is indexed. */
const CODE = ['src/lib', 'src/schemas', 'src/loaders', 'src/integrations', 'src/content.config.ts', 'package-lock.json'];

/** One hash of the code that reads, checks and renders content; part of every cache key. */
export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const entry of CODE) {
    const absolute = path.join(root, entry);
    if (!existsSync(absolute)) continue;
    const files = statSync(absolute).isDirectory()
      ? (readdirSync(absolute, { recursive: true }) as string[]).map((name) => path.join(absolute, name)).filter((file) => statSync(file).isFile())
      : [absolute];
    for (const file of files.sort()) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('base64url');
}

interface CheckCacheFile {
  version: string;
  /** Entry file → hash of its text and its checked data. */
  entries: Record<string, { hash: string; data: unknown }>;
  /** Photo file → size and modification time of the version that decoded cleanly. */
  photos: Record<string, string>;
}

/** Results of the content check for files that had no problem, kept in the build's cache folder. */
export class CheckCache {
  readonly #file: string;
  readonly #previous: CheckCacheFile;
  readonly #next: CheckCacheFile;

  constructor(cacheDir: string, version: string) {
    this.#file = cachePath(cacheDir, CACHE_FILES.contentCheck);
    let previous: CheckCacheFile | undefined;
    try {
      previous = JSON.parse(readFileSync(this.#file, 'utf8')) as CheckCacheFile;
    } catch {
      // No cache yet, or one cut short: check everything.
    }
    this.#previous = previous?.version === version ? previous : { version, entries: {}, photos: {} };
    this.#next = { version, entries: {}, photos: {} };
  }

  /** Checked data of an entry whose text is unchanged. */
  entry(file: string, hash: string): { data: unknown } | undefined {
    const cached = this.#previous.entries[file];
    if (cached?.hash !== hash) return undefined;
    this.#next.entries[file] = cached;
    return cached;
  }

  setEntry(file: string, hash: string, data: unknown) {
    this.#next.entries[file] = { hash, data };
  }

  /** Whether this very photo file (same size and modification time) decoded cleanly last time. */
  photoUnchanged(file: string): boolean {
    const stamp = photoStamp(file);
    if (stamp && this.#previous.photos[file] === stamp) {
      this.#next.photos[file] = stamp;
      return true;
    }
    return false;
  }

  setPhoto(file: string) {
    const stamp = photoStamp(file);
    if (stamp) this.#next.photos[file] = stamp;
  }

  save() {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify(this.#next));
  }
}

function photoStamp(file: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}
