/** A small run of the benchmark, so that `npm run bench` cannot rot unnoticed. Its figures are not judged here. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/build-sample.ts';

it('builds a generated corpus and reports build, page and search figures', () => {
  const out = path.join(ROOT, 'tests/.tmp/bench');
  execFileSync(path.join(ROOT, 'node_modules/.bin/node'), ['scripts/bench.ts', '--exemplars', '60', '--out', out], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  const report = JSON.parse(readFileSync(path.join(out, 'bench-60.json'), 'utf8'));
  expect(report.build.pages).toBeGreaterThan(60);
  expect(report.build.peakMemoryMb).toBeGreaterThan(0);
  expect(report.output.searchIndex.files).toBeGreaterThan(0);
  expect(report.pages.exemplar.htmlGzip).toBeGreaterThan(500);
  for (const figures of Object.values(report.search) as { results: number; coldBytes: number }[]) {
    expect(figures.results).toBeGreaterThan(0);
    expect(figures.coldBytes).toBeGreaterThan(0);
  }
  expect(readFileSync(path.join(out, 'bench-60.md'), 'utf8')).toContain('# Benchmark: 60 exemplars');
}, 300_000);
