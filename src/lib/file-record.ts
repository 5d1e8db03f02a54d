/**
 * What an earlier build learnt about each output file, so that a rebuild reads only what changed: after editing one
 * story, a few dozen files out of tens of thousands. The output folder is kept between builds, so an unchanged file
 * is the very file the last build read: it is known by its path and its identity in the file system (inode, size,
 * modification time), without reading it. Writing a file changes its time, and copying one makes a new inode.
 * A record is dropped whenever its rules change (what the output check looks for, the code that reads the files).
 *
 * Used by the output check (files found clean; a problem is never recorded, so it is reported on every build) and
 * the search index (what Pagefind reads of each page, hashed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';

interface Saved<T> {
  rules: string;
  entries: [key: string, value: T][];
}

export class FileRecord<T> {
  readonly #file: string | undefined;
  readonly #rules: string;
  readonly #known: Map<string, T>;
  readonly #kept = new Map<string, T>();

  private constructor(file: string | undefined, rules: string, known: [string, T][]) {
    this.#file = file;
    this.#rules = rules;
    this.#known = new Map(known);
  }

  /** The record kept in `file` for these rules; an empty one if `file` is undefined (nothing is kept) or is stale. */
  static load<T>(file: string | undefined, rules: string): FileRecord<T> {
    let known: [string, T][] = [];
    if (file && existsSync(file)) {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved<T>;
        if (saved.rules === rules && Array.isArray(saved.entries)) known = saved.entries;
      } catch {
        // A damaged record only costs reading every file again.
      }
    }
    return new FileRecord(file, rules, known);
  }

  /** `stats`: the file's, read with `{ bigint: true }` for times to the nanosecond. */
  static key(file: string, stats: Pick<BigIntStats, 'ino' | 'size' | 'mtimeNs'>): string {
    return createHash('sha1').update(`${file}\0${stats.ino}:${stats.size}:${stats.mtimeNs}`).digest('base64url');
  }

  /** What the last build recorded of the file with this key. */
  known(key: string): T | undefined {
    return this.#known.get(key);
  }

  /** Records what this build learnt of a file (or knew of it and found still there). */
  keep(key: string, value: T) {
    this.#kept.set(key, value);
  }

  /** Keeps what this build recorded, and only that, for the next. */
  save() {
    if (!this.#file) return;
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify({ rules: this.#rules, entries: [...this.#kept] } satisfies Saved<T>));
  }
}
