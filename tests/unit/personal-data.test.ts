import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/lib/content/personal-data.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

describe('personal data', () => {
  it.each([
    ['Gọi anh Bình: 0912 345 678', 'số điện thoại'],
    ['SĐT +84 912.345.678', 'số điện thoại'],
    ['CCCD 001234567890 của ông', 'số định danh'],
    ['CMND số 123456789', 'số định danh'],
    ['Thư: an.nguyen@gmail.com', 'thư điện tử'],
  ])('finds %s', (text, kind) => {
    expect(findPersonalData(text)).toEqual([expect.objectContaining({ kind: expect.stringContaining(kind) })]);
  });

  it.each(['Quyết định số 1520/QĐ-UBND ngày 20/09/2022', 'Hiến 300 mét vuông đất, giá trị 100.000.000 đồng', 'Năm 2021 - 2025, 12 thôn'])(
    'leaves ordinary numbers alone: %s',
    (text) => {
      expect(findPersonalData(text)).toEqual([]);
    },
  );

  it.each(['SĐT 0912345678 0987654321', '0912 345 678 - 0987 654 321', '0912345678/0987654321', '0912 345 678/0987 654 321', '0912.345.678, 0987.654.321'])(
    'finds two phone numbers side by side: %s',
    (text) => {
      expect(findPersonalData(text).map((hit) => hit.value.replace(/\D/g, ''))).toEqual(['0912345678', '0987654321']);
    },
  );

  it('finds every address of a page whole, wherever it stands, and nothing in structured data', () => {
    const local = 'nguyen.thi.hoa.hoi.phu.nu.xa.dong.tam.nhiem.ky.2021.2026.lien.he.truc.tiep';
    const page = [
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person"}</script>',
      `<p>Thư: ${local}@gmail.com, hoặc <a href="mailto:Đặng.Hoà@bưuđiện.vn">Đặng.Hoà@bưuđiện.vn</a></p>`,
      'an@b.vn@c.vn',
      '𝐁ình@𝐁ưu.vn',
    ].join('\n');
    expect(findPersonalData(page).map((hit) => hit.value)).toEqual([`${local}@gmail.com`, 'Đặng.Hoà@bưuđiện.vn', 'an@b.vn', '𝐁ình@𝐁ưu.vn']);
    expect(findPersonalData('@gmail.com @ a@b ai@')).toEqual([]);
  });

  it('allows the public contacts of the site, however they are spaced', () => {
    expect(findPersonalData('Đường dây nóng 0234.3888.000 hoặc lienhe@ttvh.example.vn', ['0234 3888 000', 'lienhe@ttvh.example.vn'])).toEqual([]);
  });

  it('reports personal data in fields and story bodies with the line, unless listed in settings', async () => {
    const fixture = makeContentRoot({
      'content/exemplars/nguyen-van-an.mdx': exemplar({ body: 'Câu chuyện.\n\nLiên hệ anh An qua số 0912345678.\n' })
        .replace('role', 'role')
        .replace('citation: Giúp người nghèo.', 'citation: Giúp người nghèo, email an@gmail.com.'),
    });
    try {
      const { problems } = await checkContent(fixture.root);
      expect(problems.map((p) => [p.line, p.field])).toEqual([
        [9, 'citation'],
        [19, 'nội dung bài'],
      ]);
    } finally {
      fixture.cleanup();
    }
  });

  it.each([
    ['a phone number wrapped onto the next line', 'Liên hệ anh Bình qua số 0912\n345 678 nhé.', 19, 'Có số điện thoại "0912 345 678"'],
    ['the same with Windows line ends', 'Liên hệ anh Bình qua số 0912\r\n345 678 nhé.', 19, 'Có số điện thoại "0912 345 678"'],
    ['an ID after its cue word on the line before', 'Số chứng minh nhân dân của ông là\n123.456.789.', 20, 'Có số định danh (CCCD/CMND) "123.456.789"'],
    ['an address broken inside "(a)"', 'Thư gửi an (a\n) gmail.com nhé.', 19, 'Có địa chỉ thư điện tử "an (a ) gmail.com"'],
  ])('reports %s at the line where it starts, as the page shows it whole', async (_, text, line, message) => {
    const fixture = makeContentRoot({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ body: `Câu chuyện.\n\n${text}\n` }) });
    try {
      const { problems } = await checkContent(fixture.root);
      expect(problems.map((p) => [p.line, p.field, p.message.slice(0, message.length)])).toEqual([[line, 'nội dung bài', message]]);
      const page = `<article><p>Câu chuyện.</p>\n<p>${text}</p></article>`;
      expect(findPersonalData(page).map((hit) => hit.message.slice(0, message.length))).toEqual([message]);
    } finally {
      fixture.cleanup();
    }
  });

  it('reports personal data in places, awards and the settings, which are published too', async () => {
    const fixture = makeContentRoot({
      'content/settings.yaml': `${baseFiles['content/settings.yaml']}notice: Góp ý gọi chị Hoa 0912 345 678.\n`,
      'content/awards.yaml': `${baseFiles['content/awards.yaml']}  description: Hồ sơ gửi về thu.ky@example.com.\n`,
      'content/places/test.yaml': `${baseFiles['content/places/test.yaml']}  note: Trưởng thôn, CCCD 001203004567.\n`,
    });
    try {
      const { problems } = await checkContent(fixture.root);
      expect(problems.map((p) => [p.file, p.line, p.field, p.message.slice(0, 24)])).toEqual([
        ['content/settings.yaml', 7, 'notice', 'Có số điện thoại "0912 3'],
        ['content/places/test.yaml', 17, 'note', 'Có số định danh (CCCD/CM'],
        ['content/awards.yaml', 5, 'description', 'Có địa chỉ thư điện tử "'],
      ]);
    } finally {
      fixture.cleanup();
    }
  });

  it('reads a long text in time proportional to its length, whatever it is made of', () => {
    // Each of these would take seconds, or hours, with a pattern that backtracks: runs of what joins the groups of a
    // number, of markup between digits, of what an address is made of, of ways of writing "@".
    let seed = 7;
    const random = (chars: string) => chars[(seed = (seed * 48271) % 2147483647) % chars.length]!;
    const size = 200_000;
    const texts = {
      'one run of digits': '0'.repeat(size),
      'digits and spaces': '1 '.repeat(size / 2),
      'digits and dots': '12.'.repeat(size / 3),
      'groups of three': '012 '.repeat(size / 4),
      'emphasis after a digit': `1${'*'.repeat(size)}`,
      'digits and emphasis': '1**'.repeat(size / 3),
      underscores: `1${'_'.repeat(size)}`,
      'digits and underscores': '1_'.repeat(size / 2),
      'digits and tags': '1<span>'.repeat(size / 7),
      'an unclosed tag': `1<span${' '.repeat(size)}`,
      'escaped tags': '1&lt;b&gt;'.repeat(size / 10),
      'a long local part': `${'a.'.repeat(size / 2)}@`,
      'at signs': 'a@'.repeat(size / 2),
      'a long domain': `a@${'b.'.repeat(size / 2)}`,
      'spaced at signs': 'a @ '.repeat(size / 4),
      'written at signs': 'a (a) b.c '.repeat(size / 10),
      'a còng': 'a a còng '.repeat(size / 9),
      references: '&amp;#6'.repeat(size / 7),
      'cue words and numbers': 'SĐT: 3822 1234 CCCD '.repeat(size / 20),
      'addresses and numbers': 'an0912345678@x.vn 0987654321 '.repeat(size / 30),
      'mixed digits and punctuation': Array.from({ length: size }, () => random('0123456789 .-()+/,@*_<>&;:a')).join(''),
    };
    for (const [name, text] of Object.entries(texts)) {
      const start = performance.now();
      findPersonalData(text);
      // Loose on purpose: a linear pass takes a few milliseconds, a quadratic one far more than this.
      expect(performance.now() - start, name).toBeLessThan(1500);
    }
  });
});
