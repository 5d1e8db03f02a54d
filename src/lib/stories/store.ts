/**
 * Rendered stories are kept in files in the build's cache folder, not in Astro's content store. Astro bundles the
 * whole store into the site's code as one module, and every render worker loads its own copy: with the HTML and
 * spoken text of every story in it, 100,000 exemplars made that module larger than a JavaScript string may be, and
 * the build stopped. The store now holds each entry's data and the name of its story file; a page reads the one
 * story it shows when it renders.
 *
 * A story file is named by the hash of its source text and of the code that renders it, so the content check
 * (which compiles every changed story anyway) writes it once and the story loader finds it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { contentHash } from '../content/cache.ts';
import type { CompiledStory } from '../mdx/compile.ts';
import { spokenStory, type SpokenStory } from '../radio/script.ts';
import { CACHE_FILES, cachePath } from '../names.ts';
import { keptUpTo } from '../recent.ts';

/** One folder per collection (content/exemplars, content/campaigns), each pruned by its own loader. */
function storyFolder(cacheDir: string, collectionDir: string): string {
  return path.join(cachePath(cacheDir, CACHE_FILES.stories), path.basename(collectionDir));
}

/** The file of a story, from the hash of its source file's text and the version of the rendering code. */
export function storyFile(cacheDir: string, collectionDir: string, version: string, textHash: string): string {
  return path.join(storyFolder(cacheDir, collectionDir), `${contentHash(`${version}:${textHash}`)}.json`);
}

/** What pages read of a story: its HTML, and its text in spoken form for radio, converted once here. */
export interface StoredStory extends Omit<CompiledStory, 'blocks'> {
  spoken: SpokenStory;
}

/**
 * Saves a compiled story with its spoken form. Written under another name and then renamed, so that a build stopped
 * halfway never leaves half a story. Returns what was saved.
 */
export function saveStory(file: string, compiled: CompiledStory): StoredStory {
  const { blocks, ...rest } = compiled;
  const story: StoredStory = { ...rest, spoken: spokenStory(blocks) };
  mkdirSync(path.dirname(file), { recursive: true });
  // Named by process and thread: two threads of the content check may save the same story (two files, one text).
  const partial = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, JSON.stringify(story));
  renameSync(partial, file);
  return story;
}

/** A saved story, with the length of its text, by which the stories kept in memory are counted. */
function readStory(file: string): { value: StoredStory; size: number } {
  const text = readFileSync(file, 'utf8');
  return { value: JSON.parse(text) as StoredStory, size: text.length };
}

export function loadStory(file: string): StoredStory {
  return readStory(file).value;
}

/**
 * Stories pages have read, up to a total length of their text (enough for every story of a site of some ten thousand
 * exemplars), then the last ones read. A story file never changes (its name is the hash of its text), and a build
 * reads each story four times, a whole route apart: its page, its poster, its radio page and its radio text; feeds
 * read the same twenty in each format, a commune's newest stories again in its district's and province's feeds.
 */
const STORIES_KEPT = 64 * 1024 * 1024;
const keptStory = keptUpTo(STORIES_KEPT, 128, readStory);

/** The saved story, or nothing if there is none or it cannot be read (then it is compiled again). */
export function savedStory(file: string): StoredStory | undefined {
  try {
    return loadStory(file);
  } catch {
    return undefined;
  }
}

/** Removes the story files no entry of the store refers to any more (edited, withdrawn or deleted stories). */
export function pruneStories(cacheDir: string, collectionDir: string, kept: ReadonlySet<string>): void {
  const folder = storyFolder(cacheDir, collectionDir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    if (!kept.has(file)) rmSync(file, { force: true });
  }
}

/** What the content store keeps of a story: where it is, and the small facts pages need without reading it. */
export interface StoryMetadata {
  story: string;
  headings: CompiledStory['headings'];
  photoRefs: number[];
  /** Syllables of the spoken story, for reading times and bulletins. */
  spokenSyllables: number;
}

/** What the content store keeps of the story saved in `file`. */
export function metadataOf(file: string, saved: StoredStory): StoryMetadata {
  return { story: file, headings: saved.headings, photoRefs: saved.photoRefs, spokenSyllables: saved.spoken.syllables };
}

/** The content store's facts of a story (exemplar or campaign); an entry without a story has none. */
export function storyMetadata(entry: { rendered?: { metadata?: Record<string, unknown> } }): Partial<StoryMetadata> {
  return (entry.rendered?.metadata as Partial<StoryMetadata> | undefined) ?? {};
}

/** The story of a stored entry (exemplar or campaign), read from its file; callers only read it. */
export function storyOf(entry: { rendered?: { metadata?: Record<string, unknown> } }): StoredStory {
  const file = storyMetadata(entry).story;
  if (!file) return { html: '', headings: [], photoRefs: [], spoken: { paragraphs: [], syllables: 0 } };
  return keptStory(file);
}

/** A story the content check of this build has just compiled and saved, with the frontmatter it read. */
export interface CheckedStory {
  /** The frontmatter as written (before any schema), which the story loader hands to Astro. */
  frontmatter: unknown;
  metadata: StoryMetadata;
}

/**
 * Stories the content check has just read, by story file, for the story loader of the same build: it then neither
 * parses the frontmatter again nor reads back the story it would find (a third of the loading time at 10,000
 * exemplars). The story file's name is the hash of the file's text, so an entry edited in between is not found and
 * is read as usual. The check's integration and the loader are loaded apart (Astro's configuration and its content
 * layer each have their own copy of this module), so they meet on a global.
 */
const CHECKED = Symbol.for('guong-sang.checked-stories');
const checkedStories = () => ((globalThis as { [CHECKED]?: Map<string, Map<string, CheckedStory>> })[CHECKED] ??= new Map());

/** Keeps what the check read of a story of the collection in `collectionDir`, until its loader takes it. */
export function rememberCheckedStory(collectionDir: string, story: CheckedStory): void {
  const stories = checkedStories();
  if (!stories.has(collectionDir)) stories.set(collectionDir, new Map());
  stories.get(collectionDir)!.set(story.metadata.story, story);
}

/** Takes (and forgets) what the check read of the stories of a collection, by story file. */
export function takeCheckedStories(collectionDir: string): Map<string, CheckedStory> {
  const stories = checkedStories();
  const taken = stories.get(collectionDir) ?? new Map<string, CheckedStory>();
  stories.delete(collectionDir);
  return taken;
}
