/** The output folder kept between builds: what a build did not make is deleted, nothing else. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepOutput } from '../../src/integrations/output-sweep.ts';
import { outputFiles } from '../../src/lib/output/files.ts';

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
    const dir = output(['index.html', 'dien-hinh/an/index.html', 'dien-hinh/da-rut/index.html', 'phat-thanh/dien-hinh/da-rut.txt', 'phat-thanh/dien-hinh/an.txt', '_astro/site.css', 'favicon.svg']);
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
});
