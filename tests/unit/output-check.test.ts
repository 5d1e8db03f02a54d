import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { verifyOutput } from '../../src/lib/output-check/verify.ts';
import { scanInThreads } from '../../src/lib/output-check/text-scan.ts';
import { matchesOf, wordTreeSource } from '../../src/lib/text.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

// The decision page of the award the published exemplar cites, found by issuer, number and date.
const PAGES = [
  'dien-hinh/nguyen-van-an/',
  'phong-trao/phong-trao-a/',
  'dia-phuong/tinh-cu/',
  'dia-phuong/tinh-moi/',
  'dia-phuong/xa-dong/',
  'quyet-dinh/2024-05-01-12-qd-ubnd-chu-tich-uy-ban-nhan-dan-xa-dong/',
];
const FEED_FOLDERS = ['', 'phong-trao/phong-trao-a/', 'dia-phuong/tinh-cu/', 'dia-phuong/tinh-moi/', 'dia-phuong/xa-dong/'];

const rss = (urls: string[]) => `<rss><channel>${urls.map((u) => `<item><title>x</title><link>https://x.vn${u}</link></item>`).join('')}</channel></rss>`;
const jsonFeed = (urls: string[]) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: urls.map((u) => ({ id: u, url: `https://x.vn${u}` })) });

/**
 * Content with one published and one draft exemplar, and an output folder that matches it: pages, sitemap, one
 * search record per page, feeds.
 */
async function fixture() {
  const content = makeContentRoot({
    'content/exemplars/le-van-tam.mdx': exemplar({ name: 'Lê Văn Tâm', status: 'ban-nhap' }),
    'content/settings.yaml': `${baseFiles['content/settings.yaml']}publicContacts: [lienhe@guong-sang.example.vn]\n`,
  });
  cleanups.push(content.cleanup);
  const { model } = await checkContent(content.root);
  const dist = path.join(content.root, 'dist');
  const write = (file: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), data);
  };
  PAGES.forEach((page, i) => {
    write(`${page}index.html`, '<h1>Trang</h1>');
    write(`pagefind/fragment/vi_${i}.pf_fragment`, gzipSync(JSON.stringify({ url: `/${page}`, content: 'Trang' })));
  });
  const sitemap = PAGES.map((p) => `<url><loc>https://x.vn/${p}</loc></url>`).join('');
  write('sitemap.xml', sitemap);
  for (const folder of FEED_FOLDERS) {
    const items = folder === 'dia-phuong/tinh-cu/' ? [] : ['/dien-hinh/nguyen-van-an/'];
    write(`${folder}rss.xml`, rss(items));
    write(`${folder}feed.json`, jsonFeed(items));
  }
  const verify = () => verifyOutput(dist, model, { root: content.root });
  return { root: content.root, dist, sitemap, write, verify };
}

