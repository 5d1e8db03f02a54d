/**
 * Every use of Astro outside its public API lives in src/integrations/astro-internals.ts. Each test below checks one
 * touchpoint against the installed Astro and fails, naming it, when Astro no longer has the shape it expects: after
 * an upgrade, what fails here is what to revisit there (or leave off: the build is correct without it). The version
 * check that switches every acceleration off is tested here; the same output with them off, in rebuild.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  WRITTEN_FOR,
  accelerationsOn,
  imageCacheFolder,
  installedAstroVersion,
  internalsStatus,
  pageCopyFolder,
  staticImageFinalPath,
  staticImageOriginal,
  staticImageUrl,
  warnInternalsOff,
  workerRenderApi,
} from '../../src/integrations/astro-internals.ts';

const ASTRO = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const source = (file: string) => readFileSync(path.join(ASTRO, 'dist', file), 'utf8');

describe('the version check', () => {
  it('allows the internals only for the Astro they were written for, and never when switched off', () => {
    const { major, minor } = WRITTEN_FOR;
    expect(internalsStatus(`${major}.${minor}.0`, {})).toEqual({ usable: true });
    expect(internalsStatus(`${major}.${minor}.17`, {})).toEqual({ usable: true });
    for (const version of [`${major}.${minor + 1}.0`, `${major + 1}.0.0`, `${major}.${minor - 1}.9`, `${major + 1}.0.0-beta.1`]) {
      const status = internalsStatus(version, {});
      expect(status, version).toEqual({ usable: false, reason: expect.stringContaining(`Astro ${version}`) });
    }
    expect(internalsStatus(`${major}.${minor}.0`, { GUONG_SANG_ASTRO_INTERNALS: 'off' })).toEqual({ usable: false, reason: 'GUONG_SANG_ASTRO_INTERNALS=off' });
  });

  it('switches accelerations off one by one for a benchmark, all of them with the internals, and refuses a name it does not know', () => {
    const usable = { usable: true } as const;
    expect(accelerationsOn(usable, {})).toEqual({ 'render-workers': true, 'photos-meanwhile': true, 'page-reuse': true });
    expect(accelerationsOn(usable, { GUONG_SANG_WITHOUT: 'page-reuse' })).toEqual({ 'render-workers': true, 'photos-meanwhile': true, 'page-reuse': false });
    expect(accelerationsOn(usable, { GUONG_SANG_WITHOUT: 'photos-meanwhile' })).toEqual({
      'render-workers': true,
      'photos-meanwhile': false,
      'page-reuse': true,
    });
    // Photos are made meanwhile by the workers: without them, there is nobody to hand them to.
    expect(accelerationsOn(usable, { GUONG_SANG_WITHOUT: 'render-workers' })).toEqual({
      'render-workers': false,
      'photos-meanwhile': false,
      'page-reuse': true,
    });
    expect(accelerationsOn({ usable: false, reason: 'x' }, {})).toEqual({ 'render-workers': false, 'photos-meanwhile': false, 'page-reuse': false });
    expect(() => accelerationsOn(usable, { GUONG_SANG_WITHOUT: 'page-reuse,turbo' })).toThrow(/turbo/);
  });

  it('holds for the Astro installed now (otherwise the build runs without accelerations: revisit the module)', () => {
    expect(internalsStatus(installedAstroVersion(), {})).toEqual({ usable: true });
  });

  it('warns once, in Vietnamese, that the build is slower and its output the same', () => {
    const warnings: string[] = [];
    warnInternalsOff({ usable: true }, (m) => warnings.push(m));
    warnInternalsOff({ usable: false, reason: 'Astro 8.0.0' }, (m) => warnings.push(m));
    warnInternalsOff({ usable: false, reason: 'Astro 8.0.0' }, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/^Tắt các bước tăng tốc \(Astro 8\.0\.0\).*Kết quả vẫn như nhau/)]);
  });
});

describe('touchpoints in the installed Astro', () => {
  it('pageCopyFolder: the page-reuse copy is "dist/" in the cache folder (core/build/incremental.js)', () => {
    expect(source('core/build/incremental.js')).toContain('const INCREMENTAL_OUTPUT_DIR = "dist/";');
    expect(pageCopyFolder(new URL('file:///p/.cache/astro/')).href).toBe('file:///p/.cache/astro/dist/');
  });

  it('imageCacheFolder: optimised photos are cached in "assets/" of the cache folder (assets/build/generate.js)', () => {
    expect(source('assets/build/generate.js')).toContain('new URL("assets/", settings.config.cacheDir)');
    expect(imageCacheFolder(new URL('file:///p/.cache/astro/')).href).toBe('file:///p/.cache/astro/assets/');
  });

  it('prerenderEntry: the bundle entry is a "prerender-entry…" file the default prerenderer imports', () => {
    expect(source('core/build/static-build.js')).toContain('const PRERENDER_ENTRY_FILENAME_PREFIX = "prerender-entry";');
    expect(source('core/build/default-prerenderer.js')).toMatch(/new URL\(prerenderEntryFileName, prerenderOutputDir\)/);
  });

  it('hasPageScripts, writeLogEvent: the default prerenderer keeps its app, with getSettings() and a logger', () => {
    const prerenderer = source('core/build/default-prerenderer.js');
    expect(prerenderer).toContain('prerenderer.app = app;');
    expect(source('core/build/app.js')).toMatch(/getSettings\(\)/);
    expect(source('core/logger/core.js')).toMatch(/setDestination\(destination\) \{\s*this\.options\.destination = destination;/);
  });

  it('loadWorkerApp: the bundle app takes setInternals and setOptions, as the default prerenderer gives them', () => {
    const app = source('core/build/app.js');
    expect(app).toMatch(/setInternals\(internals\) \{/);
    expect(app).toMatch(/setOptions\(options\) \{/);
    expect(source('core/build/default-prerenderer.js')).toMatch(/app\.setInternals\(internals\);\s*app\.setOptions\(options\);/);
  });

  it('pageStylesOf: the pages of astro:build:setup carry their stylesheets as "styles"', () => {
    expect(source('core/build/page-data.js')).toContain('styles: []');
  });

  it('ensureImageService, addReferencedImages, installWorkerAssets: the astroAsset global of getImage()', () => {
    const internal = source('assets/internal.js');
    expect(internal).toContain('globalThis.astroAsset.imageService = service;');
    expect(internal).toContain('globalThis.astroAsset.addStaticImage(validatedOptions, propsToHash, originalFilePath)');
    expect(source('assets/vite-plugin-assets.js')).toContain('globalThis.astroAsset.referencedImages.add(');
  });

  it('staticImageOriginal, staticImageFinalPath, staticImageUrl: the naming of addStaticImageFactory, unchanged', () => {
    const plugin = source('assets/vite-plugin-assets.js');
    const factory = plugin.slice(plugin.indexOf('const addStaticImageFactory'), plugin.indexOf('const RUNTIME_LOGGER_SETUP'));
    // A change here means Astro names or records optimised photos differently: compare it with the three functions.
    expect(createHash('sha256').update(factory).digest('hex').slice(0, 16)).toBe('77119a3b8411ae7b');
    const naming = { base: '/guong-sang/', folder: '_astro' };
    expect(staticImageOriginal({ src: { src: '/guong-sang/_astro/a.B1.jpg' } }, naming)).toEqual({ originalPath: '/_astro/a.B1.jpg', esm: true });
    expect(staticImageFinalPath(true, naming, 'a.B1_Z1.avif')).toBe('/a.B1_Z1.avif');
    expect(staticImageFinalPath(false, naming, 'a_Z1.avif')).toBe('/_astro/a_Z1.avif');
    expect(staticImageUrl('/_astro/ảnh_Z1.avif', naming)).toBe('/guong-sang/_astro/%E1%BA%A3nh_Z1.avif');
  });

  it('workerRenderApi: astro/app and astro/assets/utils/node export what a render worker renders and names photos with', async () => {
    const api = await workerRenderApi();
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
    expect(Object.keys(api).sort()).toEqual(['hashTransform', 'installRenderScope', 'propsToFilename', 'recordStaticImage', 'renderForPrerender']);
  });
});
