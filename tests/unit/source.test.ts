import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { idFromFile, parseEntry, parseYaml } from '../../src/lib/content/source.ts';

describe('idFromFile', () => {
  it('folds NFC and NFD file names to the same ASCII id', () => {
    expect(idFromFile('content/exemplars/Đặng Thị Hoà.mdx')).toBe('dang-thi-hoa');
    expect(idFromFile('content/exemplars/Đặng Thị Hòa.mdx'.normalize('NFD'))).toBe('dang-thi-hoa');
  });
  it('uses the folder name for index.mdx, so photos can live beside the story', () => {
    expect(idFromFile('content/exemplars/nguyen-van-an/index.mdx')).toBe('nguyen-van-an');
  });
});

describe('parseYaml', () => {
  it('keeps dates and leading zeros as written, as text or numbers the schema can judge', () => {
    const { source } = parseYaml('date: 2024-02-30\nphone: 0912345678\nquoted: "0912345678"\n', 'x.yaml');
    expect(source!.data).toEqual({ date: '2024-02-30', phone: 912345678, quoted: '0912345678' });
  });
  it('finds the line of a nested field, or of its parent when the field is missing', () => {
    const { source } = parseYaml('a: 1\nawards:\n  - award: x\n    date: 2024-01-01\n', 'x.yaml', 1);
    expect(source!.lineOf(['awards', 0, 'date'])).toBe(5);
    expect(source!.lineOf(['awards', 0, 'issuer'])).toBe(4);
  });
  it('refuses a key written twice', () => {
    expect(parseYaml('name: A\nname: B\n', 'x.yaml').problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('hai lần') });
  });
});

describe('parseEntry', () => {
  it('splits frontmatter and body and knows the body’s first line', () => {
    const { entry } = parseEntry('---\nname: A\n---\n\nXin chào\n', 'content/exemplars/a.mdx');
    expect(entry).toMatchObject({ id: 'a', data: { name: 'A' }, body: '\nXin chào\n', bodyLine: 4 });
  });
  it('asks for the frontmatter when it is missing', () => {
    expect(parseEntry('Xin chào', 'content/exemplars/a.mdx').problems[0].message).toContain('---');
  });
});

describe('parsed data in memory', () => {
  it('keeps its own strings, not the file they were read from', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const story = 'Bà con xã Đồng Tâm kể về người tốt việc tốt. '.repeat(2000);
    const kept: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) {
      const raw = `---\nkind: ca-nhan\nname: Nguyễn Văn Thành số ${i}\nplace: tinh-1-huyen-2-xa-3\n---\n\n${story}${i}\n`;
      kept.push(parseEntry(raw, `content/exemplars/dh-${i}.mdx`).entry!.data);
    }
    gc();
    const perEntry = (process.memoryUsage().heapUsed - before) / kept.length;
    // Each file is about 180 KB in memory; what an entry's data keeps is a few hundred bytes.
    expect(perEntry).toBeLessThan(20_000);
    expect((kept[7] as { name: string }).name).toBe('Nguyễn Văn Thành số 7');
  });
});
