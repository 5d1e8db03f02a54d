/**
 * Names of entries that may not be published, mentioned by entries that are.
 *
 * A draft, a withdrawn entry or one whose subject withdrew consent leaves no trace in the output: the output check
 * fails the build if its name or address appears in any file. A published story can still name such a person, by
 * chance (a namesake) or on purpose (a quotation "theo ông …"), so the content check looks for the same names first
 * and says which entry, line and field to change, before anything is built.
 *
 * A real namesake (another person with the same name) is published once the editor says so in the entry that names
 * them (`namesakes`: name, how they know, date); the output check then accepts that name. The same person cannot
 * be published that way: an exemplar with the same name and place as the unpublished entry is that entry again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentModel, Loaded } from './model.ts';
import type { Problem } from './source.ts';
import { isPublishable } from '../data/publishable.ts';
import { matchesOf, wordTreeSource } from '../text.ts';

/** Site paths of entry pages, as the output holds them. */
export const exemplarPage = (id: string) => `dien-hinh/${id}/`;
export const campaignPage = (id: string) => `phong-trao/${id}/`;
export const placePage = (id: string) => `dia-phuong/${id}/`;

/** An entry that may not be published: its name and address must appear nowhere in the output. */
export interface Unpublished {
  name: string;
  page: string;
  file: string;
  /** The place of an exemplar: with the name, what tells the same person from a namesake. */
  place?: string;
}

interface Declaring {
  namesakes: { name: string }[];
}

/** How names are compared: NFC and lower case, as the check reads a line. */
export const nameKey = (name: string) => name.normalize('NFC').toLocaleLowerCase('vi');

export function unpublishedEntries(model: ContentModel): Unpublished[] {
  return [
    ...model.exemplars
      .filter((e) => !isPublishable(e.data))
      .map((e) => ({ name: e.data.name, page: exemplarPage(e.id), file: e.file, place: e.data.place })),
    ...model.campaigns.filter((c) => !isPublishable(c.data)).map((c) => ({ name: c.data.title, page: campaignPage(c.id), file: c.file })),
  ];
}

/** Names that published entries declare to be namesakes; compared without regard to case. */
export function declaredNamesakes(model: ContentModel): Set<string> {
  const declared = new Set<string>();
  for (const entry of [...model.exemplars, ...model.campaigns] as Loaded<Declaring & Parameters<typeof isPublishable>[0]>[]) {
    if (isPublishable(entry.data)) for (const { name } of entry.data.namesakes) declared.add(nameKey(name));
  }
  return declared;
}

/** The field a line of an entry file belongs to: the top-level key above it in the frontmatter, or the story. */
function fieldAt(lines: readonly string[], index: number, bodyStart: number): string {
  if (index >= bodyStart) return 'nội dung bài';
  for (let i = index; i >= 0; i--) {
    const match = /^([A-Za-z]\w*):/.exec(lines[i]!);
    if (match) return match[1]!;
  }
  return '';
}

/** Index of the first line of the story: after the frontmatter's closing "---", or 0 for a YAML file. */
function bodyStartOf(lines: readonly string[], isStory: boolean): number {
  if (!isStory || lines[0]?.trim() !== '---') return isStory ? 0 : lines.length;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return end < 0 ? lines.length : end + 1;
}

interface MentionFinder {
  needles: Map<string, Unpublished>;
  pattern: RegExp;
}

/** One pattern for every name and address of the unpublished entries, however many (see wordTreeSource). */
export function mentionFinder(hidden: readonly Unpublished[]): MentionFinder | undefined {
  const needles = new Map<string, Unpublished>();
  for (const entry of hidden) {
    needles.set(nameKey(entry.name), entry);
    needles.set(`/${entry.page}`, entry);
  }
  return needles.size === 0 ? undefined : { needles, pattern: new RegExp(wordTreeSource([...needles.keys()]), 'g') };
}

/** Names and addresses of unpublished entries in one file's text: a problem per line and name. */
export function mentionsIn(
  file: string,
  text: string,
  { needles, pattern }: MentionFinder,
  self: { name?: string; place?: string; declared: ReadonlySet<string> },
): Problem[] {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const bodyStart = bodyStartOf(lines, /\.mdx$/i.test(file));
  const problems: Problem[] = [];
  lines.forEach((line, i) => {
    for (const found of matchesOf(nameKey(line), pattern)) {
      const entry = needles.get(found)!;
      const field = fieldAt(lines, i, bodyStart);
      const where = { file, line: i + 1, field: field || undefined };
      if (found.startsWith('/')) {
        problems.push({ ...where, message: `Có liên kết tới trang của bài chưa được phép đăng (${entry.file}): bỏ liên kết này.` });
        continue;
      }
      // The statement itself names the namesake.
      if (field === 'namesakes') continue;
      const samePerson = self.name !== undefined && nameKey(self.name) === found && self.place !== undefined && self.place === entry.place;
      if (samePerson) {
        problems.push({
          ...where,
          message: `Bài này cùng tên, cùng nơi với bài chưa được phép đăng ${entry.file}: đó là cùng một người, không khai là trùng tên được. Muốn đăng, duyệt chính bài kia (nếu người đó đã rút đồng ý thì không được đăng).`,
        });
      } else if (!self.declared.has(found)) {
        problems.push({
          ...where,
          message:
            `Có tên "${entry.name}", trùng tên một bài chưa được phép đăng (${entry.file}). Nếu là cùng một người: bỏ tên khỏi bài này. ` +
            `Nếu là người khác trùng tên: ghi vào mục namesakes của bài này (name: ${entry.name}, note: vì sao biết là người khác, date: ngày kiểm tra).`,
        });
      }
    }
  });
  return problems;
}

/**
 * Every mention of an unpublished entry in the published entries and the site's data files. Files are read again
 * here, and only when some entry is unpublished: the check does not keep every story's text. Read one after another
 * without waiting on the event loop for each: thousands of small files read that way took three times as long.
 */
export function checkUnpublishedMentions(root: string, model: ContentModel, dataFiles: readonly string[]): Problem[] {
  const finder = mentionFinder(unpublishedEntries(model));
  if (!finder) return [];
  const problems: Problem[] = [];
  const entries = [...model.exemplars, ...model.campaigns] as Loaded<Declaring & { name?: string; place?: string } & Parameters<typeof isPublishable>[0]>[];
  for (const entry of entries) {
    if (!isPublishable(entry.data)) continue;
    const text = readFileSync(path.join(root, entry.file), 'utf8');
    const declared = new Set(entry.data.namesakes.map(({ name }) => nameKey(name)));
    problems.push(...mentionsIn(entry.file, text, finder, { name: entry.data.name, place: entry.data.place, declared }));
  }
  for (const file of dataFiles) {
    let text = '';
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      // A data file that cannot be read is reported where it is read for its content.
    }
    problems.push(...mentionsIn(file, text, finder, { declared: new Set() }));
  }
  return problems;
}
