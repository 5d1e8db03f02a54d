/** The content check in several threads finds what it finds in one, in the same order, and saves the same stories. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { checkStoriesInThreads, type StoryCheckSetup } from '../../src/lib/content/story-check.ts';
import { parseEntry } from '../../src/lib/content/source.ts';
import { takeCheckedStories } from '../../src/lib/stories/store.ts';
import { exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Enough stories for the check to use threads, with a problem of every kind among them. */
function manyStories() {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++)
    files[`content/exemplars/nguoi-${String(i).padStart(3, '0')}.mdx`] = exemplar({
      name: `Người Thứ ${i}`,
      body: `Câu chuyện số ${i}.\n\n## Việc làm\n\nGiúp đỡ bà con.\n`,
    });
  files['content/exemplars/nguoi-010.mdx'] = exemplar({ body: 'Gọi 0912 345 678 để hỏi.\n' });
  files['content/exemplars/nguoi-020.mdx'] = exemplar({ extra: 'photos:\n  - { src: ./anh/khong-co.jpg, alt: Ảnh, credit: Trung tâm }\n' });
  files['content/exemplars/nguoi-030.mdx'] = exemplar({}).replace('kind: ca-nhan', 'kind: ca-nhan-xuat-sac');
  files['content/exemplars/nguoi-040.mdx'] = exemplar({}).replace('name: Nguyễn Văn An', 'name: [Nguyễn Văn An');
  files['content/exemplars/nguoi-050.mdx'] = exemplar({ body: 'Câu chuyện.\n\n<KhongCo />\n' });
  files['content/exemplars/123.mdx'] = exemplar({});
  files['content/exemplars/nguoi-299.mdx'] = exemplar({ body: 'Liên hệ an.nguyen@example.com.\n' });
  const made = makeContentRoot(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('content check in threads', { timeout: 30_000 }, () => {
  it('gives the same problems, entries and saved stories as one thread', async () => {
    const root = manyStories();
    const one = await checkContent(root, { threads: 0, cacheDir: path.join(root, '.cache-one'), saveStories: true });
    const two = await checkContent(root, { threads: 2, cacheDir: path.join(root, '.cache-two'), saveStories: true });
    expect(one.problems.length).toBeGreaterThanOrEqual(7);
    expect(new Set(one.problems.map((p) => p.file)).size).toBe(7);
    expect(two.problems).toEqual(one.problems);
    expect(two.model.exemplars.map(({ id, file, data }) => ({ id, file, data }))).toEqual(
      one.model.exemplars.map(({ id, file, data }) => ({ id, file, data })),
    );
    expect(two.model.exemplars.length).toBe(one.model.exemplars.length);
    // 302 exemplars and a campaign; entries with a problem have no saved story, the others the same in both.
    expect(one.saved.size).toBe(302 + 1 - 7);
    expect([...two.saved.keys()].sort()).toEqual([...one.saved.keys()].sort());
    for (const [file, story] of one.saved) expect(readFileSync(two.saved.get(file)!, 'utf8')).toBe(readFileSync(story, 'utf8'));
  });

  it('leaves the story loader the frontmatter and story facts of every entry it saved, once', async () => {
    const root = manyStories();
    takeCheckedStories('content/exemplars');
    const { saved } = await checkContent(root, { threads: 2, cacheDir: path.join(root, '.cache'), saveStories: true });
    const checked = takeCheckedStories('content/exemplars');
    const exemplars = [...saved].filter(([file]) => file.startsWith('content/exemplars/'));
    expect(checked.size).toBe(exemplars.length);
    for (const [file, story] of exemplars) {
      const { frontmatter, metadata } = checked.get(story)!;
      expect(frontmatter).toEqual(parseEntry(readFileSync(path.join(root, file), 'utf8'), file).entry!.data);
      const stored = JSON.parse(readFileSync(story, 'utf8'));
      expect(metadata).toEqual({ story, headings: stored.headings, photoRefs: stored.photoRefs, spokenSyllables: stored.spoken.syllables });
    }
    expect(checked.get(saved.get('content/exemplars/nguoi-001.mdx')!)!.metadata.headings).toEqual([expect.objectContaining({ text: 'Việc làm' })]);
    expect(takeCheckedStories('content/exemplars').size).toBe(0);
  });

  it('checks the stories itself when no thread can start', async () => {
    const root = manyStories();
    const files = ['content/exemplars/nguoi-001.mdx', 'content/exemplars/nguoi-010.mdx'];
    // A function cannot be handed to a thread.
    const setup = { root, collection: 'exemplars', collectionDir: 'content/exemplars', publicContacts: [], cannotCross: () => {} } as StoryCheckSetup;
    const results = await checkStoriesInThreads(files, setup, 2);
    expect(results.map((result) => result.id)).toEqual(['nguoi-001', 'nguoi-010']);
    expect(results[0]!.laterProblems).toEqual([]);
    expect(results[1]!.laterProblems).toEqual([
      expect.objectContaining({ file: 'content/exemplars/nguoi-010.mdx', message: expect.stringContaining('số điện thoại') }),
    ]);
  });
});
