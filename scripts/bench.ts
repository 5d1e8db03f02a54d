/**
 * npm run bench -- --exemplars 1000
 *
 * Builds a generated corpus of N exemplars in a temporary copy of the project and reports: build wall time and
 * peak memory, pages, output and search index size, bytes per page type, and in Chromium the time and bytes of
 * typical searches once the search page has loaded. Writes bench-results/bench-N.json and .md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeCorpus } from './bench/corpus.ts';
import { serveStatic } from '../tests/helpers/serve.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { cleanEnv } from '../tests/helpers/build-sample.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const exemplars = Number(arg('exemplars', '1000'));
const outDir = path.resolve(repo, arg('out', 'bench-results'));
const keep = process.argv.includes('--keep');

const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-bench-'));
for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true });
symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
writeCorpus(root, repo, { exemplars });

// GNU time reports the peak memory of the build and every process it starts.
const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
const started = performance.now();
const build = spawnSync(time[0] ?? path.join(repo, 'node_modules/.bin/astro'), [...time.slice(1), ...(time.length ? [path.join(repo, 'node_modules/.bin/astro')] : []), 'build', '--root', root], {
  cwd: root,
  env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', BUILD_DATE: '2026-11-21' },
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error(build.stdout.slice(-4000), build.stderr.slice(-4000));
  process.exit(1);
}
const peakMemoryMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(build.stderr)?.[1] ?? 0) / 1024;
const pagesBuilt = Number(/(\d+) page\(s\) built/.exec(build.stdout)?.[1] ?? 0);
const dist = path.join(root, 'dist');

function folderBytes(dir: string): { bytes: number; files: number } {
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
const css = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(path.join(dist, '_astro', f)));
const cssGzip = css.reduce((n, b) => n + gzipSync(b).length, 0);
const pageTypes: Record<string, string> = {
  home: 'index.html',
  exemplar: 'dien-hinh/dh-000001/index.html',
  exemplarList: 'dien-hinh/index.html',
  campaign: 'phong-trao/phong-trao-1/index.html',
  place: 'dia-phuong/tinh-0-huyen-0/index.html',
  search: 'tim-kiem/index.html',
};
const pages = Object.fromEntries(
  Object.entries(pageTypes).map(([type, file]) => {
    const html = readFileSync(path.join(dist, file));
    return [type, { htmlBytes: html.length, htmlGzip: gzipSync(html).length, withCssGzip: gzipSync(html).length + cssGzip }];
  }),
);

// Searches in Chromium, measured from the moment the loaded search page is asked.
const firstEntry = readFileSync(path.join(root, 'content/exemplars/dh-000001.mdx'), 'utf8');
const firstName = /name: (.+)/.exec(firstEntry)![1];
const firstPlace = /place: (.+)/.exec(firstEntry)![1];
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
const server = await serveStatic(dist);
const browser = await launchBrowser();
const queries = [
  { name: 'full name', params: `q=${encodeURIComponent(firstName)}` },
  { name: 'name without diacritics', params: `q=${encodeURIComponent(fold(firstName))}` },
  { name: 'commune', params: `q=${encodeURIComponent('Đồng Tâm')}` },
  { name: 'campaign', params: `q=${encodeURIComponent('Phong trào 3')}` },
  { name: 'filter-only browse of one commune', params: `xa=${firstPlace}` },
];
const search: Record<string, { coldMs: number; coldBytes: number; warmMs: number; warmBytes: number; results: number }> = {};
for (const query of queries) {
  const page = await browser.newPage();
  await page.goto(`${server.url}tim-kiem/`, { waitUntil: 'networkidle' });
  const measure = async () => {
    // Counted at the server: Pagefind fetches its index from a web worker, out of the page's resource timings.
    const before = server.bytesSent();
    const t0 = Date.now();
    await page.evaluate((params) => {
      history.pushState(null, '', `?${params}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, query.params);
    await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const ms = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    const bytes = server.bytesSent() - before;
    const results = await page.locator('#ket-qua > li').count();
    return { ms, bytes, results };
  };
  const cold = await measure();
  await page.evaluate(() => history.pushState(null, '', location.pathname));
  const warm = await measure();
  search[query.name] = { coldMs: cold.ms, coldBytes: cold.bytes, warmMs: warm.ms, warmBytes: warm.bytes, results: cold.results };
  await page.close();
}
await browser.close();
await server.close();

const report = {
  exemplars,
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  build: { seconds: Number(buildSeconds.toFixed(1)), peakMemoryMb: Math.round(peakMemoryMb), pages: pagesBuilt, pagesPerSecond: Math.round(pagesBuilt / buildSeconds) },
  output: { ...folderBytes(dist), searchIndex: folderBytes(path.join(dist, 'pagefind')) },
  pages,
  search,
};
mkdirSync(outDir, { recursive: true });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const md = [
  `# Benchmark: ${exemplars} exemplars`,
  '',
  `Build: ${report.build.seconds} s wall, ${report.build.peakMemoryMb} MB peak memory, ${report.build.pages} pages (${report.build.pagesPerSecond}/s).`,
  `Output: ${kb(report.output.bytes)} in ${report.output.files} files; search index ${kb(report.output.searchIndex.bytes)} in ${report.output.searchIndex.files} files.`,
  '',
  '| page | HTML | HTML gzip | HTML + CSS gzip |',
  '| --- | --- | --- | --- |',
  ...Object.entries(pages).map(([type, p]) => `| ${type} | ${kb(p.htmlBytes)} | ${kb(p.htmlGzip)} | ${kb(p.withCssGzip)} |`),
  '',
  '| search (page loaded) | results | cold | cold bytes | warm | warm bytes |',
  '| --- | --- | --- | --- | --- | --- |',
  ...Object.entries(search).map(([name, s]) => `| ${name} | ${s.results} | ${s.coldMs} ms | ${kb(s.coldBytes)} | ${s.warmMs} ms | ${kb(s.warmBytes)} |`),
  '',
].join('\n');
writeFileSync(path.join(outDir, `bench-${exemplars}.json`), JSON.stringify(report, null, 2));
writeFileSync(path.join(outDir, `bench-${exemplars}.md`), md);
console.log(md);
if (!keep) rmSync(root, { recursive: true, force: true });
else console.log(`Kept: ${root}`);
