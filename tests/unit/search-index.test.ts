import { describe, expect, it } from 'vitest';
import { indexedPart } from '../../src/lib/search/indexed-part.ts';

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
