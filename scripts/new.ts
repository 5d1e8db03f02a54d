/**
 * npm run new: creates an exemplar story from questions in Vietnamese, or from flags for scripts:
 *
 *   npm run new -- --ten "Nguyễn Văn An" --loai ca-nhan --noi xa-sai-son-quoc-oai --linh-vuc cuu-nguoi --trich-dan "…" \
 *     [--phong-trao id,id] [--anh ~/anh.jpg --mo-ta-anh "…"]
 *
 * The file is written as a draft (ban-nhap) under content/exemplars/ with its ASCII id, the photo copied beside it.
 * Places, campaigns and fields must be ones that exist; an id that exists already is refused. The new entry and its
 * photo are checked as `npm run check` would check them before anything is written, so a refused entry leaves
 * nothing behind.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { z } from 'astro/zod';
import { checkContent } from '../src/lib/content/check.ts';
import { formatProblems } from '../src/lib/content/issues.ts';
import { PHOTO_EXTENSIONS, STORY_COLLECTIONS } from '../src/lib/content/collections.ts';
import { publicContactsOf } from '../src/lib/content/personal-data.ts';
import { photoProblem } from '../src/lib/content/photos.ts';
import { checkStoryText } from '../src/lib/content/story-check.ts';
import { slugify, toNfc } from '../src/lib/text.ts';
import { PlaceFinder, lineageLabel } from '../src/lib/places/find.ts';
import { EXEMPLAR_KINDS, exemplarSchema } from '../src/schemas/exemplar.ts';
import { FIELDS } from '../src/schemas/fields.ts';
import { SOCIAL_GROUPS } from '../src/schemas/social-groups.ts';
import { ui } from '../src/i18n/vi.ts';
import { NEW_FLAGS, flagsOrExit, usage } from './flags.ts';

const USAGE = `Tạo một bài điển hình mới (bản nháp) trong content/exemplars/.

  npm run new                 hỏi từng mục bằng tiếng Việt
${usage('new', NEW_FLAGS)}

  Loại: ${EXEMPLAR_KINDS.join(', ')}`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const values = flagsOrExit(args, NEW_FLAGS, USAGE, { interactive: true });
const flag = (name: keyof typeof NEW_FLAGS) => values[name];
const interactive = args.length === 0;
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { model } = await checkContent(root);
const finder = new PlaceFinder(model.places.map((p) => p.data));
const campaigns = new Map(model.campaigns.map((c) => [c.id, c.data.shortTitle]));

const rl = interactive ? createInterface({ input: process.stdin, terminal: false }) : undefined;
// Reading lines as they come (rather than rl.question) also works when the answers are piped in.
const lines = rl?.[Symbol.asyncIterator]();
async function readLine(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const next = await lines!.next();
  if (next.done) fail('\nĐã dừng, chưa tạo bài nào.');
  return next.value;
}

async function ask(question: string, choices?: Map<string, string>, { many = false, optional = false } = {}): Promise<string> {
  if (!rl) return '';
  if (choices) [...choices].forEach(([id, label], i) => console.log(`  ${i + 1}. ${label} (${id})`));
  for (;;) {
    const answer = toNfc((await readLine(`${question}${optional ? ' (bỏ trống nếu không có)' : ''}: `)).trim());
    if (!answer && optional) return '';
    if (!choices && answer) return answer;
    const keys = [...(choices?.keys() ?? [])];
    const picked = answer
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((a) => (/^\d+$/.test(a) ? keys[Number(a) - 1] : a));
    if (picked.length > 0 && picked.every((p) => p && choices!.has(p)) && (many || picked.length === 1)) return picked.join(',');
    console.log('  Chưa đúng: gõ số thứ tự hoặc mã trong danh sách' + (many ? ', cách nhau bằng dấu phẩy.' : '.'));
  }
}

/** Matches shown for a place typed by name. */
const PLACE_CHOICES = 20;

/** One line per unit found: where it lay, when it ended, the id. */
const placeChoice = (id: string) => {
  const place = finder.byId.get(id)!;
  return `${lineageLabel(finder, place)}${place.validTo ? ` (đến hết ${place.validTo.split('-').reverse().join('/')})` : ''}`;
};

/** The place, typed by name (old or new, with or without diacritics, narrowed by a district or province) or by id. */
async function askPlace(): Promise<string> {
  for (;;) {
    const answer = toNfc((await readLine('Địa phương (xã, phường) tại thời điểm viết bài, gõ tên (có thể thêm tên huyện, tỉnh): ')).trim());
    if (finder.byId.has(answer)) return answer;
    const found = finder.find(answer).slice(0, PLACE_CHOICES);
    if (found.length === 0) {
      console.log('  Không tìm thấy đơn vị nào tên như vậy: gõ lại tên, có dấu hoặc không.');
      continue;
    }
    const choices = new Map(found.map((p) => [p.id, placeChoice(p.id)]));
    const picked = await ask('Số thứ tự của đơn vị đúng', choices, { optional: true });
    if (picked) return picked;
  }
}

