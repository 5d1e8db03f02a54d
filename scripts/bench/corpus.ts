/**
 * A deterministic, realistic corpus for benchmarks: Vietnamese names with every diacritic (đ included), a place
 * tree with units that ended in 2025 and their successors, campaigns with phases, awards, stories of 300–900
 * words with headings, quotes and photos placed in the text, photos drawn here (each distinct, so that every one
 * costs real image processing), and a few drafts and withdrawn consents that must stay out of the output. The same
 * seed and size always give the same files.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawPhotos } from './draw-photos.ts';
import { random } from './random.ts';
import { SOCIAL_GROUPS } from '../../src/schemas/social-groups.ts';
import { registerPlaces } from '../../src/lib/places/register.ts';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Đào',
  'Trịnh',
  'Kiều',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quốc', 'Thuỳ', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hà',
  'Hoà',
  'Hòa',
  'Hưng',
  'Khánh',
  'Khoẻ',
  'Lan',
  'Liên',
  'Mai',
  'Nam',
  'Ngân',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thuý',
  'Thúy',
  'Thuỷ',
  'Thủy',
  'Uyên',
  'Vinh',
  'Yến',
  'Đông',
  'Ánh',
  'Ứng',
  'Ấn',
];
const FIELDS = [
  'nong-nghiep',
  'kinh-te',
  'giao-duc',
  'y-te',
  'an-ninh-trat-tu',
  'cuu-nguoi',
  'tu-thien',
  'chuyen-doi-so',
  'van-hoa',
  'moi-truong',
  'nong-thon-moi',
];
const SENTENCES = [
  'Mỗi sáng sớm, khi sương còn phủ kín cánh đồng, người dân trong thôn đã thấy bóng dáng quen thuộc ấy.',
  'Công việc tưởng nhỏ nhưng được duy trì đều đặn suốt nhiều năm, không một lời kể công.',
  'Bà con trong xóm góp gạo, góp công, cùng nhau sửa lại con đường đất lầy lội mỗi mùa mưa.',
  'Những buổi tối ở nhà văn hoá thôn trở nên đông vui hơn từ khi có lớp học miễn phí cho các em nhỏ.',
  'Nhờ cách làm mới, năng suất tăng rõ rệt và nhiều hộ đã thoát nghèo bền vững.',
  'Chính quyền xã đánh giá cao tinh thần trách nhiệm và sự lan toả của việc làm này trong cộng đồng.',
  'Các đoàn viên thanh niên thay phiên nhau hỗ trợ người cao tuổi làm thủ tục trực tuyến.',
  'Câu chuyện được đài truyền thanh xã phát lại nhiều lần, khích lệ nhiều người làm theo.',
  'Trong trận lũ lớn, đội xung kích đã kịp thời di dời người và tài sản đến nơi an toàn.',
  'Mô hình được các thôn lân cận đến học hỏi và nhân rộng trong năm tiếp theo.',
];

export interface CorpusOptions {
  exemplars: number;
  seed?: number;
  /** Distinct photos drawn for the corpus (3000×2250 JPEG, about 750 KB, like a phone's); 0 for none. */
  photos?: number;
  /** Share of exemplars with a photo (0–1); a quarter of them have a second photo placed in the story. */
  photoShare?: number;
  /** Register ids of the former provinces whose districts and communes the stories are filed under. */
  provinces?: string[];
  /** Size of the place tree and of the campaign list (8, 12 and 24 by default; smaller for quick test sites). */
  districtsPerProvince?: number;
  communesPerDistrict?: number;
  campaigns?: number;
}

export interface Corpus {
  /** Name of the first exemplar, for searches. */
  first: { name: string };
  /** The first published person: a reader's typical query is somebody's full name. */
  person: { id: string; name: string };
  /** An exemplar whose page shows its main photo at the top. */
  withMainPhoto?: string;
  /** Entries that are drafts or whose consent was withdrawn. */
  unpublished: number;
  /** A former district with campaigns and exemplars, whose place page the benchmark weighs. */
  place: string;
}

