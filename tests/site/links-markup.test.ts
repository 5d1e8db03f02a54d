import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinks, htmlPages, readText } from '../helpers/dist.ts';
import { astroBuild } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';

const dist = inject('sampleDist');

describe('links and markup', () => {
  it('has no broken internal link, anchor or asset', () => {
    expect(brokenLinks(dist)).toEqual([]);
  });

  it('keeps every link inside a sub-path when built for one', () => {
    const project = copyProject({}, { sampleContent: true });
    try {
      const out = path.join(project.root, 'dist');
      astroBuild(project.root, out, { SITE_URL: 'https://guong-sang.example.vn/guong-sang/' });
      expect(htmlPages(out).length).toBeGreaterThan(20);
      expect(brokenLinks(out, '/guong-sang/')).toEqual([]);
      expect(readText(out, 'sitemap.xml')).toContain('<loc>https://guong-sang.example.vn/guong-sang/dien-hinh/');
    } finally {
      project.cleanup();
    }
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
