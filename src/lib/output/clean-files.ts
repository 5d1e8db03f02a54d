/**
 * Output files an earlier output check found clean, so that a rebuild scans only what changed: after editing one
 * story, a few dozen files out of tens of thousands. The output folder is kept between builds, so an unchanged file
 * is the very file the last check read: it is known by its path and its identity in the file system (inode, size,
 * modification time), without reading it. Writing a file changes its time, and copying one makes a new inode.
 * The record is dropped whenever what the scan looks for changes (the unpublished names and addresses, the public
 * contacts, the original photos) or the code that checks does. Only clean files are recorded: a problem is found,
 * and reported, on every build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';

interface Record {
  rules: string;
  clean: string[];
}

export class CleanFiles {
  readonly #file: string | undefined;
  readonly #rules: string;
  readonly #known: Set<string>;
  readonly #seen = new Set<string>();

  private constructor(file: string | undefined, rules: string, known: string[]) {
    this.#file = file;
    this.#rules = rules;
    this.#known = new Set(known);
  }

  /** The record kept in `file` for these rules; none if `file` is undefined (nothing is kept) or is stale. */
  static load(file: string | undefined, rules: string): CleanFiles {
    let known: string[] = [];
    if (file && existsSync(file)) {
      try {
        const record = JSON.parse(readFileSync(file, 'utf8')) as Record;
        if (record.rules === rules && Array.isArray(record.clean)) known = record.clean;
      } catch {
        // A damaged record only costs a full scan.
      }
    }
    return new CleanFiles(file, rules, known);
  }

  /** `stats`: the file's, read with `{ bigint: true }` for times to the nanosecond. */
  static key(file: string, stats: Pick<BigIntStats, 'ino' | 'size' | 'mtimeNs'>): string {
    return createHash('sha1').update(`${file}\0${stats.ino}:${stats.size}:${stats.mtimeNs}`).digest('base64url');
  }

  /** Whether the file with this key was clean last time. */
  isKnownClean(key: string): boolean {
    return this.#known.has(key);
  }

  /** Records a file found clean in this build (or known clean and still there). */
  clean(key: string) {
    this.#seen.add(key);
  }

  /** Keeps what this build found, and only that, for the next. */
  save() {
    if (!this.#file) return;
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify({ rules: this.#rules, clean: [...this.#seen] } satisfies Record));
  }
}
