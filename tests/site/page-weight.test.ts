/**
 * Every page arrives in the first round trip of a new connection: its HTML and the stylesheets it links, gzipped,
 * fit in 14 KB (ten TCP segments, the initial window of today's servers), so a phone on a slow network draws the page
 * without waiting for a second round trip. Photos, which load after, and the search page's script are not counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { htmlPages, readText } from '../helpers/dist.ts';

const dist = inject('sampleDist');
const BUDGET = 14 * 1024;

/** Gzipped bytes of a page's HTML and of each stylesheet it links. */
function weight(file: string): number {
  const html = readText(dist, file);
  const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!);
  return gzipSync(html).length + sheets.reduce((sum, sheet) => sum + gzipSync(readFileSync(path.join(dist, sheet))).length, 0);
}

describe('page weight', () => {
  it('keeps the HTML and CSS of every page within 14 KB gzip', () => {
    const pages = htmlPages(dist);
    expect(pages.length).toBeGreaterThan(100);
    const over = pages.map((file) => ({ file, bytes: weight(file) })).filter(({ bytes }) => bytes > BUDGET);
    expect(over).toEqual([]);
  });

  it('counts the stylesheet a page links', () => {
    const html = readText(dist, 'index.html');
    expect(html).toMatch(/<link\b[^>]*\brel="stylesheet"/);
    expect(weight('index.html')).toBeGreaterThan(gzipSync(html).length);
  });
});
