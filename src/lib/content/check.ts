/**
 * The content check: reads every file under content/, independently of the page code, and reports every problem
 * in one run. The build runs it first and stops on any problem; `npm run check` runs it alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { exemplarSchema, type ExemplarData } from '../../schemas/exemplar.ts';
import { campaignSchema, type CampaignData } from '../../schemas/campaign.ts';
import { placeSchema, type PlaceData } from '../../schemas/place.ts';
import { awardSchema, type AwardData } from '../../schemas/award.ts';
import { settingsSchema, type SettingsData } from '../../schemas/settings.ts';
import { compileStory, type CompiledStory } from '../mdx/compile.ts';
import { CheckCache, codeVersion, contentHash } from './cache.ts';
import { DATA_FILES, PHOTO_EXTENSIONS, STORY_COLLECTIONS, STORY_FILE, YAML_FILE } from './collections.ts';
import { issuesToProblems } from './issues.ts';
import { idFromFile, listFiles, parseEntry, readYamlList, parseYaml, type Problem, type YamlSource } from './source.ts';
import { checkReferences } from './references.ts';
import { photoProblem } from './photos.ts';
import { findPersonalData, publicContactsOf } from './personal-data.ts';
import { formatField } from './source.ts';

export interface Loaded<T> {
  id: string;
  file: string;
  data: T;
  source: YamlSource;
}

export interface ContentModel {
  exemplars: Loaded<ExemplarData>[];
  campaigns: Loaded<CampaignData>[];
  places: Loaded<PlaceData>[];
  awards: Loaded<AwardData>[];
  settings?: SettingsData;
}

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

/** Every string in a parsed entry, with its field path, for the personal-data scan. */
function strings(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((inner, i) => strings(inner, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, [...at, key]));
  return [];
}