/** Adds a sentence to the story of one exemplar, as an editor's correction would. */
export function editStory(root: string, index: number) {
  const file = path.join(root, 'content/exemplars', `${exemplarId(index)}.mdx`);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nBiên tập viên bổ sung: câu chuyện đã được kiểm tra lại với chính quyền địa phương.\n`);
  return exemplarId(index);
}

/**
 * One district decision honours many people at once: the exemplars are granted their awards in decisions of this
 * many, each with its page, as a district's yearly decisions are.
 */
const DECISION_SIZE = 40;

/**
 * The day in December of an exemplar's decision, the same for every exemplar of one decision. The random day is
 * still drawn (and set aside), so that the rest of the corpus stays as the same seed made it before.
 */
function decisionDay(index: number, _drawn: number): string {
  return String(1 + (Math.floor(index / DECISION_SIZE) % 28)).padStart(2, '0');
}

export const exemplarId = (index: number) => `dh-${String(index).padStart(6, '0')}`;

function story(rng: ReturnType<typeof random>, words: number): string {
  const parts: string[] = [];
  let count = 0;
  let section = 1;
  while (count < words) {
    if (count > 0 && count % 180 < 20) parts.push(`## Phần ${section++}`);
    const paragraph = Array.from({ length: rng.int(2, 4) }, () => rng.pick(SENTENCES)).join(' ');
    parts.push(paragraph);
    count += paragraph.split(/\s+/).length;
    if (rng.next() < 0.15) parts.push(`<Quote by="${rng.pick(FAMILY)} ${rng.pick(GIVEN)}">${rng.pick(SENTENCES)}</Quote>`);
  }
  return parts.join('\n\n');
}

