import { describe, expect, it } from 'vitest';
import { indexedPart, pagefindInput } from '../../src/lib/search/indexed-part.ts';

describe('what of a page the search index depends on', () => {
  const page = (story: string, duration: string) =>
    `<article data-pagefind-body><h1>Nguyễn Văn An</h1><div class="prose story" data-pagefind-ignore><p>${story}</p><div><p>Trích</p></div></div>` +
    `<p class="muted" data-pagefind-ignore><a href="/phat-thanh/an/">Kịch bản</a> (${duration})</p><p>Xã Đông</p></article>`;

  it('leaves out ignored elements, nested ones included, so a story edit keeps the index', () => {
    expect(indexedPart(page('Câu chuyện.', 'khoảng 2 phút'))).toBe(indexedPart(page('Câu chuyện dài hơn.', 'khoảng 3 phút')));
    expect(indexedPart(page('x', 'y'))).toBe('<article data-pagefind-body><h1>Nguyễn Văn An</h1><p>Xã Đông</p></article>');
  });

  it('keeps what Pagefind reads: text outside ignored elements, and filters and metadata inside them', () => {
    expect(indexedPart(page('x', 'y'))).not.toBe(indexedPart(page('x', 'y').replace('Xã Đông', 'Xã Tây')));
    const withFilter = (commune: string) => `<div data-pagefind-ignore><span data-pagefind-filter="xa:${commune}"></span>Chữ</div>`;
    expect(indexedPart(withFilter('dong'))).not.toBe(indexedPart(withFilter('tay')));
  });

  it('keeps an ignored element whose end is missing, rather than guess', () => {
    const broken = '<div data-pagefind-ignore><p>Chữ</p>';
    expect(indexedPart(broken)).toBe(broken);
  });
});

describe('what Pagefind is given of a page', () => {
  const page = (inside: string, outside = '') =>
    `<!DOCTYPE html><html lang="vi"><head><title>Nguyễn Văn An</title>${outside}</head><body><nav><h1>Gương Sáng</h1></nav>` +
    `<article data-pagefind-body><h1>Nguyễn Văn An</h1><div data-pagefind-ignore><p>Câu chuyện.</p><span data-pagefind-filter="xa:dong">Đông</span></div>${inside}</article>` +
    `<footer>Trung tâm Văn hoá</footer></body></html>`;

  it('is the indexed regions alone, with the filters of what they ignore, in an empty page with its language', () => {
    expect(pagefindInput(page('<p>Xã Đông</p>'))).toBe(
      '<!DOCTYPE html><html lang="vi"><head></head><body><article data-pagefind-body><h1>Nguyễn Văn An</h1><span data-pagefind-filter="xa:dong">Đông</span><p>Xã Đông</p></article></body></html>',
    );
  });

  it('is the whole page when Pagefind reads something outside the regions, or they cannot be told apart', () => {
    const withMeta = page('', '<meta data-pagefind-meta="image[content]" content="/anh.jpg">');
    expect(pagefindInput(withMeta)).toBe(withMeta);
    const ignoringAll = page('<div data-pagefind-ignore="all"><span data-pagefind-meta="x">y</span></div>');
    expect(pagefindInput(ignoringAll)).toBe(ignoringAll);
    const unclosed = '<html lang="vi"><body><div data-pagefind-body><p>Chữ</p></body></html>';
    expect(pagefindInput(unclosed)).toBe(unclosed);
    const notIndexed = '<html lang="vi"><body><p>Danh sách</p></body></html>';
    expect(pagefindInput(notIndexed)).toBe(notIndexed);
  });
});