const kinds = new Map(EXEMPLAR_KINDS.map((k) => [k, ui.kinds[k]]));
const fields = new Map(FIELDS.map((f) => [f, ui.fields[f]]));
const socialGroups = new Map(SOCIAL_GROUPS.map((g) => [g, ui.socialGroups[g]]));
const name = toNfc(flag('ten') ?? (await ask('Tên người, tập thể, hộ gia đình hoặc mô hình')));
const kind = flag('loai') ?? (await ask('Loại điển hình', kinds));
const place = flag('noi') ?? (rl ? await askPlace() : '');
// Asked of individuals only, for the figures (the share of direct workers among those honoured).
const socialGroup = flag('nhom') ?? (kind === 'ca-nhan' ? await ask('Nhóm xã hội (để thống kê, không hiện trên trang)', socialGroups, { optional: true }) : '');
const chosenCampaigns = flag('phong-trao') ?? (await ask('Phong trào', campaigns, { many: true, optional: true }));
const chosenFields = flag('linh-vuc') ?? (await ask('Lĩnh vực', fields, { many: true }));
const citation = toNfc(flag('trich-dan') ?? (await ask('Việc làm được ghi nhận (một, hai câu)')));
const photoAnswer = flag('anh') ?? (await ask('Đường dẫn tệp ảnh', undefined, { optional: true }));
// npm runs scripts from the project folder; a path is typed from wherever the editor was.
const photo = photoAnswer && path.resolve(process.env.INIT_CWD ?? process.cwd(), photoAnswer);
const photoAlt = photo ? toNfc(flag('mo-ta-anh') ?? (await ask('Ảnh chụp gì (mô tả cho người khiếm thị)'))) : '';
rl?.close();

if (!name) fail('Thiếu tên (--ten).');
if (!kinds.has(kind as never)) fail(`Loại "${kind}" không có. Chọn một trong: ${[...kinds.keys()].join(', ')}.`);
if (socialGroup && !socialGroups.has(socialGroup as never))
  fail(`Nhóm xã hội "${socialGroup}" không có. Chọn một trong: ${[...socialGroups.keys()].join(', ')}.`);
if (socialGroup && kind !== 'ca-nhan') fail('Nhóm xã hội (--nhom) chỉ ghi cho cá nhân (--loai ca-nhan).');
if (!finder.byId.has(place)) {
  const named = finder.find(place).slice(0, PLACE_CHOICES);
  const hint = named.length > 0 ? ` Các đơn vị tên như vậy: ${named.map((p) => `${p.id} (${placeChoice(p.id)})`).join('; ')}.` : '';
  fail(`Không có địa danh mã "${place}".${hint} Tìm mã bằng lệnh: npm run place -- "tên xã".`);
}
// A choice given twice ("8, tu-thien") is kept once.
const campaignIds = chosenCampaigns ? [...new Set(chosenCampaigns.split(',').map((c) => c.trim()))] : [];
for (const id of campaignIds) if (!campaigns.has(id)) fail(`Không có phong trào mã "${id}". Các mã có: ${[...campaigns.keys()].join(', ')}.`);
const fieldIds = [
  ...new Set(
    chosenFields
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  ),
];
if (fieldIds.length === 0 || fieldIds.some((f) => !fields.has(f as never))) fail(`Lĩnh vực phải là một hoặc nhiều mã trong: ${[...fields.keys()].join(', ')}.`);
if (!citation) fail('Thiếu việc làm được ghi nhận (--trich-dan).');

const id = slugify(name);
// An id of digits only would take the address of a list page ("/dien-hinh/2/").
if (!/[a-z]/.test(id)) fail(`Tên "${name}" không tạo được mã bài (cần có chữ cái): ghi họ tên hoặc tên tập thể bằng chữ.`);
const relative = `${STORY_COLLECTIONS.exemplars}/${id}.mdx`;
const file = path.join(root, relative);
if (model.exemplars.some((e) => e.id === id) || existsSync(file)) fail(`Đã có bài mã "${id}" (${relative}): đặt tên khác hoặc sửa bài đang có.`);

let photoLines = '';
let photoTarget = '';
if (photo) {
  if (!existsSync(photo)) fail(`Không tìm thấy tệp ảnh "${photo}".`);
  if (!photoAlt) fail('Ảnh cần mô tả (--mo-ta-anh).');
  const extension = path.extname(photo).toLowerCase();
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(extension)) fail(`Ảnh "${photo}" phải là tệp ${PHOTO_EXTENSIONS.join(', ')}.`);
  const problem = await photoProblem(photo, photo);
  if (problem) fail(problem);
  photoTarget = `${id}${extension}`;
  photoLines = `photos:\n  - src: ./anh/${photoTarget}\n    alt: ${JSON.stringify(photoAlt)}\n    credit: Trung tâm\n`;
}

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const quote = (text: string) => JSON.stringify(text);
const text = `---
# Bài mới, đang là bản nháp (ban-nhap): chưa được đăng. Khi đã duyệt, đổi status thành da-duyet và ghi approval;
# với cá nhân, ghi thêm consent (ngày và phạm vi đồng ý). Kiểm tra bằng lệnh: npm run check
kind: ${kind}
name: ${quote(name)}
${socialGroup ? `socialGroup: ${socialGroup}\n` : ''}place: ${place}
campaigns: [${campaignIds.join(', ')}]
fields: [${fieldIds.join(', ')}]
awards: []
citation: ${quote(citation)}
${photoLines}storyType: bai-viet
author: Trung tâm
published: ${today}
publication:
  status: ban-nhap
---

Viết câu chuyện ở đây.
`;

// The rules of the content check, on the text before it is a file (the photo was checked above, from where it is).
const checked = checkStoryText(relative, text, {
  root,
  schemaFor: () => exemplarSchema({ image: () => z.string() }),
  publicContacts: publicContactsOf(model.settings),
  collectionDir: STORY_COLLECTIONS.exemplars,
});
const problems = [...checked.problems, ...checked.laterProblems];
if (problems.length > 0) fail(`${formatProblems(problems)}\nChưa tạo bài nào: sửa các giá trị trên rồi chạy lại.`);

if (photoTarget) {
  mkdirSync(path.join(path.dirname(file), 'anh'), { recursive: true });
  copyFileSync(photo, path.join(path.dirname(file), 'anh', photoTarget));
}
writeFileSync(file, text, { flag: 'wx' });
console.log(`Đã tạo ${relative} (bản nháp). Viết câu chuyện, rồi chạy: npm run check`);