// Long as a recipe is: the corpus is written in the order its parts refer to each other.
/** Writes a content/ folder for `options.exemplars` exemplars under `root`, reusing the repository's awards. */
export async function writeCorpus(root: string, repo: string, options: CorpusOptions): Promise<Corpus> {
  const rng = random(options.seed ?? 20251121);
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'places'), { recursive: true });
  mkdirSync(path.join(content, 'campaigns'), { recursive: true });
  mkdirSync(path.join(content, 'exemplars', 'anh'), { recursive: true });
  cpSync(path.join(repo, 'content/awards.yaml'), path.join(content, 'awards.yaml'));
  cpSync(path.join(repo, 'content/settings.yaml'), path.join(content, 'settings.yaml'));
  const photos = Array.from({ length: options.photos ?? 0 }, (_, i) => `anh-${String(i).padStart(4, '0')}`);
  await drawPhotos(photos.map((photo, i) => [1000 + i, path.join(content, `exemplars/anh/${photo}.jpg`)]));

  // Places: the register's own units, so that the benchmark pays for the register as a real site does. Stories are
  // filed under former communes of the first districts of three former provinces: one merged into another province
  // in 2025 (Thái Bình into Hưng Yên), one that kept its name (Hà Nội), one merged into a province that kept its name
  // (Bình Định into Gia Lai); campaigns under their districts.
  const register = registerPlaces(repo);
  const byCode = (a: { code?: string }, b: { code?: string }) => ((a.code ?? '') < (b.code ?? '') ? -1 : 1);
  const communes: string[] = [];
  const districts: string[] = [];
  for (const province of options.provinces ?? ['thai-binh', 'ha-noi', 'binh-dinh']) {
    const inProvince = register.filter((p) => p.parent === province && p.validTo !== undefined).sort(byCode);
    for (const district of inProvince.slice(0, options.districtsPerProvince ?? 8)) {
      districts.push(district.id);
      const former = register.filter((p) => p.parent === district.id).sort(byCode);
      communes.push(...former.slice(0, options.communesPerDistrict ?? 12).map((p) => p.id));
    }
  }

  const campaigns: string[] = [];
  for (let i = 0; i < (options.campaigns ?? 24); i++) {
    const id = `phong-trao-${i}`;
    const year = 2020 + (i % 6);
    campaigns.push(id);
    writeFileSync(
      path.join(content, 'campaigns', `${id}.mdx`),
      `---
title: Phong trào thi đua số ${i + 1} năm ${year}
shortTitle: Phong trào ${i + 1} năm ${year}
summary: Phong trào thi đua minh hoạ số ${i + 1} của năm ${year}.
illustrative: true
kind: theo-dot
issuer: UBND huyện minh hoạ
level: huyen
place: ${districts[i % districts.length]}
plan: { number: ${100 + i}/KH-UBND, date: ${year}-01-0${1 + (i % 9)} }
period: { start: ${year}-01-01, end: ${year}-12-31 }
phases:
  - { name: Đợt 1, start: ${year}-01-01, end: ${year}-06-30 }
  - { name: Đợt 2, start: ${year}-07-01, end: ${year}-12-31 }
participants: Mọi người dân trên địa bàn.
criteria: [Có việc làm tốt vì cộng đồng.]
publication: { status: da-duyet, approval: { number: ${i + 1}/BB-TT, date: ${year}-01-15 } }
published: ${year}-01-20
---

${story(rng, 200)}
`,
    );
  }

  const kinds = ['ca-nhan', 'ca-nhan', 'ca-nhan', 'tap-the', 'ho-gia-dinh', 'mo-hinh'] as const;
  const awards: Record<(typeof kinds)[number], string[]> = {
    'ca-nhan': ['nguoi-tot-viec-tot', 'giay-khen-chu-tich-ubnd-huyen', 'lao-dong-tien-tien', 'bang-khen-chu-tich-ubnd-tinh'],
    'tap-the': ['giay-khen-chu-tich-ubnd-huyen', 'tap-the-lao-dong-xuat-sac'],
    'ho-gia-dinh': ['gia-dinh-van-hoa', 'giay-khen-chu-tich-ubnd-xa'],
    'mo-hinh': ['giay-khen-chu-tich-ubnd-huyen'],
  };
  const corpus: Corpus = { first: { name: '' }, person: { id: '', name: '' }, unpublished: 0, place: districts[0]! };
  for (let i = 0; i < options.exemplars; i++) {
    const kind = rng.pick(kinds);
    const person = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
    // Unpublished entries get names no published entry has: the output check fails the build if one leaks.
    const draft = i % 97 === 96;
    const withdrawn = kind === 'ca-nhan' && i % 211 === 210;
    const name = draft
      ? `Tổ tự quản chưa duyệt số ${i}`
      : withdrawn
        ? `${person} (đã rút đồng ý ${i})`
        : kind === 'ca-nhan'
          ? person
          : kind === 'ho-gia-dinh'
            ? `Hộ gia đình ông ${person}`
            : kind === 'tap-the'
              ? `Tổ tự quản số ${i}`
              : `Mô hình “Sáng kiến ${i}”`;
    const campaign = rng.pick(campaigns);
    const year = 2020 + (Number(campaign.split('-').at(-1)) % 6);
    const place = rng.pick(communes);
    const photoCount = photos.length > 0 && rng.next() < (options.photoShare ?? 0.3) ? (rng.next() < 0.25 ? 2 : 1) : 0;
    const photoLines = Array.from(
      { length: photoCount },
      (_, n) => `  - { src: ./anh/${rng.pick(photos)}.jpg, alt: Ảnh minh hoạ ${n + 1} của bài ${i}, credit: Gương Sáng }\n`,
    ).join('');
    let body = story(rng, rng.int(300, 900));
    if (photoCount === 2) {
      // The second photo goes between two paragraphs in the middle of the story.
      const paragraphs = body.split('\n\n');
      paragraphs.splice(Math.ceil(paragraphs.length / 2), 0, '<Figure photo="2" />');
      body = paragraphs.join('\n\n');
    }
    if (i === 0) corpus.first = { name };
    if (kind === 'ca-nhan' && !draft && !withdrawn && !corpus.person.id) corpus.person = { id: exemplarId(i), name };
    if (photoCount > 0 && !draft && !withdrawn) corpus.withMainPhoto ??= exemplarId(i);
    if (draft || withdrawn) corpus.unpublished += 1;
    const consent =
      kind === 'ca-nhan' ? `consent: { date: ${year}-12-30, scope: Họ tên và câu chuyện${withdrawn ? `, withdrawn: ${year + 1}-03-01` : ''} }\n` : '';
    const publication = draft
      ? 'publication: { status: ban-nhap }'
      : `publication: { status: da-duyet, approval: { number: ${i + 1}/BB-TT, date: ${year + 1}-01-30 } }`;
    writeFileSync(
      path.join(content, 'exemplars', `${exemplarId(i)}.mdx`),
      `---
kind: ${kind}
name: ${name}
${kind === 'ca-nhan' ? `socialGroup: ${SOCIAL_GROUPS[i % SOCIAL_GROUPS.length]}\n` : ''}place: ${place}
campaigns: [${campaign}]
fields: [${rng.pick(FIELDS)}]
awards:
  - { award: ${rng.pick(awards[kind])}, level: huyen, issuer: Chủ tịch UBND huyện, decision: ${Math.floor(i / DECISION_SIZE) + 1}/QĐ-UBND, date: ${year}-12-${decisionDay(i, rng.int(1, 28))} }
citation: ${rng.pick(SENTENCES)}
${photoCount > 0 ? `photos:\n${photoLines}` : ''}storyType: bai-viet
author: Phóng viên
published: ${year + 1}-02-${String(rng.int(1, 28)).padStart(2, '0')}
${consent}${publication}
---

${body}
`,
    );
  }
  return corpus;
}
