/**
 * The content check: reads every file under content/, independently of the page code, and reports every problem
 * in one run. The build runs it first and stops on any problem; `npm run check` runs it alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { ExemplarData } from '../../schemas/exemplar.ts';
import type { CampaignData } from '../../schemas/campaign.ts';
import type { ContentModel, Loaded } from './model.ts';
import { localPlaceSchema, type PlaceData } from '../../schemas/place.ts';
import { identifyItems, mergePlaces } from '../places/merge.ts';
import { registerPlaces } from '../places/register.ts';
import { awardSchema } from '../../schemas/award.ts';
import { settingsSchema, type SettingsData } from '../../schemas/settings.ts';
import { CheckCache, codeVersion, contentHash } from './cache.ts';
import { DATA_FILES, STORY_COLLECTIONS, STORY_FILE, YAML_FILE } from './collections.ts';
import { issuesToProblems } from './issues.ts';
import { idFromFile, listFiles, parseEntry, readYamlList, parseYaml, type Problem, type YamlSource } from './source.ts';
import { checkReferences } from './references.ts';
import { checkDecisionSpellings } from './decisions.ts';
import { checkUnpublishedMentions } from './namesakes.ts';
import { photoProblem } from './photos.ts';
import { publicContactsOf } from './personal-data.ts';
import { rememberCheckedStory } from '../stories/store.ts';
import {
  checkStoriesInThreads,
  checkStory,
  personalDataInFields,
  storyCheckContext,
  type StoryCheckSetup,
  type StoryCollection,
  type StoryTarget,
} from './story-check.ts';

/** Two files whose names fold to the same id would publish at the same address: both are named. */
function findIdCollisions<T extends { id: string; file: string }>(items: T[], what: string, lineOf?: (item: T) => number | undefined): Problem[] {
  const byId = new Map<string, T[]>();
  for (const item of items) byId.set(item.id, [...(byId.get(item.id) ?? []), item]);
  const problems: Problem[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const where = group.map((item) => `${item.file}${lineOf?.(item) ? `:${lineOf(item)}` : ''}`).join(' và ');
    for (const item of group) {
      problems.push({
        file: item.file,
        line: lineOf?.(item),
        field: lineOf ? 'id' : undefined,
        message: `Trùng mã "${id}" (${what}) giữa ${where}: đổi tên một tệp hoặc một mã cho khác nhau.`,
      });
    }
  }
  return problems;
}

/** What a run of the check shares between collections: cache of earlier runs, photos decoded, stories compiled. */
interface CheckRun {
  root: string;
  problems: Problem[];
  publicContacts: readonly string[];
  cache?: CheckCache;
  /** Where compiled stories are saved for the story loader. */
  stories?: StoryTarget;
  /** Entry file → story file, for each story compiled and saved in this run. */
  saved: Map<string, string>;
  threads: number;
  /** A photo used by several entries is decoded once. */
  photoChecks: Map<string, Promise<string | undefined>>;
  /** Where photo decoding waits for its turn (see PHOTOS_AT_ONCE). */
  decode: ReturnType<typeof limited>;
}

/** Line numbers of an entry taken from the cache are found only if a problem needs one. */
function lazySource(root: string, file: string, data: unknown): YamlSource {
  let entry: YamlSource | undefined;
  return {
    data,
    lineOf: (at) => {
      entry ??= parseEntry(readFileSync(path.join(root, file), 'utf8'), file).entry;
      return entry?.lineOf(at);
    },
  };
}

/** Photos decoded at once: enough for every core, few enough for the limit on open files. */
const PHOTOS_AT_ONCE = 8;

