/**
 * The content check: reads every file under content/, independently of the page code, and reports every problem
 * in one run. The build runs it first and stops on any problem; `npm run check` runs it alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { exemplarSchema, type ExemplarData } from '../../schemas/exemplar.ts';
import { campaignSchema, type CampaignData } from '../../schemas/campaign.ts';
import { placeSchema, type PlaceData } from '../../schemas/place.ts';
import { awardSchema, type AwardData } from '../../schemas/award.ts';
import { settingsSchema, type SettingsData } from '../../schemas/settings.ts';
import { compileStory } from '../mdx/compile.ts';
import { DATA_FILES, PHOTO_EXTENSIONS, STORY_COLLECTIONS, STORY_FILE, YAML_FILE } from './collections.ts';
import { issuesToProblems } from './issues.ts';
import { idFromFile, listFiles, readEntryFile, readYamlList, parseYaml, type EntrySource, type Problem, type YamlSource } from './source.ts';
import { checkReferences } from './references.ts';
import { photoProblem } from './photos.ts';
import { findPersonalData, publicContactsOf } from './personal-data.ts';
import { formatField } from './source.ts';

export interface Loaded<T, S extends YamlSource = YamlSource> {
  id: string;
  file: string;
  data: T;
  source: S;
}

export interface ContentModel {
  exemplars: Loaded<ExemplarData, EntrySource>[];
  campaigns: Loaded<CampaignData, EntrySource>[];
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

async function readStories<T>(root: string, dir: string, schema: (file: string) => z.ZodType<T>, problems: Problem[], publicContacts: readonly string[]) {
  const loaded: Loaded<T, EntrySource>[] = [];
  const named: { id: string; file: string }[] = [];
  for (const file of await listFiles(root, dir, STORY_FILE)) {
    named.push({ id: idFromFile(file), file });
    const { entry, problems: fileProblems } = await readEntryFile(root, file);
    problems.push(...fileProblems);
    if (!entry) continue;
    if (!/[a-z]/.test(entry.id)) {
      // An id of digits only would take the address of a list page ("/dien-hinh/2/").
      problems.push({ file, message: 'Tên tệp phải có chữ cái, ví dụ "nguyen-van-an.mdx".' });
      continue;
    }
    const parsed = schema(file).safeParse(entry.data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, file, entry));
      continue;
    }
    const photos = (parsed.data as { photos?: { src: string }[] }).photos ?? [];
    for (const [i, photo] of photos.entries()) {
      const message = await photoProblem(path.resolve(root, path.dirname(file), photo.src), photo.src);
      if (message) problems.push({ file, line: entry.lineOf(['photos', i, 'src']), field: `photos[${i}].src`, message });
    }
    for (const { at, text } of strings(parsed.data)) {
      for (const hit of findPersonalData(text, publicContacts)) problems.push({ file, line: entry.lineOf(at), field: formatField(at), message: hit.message });
    }
    entry.body.split('\n').forEach((lineText, i) => {
      for (const hit of findPersonalData(lineText, publicContacts)) problems.push({ file, line: entry.bodyLine + i, field: 'nội dung bài', message: hit.message });
    });
    const { problems: bodyProblems } = compileStory(entry.body, photos.length);
    problems.push(...bodyProblems.map((p) => ({ file, line: p.line ? p.line + entry.bodyLine - 1 : undefined, field: 'nội dung bài', message: p.message })));
    loaded.push({ id: entry.id, file, data: parsed.data, source: entry });
  }
  problems.push(...findIdCollisions(named, 'hai bài'));
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

/** Checks the whole content folder. `root` is the project root. */
export async function checkContent(root: string): Promise<{ problems: Problem[]; model: ContentModel }> {
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
  const campaigns = await readStories<CampaignData>(root, STORY_COLLECTIONS.campaigns, () => campaignSchema(), problems, publicContacts);
  const exemplars = await readStories<ExemplarData>(
    root,
    STORY_COLLECTIONS.exemplars,
    (file) => exemplarSchema({ image: photoPath(file, root) }),
    problems,
    publicContacts,
  );

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
  return { problems, model };
}
