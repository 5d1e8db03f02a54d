/**
 * Every use of Astro outside its public API, in one module.
 *
 * The build's accelerations (pages rendered in worker threads, photos made while pages render, Astro's copy of the
 * pages linked to the output) need things Astro does not promise to keep: file layouts of its cache and of the
 * prerender bundle, private fields of its prerenderer, the global through which getImage() registers photos. No
 * method of an Astro class is replaced. They were written for one range of Astro versions (WRITTEN_FOR). Outside it, or
 * with GUONG_SANG_ASTRO_INTERNALS=off, none of them is used: the build warns once, renders in Astro's own way and
 * rebuilds every page, slower and with the same output (tests/site/rebuild.test.ts builds the sample both ways and
 * compares the bytes). tests/unit/astro-internals.test.ts fails, naming the touchpoint, when an installed Astro no
 * longer has the shape a touchpoint expects: that is the list to go through when Astro is upgraded.
 *
 * This module is imported by render worker threads too: it loads nothing of Astro's until asked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroConfig, AstroPrerenderer } from 'astro';

/** The Astro versions the touchpoints below were written for and checked against: 7.3.x. */
export const WRITTEN_FOR = { major: 7, minor: 3 } as const;

const require = createRequire(import.meta.url);
const astroFolder = () => path.dirname(require.resolve('astro/package.json'));

export function installedAstroVersion(): string {
  return (JSON.parse(readFileSync(path.join(astroFolder(), 'package.json'), 'utf8')) as { version: string }).version;
}

export type InternalsStatus = { usable: true } | { usable: false; reason: string };

/** Whether the accelerations may use Astro's internals with this Astro (`version`) and environment. */
export function internalsStatus(version = installedAstroVersion(), env: NodeJS.ProcessEnv = process.env): InternalsStatus {
  if (env.GUONG_SANG_ASTRO_INTERNALS === 'off') return { usable: false, reason: 'GUONG_SANG_ASTRO_INTERNALS=off' };
  const [major, minor] = version.split('.').map(Number);
  if (major === WRITTEN_FOR.major && minor === WRITTEN_FOR.minor) return { usable: true };
  return { usable: false, reason: `Astro ${version}, các bước tăng tốc viết cho Astro ${WRITTEN_FOR.major}.${WRITTEN_FOR.minor}` };
}

/** The accelerations, each of which a benchmark may switch off alone to measure what it buys. */
export const ACCELERATIONS = ['render-workers', 'photos-meanwhile', 'page-reuse'] as const;
export type Acceleration = (typeof ACCELERATIONS)[number];

/**
 * Which accelerations this build uses: none when the internals are not usable; otherwise all but those named in
 * GUONG_SANG_WITHOUT (comma-separated), which `npm run bench -- --without …` sets to measure each one alone.
 * Photos are made meanwhile only by render workers, so without workers there are none.
 */
