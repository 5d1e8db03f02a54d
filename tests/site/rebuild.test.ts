/**
 * Builds of the sample beside the one the other site tests use: the same commit built again in another folder, with
 * every acceleration off (pages rendered in the main thread, none reused), gives byte-identical output; withdrawing an entry, or a person's consent, removes them from every output file of
 * the next build, and an entry made with `npm run new` and approved appears in it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { astroBuild, ROOT } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';

const sampleDist = inject('sampleDist');
const listFiles = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
/** Every folder below `dir`, as a web server would list it. */
const listFolders = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

let project: ReturnType<typeof copyProject>;
let dist: string;
let firstBuildLog: string;
beforeAll(() => {
  project = copyProject({}, { sampleContent: true });
  dist = path.join(project.root, 'dist');
  // As with an Astro the accelerations were not written for: one thread, no page reuse (astro-internals.ts).
  firstBuildLog = astroBuild(project.root, dist, { GUONG_SANG_ASTRO_INTERNALS: 'off' });
}, 300_000);
afterAll(() => project?.cleanup());

describe('two builds of one commit', () => {
  it('write the same files with the same bytes, wherever the project sits, with the accelerations on or off', () => {
    expect(firstBuildLog).toContain('Tắt các bước tăng tốc (GUONG_SANG_ASTRO_INTERNALS=off)');
    const files = listFiles(sampleDist);
    expect(listFiles(dist)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(path.join(dist, file)).equals(readFileSync(path.join(sampleDist, file))));
    expect(differing).toEqual([]);
  });
});

describe('withdrawing', () => {
  /** Đỗ Văn Hải is taken down by the centre; Đoàn Văn Đức withdraws his consent; Vũ Văn Long's file is deleted. */
  const withdrawn = [
    { id: 'do-van-hai', name: 'Đỗ Văn Hải', photo: 'do-van-hai' },
    { id: 'doan-van-duc', name: 'Đoàn Văn Đức', photo: 'doan-van-duc' },
    { id: 'vu-van-long', name: 'Vũ Văn Long', photo: 'vu-van-long' },
  ];
  let before: string[];
  beforeAll(() => {
    before = listFiles(dist);
    const edit = (id: string, change: (text: string) => string) => {
      const file = path.join(project.root, 'content/exemplars', `${id}.mdx`);
      const text = readFileSync(file, 'utf8');
      const changed = change(text);
      expect(changed).not.toBe(text);
      writeFileSync(file, changed);
    };
    edit('do-van-hai', (text) =>
      text.replace('  status: da-duyet\n', '  status: da-rut\n  withdrawal:\n    date: 2026-11-20\n    reason: Đơn vị đề nghị gỡ bài để xác minh lại\n'),
    );
    edit('doan-van-duc', (text) => text.replace(/^consent:\n/m, 'consent:\n  withdrawn: 2026-11-20\n'));
    rmSync(path.join(project.root, 'content/exemplars/vu-van-long.mdx'));
    // A new entry, made the way an editor makes one, with a phone photo, then approved.
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/new.ts'),
        '--ten',
        'Lương Thị Ánh',
        '--loai',
        'ca-nhan',
        '--noi',
        'xa-sai-son-quoc-oai',
        '--linh-vuc',
        'tu-thien',
        '--trich-dan',
        'Mở lớp học tình thương cho trẻ em trong xóm.',
        '--anh',
        path.join(ROOT, 'content/exemplars/anh/quay-rau-ba-thuy.jpg'),
        '--mo-ta-anh',
        'Chị Ánh bên lớp học',
      ],
      { env: { ...process.env, GUONG_SANG_ROOT: project.root }, stdio: 'pipe' },
    );
    edit('luong-thi-anh', (text) =>
      text.replace(
        'publication:\n  status: ban-nhap\n',
        'consent:\n  date: 2026-11-20\n  scope: Họ tên, ảnh và câu chuyện\npublication:\n  status: da-duyet\n  approval:\n    title: Biên bản duyệt đăng\n    date: 2026-11-20\n',
      ),
    );
    astroBuild(project.root, dist);
  }, 300_000);

  /** Every file's text as a reader could get it, search index fragments unpacked. */
  const texts = () =>
    listFiles(dist).flatMap((file): [string, string][] => {
      const bytes = readFileSync(path.join(dist, file));
      if (/\.(html|xml|json|txt|js|css|svg)$/.test(file)) return [[file, bytes.toString('utf8').normalize('NFC')]];
      if (/\.pf_(fragment|meta|index)$/.test(file)) return [[file, gunzipSync(bytes).toString('utf8').normalize('NFC')]];
      return [];
    });

  it('removes their pages, photos and every mention of them from the next build', () => {
    const after = listFiles(dist);
    for (const { id, photo } of withdrawn) {
      expect(before.some((f) => f.startsWith(`dien-hinh/${id}/`))).toBe(true);
      expect(after.filter((f) => f.includes(id) || f.includes(photo))).toEqual([]);
    }
    const folders = listFolders(dist);
    expect(folders.filter((folder) => withdrawn.some(({ id }) => folder.includes(id)))).toEqual([]);
    expect(folders.filter((folder) => readdirSync(path.join(dist, folder)).length === 0)).toEqual([]);
    const mentions = texts().flatMap(([file, text]) =>
      withdrawn.filter(({ id, name }) => text.includes(name) || text.includes(`/dien-hinh/${id}/`)).map(({ name }) => `${name} in ${file}`),
    );
    expect(mentions).toEqual([]);
  });

  it('publishes an entry made with npm run new once approved: page, photo upright, search, radio, poster', () => {
    const after = listFiles(dist);
    expect(readFileSync(path.join(dist, 'dien-hinh/luong-thi-anh/index.html'), 'utf8')).toContain('Lương Thị Ánh');
    expect(after).toContain('phat-thanh/dien-hinh/luong-thi-anh.txt');
    expect(after).toContain('in/dien-hinh/luong-thi-anh/index.html');
    expect(after.some((f) => /^_astro\/luong-thi-anh\.[\w-]+\.avif$/.test(f))).toBe(true);
    expect(texts().some(([file, text]) => file.endsWith('.pf_fragment') && text.includes('"url":"/dien-hinh/luong-thi-anh/"'))).toBe(true);
  });

  it('keeps every other exemplar, in pages, the sitemap, feeds and the search index', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const feed = readFileSync(path.join(dist, 'dia-phuong/xa-sai-son-quoc-oai/feed.json'), 'utf8');
    const fragments = texts()
      .filter(([file]) => file.endsWith('.pf_fragment'))
      .map(([, text]) => text)
      .join('\n');
    for (const id of ['dang-thi-hoa', 'kieu-van-binh', 'ho-van-dung']) {
      expect(readFileSync(path.join(dist, `dien-hinh/${id}/index.html`), 'utf8')).toContain('<h1');
      expect(sitemap).toContain(`/dien-hinh/${id}/`);
      expect(fragments).toContain(`"url":"/dien-hinh/${id}/"`);
    }
    expect(feed).toContain('/dien-hinh/dang-thi-hoa/');
  });
});

