import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exemplar, makeContentRoot } from '../helpers/content-fixture.ts';
import { ui } from '../../src/i18n/vi.ts';
import { runScript } from '../helpers/run-script.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const run = (root: string, args: string[]) => runScript('radio.ts', root, args);

describe('npm run radio', () => {
  it('writes the bulletin of a period: published entries only, newest first, the rest left for later', () => {
    const fixture = makeContentRoot({
      'content/exemplars/tran-thi-hai.mdx': exemplar({
        name: 'Trần Thị Hai',
        extra: '',
        body: 'Chị góp 1.200.000 đồng (tiền tiết kiệm) cho UBND xã.\n',
      }).replace('published: 2024-05-10', 'published: 2024-05-20'),
      'content/exemplars/le-van-nhap.mdx': exemplar({ name: 'Lê Văn Nháp', status: 'ban-nhap' }),
      'content/exemplars/pham-van-cu.mdx': exemplar({ name: 'Phạm Văn Cũ' }).replace('published: 2024-05-10', 'published: 2024-03-01'),
    });
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, ['--tu', '01/05/2024', '--den', '31/05/2024', '--ra', 'ban-tin.txt']);
    expect(result).toMatchObject({ status: 0, output: expect.stringContaining(path.join(fixture.root, 'ban-tin.txt')) });
    const text = readFileSync(path.join(fixture.root, 'ban-tin.txt'), 'utf8');
    const paragraphs = text.split('\n\n');
    // No radio block in these settings: the default lines of the interface are read.
    expect(paragraphs[1]).toBe(ui.radio.opening);
    expect(paragraphs.at(-1)!.trim()).toBe(ui.radio.closing);
    expect(text.indexOf('Trần Thị Hai')).toBeLessThan(text.indexOf('Nguyễn Văn An'));
    expect(text).toContain('Chị góp một triệu hai trăm nghìn đồng, tiền tiết kiệm, cho Ủy ban nhân dân xã.');
    expect(text).not.toMatch(/Lê Văn Nháp|Phạm Văn Cũ|[\d()]/);
  });

  it('keeps to the length asked for and names what it left out', () => {
    const fixture = makeContentRoot({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ body: `${Array(300).fill('Chữ').join(' ')}.\n` }) });
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, ['--tu', '01/05/2024', '--den', '31/05/2024', '--phut', '1', '--ra', 'ngan.txt']);
    expect(result.output).toContain(`${ui.radio.left}: Nguyễn Văn An.`);
    expect(readFileSync(path.join(fixture.root, 'ngan.txt'), 'utf8')).toContain('Để lại cho bản tin sau: Nguyễn Văn An.');
  });

  it.each([
    [['--tu', '01/05/2024'], 'Thiếu --den'],
    [['--tu', '2024/05/01', '--den', '31/05/2024'], 'không phải ngày'],
    [['--tu', '01/06/2024', '--den', '31/05/2024'], 'đứng trước'],
    [['--tu', '01/05/2024', '--den', '31/05/2024', '--phong-trao', 'khong-co'], 'Không có phong trào'],
    [['--tu', '01/01/2020', '--den', '31/01/2020'], 'Không có điển hình nào'],
  ])('refuses %j in Vietnamese', (args, message) => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    expect(run(fixture.root, args)).toMatchObject({ status: 1, output: expect.stringContaining(message) });
  });
});