export function accelerationsOn(status: InternalsStatus, env: NodeJS.ProcessEnv = process.env): Record<Acceleration, boolean> {
  const without = (env.GUONG_SANG_WITHOUT ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = without.filter((name) => !(ACCELERATIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`GUONG_SANG_WITHOUT: unknown acceleration ${unknown.join(', ')} (known: ${ACCELERATIONS.join(', ')})`);
  const on = (name: Acceleration) => status.usable && !without.includes(name);
  return { 'render-workers': on('render-workers'), 'photos-meanwhile': on('render-workers') && on('photos-meanwhile'), 'page-reuse': on('page-reuse') };
}

let warned = false;
/** The one warning of a build whose accelerations are off. */
export function warnInternalsOff(status: InternalsStatus, warn: (message: string) => void) {
  if (status.usable || warned) return;
  warned = true;
  warn(`Tắt các bước tăng tốc (${status.reason}): dựng mọi trang trong một luồng, không dùng lại trang của lần trước. Kết quả vẫn như nhau, chỉ chậm hơn.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Cache layout

/**
 * Astro's copy of the pages for its page reuse (incremental.js: INCREMENTAL_OUTPUT_DIR in the cache folder), which
 * the output sweep replaces by a link to the output folder.
 */
export const pageCopyFolder = (cacheDir: URL) => new URL('dist/', cacheDir);

/** Astro's image cache (assets/build/generate.js: "assets/" in the cache folder), where the photo encoder writes. */
export const imageCacheFolder = (cacheDir: URL) => new URL('assets/', cacheDir);

// ---------------------------------------------------------------------------------------------------------------
// The prerenderer, in the main thread

/** Build data of each page, from astro:build:setup: only the stylesheets are read, which is all a page head needs. */
export interface PageStyles {
  styles: unknown[];
}

/** The `pages` of astro:build:setup as the map Astro fills with each page's stylesheets while bundling. */
export const pageStylesOf = (pages: unknown) => pages as Map<string, PageStyles>;

/** The prerender bundle's entry, where Astro's default prerenderer imports it from; undefined if not exactly one. */
export function prerenderEntry(config: AstroConfig): string | undefined {
  for (const folder of [new URL('.prerender/', config.outDir), new URL('.prerender/', config.build.server)]) {
    if (!existsSync(folder)) continue;
    const entries = readdirSync(folder).filter((file) => file.startsWith('prerender-entry') && file.endsWith('.mjs'));
    if (entries.length === 1) return new URL(entries[0]!, folder).href;
  }
  return undefined;
}

/** What Astro's default prerenderer exposes once set up, in its private `app`. */
interface DefaultPrerenderer extends AstroPrerenderer {
  app?: { getSettings(): { scripts: { stage: string }[] }; logger?: { options?: { destination?: { write(event: unknown): void } } } };
}

/** Whether the site injects page-stage scripts, build data the render workers are not given. */
export const hasPageScripts = (astro: AstroPrerenderer) =>
  (astro as DefaultPrerenderer).app?.getSettings().scripts.some((script) => script.stage === 'page') ?? true;

/** Writes a log event of a worker through the main thread's logger, as if the main thread had logged it. */
export const writeLogEvent = (astro: AstroPrerenderer, event: unknown) => (astro as DefaultPrerenderer).app?.logger?.options?.destination?.write(event);

interface AstroAssetGlobal {
  imageService?: unknown;
  referencedImages?: Set<string>;
  addStaticImage?: unknown;
}
const astroAsset = () => globalThis as { astroAsset?: AstroAssetGlobal };

/**
 * Loads the image service into the global Astro's image step uses (assets/internal.js: getConfiguredImageService),
 * which the main thread's own pages would have loaded had it rendered any.
 */
export function ensureImageService(entrypoint: string) {
  const assets = (astroAsset().astroAsset ??= {});
  // require(), not import(): the caller runs in Vite's module runner, closed by then.
  assets.imageService ??= (require(entrypoint) as { default: unknown }).default;
}

/** Adds the originals the workers' pages referenced to the main thread's list, which Astro's image step reads. */
export function addReferencedImages(paths: readonly string[]) {
  const referenced = astroAsset().astroAsset?.referencedImages;
  for (const file of paths) referenced?.add(file);
}

// ---------------------------------------------------------------------------------------------------------------
// The prerenderer, in a render worker

/** What naming an optimised photo depends on. */
export interface AssetNaming {
  base: string;
  folder: string;
}

// The path helpers of Astro's own addStaticImage (@astrojs/internal-helpers/path), which names the files.
const prependForwardSlash = (p: string) => (p[0] === '/' ? p : `/${p}`);
const joinPaths = (...paths: string[]) =>
  paths.map((p, i) => (i === 0 ? p.replace(/\/$/, '') : i === paths.length - 1 ? p.replace(/^\//, '') : p.replace(/^\/|\/$/g, ''))).join('/');
const removeBase = (p: string, base: string) => (p.startsWith(base) ? p.slice(base.replace(/\/$/, '').length) : p);
const PLACEHOLDER = 'astro://placeholder';

export interface ImageOptions {
  src: string | { src: string };
  [key: string]: unknown;
}

/**
 * The original's address as assets/vite-plugin-assets.js (addStaticImageFactory) keys it, and whether it was
 * imported (an ESM image) rather than given as a path.
 */
export function staticImageOriginal(options: ImageOptions, naming: AssetNaming): { originalPath: string; esm: boolean } {
  const esm = typeof options.src === 'object' || (typeof options.src === 'function' && 'src' in options.src);
  const srcPath = esm ? (options.src as { src: string }).src : (options.src as string);
  return { originalPath: removeBase(srcPath, naming.base), esm };
}

/** The optimised file's address as addStaticImageFactory names it; `fileName` is utils/node's propsToFilename. */
export const staticImageFinalPath = (esm: boolean, naming: AssetNaming, fileName: string) =>
  prependForwardSlash(joinPaths(esm ? '' : naming.folder, prependForwardSlash(fileName)));

/** The address getImage() gives a page for an optimised file, as Astro's addStaticImage returns it. */
export const staticImageUrl = (finalPath: string, naming: AssetNaming) =>
  new URL(encodeURI(prependForwardSlash(joinPaths(naming.base, finalPath))), PLACEHOLDER).href.replace(PLACEHOLDER, '');

/**
 * What a render worker renders pages with and names photos with: Astro's prerender function and the page-metadata
 * recorder of its page reuse (astro/app), its hash and file name of a photo transform (astro/assets/utils/node).
 * Loaded on demand, in the worker only.
 */
export async function workerRenderApi() {
  const [app, node] = await Promise.all([import('astro/app'), import('astro/assets/utils/node')]);
  return {
    renderForPrerender: app.renderForPrerender,
    installRenderScope: app.installRenderScope,
    recordStaticImage: app.recordStaticImage,
    hashTransform: node.hashTransform,
    propsToFilename: node.propsToFilename,
  };
}

/** Installs the worker's own photo registry where getImage() looks for it (assets/internal.js). */
export function installWorkerAssets(
  addStaticImage: (options: ImageOptions, hashProperties: string[], originalFSPath: string | undefined) => string,
  referencedImages: Set<string>,
) {
  astroAsset().astroAsset = { referencedImages, addStaticImage };
}

interface BuildAppLike {
  manifest: { routes: { routeData: { route: string; component: string } }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

/**
 * The prerender bundle's app (core/build/app.js: BuildApp), given what the main thread's build gives it: the
 * stylesheets of each page, no page-stage script, and a logger that writes through `log`.
 */
export async function loadWorkerApp(entry: string, pages: [string, PageStyles][], log: (event: unknown) => void) {
  const { app } = (await import(entry)) as { app: BuildAppLike };
  app.setInternals({ pagesByKeys: new Map(pages), entrySpecifierToBundleMap: new Map() });
  app.setOptions({ settings: { scripts: [] }, logger: { options: { destination: { write: (event: unknown) => (log(event), true) } } } });
  return app;
}
