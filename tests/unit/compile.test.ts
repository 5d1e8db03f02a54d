import { describe, expect, it } from 'vitest';
import { compileStory } from '../../src/lib/mdx/compile.ts';

describe('story compiler', () => {
  it('turns Markdown and the documented components into HTML', () => {
    const { story, problems } = compileStory(
      '## Bếp cơm\n\nChữ **đậm**.\n\n<Figure photo="2" />\n\n<Quote by="Bà Hoà" role="chi hội trưởng">Làm được thì làm.</Quote>\n',
      2,
    );
    expect(problems).toEqual([]);
    expect(story!.html).toContain('<h2 id="bep-com">Bếp cơm</h2>');
    expect(story!.html).toContain('<gs-photo data-n="2"></gs-photo>');
    expect(story!.html).toContain(
      '<figure class="quote"><blockquote>\n<p>Làm được thì làm.</p>\n</blockquote><figcaption>Bà Hoà, chi hội trưởng</figcaption></figure>',
    );
    expect(story!.photoRefs).toEqual([2]);
    expect(story!.headings).toEqual([{ depth: 2, slug: 'bep-com', text: 'Bếp cơm' }]);
  });

  it('gives the story as plain text blocks: photos dropped, headings and quotations with their speaker kept', () => {
    const source =
      'Mở đầu có **đậm** và [liên kết](https://x.vn).\nDòng hai.\n\n## Bếp cơm\n\n- một\n- hai\n\n<Figure photo="1" />\n\n<Quote by="Bà Hoà" role="chi hội trưởng">Làm được thì làm.</Quote>\n';
    expect(compileStory(source, 1).story!.blocks).toEqual([
      { kind: 'paragraph', text: 'Mở đầu có đậm và liên kết. Dòng hai.' },
      { kind: 'heading', text: 'Bếp cơm' },
      { kind: 'paragraph', text: 'một' },
      { kind: 'paragraph', text: 'hai' },
      { kind: 'quote', text: 'Làm được thì làm.', by: 'Bà Hoà', role: 'chi hội trưởng' },
    ]);
  });

  it.each([
    ['import fs from "node:fs"', 'import/export'],
    ['export const x = 1', 'import/export'],
    ['Chào {process.env.SECRET}', 'biểu thức'],
    ['<script>alert(1)</script>', '<script>'],
    ['<iframe src="https://x.vn" />', '<iframe>'],
    ['<Video src="a.mp4" />', '<Video>'],
    ['<Figure photo={1} />', 'dấu nháy'],
    ['<Figure photo="3" />', 'từ 1 đến 2'],
    ['<Quote>Không rõ ai nói</Quote>', 'by='],
    ['![](anh.jpg)', 'photos'],
    ['[bấm](javascript:alert(1))', 'javascript:'],
    ['# Tiêu đề cấp 1', 'cấp 1'],
  ])('rejects %s before any code runs', (source, message) => {
    const { story, problems } = compileStory(`Đoạn đầu.\n\n${source}\n`, 2);
    expect(story).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining(message) })]);
  });

  it('reports an MDX syntax error with its line', () => {
    const { problems } = compileStory('Một.\n\nHai <b chưa đóng\n', 0);
    expect(problems[0].line).toBe(3);
    expect(problems[0].message).toMatch(/^Không đọc được nội dung bài: có dấu < hoặc \{ không đúng chỗ/);
  });

  it('explains the usual syntax mistakes in Vietnamese, not in the parser’s English', () => {
    const message = (source: string) => compileStory(source, 0).problems[0]?.message ?? '';
    expect(message('Đoạn <!-- ghi chú --> văn.\n')).toContain('ghi chú <!-- … --> không dùng được');
    expect(message('<Quote by="Bà Hoà">\nCâu nói.\n')).toContain('cần một </Quote>');
    expect(message('Giá { 5\n')).toContain('một dấu { chưa được đóng');
    for (const source of ['Đoạn <!-- x --> văn.\n', '<Quote by="A">\nB\n', 'Giá { 5\n', 'a < b\n'])
      expect(message(source)).not.toMatch(/[Uu]nexpected|expected|character/);
  });
});
