/** Rendered stories kept as files beside the build's cache, out of Astro's content store. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStories, savedStory, saveStory, storyFile, storyOf } from '../../src/lib/stories/store.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const cacheDir = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'guong-sang-stories-'));
  folders.push(folder);
  return folder;
};
const story = (text: string) => ({ html: `<p>${text}</p>`, headings: [], photoRefs: [], blocks: [{ kind: 'paragraph' as const, text }] });

describe('story files', () => {
  it('are named by the text and the code that renders it', () => {
    const dir = cacheDir();
    expect(storyFile(dir, 'content/exemplars', 'v1', 'a')).toBe(storyFile(dir, 'content/exemplars', 'v1', 'a'));
    expect(storyFile(dir, 'content/exemplars', 'v1', 'a')).not.toBe(storyFile(dir, 'content/exemplars', 'v2', 'a'));
    expect(storyFile(dir, 'content/exemplars', 'v1', 'a')).not.toBe(storyFile(dir, 'content/exemplars', 'v1', 'b'));
  });

  it('give a page the story of its entry', () => {
    const file = storyFile(cacheDir(), 'content/exemplars', 'v1', 'a');
    saveStory(file, story('Câu chuyện của bà Hoà.'));
    expect(storyOf({ rendered: { metadata: { story: file } } }).html).toBe('<p>Câu chuyện của bà Hoà.</p>');
    expect(storyOf({}).html).toBe('');
  });

  it('keep the story in spoken form for radio, converted once when saved', () => {
    const file = storyFile(cacheDir(), 'content/exemplars', 'v1', 'a');
    const saved = saveStory(file, story('Ngày 2/9/2024, UBND xã khen 12 hộ.'));
    const spoken = {
      paragraphs: [{ kind: 'text', text: 'Ngày mùng hai tháng chín năm hai nghìn không trăm hai mươi tư, Ủy ban nhân dân xã khen mười hai hộ.' }],
      syllables: 22,
    };
    expect(saved.spoken).toEqual(spoken);
    expect(storyOf({ rendered: { metadata: { story: file } } }).spoken).toEqual(spoken);
    expect(saved).not.toHaveProperty('blocks');
  });

  it('are written whole, and one cut short or missing counts as not saved, so it is compiled again', () => {
    const file = storyFile(cacheDir(), 'content/exemplars', 'v1', 'a');
    expect(savedStory(file)).toBeUndefined();
    saveStory(file, story('Đặng Thị Hoà'));
    expect(savedStory(file)?.html).toBe('<p>Đặng Thị Hoà</p>');
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    writeFileSync(file, '{"html": "<p>Đặng');
    expect(savedStory(file)).toBeUndefined();
  });

  it('are pruned per collection, keeping those still in the store', () => {
    const dir = cacheDir();
    const kept = storyFile(dir, 'content/exemplars', 'v1', 'kept');
    const edited = storyFile(dir, 'content/exemplars', 'v1', 'old text');
    const campaign = storyFile(dir, 'content/campaigns', 'v1', 'campaign');
    for (const file of [kept, edited, campaign]) saveStory(file, story('x'));
    pruneStories(dir, 'content/exemplars', new Set([kept]));
    expect([kept, edited, campaign].map((file) => existsSync(file))).toEqual([true, false, true]);
  });
});
