/** Reading a built site: its files, pages and links. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function listDist(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => !f.endsWith('/') && path.extname(f));
}

export function htmlPages(dir: string): string[] {
  return listDist(dir).filter((f) => f.endsWith('.html'));
}

export const TEXT_EXTENSIONS = ['.html', '.xml', '.txt', '.json', '.js', '.mjs', '.css', '.svg', '.webmanifest'];

export function readText(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/** The page path of an output file: "dien-hinh/x/index.html" → "/dien-hinh/x/". */
export function pagePath(file: string): string {
  return '/' + file.replace(/index\.html$/, '').replace(/\.html$/, '/');
}

/** Every internal reference of a page: href, src and each srcset candidate. */
function references(html: string): string[] {
  const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  for (const [, srcset] of html.matchAll(/\ssrcset="([^"]+)"/g)) refs.push(...srcset.split(',').map((c) => c.trim().split(/\s+/)[0]));
  return refs.map((ref) => ref.replace(/&amp;/g, '&'));
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

/** Internal references of every page that point at no file or no anchor. `base` is the path the site is served under. */
export function brokenLinks(dir: string, base = '/'): string[] {
  const broken: string[] = [];
  const origin = 'https://guong-sang.example.vn';
  for (const file of htmlPages(dir)) {
    const html = readText(dir, file);
    const pageUrl = new URL(base + file, origin);
    for (const ref of references(html)) {
      const url = new URL(ref, pageUrl);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${file}: ${ref} (outside ${base})`);
        continue;
      }
      let target = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
      if (url.pathname.endsWith('/')) target = path.join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push(`${file}: ${ref}`);
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const targetHtml = readText(dir, path.relative(dir, target));
        if (!ids(targetHtml).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${ref} (anchor)`);
      }
    }
  }
  return broken;
}
