/** Pagefind is given only the indexed regions of a page (pagefindInput): the index must be what the whole pages give. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pagefindInput } from '../../src/lib/search/indexed-part.ts';

const dist = inject('sampleDist');
const folder = mkdtempSync(path.join(tmpdir(), 'guong-sang-pagefind-input-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(folder, { recursive: true, force: true });
});

const pages = (readdirSync(dist, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  .sort()
  .map((file) => ({ sourcePath: file, content: readFileSync(path.join(dist, file), 'utf8') }))
  .filter(({ content }) => content.includes('data-pagefind-body'));

async function indexInto(name: string, input: (html: string) => string): Promise<Map<string, Buffer>> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (const { sourcePath, content } of pages) {
    const { errors } = await index!.addHTMLFile({ sourcePath, content: input(content) });
    expect(errors).toEqual([]);
  }
  const outputPath = path.join(folder, name);
  await index!.writeFiles({ outputPath });
  const files = (readdirSync(outputPath, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => [path.relative(outputPath, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]),
  );
}

describe('what Pagefind is given of each page', () => {
  it('is much less than the page for every kind of indexed page', () => {
    for (const folderName of ['dien-hinh/', 'phong-trao/', 'dia-phuong/', 'quyet-dinh/']) {
      const page = pages.find(({ sourcePath }) => sourcePath.startsWith(folderName));
      expect(page, folderName).toBeDefined();
      expect(pagefindInput(page!.content).length, page!.sourcePath).toBeLessThan(page!.content.length / 2);
    }
  });

  it('gives the very index the whole pages give, byte for byte', async () => {
    const whole = await indexInto('whole', (html) => html);
    const given = await indexInto('given', pagefindInput);
    expect([...given.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [file, bytes] of whole) expect(given.get(file)?.equals(bytes), file).toBe(true);
  }, 120_000);
});
