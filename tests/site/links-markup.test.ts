import { existsSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { htmlPages, readText } from '../helpers/dist.ts';

const dist = inject('sampleDist');

/** Every internal reference of a page: href, src and each srcset candidate. */
function references(html: string): string[] {
  const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  for (const [, srcset] of html.matchAll(/\ssrcset="([^"]+)"/g)) refs.push(...srcset.split(',').map((c) => c.trim().split(/\s+/)[0]));
  return refs.map((ref) => ref.replace(/&amp;/g, '&'));
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

describe('links and markup', () => {
  it('has no broken internal link, anchor or asset', () => {
    const broken: string[] = [];
    for (const file of htmlPages(dist)) {
      const html = readText(dist, file);
      const pageUrl = new URL('/' + file, 'https://guong-sang.example.vn/');
      for (const ref of references(html)) {
        const url = new URL(ref, pageUrl);
        if (url.origin !== pageUrl.origin || url.protocol === 'mailto:') continue;
        let target = path.join(dist, decodeURIComponent(url.pathname));
        if (url.pathname.endsWith('/')) target = path.join(target, 'index.html');
        if (!existsSync(target)) {
          broken.push(`${file}: ${ref}`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const targetHtml = target === path.join(dist, file) ? html : readText(dist, path.relative(dist, target));
          if (!ids(targetHtml).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${ref} (anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } });
    const failures: string[] = [];
    for (const file of htmlPages(dist)) {
      const report = await validator.validateString(readText(dist, file), file);
      for (const result of report.results) {
        for (const message of result.messages) failures.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
