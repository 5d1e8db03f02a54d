/** Reading a built site: its files, pages and links. */
import { readdirSync, readFileSync } from 'node:fs';
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
