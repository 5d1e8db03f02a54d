/**
 * The corpus of personal data as editors write it (tests/helpers/personal-data-corpus.ts), each variant run through
 * the detector, the content check (in a story line and in a field) and the output check (in every kind of file it
 * scans): `npm run check` and the build must refuse exactly the same text.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { findPersonalData, PERSONAL_DATA_KINDS } from '../../src/lib/content/personal-data.ts';
import type { Problem } from '../../src/lib/content/source.ts';
import { jsonFeed, rss } from '../../src/lib/feeds.ts';
import { checkPersonalData } from '../../src/lib/output-check/personal-data.ts';
import { decodeOutput } from '../../src/lib/output-files.ts';
import { CORPUS, CORPUS_PUBLIC_CONTACTS, written, type Variant } from '../helpers/personal-data-corpus.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cases = CORPUS.map((variant, i) => ({ ...variant, i, label: `${variant.expect ?? 'none'}: ${variant.text}${variant.nfd ? ' (NFD)' : ''}` }));

describe('the personal-data corpus', () => {
  it('has at least 60 variants, with and without personal data, in fields, in stories and in NFD', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['phone', 'id', 'email', null]) expect(CORPUS.filter((v) => v.expect === kind).length).toBeGreaterThanOrEqual(8);
    expect(CORPUS.filter((v) => v.field === 'role').length).toBeGreaterThanOrEqual(5);
    expect(CORPUS.filter((v) => v.nfd).length).toBeGreaterThanOrEqual(4);
    expect(new Set(CORPUS.map((v) => v.text)).size).toBe(CORPUS.length);
  });
});

describe('the detector on the corpus', () => {
  it.each(cases)('$label', (variant) => {
    const hits = findPersonalData(written(variant), CORPUS_PUBLIC_CONTACTS);
    expect(hits.map((hit) => hit.kind)).toEqual(variant.expect ? [PERSONAL_DATA_KINDS[variant.expect]] : []);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The content check: every variant in a story line of one exemplar and in a field of another, all checked at once.

const storyFile = (i: number) => `content/exemplars/mau-${i}-bai.mdx`;
const fieldFile = (i: number) => `content/exemplars/mau-${i}-truong.mdx`;
/** The 1-based line of `file` that holds `text`. */
const lineOf = (file: string, text: string) => file.split('\n').findIndex((line) => line.includes(text)) + 1;

function storyExemplar(variant: Variant, i: number) {
  return exemplar({ name: `Người mẫu ${i} bài`, body: `Câu chuyện.\n\n${written(variant)}\n\nHết.\n` });
}
function fieldExemplar(variant: Variant, i: number) {
  const field = variant.field ?? 'citation';
  // A JSON string is a YAML double-quoted scalar: quotes, colons and NFD letters stay as written.
  const value = JSON.stringify(written(variant));
  const base = exemplar({ name: `Người mẫu ${i} trường`, extra: field === 'role' ? `role: ${value}\n` : '' });
  return field === 'citation' ? base.replace('citation: Giúp người nghèo.', `citation: ${value}`) : base;
}

