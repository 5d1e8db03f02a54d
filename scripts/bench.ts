/**
 * npm run bench -- --exemplars 1000 [--photos 10] [--heap 8192] [--no-lighthouse] [--no-bare] [--small-places] [--no-rebuild]
 *   [--without render-workers,photos-meanwhile,page-reuse,figures] [--out dir] [--keep]
 *
 * Generates a corpus of N exemplars and, in temporary folders:
 * 1. builds it with a bare Astro page template (Astro's own floor on this machine, see bench/bare.ts);
 * 2. builds it with the project, from an empty cache: wall time and peak memory, in total and per phase;
 * 3. measures the output: size, HTML/CSS/JS per page type, search index, searches in Chromium, the main photo a
 *    phone downloads, and Lighthouse scores of the page templates;
 * 4. builds again with nothing changed (photos must come from the cache), then after editing one story.
 * `--without` builds without the named accelerations (astro-internals.ts: ACCELERATIONS) or without the open figures
 * (the statistics pages, files and radio texts are left out of the copy), to measure what each one costs or buys.
 * Writes bench-results/bench-N.json and .md (bench-N-without-….json with --without). The benchmark keeps no build output in its own memory.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { editStory, exemplarId, writeCorpus } from './bench/corpus.ts';
import { writeBareProject } from './bench/bare.ts';
import { astroCli, BARE_PHASES, measureBuild, PROJECT_PHASES, type BuildFigures } from './bench/measure.ts';
import { folderBytes, pageWeight } from './bench/weights.ts';
import { runLighthouse, type LighthouseFigures } from './bench/lighthouse.ts';
import { freePort, serveStatic } from '../tests/helpers/serve.ts';
import { copyProjectCode } from '../tests/helpers/project-copy.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { cleanEnv } from '../tests/helpers/build-sample.ts';
import { astroEnv } from './astro-env.ts';
import { ACCELERATIONS } from '../src/integrations/astro-internals.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const exemplars = Number(arg('exemplars', '1000'));
// One distinct photo per hundred exemplars, each used by several entries like a photo of a shared event.
const photos = Number(arg('photos', String(Math.max(3, Math.ceil(exemplars / 100)))));
const heapMb = Number(arg('heap', '8192'));
const outDir = path.resolve(repo, arg('out', 'bench-results'));
const keep = process.argv.includes('--keep');
const lighthouseRun = !process.argv.includes('--no-lighthouse');
const bareRun = !process.argv.includes('--no-bare');
// The two rebuilds double the time of a very large run; their target is set at 10,000 exemplars.
const rebuildRun = !process.argv.includes('--no-rebuild');
// A place tree of 33 units instead of 339 and 6 campaigns instead of 24: for quick runs, such as the test's.
const smallPlaces = process.argv.includes('--small-places') ? { districtsPerProvince: 2, communesPerDistrict: 3, campaigns: 6 } : {};
const nodeModules = path.join(repo, 'node_modules');
// The routes of the open figures: statistics, a campaign's figures, their CSV and JSON, their radio texts. (The
// decision pages stay: the output check requires a page for every decision a published entry cites.)
const FIGURE_ROUTES = ['src/pages/so-lieu', 'src/pages/phat-thanh/so-lieu'];
const without = arg('without', '').split(',').filter(Boolean);
for (const name of without) {
  if (name !== 'figures' && !(ACCELERATIONS as readonly string[]).includes(name))
    throw new Error(`--without: unknown ${name} (known: ${[...ACCELERATIONS, 'figures'].join(', ')})`);
}
const withoutAccelerations = without.filter((name) => name !== 'figures');
const reportName = `bench-${exemplars}${without.length > 0 ? `-without-${without.join('-')}` : ''}`;

const work = mkdtempSync(path.join(os.tmpdir(), 'guong-sang-bench-'));
const root = path.join(work, 'site');
const bareRoot = path.join(work, 'bare');
mkdirSync(root);
copyProjectCode(root, repo);
if (without.includes('figures')) for (const route of FIGURE_ROUTES) rmSync(path.join(root, route), { recursive: true });
console.log(`Corpus: ${exemplars} exemplars, ${photos} photos → ${root}`);
const corpus = await writeCorpus(root, repo, { exemplars, photos, ...smallPlaces });

const port = await freePort();
const nodeOptions = `--max-old-space-size=${heapMb}`;
const env = { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', BUILD_DATE: '2026-11-21', NODE_OPTIONS: nodeOptions };
const logs = path.join(work, 'logs');
mkdirSync(logs);
const astro = astroCli(nodeModules);

// The bare build may not get through a very large corpus (Vite holds every .mdx module): that is recorded, and the
// benchmark goes on.
let bare: BuildFigures | undefined;
let bareFailure: string | undefined;
if (bareRun) {
  console.log('Bare Astro build…');
  writeBareProject(bareRoot, { nodeModules, exemplarsDir: path.join(root, 'content/exemplars') });
  try {
    bare = await measureBuild({ root: bareRoot, astro, env, phases: BARE_PHASES, logFile: path.join(logs, 'bare.log') });
  } catch (error) {
    bareFailure = (error as Error).message.split('\n').slice(-3).join(' ').slice(0, 500);
  }
  // The bare project stays until the end, with the work folder. Deleted here, its tens of thousands of files would
  // slow the creation of the project's own: on ext4 without a journal (the benchmark machine's disk), the kernel
  // skips inodes freed in the last minutes when it allocates new ones, scanning past every one of them (creating
  // 20,000 folders with a page each took 6 s of system time just after deleting as many, 1–2 s otherwise).
}

console.log('Full build…');
const siteUrl = `http://127.0.0.1:${port}/`;
// The project builds as `npm run build` does; the bare template as Astro alone does.
const siteEnv = astroEnv({ ...env, SITE_URL: siteUrl, ...(withoutAccelerations.length > 0 ? { GUONG_SANG_WITHOUT: withoutAccelerations.join(',') } : {}) });
const build = (name: string) => measureBuild({ root, astro, env: siteEnv, phases: PROJECT_PHASES, logFile: path.join(logs, `${name}.log`) });
const full = await build('full');
const dist = path.join(root, 'dist');
const imageCache = path.join(root, '.cache/astro/assets');
const imageCacheFiles = existsSync(imageCache) ? readdirSync(imageCache).length : 0;

const pageTypes: Record<string, string> = {
  home: 'index.html',
  exemplar: `dien-hinh/${corpus.withMainPhoto ?? exemplarId(0)}/index.html`,
  exemplarList: 'dien-hinh/index.html',
  campaign: 'phong-trao/phong-trao-1/index.html',
  place: `dia-phuong/${corpus.place}/index.html`,
  search: 'tim-kiem/index.html',
};
const pages = Object.fromEntries(Object.entries(pageTypes).map(([type, file]) => [type, pageWeight(dist, file)]));
// The search page's recognition dictionary, which must grow with the places in use and not with the exemplars.
const dictionaryBytes = readFileSync(path.join(dist, 'tim-kiem/tu-dien.json'));
const output = {
  ...folderBytes(dist),
  searchIndex: folderBytes(path.join(dist, 'pagefind')),
  searchDictionary: { bytes: dictionaryBytes.length, gzip: gzipSync(dictionaryBytes).length },
};

// Compressed like the shipped nginx configuration (scripts/nginx/guong-sang.conf): what a reader on a phone downloads.
const server = await serveStatic(dist, { port, gzip: true });
const browser = await launchBrowser();

// Searches in Chromium, measured from the moment the loaded search page is asked.
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
// The commune filter of the first exemplar: its place today, which may have taken over the place it was filed under.
const firstPage = readFileSync(path.join(dist, 'dien-hinh', exemplarId(0), 'index.html'), 'utf8');
const firstCommune = /data-pagefind-filter="xa:([^"]+)"/.exec(firstPage)![1];
// The commune the first story is filed under, typed as a reader would: its name without its type ("xã Vũ Hội" →
// "Vũ Hội"), and as words heard on the radio, type and name without marks ("xa vu hoi").
const communeMatch = /data-pagefind-meta="place">((?:xã|phường|thị trấn|đặc khu) ([^,<]+))/.exec(firstPage)!;
const communeName = communeMatch[2]!;
// The campaign of the first story, typed as a reader heard it on the radio: its short title without marks
// ("phong trao 3 nam 2022"), which the search page understands as the campaign's filter.
const firstCampaign = Number(/data-pagefind-filter="phong-trao:phong-trao-(\d+)"/.exec(firstPage)![1]);
const campaignWords = fold(`Phong trào ${firstCampaign + 1} năm ${2020 + (firstCampaign % 6)}`);
const queries = [
  { name: 'full name', params: `q=${encodeURIComponent(corpus.person.name)}` },
  { name: 'name without diacritics', params: `q=${encodeURIComponent(fold(corpus.person.name))}` },
  { name: 'commune', params: `q=${encodeURIComponent(communeName)}` },
  { name: 'commune typed as words', params: `q=${encodeURIComponent(fold(communeMatch[1]!))}` },
  { name: 'campaign', params: `q=${encodeURIComponent('Phong trào 3')}` },
  { name: 'campaign typed as words', params: `q=${encodeURIComponent(campaignWords)}` },
  { name: 'filter-only browse of one commune', params: `xa=${firstCommune}` },
];
const SEARCH_TIMEOUT_MS = 60_000;
const msOrTimeout = (ms: number | null) => (ms === null ? `over ${SEARCH_TIMEOUT_MS / 1000} s` : `${ms} ms`);
const search: Record<
  string,
  { coldFirstMs: number | null; coldMs: number | null; coldBytes: number; warmMs: number | null; warmBytes: number; results: number; found: number }
> = {};
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
    // Results are shown as each arrives: the first one is what a reader waits for.
    const first = page
      .waitForFunction(() => document.querySelector('#ket-qua > li') !== null, undefined, { timeout: SEARCH_TIMEOUT_MS })
      .then(
        () => Date.now() - t0,
        () => null,
      );
    // A query that takes longer is recorded as such, so that one slow search does not lose the whole report.
    const answered = await page
      .waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai')?.textContent ?? ''), undefined, { timeout: SEARCH_TIMEOUT_MS })
      .then(
        () => true,
        () => false,
      );
    if (!answered) return { firstMs: await first, ms: null, bytes: server.bytesSent() - before, results: 0, found: 0 };
    const ms = Date.now() - t0;
    const firstMs = await first;
    await page.waitForLoadState('networkidle');
    const bytes = server.bytesSent() - before;
    const results = await page.locator('#ket-qua > li').count();
    // "Tìm thấy 1.234 kết quả": every match, of which the first screen shows a dozen.
    const found = Number((await page.locator('#trang-thai').textContent())!.replace(/\D/g, ''));
    return { firstMs, ms, bytes, results, found };
  };
  const cold = await measure();
  // Back to the empty page, so that the warm search starts from no results and no count.
  await page.evaluate(() => {
    history.pushState(null, '', location.pathname);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForFunction(
    () => document.querySelector('#ket-qua > li') === null && !/kết quả/.test(document.getElementById('trang-thai')?.textContent ?? ''),
  );
  const warm = await measure();
  search[query.name] = {
    coldFirstMs: cold.firstMs,
    coldMs: cold.ms,
    coldBytes: cold.bytes,
    warmMs: warm.ms,
    warmBytes: warm.bytes,
    results: cold.results,
    found: cold.found,
  };
  await page.close();
}

// The main photo of an exemplar page as a phone at 360 CSS pixels picks it from the srcset.
const mainPhoto: Record<string, { url: string; bytes: number; format: string }> = {};
if (corpus.withMainPhoto) {
  for (const dpr of [2, 3]) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: dpr, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}dien-hinh/${corpus.withMainPhoto}/`, { waitUntil: 'networkidle' });
    const chosen = await page
      .locator('.exemplar-head img')
      .first()
      .evaluate((img: HTMLImageElement) => img.currentSrc);
    const pathname = new URL(chosen).pathname;
    const bytes = readFileSync(path.join(dist, decodeURIComponent(pathname))).length;
    mainPhoto[`dpr${dpr}`] = { url: pathname, bytes, format: path.extname(pathname).slice(1) };
    await context.close();
  }
}
await browser.close();

let lighthouse: Record<string, LighthouseFigures> | undefined;
if (lighthouseRun) {
  console.log('Lighthouse…');
  lighthouse = await runLighthouse({
    home: server.url,
    exemplar: `${server.url}dien-hinh/${corpus.withMainPhoto ?? exemplarId(0)}/`,
    campaign: `${server.url}phong-trao/phong-trao-1/`,
    place: `${server.url}dia-phuong/${corpus.place}/`,
    search: `${server.url}tim-kiem/`,
  });
}
await server.close();

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(2)) : null);
/** Time spent making photos: beside the page rendering (the photo encoder) and in Astro's own image step. */
const photoSeconds = (b: BuildFigures) => Number(((b.photoEncoderSeconds ?? 0) + (b.phases.find((p) => p.name === 'images')?.seconds ?? 0)).toFixed(1));
const perPage = (b: BuildFigures) => ({ ...b, pagesPerSecond: Math.round(b.pages / b.seconds) });
async function rebuilds() {
  console.log('Build again, nothing changed…');
  const unchanged = await build('unchanged');
  console.log('Build again after editing one story…');
  // An entry in the middle of the corpus, published, so its page must change.
  let edited = Math.floor(exemplars / 2);
  while (!existsSync(path.join(dist, 'dien-hinh', exemplarId(edited)))) edited += 1;
  const editedId = editStory(root, edited);
  const afterEdit = await build('edit');
  const editShown = readFileSync(path.join(dist, 'dien-hinh', editedId, 'index.html'), 'utf8').includes('Biên tập viên bổ sung');
  if (!editShown) throw new Error(`The edit of ${editedId} is not in its page after the rebuild`);
  return {
    unchanged: { ...perPage(unchanged), ratioToFull: ratio(unchanged.seconds, full.seconds) },
    imageCacheFiles,
    imagesSeconds: { first: photoSeconds(full), second: photoSeconds(unchanged) },
    imagesRatio: ratio(photoSeconds(unchanged), photoSeconds(full)),
    imagesSecondsPerPhoto: photos > 0 ? Number((photoSeconds(full) / photos).toFixed(2)) : null,
    afterEditingOneStory: { ...perPage(afterEdit), edited: editedId, ratioToFull: ratio(afterEdit.seconds, full.seconds) },
  };
}
const rebuild = rebuildRun ? await rebuilds() : undefined;

