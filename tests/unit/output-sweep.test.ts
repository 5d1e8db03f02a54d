/** The output folder kept between builds: what a build did not make is deleted, nothing else. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { linkPageCopy, outputSweep, sweepOutput } from '../../src/integrations/output-sweep.ts';
import { outputFiles } from '../../src/lib/output-files.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function output(files: string[]): string {
  folder = mkdtempSync(path.join(tmpdir(), 'guong-sang-sweep-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), file);
  }
  return folder;
}

describe('sweeping the kept output', () => {
  it('deletes the files this build did not write or keep, and the folders they leave empty', () => {
    const dir = output([
      'index.html',
      'dien-hinh/an/index.html',
      'dien-hinh/da-rut/index.html',
      'phat-thanh/dien-hinh/da-rut.txt',
      'phat-thanh/dien-hinh/an.txt',
      '_astro/site.css',
      'favicon.svg',
    ]);
    const kept = new Set(['index.html', 'dien-hinh/an/index.html', 'phat-thanh/dien-hinh/an.txt', 'favicon.svg']);
    const { removed, files } = sweepOutput(dir, kept, ['_astro']);
    expect(removed.sort()).toEqual(['dien-hinh/da-rut/index.html', 'phat-thanh/dien-hinh/da-rut.txt']);
    expect(files.sort()).toEqual(outputFiles(dir).sort());
    expect(outputFiles(dir).sort()).toEqual(['_astro/site.css', 'dien-hinh/an/index.html', 'favicon.svg', 'index.html', 'phat-thanh/dien-hinh/an.txt']);
    expect(existsSync(path.join(dir, 'dien-hinh/da-rut'))).toBe(false);
    expect(readdirSync(path.join(dir, 'phat-thanh/dien-hinh'))).toEqual(['an.txt']);
  });

  it('keeps every file of a folder written in full by this build, and a file whose name only starts like it', () => {
    const dir = output(['_astro/a.css', '_astro/anh/b.avif', '_astro-cu/c.css']);
    expect(sweepOutput(dir, new Set(), ['_astro']).removed).toEqual(['_astro-cu/c.css']);
    expect(outputFiles(dir).sort()).toEqual(['_astro/a.css', '_astro/anh/b.avif']);
  });

  it('removes the folders another step emptied, when it has no file of its own to delete', () => {
    // Astro's page reuse deletes a withdrawn person's pages from its copy, which is the output: only folders remain.
    const dir = output(['index.html', 'dien-hinh/an/index.html']);
    for (const empty of ['dien-hinh/nguyen-van-da-rut', 'in/dien-hinh/nguyen-van-da-rut', 'phat-thanh/dien-hinh'])
      mkdirSync(path.join(dir, empty), { recursive: true });
    expect(sweepOutput(dir, new Set(['index.html', 'dien-hinh/an/index.html']), ['_astro']).removed).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['dien-hinh', 'index.html']);
    expect(readdirSync(path.join(dir, 'dien-hinh'))).toEqual(['an']);
  });
});

/** The configuration the sweep is given for a project in `root` built into `outDir`, and a build's start. */
const projectConfig = (root: string, outDir = 'dist', incrementalBuild = true) => ({
  cacheDir: pathToFileURL(`${root}/.cache/astro/`),
  outDir: pathToFileURL(`${root}/${outDir}/`),
  publicDir: pathToFileURL(`${root}/public/`),
  build: { assets: '_astro' },
  experimental: { incrementalBuild },
});
async function startBuild(config: ReturnType<typeof projectConfig>, logger = { info(_message: string) {} }) {
  const hooks = outputSweep().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  hooks['astro:config:done']({ config });
  await hooks['astro:build:start']({ logger });
}

describe("Astro's copy of the pages", () => {
  it('is the output folder itself, so a page written into the copy lands on the page just written', () => {
    const dir = output(['dist/index.html', '.cache/astro/dist/index.html', '.cache/astro/dist/cu/index.html']);
    const copy = path.join(dir, '.cache/astro/dist');
    const outDir = path.join(dir, 'dist');
    // A copy left by an older build is replaced by the link.
    expect(linkPageCopy(copy, outDir)).toBe(false);
    expect(lstatSync(copy).isSymbolicLink()).toBe(true);
    writeFileSync(path.join(copy, 'index.html'), 'trang mới');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('trang mới');
    expect(existsSync(path.join(copy, 'cu/index.html'))).toBe(false);
    // Kept as it is by the next build.
    expect(linkPageCopy(copy, outDir)).toBe(true);
    expect(readdirSync(copy)).toEqual(['index.html']);
  });

  it('is made again when it points elsewhere, and makes an output folder that does not exist yet', () => {
    const dir = output(['du-an-cu/dist/index.html']);
    const copy = path.join(dir, '.cache/astro/dist');
    mkdirSync(path.dirname(copy), { recursive: true });
    symlinkSync(path.join(dir, 'du-an-cu/dist'), copy);
    expect(linkPageCopy(copy, path.join(dir, 'dist'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist'))).toBe(true);
    writeFileSync(path.join(copy, 'a.html'), 'a');
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['a.html']);
    expect(readdirSync(path.join(dir, 'du-an-cu/dist'))).toEqual(['index.html']);
    // A link to a folder deleted since is made again too.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(linkPageCopy(copy, path.join(dir, 'dist-moi'))).toBe(false);
    expect(linkPageCopy(copy, path.join(dir, 'dist-moi'))).toBe(true);
  });

  it('makes every page again when the last build went to another folder, and not when it went to this one', async () => {
    const dir = output(['dist/dien-hinh/an/index.html', 'dist/favicon.svg', 'thu/index.html']);
    const messages: string[] = [];
    const build = (outDir: string, incrementalBuild?: boolean) =>
      startBuild(projectConfig(dir, outDir, incrementalBuild), { info: (message) => messages.push(message) });
    // No copy yet: what thu/ holds was made under no record this build knows.
    await build('thu');
    expect(readdirSync(path.join(dir, 'thu'))).toEqual([]);
    // The kept pages of dist/ were written before the record the build to thu/ left: none of them may be reused.
    await build('dist');
    expect(readdirSync(path.join(dir, 'dist'))).toEqual([]);
    expect(messages).toEqual(Array(2).fill('Dựng lại toàn bộ trang: thư mục xuất bản không phải nơi lần dựng trước ghi ra.'));
    writeFileSync(path.join(dir, 'dist/index.html'), 'trang');
    await build('dist');
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['index.html']);
    // A build without page reuse leaves no copy, so the next one with it starts afresh too.
    await build('dist', false);
    expect(existsSync(path.join(dir, '.cache/astro/dist'))).toBe(false);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['index.html']);
    await build('dist');
    expect(readdirSync(path.join(dir, 'dist'))).toEqual([]);
  });
});