describe('the content check on the corpus', () => {
  const files: Record<string, string> = {
    'content/settings.yaml': `${baseFiles['content/settings.yaml']}publicContacts: ${JSON.stringify(CORPUS_PUBLIC_CONTACTS)}\n`,
  };
  cases.forEach((variant) => {
    files[storyFile(variant.i)] = storyExemplar(variant, variant.i);
    files[fieldFile(variant.i)] = fieldExemplar(variant, variant.i);
  });
  let problems: Problem[] = [];
  let cleanup = () => {};
  beforeAll(async () => {
    const fixture = makeContentRoot(files);
    cleanup = fixture.cleanup;
    problems = (await checkContent(fixture.root)).problems;
  }, 60_000);
  afterAll(() => cleanup());

  it('finds nothing else to report in the fixture', () => {
    expect(problems.filter((p) => !p.file.startsWith('content/exemplars/mau-'))).toEqual([]);
  });

  const expected = (variant: Variant, file: string, line: number, field: string) =>
    variant.expect ? [{ file, line, field, message: expect.stringContaining(`Có ${PERSONAL_DATA_KINDS[variant.expect]} "`) }] : [];

  it.each(cases)('in a story line: $label', (variant) => {
    const file = storyFile(variant.i);
    expect(problems.filter((p) => p.file === file)).toEqual(expected(variant, file, lineOf(files[file]!, written(variant)), 'nội dung bài'));
  });

  it.each(cases)('in a field: $label', (variant) => {
    const file = fieldFile(variant.i);
    const field = variant.field ?? 'citation';
    expect(problems.filter((p) => p.file === file)).toEqual(expected(variant, file, lineOf(files[file]!, `${field}: `), field));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The output check: every variant in each kind of file it scans, as the site writes them.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** A story line as the story compiler renders it: escaped, emphasis as <strong>. */
const storyHtml = (text: string) => escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
/** The same with what a reader does not see changed: "@" and the spaces between digits as references, a number split by a tag. */
const encodedHtml = (text: string) =>
  storyHtml(text)
    .replace(/@/g, '&#64;')
    .replace(/(\d)[ \u00a0](?=\d)/g, '$1&nbsp;')
    .replace(/\d{3,}/, (digits) => `<span class="so">${digits.slice(0, 2)}</span>${digits.slice(2)}`);
const plain = (text: string) => text.replace(/\*\*/g, '');

const FOOTER = `<footer><p>Trung tâm Văn hóa (mẫu). Đường dây nóng: ${CORPUS_PUBLIC_CONTACTS[0]}. Thư: <a href="mailto:${CORPUS_PUBLIC_CONTACTS[1]}">${CORPUS_PUBLIC_CONTACTS[1]}</a></p></footer>`;

/** A page of an exemplar as Astro writes it, with the variant as its role and in its story. */
function page(text: string, story: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Người mẫu | Gương Sáng</title>
<meta name="description" content="${escapeHtml(plain(text))}">
<link rel="stylesheet" href="/_astro/index.B2k9dQ1a.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Người mẫu","datePublished":"2024-05-10","dateModified":"2024-05-10T12:00:00+07:00","publisher":{"@type":"Organization","telephone":"${CORPUS_PUBLIC_CONTACTS[0]}","email":"${CORPUS_PUBLIC_CONTACTS[1]}"}}</script>
</head><body><main><article>
<h1>Người mẫu</h1>
<p class="role">${escapeHtml(plain(text))}</p>
<picture><source type="image/avif" srcset="/_astro/nguoi-mau.CzF2ab1x_1Q2w3e.avif 480w, /_astro/nguoi-mau.CzF2ab1x_Z1abc.avif 960w" sizes="(min-width: 960px) 720px, 100vw"><img src="/_astro/nguoi-mau.CzF2ab1x_Z2abc.jpg" width="1280" height="853" alt="Ảnh minh hoạ"></picture>
<ul class="awards"><li>Giấy khen, Chủ tịch UBND xã Đông, 12/QĐ-UBND, <time datetime="2024-05-01">01/05/2024</time></li></ul>
<div class="story"><p>Câu chuyện.</p>
<p>${story}</p></div>
</article></main>${FOOTER}</body></html>
`;
}

const feedItem = (text: string) => ({
  url: 'https://guong-sang.example.vn/dien-hinh/nguoi-mau/',
  title: 'Người mẫu',
  summary: plain(text),
  html: `<p>Câu chuyện.</p>\n<p>${storyHtml(text)}</p>`,
  date: '2024-05-10',
  author: 'Phóng viên',
  tags: ['Từ thiện'],
});
const channel = { title: 'Gương Sáng', description: 'Điển hình mới', home: 'https://guong-sang.example.vn/', self: 'https://guong-sang.example.vn/rss.xml' };

/** Every kind of file the output check reads, holding the variant, as bytes on disk. */
function outputFilesOf(text: string): Record<string, Buffer> {
  const listing = {
    version: 1,
    site: { name: 'Gương Sáng', url: 'https://guong-sang.example.vn/' },
    title: 'Điển hình',
    generated: '2024-05-10',
    items: [
      {
        id: 'nguoi-mau',
        name: 'Người mẫu',
        role: plain(text),
        citation: plain(text),
        published: '2024-05-10',
        photo: { url: 'https://guong-sang.example.vn/_astro/x.B2k9dQ1a.jpg', width: 480, height: 320 },
      },
    ],
  };
  const fragment = {
    url: '/dien-hinh/nguoi-mau/',
    content: `Người mẫu. ${plain(text)} Câu chuyện. ${plain(text)}`,
    word_count: 42,
    filters: {},
    meta: { title: 'Người mẫu' },
    anchors: [],
  };
  return {
    'dien-hinh/nguoi-mau/index.html': Buffer.from(page(text, storyHtml(text))),
    'in/dien-hinh/nguoi-mau/index.html': Buffer.from(page(text, encodedHtml(text))),
    'rss.xml': Buffer.from(rss(channel, [feedItem(text)])),
    'feed.json': Buffer.from(jsonFeed(channel, [feedItem(text)])),
    'nhung/dien-hinh.json': Buffer.from(JSON.stringify(listing, null, 2)),
    'phat-thanh/dien-hinh/nguoi-mau.txt': Buffer.from(`Người mẫu. ${plain(text)}\n`),
    'pagefind/fragment/vi_1a2b3c4.pf_fragment': gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`),
  };
}

describe('the output check on the corpus', () => {
  it('reads an ordinary page, feed, listing and search record without a problem', () => {
    for (const [file, bytes] of Object.entries(outputFilesOf('Bà con trong thôn cùng góp công, góp của.'))) {
      expect(checkPersonalData(file, decodeOutput(file, bytes), CORPUS_PUBLIC_CONTACTS)).toEqual([]);
    }
  });

  it.each(cases)('$label', (variant) => {
    for (const [file, bytes] of Object.entries(outputFilesOf(written(variant)))) {
      const problems = checkPersonalData(file, decodeOutput(file, bytes), CORPUS_PUBLIC_CONTACTS);
      const wanted = variant.expect
        ? [expect.stringMatching(new RegExp(`^${file.replace(/\./g, '\\.')}: có ${PERSONAL_DATA_KINDS[variant.expect].replace(/[()]/g, '\\$&')} "`))]
        : [];
      expect(problems, file).toEqual(wanted);
    }
  });
});
