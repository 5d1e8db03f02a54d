/** Reading a build's output folder as a reader or a crawler would get it, and copying parts of it. */
import { cpSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const TEXT = /\.(html|xml|txt|json|js|mjs|css|svg|webmanifest)$/;
/** Pagefind's index files are gzip; their text is what a search could show. */
const SEARCH_INDEX = /\.pf_(fragment|meta|index)$/;
/** Files whose text is content rather than library code, for the personal-data scan. */
export const CONTENT_TEXT = /\.(html|xml|txt|json|pf_fragment)$/;

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function outputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Text as NFC; text without combining marks (almost all of it) is left as it is, which is much faster. */
const nfc = (text: string) => (/[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text);

/** Whether an output file's text is read: not for binary files (images, fonts, wasm). */
export function isReadAsText(file: string): boolean {
  return TEXT.test(file) || SEARCH_INDEX.test(file);
}

/** NFC text of an output file's bytes (see isReadAsText). */
export function decodeOutput(file: string, bytes: Buffer): string {
  if (TEXT.test(file)) return nfc(bytes.toString('utf8'));
  try {
    return nfc(gunzipSync(bytes).toString('utf8'));
  } catch {
    return bytes.toString('latin1');
  }
}

/** "/guong-sang/dien-hinh/an/" (or a full URL) → "dien-hinh/an/" for a site built under `base`. */
export function sitePath(url: string, base: string): string {
  const pathname = /^https?:/.test(url) ? new URL(url).pathname : url;
  return pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
}

/** Every file of `from` in `to`, hard-linked where the file system allows (files are never changed in place). */
export function linkTree(from: string, to: string) {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      cpSync(source, target);
    }
  }
}
