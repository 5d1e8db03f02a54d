import { describe, expect, it } from 'vitest';
import { cutAtSentence, storyExcerpt } from '../../src/lib/print/excerpt.ts';

describe('a story’s excerpt for its poster', () => {
  it('takes the first quotation with who said it, as plain text', () => {
    const html =
      '<p>Mở đầu.</p>\n<figure class="quote"><blockquote>\n<p>Mình khoẻ thì mình làm, &quot;có gì đâu&quot; mà khen.</p>\n</blockquote><figcaption>Bà Đặng Thị Hoà, chi hội trưởng</figcaption></figure>';
    expect(storyExcerpt(html)).toEqual({ text: 'Mình khoẻ thì mình làm, "có gì đâu" mà khen.', by: 'Bà Đặng Thị Hoà, chi hội trưởng' });
  });

  it('takes the first paragraph when there is no quotation, without its markup', () => {
    expect(storyExcerpt('<h2 id="a">Tiêu đề</h2>\n<p>Chị <strong>Hằng</strong> hướng dẫn &amp; giúp đỡ.</p><p>Sau.</p>')).toEqual({
      text: 'Chị Hằng hướng dẫn & giúp đỡ.',
    });
    expect(storyExcerpt('')).toBeUndefined();
  });

  it('cuts a long text after the last sentence that fits, or at a word', () => {
    expect(cutAtSentence('Câu một dài vừa phải. Câu hai cũng dài. Câu ba.', 42)).toBe('Câu một dài vừa phải. Câu hai cũng dài.');
    expect(cutAtSentence('một hai ba bốn năm sáu bảy tám chín mười', 20)).toBe('một hai ba bốn năm…');
    expect(cutAtSentence('Ngắn.', 20)).toBe('Ngắn.');
  });
});
