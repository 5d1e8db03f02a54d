/**
 * The content check of one story file (exemplar or campaign), apart from its photos: frontmatter, schema, personal
 * data and story body. It depends on nothing but the file, so the check can run it in several threads
 * (story-check-worker.ts) and get what one thread would.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { campaignSchema } from '../../schemas/campaign.ts';
import { exemplarSchema } from '../../schemas/exemplar.ts';
import { compileStory } from '../mdx/compile.ts';
import { contentHash } from './cache.ts';
import { issuesToProblems } from './issues.ts';
import { findPersonalData } from './personal-data.ts';
import { PHOTO_EXTENSIONS } from './collections.ts';
import { formatField, parseEntry, type Problem, type YamlSource } from './source.ts';
import { metadataOf, saveStory, storyFile, type CheckedStory } from '../stories/store.ts';
import { inThreads } from '../threads.ts';

/** Stand-in for Astro's image() outside a build: the file must exist beside the entry and be a photo we can process. */
export function photoPath(entryFile: string, root: string) {
  return () =>
    z.string().superRefine((value, ctx) => {
      const extension = path.extname(value).toLowerCase();
      if (extension === '.heic' || extension === '.heif') {
        ctx.addIssue({ code: 'custom', message: `Ảnh "${value}" là định dạng HEIC của điện thoại: chuyển sang JPEG rồi ghi lại tên tệp.` });
        return;
      }
      if (!(PHOTO_EXTENSIONS as readonly string[]).includes(extension)) {
        ctx.addIssue({ code: 'custom', message: `Ảnh "${value}" phải là tệp ${PHOTO_EXTENSIONS.join(', ')}.` });
        return;
      }
      if (!existsSync(path.resolve(root, path.dirname(entryFile), value))) {
        ctx.addIssue({ code: 'custom', message: `Không tìm thấy tệp ảnh "${value}" cạnh tệp bài viết: kiểm tra tên tệp và thư mục.` });
      }
    });
}

export type StoryCollection = 'exemplars' | 'campaigns';

/** Where the stories compiled by the check are saved for the story loader (see stories/store.ts). */
export interface StoryTarget {
  cacheDir: string;
  /** The content code's version (codeVersion), part of every story file's name. */
  version: string;
}

/** What one story file gave, in a form that can cross between threads. */
export interface StoryChecked {
  /** Hash of the file's text as read for this check, which names its saved story and keys the check's cache. */
  hash: string;
  /** The id folded from the file name, once the frontmatter could be read. */
  id?: string;
  /** The checked data, if the frontmatter passed the schema. */
  data?: unknown;
  /** Problems to report before those of the entry's photos (frontmatter, name, schema), as one thread ordered them. */
  problems: Problem[];
  /** Problems found after the photos were checked (personal data, story body). */
  laterProblems: Problem[];
  /** The compiled story's file and facts with the frontmatter, if there was no problem and a target was given. */
  saved?: CheckedStory;
}

/**
 * The schemas of one collection, one per folder (photo paths are relative to it): building a zod schema costs far
 * more than using it.
 */
export function storySchemas(collection: StoryCollection, root: string): (file: string) => z.ZodType {
  const schemas = new Map<string, z.ZodType>();
  return (file) => {
    const folder = path.posix.dirname(file);
    let schema = schemas.get(folder);
    if (!schema) schemas.set(folder, (schema = collection === 'campaigns' ? campaignSchema() : exemplarSchema({ image: photoPath(file, root) })));
    return schema;
  };
}

/** Every string in a parsed entry, with its field path, for the personal-data scan. */
function strings(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((inner, i) => strings(inner, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, [...at, key]));
  return [];
}

/** Personal data in any text field of parsed data (an entry, a place, an award, the settings), with its line. */
export function personalDataInFields(data: unknown, file: string, source: Pick<YamlSource, 'lineOf'>, publicContacts: readonly string[]): Problem[] {
  return strings(data).flatMap(({ at, text }) =>
    findPersonalData(text, publicContacts).map((hit) => ({ file, line: source.lineOf(at), field: formatField(at), message: hit.message })),
  );
}

export interface StoryCheckContext {
  root: string;
  schemaFor: (file: string) => z.ZodType;
  publicContacts: readonly string[];
  collectionDir: string;
  target?: StoryTarget;
}

/**
 * Checks one story file (`file` relative to the root). It is read here, by whichever thread checks it, so that the
 * text of 100,000 stories is never held at once.
 */
export function checkStory(file: string, context: StoryCheckContext): StoryChecked {
  return checkStoryText(file, readFileSync(path.join(context.root, file), 'utf8'), context);
}

/** Checks the text `raw` of a story file as if it were at `file`: what `npm run new` checks before it writes. */
export function checkStoryText(file: string, raw: string, { schemaFor, publicContacts, collectionDir, target }: StoryCheckContext): StoryChecked {
  const hash = contentHash(raw);
  const { entry, problems } = parseEntry(raw, file);
  const checked: StoryChecked = { hash, problems, laterProblems: [] };
  if (!entry) return checked;
  if (!/[a-z]/.test(entry.id)) {
    // An id of digits only would take the address of a list page ("/dien-hinh/2/").
    problems.push({ file, message: 'Tên tệp phải có chữ cái, ví dụ "nguyen-van-an.mdx".' });
    return checked;
  }
  checked.id = entry.id;
  const parsed = schemaFor(file).safeParse(entry.data, { reportInput: true });
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, file, entry));
    return checked;
  }
  checked.data = parsed.data;
  const later = checked.laterProblems;
  later.push(...personalDataInFields(parsed.data, file, entry, publicContacts));
  // The story is read whole, as a reader sees its paragraphs: a number or an address may be wrapped onto the next line.
  for (const hit of findPersonalData(entry.body, publicContacts)) later.push({ file, line: entry.bodyLine + hit.line, field: 'nội dung bài', message: hit.message });
  const photos = (parsed.data as { photos?: unknown[] }).photos?.length ?? 0;
  const { story, problems: bodyProblems } = compileStory(entry.body, photos);
  later.push(...bodyProblems.map((p) => ({ file, line: p.line ? p.line + entry.bodyLine - 1 : undefined, field: 'nội dung bài', message: p.message })));
  // Saved even if a photo turns out broken: the build stops then, and a story file no entry names is pruned later.
  if (story && later.length === 0 && target) {
    const saved = storyFile(target.cacheDir, collectionDir, target.version, hash);
    checked.saved = { frontmatter: entry.data, metadata: metadataOf(saved, saveStory(saved, story)) };
  }
  return checked;
}

/** What a thread needs to check the stories of one collection, as plain data. */
export interface StoryCheckSetup {
  root: string;
  collection: StoryCollection;
  collectionDir: string;
  publicContacts: readonly string[];
  target?: StoryTarget;
}

export function storyCheckContext({ root, collection, collectionDir, publicContacts, target }: StoryCheckSetup): StoryCheckContext {
  return { root, schemaFor: storySchemas(collection, root), publicContacts, collectionDir, target };
}

/**
 * Checks stories in `threads` worker threads (story-check-worker.ts) and gives the results in the order of `files`,
 * as checking them one after another here would (see inThreads).
 */
export function checkStoriesInThreads(files: readonly string[], setup: StoryCheckSetup, threads: number): Promise<StoryChecked[]> {
  return inThreads(files, {
    worker: new URL('./story-check-worker.ts', import.meta.url),
    workerData: setup,
    threads,
    chunk: 32,
    here: () => {
      const context = storyCheckContext(setup);
      return (file: string) => checkStory(file, context);
    },
  });
}