/** Runs the tasks given to it, at most `max` at a time, in the order given. */
function limited(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its place straight to the next one waiting.
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * Starts checking a photo of the entry `file`, unless this very file decoded cleanly last time; a photo used by
 * several entries is decoded once. Undefined when there is nothing to wait for.
 */
const photoFileOf = (run: CheckRun, file: string, src: string) => path.resolve(run.root, path.dirname(file), src);

function photoCheck(run: CheckRun, file: string, src: string): Promise<string | undefined> | undefined {
  const photoFile = photoFileOf(run, file, src);
  if (run.cache?.photoUnchanged(photoFile)) return undefined;
  const key = `${photoFile}\0${src}`;
  let check = run.photoChecks.get(key);
  if (!check) run.photoChecks.set(key, (check = run.decode(() => photoProblem(photoFile, src))));
  return check;
}

const photosOf = (data: unknown) => (data as { photos?: { src: string }[] } | undefined)?.photos ?? [];

async function checkPhotos(run: CheckRun, file: string, photos: { src: string }[], source: YamlSource) {
  let clean = true;
  for (const [i, photo] of photos.entries()) {
    const check = photoCheck(run, file, photo.src);
    if (!check) continue;
    const message = await check;
    if (message) {
      run.problems.push({ file, line: source.lineOf(['photos', i, 'src']), field: `photos[${i}].src`, message });
      clean = false;
    } else run.cache?.setPhoto(photoFileOf(run, file, photo.src));
  }
  return clean;
}

/** Below this many stories to check, starting threads costs more than it saves. */
const THREADED_FROM = 256;

async function readStories<T>(run: CheckRun, collection: StoryCollection) {
  const { root } = run;
  const dir = STORY_COLLECTIONS[collection];
  const loaded: Loaded<T>[] = [];
  const named: { id: string; file: string }[] = [];
  const toCheck: string[] = [];
  const fromCache = new Map<string, unknown>();
  for (const file of await listFiles(root, dir, STORY_FILE)) {
    named.push({ id: idFromFile(file), file });
    const cached = run.cache?.entry(file, contentHash(readFileSync(path.join(root, file), 'utf8')));
    if (cached) fromCache.set(file, cached.data);
    else toCheck.push(file);
  }
  const setup: StoryCheckSetup = { root, collection, collectionDir: dir, publicContacts: run.publicContacts, target: run.stories };
  const checked =
    run.threads > 0 && toCheck.length >= THREADED_FROM
      ? await checkStoriesInThreads(toCheck, setup, run.threads)
      : toCheck.map(((context) => (file: string) => checkStory(file, context))(storyCheckContext(setup)));
  const results = new Map(toCheck.map((file, i) => [file, checked[i]!]));
  // Every photo is started before the first is awaited: one after another, 10,000 photos would take minutes.
  for (const { file } of named) {
    for (const photo of photosOf(fromCache.get(file) ?? results.get(file)?.data)) photoCheck(run, file, photo.src)?.catch(() => {});
  }
  for (const { id, file } of named) {
    const cachedData = fromCache.get(file);
    if (cachedData !== undefined) {
      const source = lazySource(root, file, cachedData);
      await checkPhotos(run, file, photosOf(cachedData), source);
      loaded.push({ id, file, data: cachedData as T, source });
      continue;
    }
    const result = results.get(file)!;
    run.problems.push(...result.problems);
    if (result.data === undefined) continue;
    // Line numbers are read again only if a problem needs one: the parsed text of 100,000 entries is too much to
    // hold for the rest of the build.
    const source = lazySource(root, file, result.data);
    const photosClean = await checkPhotos(run, file, photosOf(result.data), source);
    run.problems.push(...result.laterProblems);
    if (result.laterProblems.length === 0 && photosClean) run.cache?.setEntry(file, result.hash, result.data);
    if (result.saved) {
      run.saved.set(file, result.saved.metadata.story);
      rememberCheckedStory(dir, result.saved);
    }
    loaded.push({ id: result.id!, file, data: result.data as T, source });
  }
  run.problems.push(...findIdCollisions(named, 'hai bài'));
  return loaded;
}

/**
 * Reads a list of places or awards. Their names and notes are published like the stories, so they are searched for
 * personal data as the stories are: the build's output check would refuse what the content check let through.
 */
async function readList<T extends { id: string }>(
  root: string,
  files: string[],
  schema: z.ZodType<T>,
  what: string,
  problems: Problem[],
  publicContacts: readonly string[],
  register?: readonly PlaceData[],
) {
  const loaded: Loaded<T>[] = [];
  for (const file of files) {
    const read = await readYamlList(root, file);
    // Places may be written by their register code instead of their id (places/merge.ts).
    const { items, problems: identifying } = register ? identifyItems(file, read.items, register) : { items: read.items, problems: [] };
    problems.push(...read.problems, ...identifying);
    for (const item of items) {
      const parsed = schema.safeParse(item.data, { reportInput: true });
      if (!parsed.success) problems.push(...issuesToProblems(parsed.error.issues, file, item));
      else {
        problems.push(...personalDataInFields(parsed.data, file, item, publicContacts));
        loaded.push({ id: parsed.data.id, file, data: parsed.data, source: item });
      }
    }
  }
  problems.push(...findIdCollisions(loaded, what, (item) => item.source.lineOf(['id'])));
  return loaded;
}

export interface CheckOptions {
  /** Folder in which results are kept between runs (the build's cache folder); without it, everything is checked. */
  cacheDir?: string;
  /** Save each story compiled into the story store in `cacheDir`, for the story loader (see stories/store.ts). */
  saveStories?: boolean;
  /** Worker threads that check stories when there are many; 0 checks them all in this thread. One per core by default. */
  threads?: number;
}

/** Checks the whole content folder. `root` is the project root. */
/** A campaign's attachments that are not in public/tai-lieu/: the desk and the check say so alike. */
export function attachmentProblems(root: string, campaign: Pick<Loaded<CampaignData>, 'file' | 'data' | 'source'>): Problem[] {
  return campaign.data.attachments.flatMap((attachment, i) =>
    existsSync(path.join(root, 'public', attachment.file))
      ? []
      : [
          {
            file: campaign.file,
            line: campaign.source.lineOf(['attachments', i, 'file']),
            field: `attachments[${i}].file`,
            message: `Không tìm thấy tệp "public${attachment.file}": chép tệp vào thư mục public/tai-lieu/ hoặc sửa tên tệp (trên bàn biên tập: tải tệp lên ở mục "Tệp đính kèm").`,
          },
        ],
  );
}

export async function checkContent(
  root: string,
  { cacheDir, saveStories = false, threads = Math.min(os.availableParallelism(), 4) }: CheckOptions = {},
): Promise<{ problems: Problem[]; model: ContentModel; saved: ReadonlyMap<string, string> }> {
  const problems: Problem[] = [];

  let settings: SettingsData | undefined;
  const settingsFile = DATA_FILES.settings;
  if (!existsSync(path.join(root, settingsFile))) {
    problems.push({ file: settingsFile, message: 'Thiếu tệp cài đặt trang (settings.yaml).' });
  } else {
    const { source, problems: yamlProblems } = parseYaml(await readFile(path.join(root, settingsFile), 'utf8'), settingsFile);
    problems.push(...yamlProblems);
    if (source) {
      const parsed = settingsSchema().safeParse(source.data, { reportInput: true });
      if (parsed.success) {
        settings = parsed.data;
        // The settings' own texts (the notice, the radio's words) are published on every page.
        problems.push(...personalDataInFields(parsed.data, settingsFile, source, publicContactsOf(settings)));
      } else problems.push(...issuesToProblems(parsed.error.issues, settingsFile, source));
    }
  }

  const publicContacts = publicContactsOf(settings);
  // The register of administrative units, with what content/places/ adds to it or says otherwise (places/merge.ts).
  const register = registerPlaces(root);
  const localPlaces = await readList(root, await listFiles(root, DATA_FILES.places, YAML_FILE), localPlaceSchema(), 'hai địa danh', problems, publicContacts, register);
  const merged = mergePlaces(register, localPlaces);
  problems.push(...merged.problems);
  const places = merged.places;
  const awards = existsSync(path.join(root, DATA_FILES.awards))
    ? await readList(root, [DATA_FILES.awards], awardSchema(), 'hai hình thức khen thưởng', problems, publicContacts)
    : (problems.push({ file: DATA_FILES.awards, message: 'Thiếu danh mục hình thức khen thưởng (awards.yaml).' }), []);
  // Public contacts decide what the personal-data scan accepts, so they are part of the cache key.
  const cache = cacheDir ? new CheckCache(cacheDir, `${codeVersion(root)}:${contentHash(JSON.stringify(publicContacts))}`) : undefined;
  const stories = saveStories && cacheDir ? { cacheDir, version: codeVersion(root) } : undefined;
  const run: CheckRun = { root, problems, publicContacts, cache, stories, saved: new Map(), threads, photoChecks: new Map(), decode: limited(PHOTOS_AT_ONCE) };
  const campaigns = await readStories<CampaignData>(run, 'campaigns');
  const exemplars = await readStories<ExemplarData>(run, 'exemplars');

  for (const campaign of campaigns) problems.push(...attachmentProblems(root, campaign));

  const model: ContentModel = { exemplars, campaigns, places, awards, settings };
  problems.push(...checkReferences(model));
  problems.push(...checkDecisionSpellings(model));
  const dataFiles = [settingsFile, DATA_FILES.awards, ...(await listFiles(root, DATA_FILES.places, YAML_FILE))];
  problems.push(...checkUnpublishedMentions(root, model, dataFiles));
  cache?.save();
  return { problems, model, saved: run.saved };
}