describe('a build into another folder in between', () => {
  const sentence = 'Biên tập viên bổ sung câu này sau khi bài đã đăng.';
  beforeAll(() => {
    const file = path.join(project.root, 'content/exemplars/dang-thi-hoa.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${sentence}\n`);
    // A preview into another folder leaves Astro's record of reusable pages describing that folder's files.
    astroBuild(project.root, path.join(project.root, 'xem-truoc'));
    astroBuild(project.root, dist);
  }, 300_000);

  it('leaves no file of the output older than the story: page, radio text and the feeds that carry it', () => {
    for (const file of [
      'dien-hinh/dang-thi-hoa/index.html',
      'phat-thanh/dien-hinh/dang-thi-hoa.txt',
      'dia-phuong/xa-sai-son-quoc-oai/feed.json',
      'dia-phuong/xa-sai-son-quoc-oai/rss.xml',
    ]) {
      expect(readFileSync(path.join(project.root, 'xem-truoc', file), 'utf8').normalize('NFC'), file).toContain(sentence);
      expect(readFileSync(path.join(dist, file), 'utf8').normalize('NFC'), file).toContain(sentence);
    }
  });
});

describe("Astro's record of reusable pages", () => {
  it('(written by the accelerated builds above) keeps photo transforms without the alt text, so the whole record is one-byte text, half the memory', () => {
    const record = readFileSync(path.join(project.root, '.cache/astro/incremental-build.json'), 'utf8');
    expect(record).toContain('"staticImages"');
    expect(record).not.toContain('"alt"');
    expect(record.match(/[^\x00-\xff]/)).toBeNull();
  });
});