describe('output check', () => {
  it('accepts output that holds exactly the published entries', async () => {
    const { verify } = await fixture();
    expect(await verify()).toEqual([]);
  });

  it('names a missing page, a page missing from the sitemap and a page missing from the search index', async () => {
    const { dist, sitemap, verify, write } = await fixture();
    write('sitemap.xml', sitemap.replace('<url><loc>https://x.vn/dien-hinh/nguyen-van-an/</loc></url>', ''));
    rmSync(path.join(dist, 'dia-phuong/xa-dong/index.html'));
    rmSync(path.join(dist, 'pagefind/fragment/vi_1.pf_fragment'));
    expect(await verify()).toEqual([
      '/dien-hinh/nguyen-van-an/ có 0 lần trong sitemap.xml (phải đúng 1 lần).',
      '/phong-trao/phong-trao-a/ có 0 bản ghi trong chỉ mục tìm kiếm (phải đúng 1).',
      'Thiếu trang /dia-phuong/xa-dong/',
    ]);
  });

  it('names a missing decision page', async () => {
    const { dist, verify } = await fixture();
    rmSync(path.join(dist, `${PAGES.at(-1)}index.html`));
    expect(await verify()).toEqual([`Thiếu trang /${PAGES.at(-1)}`]);
  });

  it('reads the parts of a sitemap index, and names the pages of a part that is missing', async () => {
    const { verify, write } = await fixture();
    const half = Math.ceil(PAGES.length / 2);
    const part = (pages: string[]) => `<urlset>${pages.map((p) => `<url><loc>https://x.vn/${p}</loc></url>`).join('')}</urlset>`;
    write(
      'sitemap.xml',
      '<sitemapindex><sitemap><loc>https://x.vn/sitemap/1.xml</loc></sitemap><sitemap><loc>https://x.vn/sitemap/2.xml</loc></sitemap></sitemapindex>',
    );
    write('sitemap/1.xml', part(PAGES.slice(0, half)));
    write('sitemap/2.xml', part(PAGES.slice(half)));
    expect(await verify()).toEqual([]);
    write('sitemap/2.xml', part([]));
    expect(await verify()).toEqual(PAGES.slice(half).map((page) => `/${page} có 0 lần trong sitemap.xml (phải đúng 1 lần).`));
  });

  it('names a page indexed twice and an indexed page that is not an entry', async () => {
    const { verify, write } = await fixture();
    write('pagefind/fragment/vi_9.pf_fragment', gzipSync(JSON.stringify({ url: '/dien-hinh/nguyen-van-an/' })));
    write('pagefind/fragment/vi_10.pf_fragment', gzipSync(JSON.stringify({ url: '/gioi-thieu/' })));
    expect(await verify()).toEqual([
      '/dien-hinh/nguyen-van-an/ có 2 bản ghi trong chỉ mục tìm kiếm (phải đúng 1).',
      'Chỉ mục tìm kiếm có trang không phải bài đã duyệt: /gioi-thieu/',
    ]);
  });

  it('finds a draft’s name in a page, in JSON and in a compressed search index fragment', async () => {
    const { verify, write } = await fixture();
    write('dien-hinh/nguyen-van-an/index.html', '<p>Xem thêm: Lê Văn Tâm</p>');
    write('nhung/dien-hinh.json', '{"items":[{"url":"https://x.vn/dien-hinh/le-van-tam/"}]}');
    write('pagefind/fragment/vi_0.pf_fragment', gzipSync('{"url":"/dien-hinh/nguyen-van-an/","content":"/dien-hinh/le-van-tam/"}'));
    expect((await verify()).sort()).toEqual([
      '"/dien-hinh/le-van-tam/" (chưa được phép đăng) có trong nhung/dien-hinh.json.',
      '"/dien-hinh/le-van-tam/" (chưa được phép đăng) có trong pagefind/fragment/vi_0.pf_fragment.',
      '"Lê Văn Tâm" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.',
    ]);
  });

  it('finds the same problems in a large output, read in threads, as in one thread', async () => {
    const { dist, write } = await fixture();
    // More files than one thread reads alone, a draft's name and a phone number among them.
    for (let i = 0; i < 300; i++) write(`danh-sach/${String(i).padStart(3, '0')}/index.html`, `<p>Trang ${i}</p>`);
    write('danh-sach/120/index.html', '<p>Xem thêm: Lê Văn Tâm</p>');
    write('danh-sach/250/index.html', '<p>Gọi 0912 345 678</p>');
    write('danh-sach/030/index.html', '<p>Gọi Lê Văn Tâm qua 0987 654 321</p>');
    const { model } = await checkContent(path.dirname(dist));
    const inThreads = await verifyOutput(dist, model, { root: path.dirname(dist), threads: 2 });
    expect(inThreads).toEqual(await verifyOutput(dist, model, { root: path.dirname(dist), threads: 0 }));
    expect(inThreads).toHaveLength(4);
    expect(inThreads).toEqual(
      expect.arrayContaining([
        '"Lê Văn Tâm" (chưa được phép đăng) có trong danh-sach/030/index.html.',
        '"Lê Văn Tâm" (chưa được phép đăng) có trong danh-sach/120/index.html.',
        expect.stringMatching(/^danh-sach\/030\/index\.html: có số điện thoại "0987 654 321"/),
        expect.stringMatching(/^danh-sach\/250\/index\.html: có số điện thoại "0912 345 678"/),
      ]),
    );
  });

  it('reads text in its own threads, not by falling back to this one', async () => {
    const { dist, write } = await fixture();
    write('dien-hinh/nguyen-van-an/index.html', '<p>Xem thêm: Lê Văn Tâm</p>');
    const rules = { dir: dist, needles: ['Lê Văn Tâm'], base: '/', allowed: [] };
    const findings = await scanInThreads([{ file: 'dien-hinh/nguyen-van-an/index.html', known: false }], rules, 1, () => {
      throw new Error('read in this thread: the scan thread did not work');
    });
    expect(findings).toEqual([{ leaks: ['"Lê Văn Tâm" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.'], personal: [], url: undefined }]);
  });

  it('finds a draft’s name written in decomposed (NFD) Unicode', async () => {
    const { verify, write } = await fixture();
    write('dien-hinh/nguyen-van-an/index.html', `<p>${'Lê Văn Tâm'.normalize('NFD')}</p>`);
    expect(await verify()).toEqual(['"Lê Văn Tâm" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.']);
  });

  it('names a feed that misses a published exemplar or carries one outside its scope', async () => {
    const { verify, write } = await fixture();
    write('phong-trao/phong-trao-a/rss.xml', rss([]));
    write('dia-phuong/tinh-cu/feed.json', jsonFeed(['/dien-hinh/nguyen-van-an/', '/dien-hinh/nguyen-van-an/']));
    expect(await verify()).toEqual(['/phong-trao/phong-trao-a/rss.xml thiếu /dien-hinh/nguyen-van-an/', '/dia-phuong/tinh-cu/feed.json có mục lặp lại.']);
  });

  it('names an image that keeps its EXIF and GPS data, and an original photo copied as it is', async () => {
    const { root, verify, write } = await fixture();
    const tagged = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Điện thoại' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 0/1 0/1' } })
      .toBuffer();
    write('_astro/anh.abc123.jpg', tagged);
    const original = path.join(root, 'content/exemplars/anh/goc.jpg');
    mkdirSync(path.dirname(original), { recursive: true });
    writeFileSync(
      original,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#246' } })
        .jpeg()
        .toBuffer(),
    );
    const withPhoto = await checkContent(root);
    withPhoto.model.exemplars[0]!.data.photos.push({ src: 'anh/goc.jpg', alt: 'Ảnh', credit: 'Tác giả' } as never);
    copyFileSync(original, path.join(root, 'dist/_astro/goc.jpg'));
    const problems = await verifyOutput(path.join(root, 'dist'), withPhoto.model, { root });
    expect(problems).toEqual([
      '_astro/anh.abc123.jpg còn siêu dữ liệu EXIF (có thể chứa vị trí GPS, máy chụp): ảnh đăng phải được xoá siêu dữ liệu.',
      '_astro/goc.jpg là bản chép nguyên ảnh gốc goc.jpg: ảnh phải qua xử lý (xoay, thu nhỏ, xoá siêu dữ liệu).',
    ]);
    expect(await verify()).toHaveLength(1);
  });

  it('names a phone number, a citizen ID and an e-mail address in any text output, but not the public contacts', async () => {
    const { verify, write } = await fixture();
    write(
      'dien-hinh/nguyen-van-an/index.html',
      '<p>Liên hệ 0912 345 678, CCCD 001203004567 và thư an@example.com; đường dây nóng lienhe@guong-sang.example.vn</p>',
    );
    write('phat-thanh/an.txt', 'Gọi 0987654321.');
    expect((await verify()).sort()).toEqual([
      'dien-hinh/nguyen-van-an/index.html: có số điện thoại "0912 345 678", không được công bố.',
      'dien-hinh/nguyen-van-an/index.html: có số định danh (CCCD/CMND) "001203004567", không được công bố.',
      'dien-hinh/nguyen-van-an/index.html: có địa chỉ thư điện tử "an@example.com", không được công bố.',
      'phat-thanh/an.txt: có số điện thoại "0987654321", không được công bố.',
    ]);
  });

  describe('in a rebuild, with the record of files found clean', () => {
    it('finds a leak written into a file that was clean, and reports it again on every build until it is gone', async () => {
      const { root, dist, write } = await fixture();
      const cacheFile = path.join(root, '.cache/output-check.json');
      const { model } = await checkContent(root);
      const verify = () => verifyOutput(dist, model, { root, cacheFile });
      expect(await verify()).toEqual([]);
      write('phong-trao/phong-trao-a/index.html', '<p>Lê Văn Tâm</p>');
      const leak = '"Lê Văn Tâm" (chưa được phép đăng) có trong phong-trao/phong-trao-a/index.html.';
      expect(await verify()).toEqual([leak]);
      expect(await verify()).toEqual([leak]);
      write('phong-trao/phong-trao-a/index.html', '<h1>Trang</h1>');
      expect(await verify()).toEqual([]);
    });

    it('checks an image written over one that was clean, and a text rewritten to the same length', async () => {
      const { root, dist, write } = await fixture();
      const cacheFile = path.join(root, '.cache/output-check.json');
      const { model } = await checkContent(root);
      const verify = () => verifyOutput(dist, model, { root, cacheFile });
      const plain = (background: string) =>
        sharp({ create: { width: 8, height: 8, channels: 3, background } })
          .jpeg()
          .toBuffer();
      write('_astro/anh.abc123.jpg', await plain('#888'));
      write('phat-thanh/an.txt', 'Lê Văn Tá.');
      expect(await verify()).toEqual([]);
      write(
        '_astro/anh.abc123.jpg',
        await sharp(await plain('#888'))
          .withExif({ IFD0: { Make: 'Điện thoại' } })
          .jpeg()
          .toBuffer(),
      );
      write('phat-thanh/an.txt', 'Lê Văn Tâm');
      expect(await verify()).toEqual([
        '"Lê Văn Tâm" (chưa được phép đăng) có trong phat-thanh/an.txt.',
        '_astro/anh.abc123.jpg còn siêu dữ liệu EXIF (có thể chứa vị trí GPS, máy chụp): ảnh đăng phải được xoá siêu dữ liệu.',
      ]);
    });

    it('scans unchanged files again when an entry they name is taken down', async () => {
      const { root, dist, write } = await fixture();
      const cacheFile = path.join(root, '.cache/output-check.json');
      write('phong-trao/phong-trao-a/index.html', '<p>Nguyễn Văn An</p>');
      expect(await verifyOutput(dist, (await checkContent(root)).model, { root, cacheFile })).toEqual([]);
      writeFileSync(path.join(root, 'content/exemplars/nguyen-van-an.mdx'), exemplar({ status: 'ban-nhap' }));
      const problems = await verifyOutput(dist, (await checkContent(root)).model, { root, cacheFile });
      expect(problems).toContain('"Nguyễn Văn An" (chưa được phép đăng) có trong phong-trao/phong-trao-a/index.html.');
    });
  });
});

describe('names to look for', () => {
  it('are found as a tree of common beginnings: every one, a name inside a longer one, nothing else', () => {
    const words = ['Tổ tự quản số 12', 'Tổ tự quản số 1', 'Tổ tự quản số 4', 'Lê Văn A', '/dien-hinh/le-van-a/', 'a.b'];
    const pattern = new RegExp(wordTreeSource(words), 'g');
    // The one pattern is used for line after line: each text is searched from its beginning, each name once.
    const found = (text: string) => [...matchesOf(text, pattern)];
    expect(found('Tổ tự quản số 12, Tổ tự quản số 13, Tổ tự quản số 4 và Lê Văn An, Lê Văn A')).toEqual([
      'Tổ tự quản số 12',
      'Tổ tự quản số 1',
      'Tổ tự quản số 4',
      'Lê Văn A',
    ]);
    expect(found('<a href="/dien-hinh/le-van-a/">a.b</a> axb Tổ tự quản số 2')).toEqual(['/dien-hinh/le-van-a/', 'a.b']);
    expect(found('Lê Văn A')).toEqual(['Lê Văn A']);
    expect(found('không có tên nào')).toEqual([]);
  });
});
