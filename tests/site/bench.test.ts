/** A small run of the benchmark, so that `npm run bench` cannot rot unnoticed. Its figures are not judged here. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/build-sample.ts';

it('builds a generated corpus, its bare Astro twin and two rebuilds, and reports every figure', () => {
  const out = path.join(ROOT, 'tests/.tmp/bench');
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/node'),
    ['scripts/bench.ts', '--exemplars', '60', '--photos', '2', '--small-places', '--no-lighthouse', '--out', out],
    {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
  const report = JSON.parse(readFileSync(path.join(out, 'bench-60.json'), 'utf8'));
  expect(report.build.pages).toBeGreaterThan(60);
  expect(report.build.peakMemoryMb).toBeGreaterThan(0);
  for (const group of ['content', 'pages', 'images', 'search']) expect(report.build.groups[group].seconds).toBeGreaterThanOrEqual(0);
  // Photos are made beside the page rendering, and the build says so in the lines the benchmark reads.
  expect(report.build.photoEncoderSeconds).toBeGreaterThan(0);
  expect(report.build.photoEncoderCpuSeconds).toBeGreaterThan(0);
  expect(report.build.phases.map((phase: { name: string }) => phase.name)).toContain('photos after the pages');
  expect(report.rebuild.imagesSeconds.first).toBeGreaterThan(report.rebuild.imagesSeconds.second);
  expect(report.bare.pages).toBe(60);
  expect(report.vsBare.time).toBeGreaterThan(0);
  // The second build takes every page and photo from the cache; the third renders the edited story again.
  expect(report.rebuild.unchanged.outputsReused).toBeGreaterThan(report.build.pages);
  expect(report.rebuild.unchanged.outputsRendered).toBeLessThan(report.build.outputsRendered / 10);
  expect(report.rebuild.imageCacheFiles).toBeGreaterThan(0);
  expect(report.rebuild.afterEditingOneStory.outputsRendered).toBeGreaterThan(report.rebuild.unchanged.outputsRendered);
  expect(report.output.searchIndex.files).toBeGreaterThan(0);
  expect(report.pages.exemplar.html.gzip).toBeGreaterThan(500);
  expect(report.pages.search.js.gzip).toBeGreaterThan(0);
  expect(report.mainPhoto.dpr2.bytes).toBeGreaterThan(0);
  for (const figures of Object.values(report.search) as { results: number; coldBytes: number }[]) {
    expect(figures.results).toBeGreaterThan(0);
    expect(figures.coldBytes).toBeGreaterThan(0);
  }
  expect(readFileSync(path.join(out, 'bench-60.md'), 'utf8')).toContain('# Benchmark: 60 exemplars');
}, 300_000);
