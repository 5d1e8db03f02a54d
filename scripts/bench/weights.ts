/** Bytes a reader downloads for one page: its HTML, the stylesheets it links and the scripts it loads, raw and gzip. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** HTML, CSS and JavaScript together, gzip: what the first visit costs before images and fonts. */
  totalGzip: number;
}

const bytesOf = (files: string[]): Bytes =>
  files.reduce(
    (sum, file) => {
      const body = readFileSync(file);
      return { raw: sum.raw + body.length, gzip: sum.gzip + gzipSync(body).length };
    },
    { raw: 0, gzip: 0 },
  );

/** A script and every module it imports statically, as files in the output. */
function scriptClosure(dist: string, file: string, seen: Set<string>) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w{}*\s,$]+from\s*)?["']([^"']+)["']/g)) {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
    const target = specifier.startsWith('/') ? path.join(dist, specifier) : path.resolve(path.dirname(file), specifier);
    scriptClosure(dist, target, seen);
  }
}

/** `base` is the site's path prefix ("/" or "/guong-sang/"), stripped from addresses in the HTML. */
export function pageWeight(dist: string, page: string, base = '/'): PageWeight {
  const file = path.join(dist, page);
  const html = readFileSync(file, 'utf8');
  const local = (href: string) => {
    const pathname = new URL(href, `http://site${base}${page}`).pathname;
    return pathname.startsWith(base) ? path.join(dist, decodeURI(pathname.slice(base.length))) : undefined;
  };
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map(([tag]) => local(/href="([^"]+)"/.exec(tag)![1]))
    .filter((f): f is string => Boolean(f));
  const scripts = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g)) {
    const target = local(/src="([^"]+)"/.exec(tag)![1]);
    if (target) scriptClosure(dist, target, scripts);
  }
  const weight = { html: bytesOf([file]), css: bytesOf(css), js: bytesOf([...scripts]) };
  return { ...weight, totalGzip: weight.html.gzip + weight.css.gzip + weight.js.gzip };
}

export function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stat = statSync(path.join(dir, name));
    if (stat.isFile()) {
      bytes += stat.size;
      files += 1;
    }
  }
  return { bytes, files };
}
