/** What the content check keeps between builds: only results of unchanged files without problems. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { loadStory } from '../../src/lib/stories/store.ts';
import { exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const FILE = 'content/exemplars/nguyen-van-an.mdx';

function fixture(changes: Parameters<typeof makeContentRoot>[0] = {}) {
  const made = makeContentRoot(changes);
  cleanups.push(made.cleanup);
  const cacheDir = path.join(made.root, '.cache');
  const run = async () => {
    const result = await checkContent(made.root, { cacheDir, saveStories: true });
    return { ...result, stories: new Map([...result.saved].map(([file, story]) => [file, loadStory(story)])) };
  };
  const write = (file: string, content: string | Buffer) => writeFileSync(path.join(made.root, file), content);
  return { root: made.root, run, write };
}

describe('content check cache', () => {
  it('reuses an unchanged entry and checks a changed one again', async () => {
    const { run, write } = fixture();
    const first = await run();
    expect(first.problems).toEqual([]);
    expect([...first.stories.keys()]).toContain(FILE);

    const second = await run();
    expect(second.problems).toEqual([]);
    // Not parsed again: nothing compiled, same data.
    expect(second.stories.has(FILE)).toBe(false);
    expect(second.model.exemplars.find((e) => e.file === FILE)?.data).toEqual(first.model.exemplars.find((e) => e.file === FILE)?.data);

    write(FILE, exemplar({ body: 'Câu chuyện đã sửa.\n' }));
    const third = await run();
    expect(third.stories.get(FILE)?.html).toContain('Câu chuyện đã sửa.');
  });

  it('reports a problem on every run and never keeps it', async () => {
    const { run } = fixture({ [FILE]: exemplar({ body: 'Gọi 0912 345 678 để hỏi.\n' }) });
    for (let i = 0; i < 2; i++) {
      const { problems } = await run();
      expect(problems).toEqual([expect.objectContaining({ file: FILE, line: 17, message: expect.stringContaining('số điện thoại') })]);
    }
  });

  it('still finds the line of a reference problem in an entry taken from the cache', async () => {
    const { run, write } = fixture();
    await run();
    // The campaign the unchanged entry refers to disappears: the entry is not parsed again, the line is still found.
    write('content/campaigns/phong-trao-a.mdx', '');
    const { problems } = await run();
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, field: 'campaigns[0]', line: 5 }));
  });

  it('decodes a photo again when the file changed after it was checked', async () => {
    const jpeg = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#888', noise: { type: 'gaussian' as const, mean: 128, sigma: 40 } },
    })
      .jpeg()
      .toBuffer();
    const { run, write } = fixture({
      [FILE]: exemplar({ extra: 'photos:\n  - { src: ./anh/a.jpg, alt: Ảnh, credit: Trung tâm }\n' }),
      'content/exemplars/anh/a.jpg': jpeg,
    });
    expect((await run()).problems).toEqual([]);
    write('content/exemplars/anh/a.jpg', jpeg.subarray(0, jpeg.length / 2));
    expect((await run()).problems).toEqual([expect.objectContaining({ field: 'photos[0].src', line: 16, message: expect.stringContaining('bị hỏng') })]);
  });

  it('checks everything again when the code that reads content changes', async () => {
    const { root, run } = fixture();
    await run();
    mkdirSync(path.join(root, 'src/lib'), { recursive: true });
    writeFileSync(path.join(root, 'src/lib/changed.ts'), 'export const changed = true;\n');
    expect((await run()).stories!.has(FILE)).toBe(true);
  });
});