const report = {
  exemplars,
  photos,
  without,
  unpublished: corpus.unpublished,
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
    node: process.version,
    nodeOptions,
  },
  build: perPage(full),
  bare: bare ? perPage(bare) : { failed: bareFailure ?? 'not run (--no-bare)' },
  vsBare: bare
    ? {
        time: ratio(full.seconds, bare.seconds),
        memory: ratio(full.peakMemoryMb, bare.peakMemoryMb),
        // The bare template has no photos to process; this is the comparison of everything else.
        timeWithoutImages: ratio(full.seconds - (full.groups.images?.seconds ?? 0), bare.seconds),
      }
    : undefined,
  rebuild,
  output,
  pages,
  mainPhoto,
  search,
  lighthouse,
};

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, `${reportName}.json`), JSON.stringify(report, null, 2));
const md = markdown(report);
writeFileSync(path.join(outDir, `${reportName}.md`), md);
console.log(md);
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`Kept: ${work}`);

// Long as a report is: one table after another, in the order they are read.
function markdown(r: typeof report): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const groups = ['content', 'pages', 'images', 'search', 'checks', 'startup'] as const;
  const groupNames: Record<(typeof groups)[number], string> = {
    content: 'content loading',
    pages: 'page rendering',
    images: 'images',
    search: 'search indexing',
    checks: 'output check',
    startup: 'start and finish',
  };
  const cpu = (b: BuildFigures) => (b.cpuSeconds === undefined ? '–' : `${b.cpuSeconds} s`);
  const cell = (b: BuildFigures, g: (typeof groups)[number]) => (b.groups[g] ? `${b.groups[g]!.seconds} s · ${b.groups[g]!.peakMemoryMb} MB` : '–');
  return [
    `# Benchmark: ${r.exemplars} exemplars${r.without.length > 0 ? `, without ${r.without.join(', ')}` : ''}`,
    '',
    `${r.exemplars} exemplars (${r.unpublished} of them drafts or withdrawn), ${r.photos} distinct photos; ${r.machine.cpus} × ${r.machine.cpuModel}, load average ${r.machine.loadAverageAtStart.join(' / ')} at start; NODE_OPTIONS=${r.machine.nodeOptions}.`,
    '',
    '| build | wall | processor | peak memory | pages | pages/s |',
    '| --- | --- | --- | --- | --- | --- |',
    `| project, empty cache | ${r.build.seconds} s | ${cpu(r.build)} | ${r.build.peakMemoryMb} MB | ${r.build.pages} | ${r.build.pagesPerSecond} |`,
    ...('seconds' in r.bare
      ? [
          `| bare Astro template | ${r.bare.seconds} s | ${cpu(r.bare)} | ${r.bare.peakMemoryMb} MB | ${r.bare.pages} | ${r.bare.pagesPerSecond} |`,
          `| project ÷ bare | ${r.vsBare?.time}× (${r.vsBare?.timeWithoutImages}× without the images phase) | | ${r.vsBare?.memory}× | | |`,
        ]
      : [`| bare Astro template | ${r.bare.failed} | | | | |`]),
    ...(r.rebuild
      ? [
          `| project, nothing changed | ${r.rebuild.unchanged.seconds} s (${r.rebuild.unchanged.ratioToFull}× full) | ${cpu(r.rebuild.unchanged)} | ${r.rebuild.unchanged.peakMemoryMb} MB | ${r.rebuild.unchanged.outputsRendered} rendered, ${r.rebuild.unchanged.outputsReused} reused | |`,
          `| project, one story edited | ${r.rebuild.afterEditingOneStory.seconds} s (${r.rebuild.afterEditingOneStory.ratioToFull}× full) | ${cpu(r.rebuild.afterEditingOneStory)} | ${r.rebuild.afterEditingOneStory.peakMemoryMb} MB | ${r.rebuild.afterEditingOneStory.outputsRendered} rendered, ${r.rebuild.afterEditingOneStory.outputsReused} reused | |`,
        ]
      : ['| rebuilds | not run (--no-rebuild) | | | | |']),
    '',
    '| phase (time · peak memory) | project | bare | nothing changed | one story edited |',
    '| --- | --- | --- | --- | --- |',
    ...groups.map(
      (g) =>
        `| ${groupNames[g]} | ${cell(r.build, g)} | ${'seconds' in r.bare ? cell(r.bare, g) : '–'} | ${r.rebuild ? cell(r.rebuild.unchanged, g) : '–'} | ${r.rebuild ? cell(r.rebuild.afterEditingOneStory, g) : '–'} |`,
    ),
    '',
    r.rebuild
      ? `Images: ${r.rebuild.imagesSeconds.first} s in the first build (${r.rebuild.imagesSecondsPerPhoto ?? '–'} s per distinct photo; the photo process was busy ${r.build.photoEncoderSeconds ?? 0} s and used ${r.build.photoEncoderCpuSeconds ?? 0} s of processor, the build waited ${r.build.groups.images?.seconds ?? 0} s for photos after the last page), ${r.rebuild.imagesSeconds.second} s in the second (${r.rebuild.imagesRatio ?? '–'}×), ${r.rebuild.imageCacheFiles} files in the image cache.`
      : `Images: ${photoSeconds(r.build)} s (the photo process was busy ${r.build.photoEncoderSeconds ?? 0} s and used ${r.build.photoEncoderCpuSeconds ?? 0} s of processor, the build waited ${r.build.groups.images?.seconds ?? 0} s for photos after the last page), ${imageCacheFiles} files in the image cache.`,
    `Output: ${kb(r.output.bytes)} in ${r.output.files} files; search index ${kb(r.output.searchIndex.bytes)} in ${r.output.searchIndex.files} files; search dictionary ${kb(r.output.searchDictionary.bytes)}, ${kb(r.output.searchDictionary.gzip)} gzip.`,
    ...Object.entries(r.mainPhoto).map(
      ([dpr, p]) => `Main photo of an exemplar page at 360 px, ${dpr.replace('dpr', 'DPR ')}: ${p.format.toUpperCase()}, ${kb(p.bytes)}.`,
    ),
    '',
    '| page | HTML | HTML gzip | CSS | CSS gzip | JS | JS gzip | total gzip |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.pages).map(
      ([type, p]) =>
        `| ${type} | ${kb(p.html.raw)} | ${kb(p.html.gzip)} | ${kb(p.css.raw)} | ${kb(p.css.gzip)} | ${kb(p.js.raw)} | ${kb(p.js.gzip)} | ${kb(p.totalGzip)} |`,
    ),
    '',
    '| search (page loaded) | found (shown) | cold, first result | cold | cold bytes | warm | warm bytes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.search).map(
      ([name, s]) =>
        `| ${name} | ${s.found} (${s.results}) | ${msOrTimeout(s.coldFirstMs)} | ${msOrTimeout(s.coldMs)} | ${kb(s.coldBytes)} | ${msOrTimeout(s.warmMs)} | ${kb(s.warmBytes)} |`,
    ),
    ...(r.lighthouse
      ? [
          '',
          '| Lighthouse, mobile | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
          '| --- | --- | --- | --- | --- | --- | --- | --- |',
          ...Object.entries(r.lighthouse).map(
            ([t, l]) =>
              `| ${t} | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${l.metrics.largestContentfulPaintMs} ms | ${l.metrics.totalBlockingTimeMs} ms | ${l.metrics.cumulativeLayoutShift} |`,
          ),
          ...Object.entries(r.lighthouse)
            .filter(([, l]) => l.failing.length > 0)
            .map(([t, l]) => `- ${t}: ${l.failing.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ')}`),
        ]
      : []),
    '',
  ].join('\n');
}