/** What a run of the check shares between collections: cache of earlier runs, photos decoded, stories compiled. */
interface CheckRun {
  root: string;
  problems: Problem[];
  publicContacts: readonly string[];
  cache?: CheckCache;
  /** Receives each story compiled in this run, for the story loader. */
  onStory?: (file: string, collectionDir: string, textHash: string, story: CompiledStory) => void;
  /** A photo used by several entries is decoded once. */
  photoChecks: Map<string, Promise<string | undefined>>;
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

async function checkPhotos(run: CheckRun, file: string, photos: { src: string }[], source: YamlSource) {
  let clean = true;
  for (const [i, photo] of photos.entries()) {
    const photoFile = path.resolve(run.root, path.dirname(file), photo.src);
    if (run.cache?.photoUnchanged(photoFile)) continue;
    const key = `${photoFile}\0${photo.src}`;
    if (!run.photoChecks.has(key)) run.photoChecks.set(key, photoProblem(photoFile, photo.src));
    const message = await run.photoChecks.get(key);
    if (message) {
      run.problems.push({ file, line: source.lineOf(['photos', i, 'src']), field: `photos[${i}].src`, message });
      clean = false;
    } else run.cache?.setPhoto(photoFile);
  }
  return clean;
}

async function readStories<T>(run: CheckRun, dir: string, schema: (file: string) => z.ZodType<T>) {
  const { root, publicContacts } = run;
  const loaded: Loaded<T>[] = [];
  // Building a zod schema costs far more than using it: one per folder, since photo paths are relative to it.
  const schemas = new Map<string, z.ZodType<T>>();
  const schemaFor = (file: string) => {
    const folder = path.posix.dirname(file);
    if (!schemas.has(folder)) schemas.set(folder, schema(file));
    return schemas.get(folder)!;
  };
  const named: { id: string; file: string }[] = [];
  for (const file of await listFiles(root, dir, STORY_FILE)) {
    const id = idFromFile(file);
    named.push({ id, file });
    const raw = readFileSync(path.join(root, file), 'utf8');
    const hash = contentHash(raw);
    const cached = run.cache?.entry(file, hash);
    if (cached) {
      const source = lazySource(root, file, cached.data);
      await checkPhotos(run, file, (cached.data as { photos?: { src: string }[] }).photos ?? [], source);
      loaded.push({ id, file, data: cached.data as T, source });
      continue;
    }
    const problems: Problem[] = [];
    const { entry, problems: fileProblems } = parseEntry(raw, file);
    run.problems.push(...fileProblems);
    if (!entry) continue;
    if (!/[a-z]/.test(entry.id)) {
      // An id of digits only would take the address of a list page ("/dien-hinh/2/").
      run.problems.push({ file, message: 'Tên tệp phải có chữ cái, ví dụ "nguyen-van-an.mdx".' });
      continue;
    }
    const parsed = schemaFor(file).safeParse(entry.data, { reportInput: true });
    if (!parsed.success) {
      run.problems.push(...issuesToProblems(parsed.error.issues, file, entry));
      continue;
    }
    const photos = (parsed.data as { photos?: { src: string }[] }).photos ?? [];
    const photosClean = await checkPhotos(run, file, photos, entry);
    for (const { at, text } of strings(parsed.data)) {
      for (const hit of findPersonalData(text, publicContacts)) problems.push({ file, line: entry.lineOf(at), field: formatField(at), message: hit.message });
    }
    // Line by line only when the whole story has something to report, which is rare.
    if (findPersonalData(entry.body, publicContacts).length > 0) {
      entry.body.split('\n').forEach((lineText, i) => {
        for (const hit of findPersonalData(lineText, publicContacts)) problems.push({ file, line: entry.bodyLine + i, field: 'nội dung bài', message: hit.message });
      });
    }
    const { story, problems: bodyProblems } = compileStory(entry.body, photos.length);
    problems.push(...bodyProblems.map((p) => ({ file, line: p.line ? p.line + entry.bodyLine - 1 : undefined, field: 'nội dung bài', message: p.message })));
    run.problems.push(...problems);
    if (problems.length === 0 && photosClean) {
      run.cache?.setEntry(file, hash, parsed.data);
      if (story) run.onStory?.(file, dir, hash, story);
    }
    // Line numbers are read again only if a later check needs one: the parsed text of 100,000 entries is too much
    // to hold for the rest of the build.
    loaded.push({ id: entry.id, file, data: parsed.data, source: lazySource(root, file, parsed.data) });
  }
  run.problems.push(...findIdCollisions(named, 'hai bài'));
  return loaded;
}

async function readList<T extends { id: string }>(root: string, files: string[], schema: z.ZodType<T>, what: string, problems: Problem[]) {
  const loaded: Loaded<T>[] = [];
  for (const file of files) {
    const { items, problems: fileProblems } = await readYamlList(root, file);
    problems.push(...fileProblems);
    for (const item of items) {
      const parsed = schema.safeParse(item.data, { reportInput: true });
      if (!parsed.success) problems.push(...issuesToProblems(parsed.error.issues, file, item));
      else loaded.push({ id: parsed.data.id, file, data: parsed.data, source: item });
    }
  }
  problems.push(...findIdCollisions(loaded, what, (item) => item.source.lineOf(['id'])));
  return loaded;
}

export interface CheckOptions {
  /** Folder in which results are kept between runs (the build's cache folder); without it, everything is checked. */
  cacheDir?: string;
  /** Receives each story compiled, for the story loader (see story-store.ts). */
  onStory?: CheckRun['onStory'];
}

/** Checks the whole content folder. `root` is the project root. */
export async function checkContent(
  root: string,
  { cacheDir, onStory }: CheckOptions = {},
): Promise<{ problems: Problem[]; model: ContentModel }> {
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
      if (parsed.success) settings = parsed.data;
      else problems.push(...issuesToProblems(parsed.error.issues, settingsFile, source));
    }
  }

  const places = await readList(root, await listFiles(root, DATA_FILES.places, YAML_FILE), placeSchema(), 'hai địa danh', problems);
  const awards = existsSync(path.join(root, DATA_FILES.awards))
    ? await readList(root, [DATA_FILES.awards], awardSchema(), 'hai hình thức khen thưởng', problems)
    : (problems.push({ file: DATA_FILES.awards, message: 'Thiếu danh mục hình thức khen thưởng (awards.yaml).' }), []);
  const publicContacts = publicContactsOf(settings);
  // Public contacts decide what the personal-data scan accepts, so they are part of the cache key.
  const cache = cacheDir ? new CheckCache(cacheDir, `${codeVersion(root)}:${contentHash(JSON.stringify(publicContacts))}`) : undefined;
  const run: CheckRun = { root, problems, publicContacts, cache, onStory, photoChecks: new Map() };
  const campaigns = await readStories<CampaignData>(run, STORY_COLLECTIONS.campaigns, () => campaignSchema());
  const exemplars = await readStories<ExemplarData>(run, STORY_COLLECTIONS.exemplars, (file) => exemplarSchema({ image: photoPath(file, root) }));

  for (const campaign of campaigns) {
    campaign.data.attachments.forEach((attachment, i) => {
      if (existsSync(path.join(root, 'public', attachment.file))) return;
      problems.push({
        file: campaign.file,
        line: campaign.source.lineOf(['attachments', i, 'file']),
        field: `attachments[${i}].file`,
        message: `Không tìm thấy tệp "public${attachment.file}": chép tệp vào thư mục public/tai-lieu/ hoặc sửa tên tệp.`,
      });
    });
  }

  const model: ContentModel = { exemplars, campaigns, places, awards, settings };
  problems.push(...checkReferences(model));
  cache?.save();
  return { problems, model };
}
