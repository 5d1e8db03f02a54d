/**
 * A published entry that names an unpublished one: `npm run check` refuses it with the file, line and field, before
 * the build would fail on its output; a namesake declared by the editor is published, the same person is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { verifyOutput } from '../../src/lib/output-check/verify.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const DRAFT = { 'content/exemplars/le-van-tam.mdx': exemplar({ name: 'Lê Văn Tâm', status: 'ban-nhap' }) };
const FILE = 'content/exemplars/nguyen-van-an.mdx';
const NAMESAKE =
  'namesakes:\n  - name: Lê Văn Tâm\n    note: Ông Tâm trong bài là trưởng thôn Đông, sinh năm 1958, không phải người trong bài nháp.\n    date: 2024-05-09\n';

/** The content check's problems about unpublished entries, and the output check's on a page holding `page`. */
async function bothChecks(changes: Record<string, string>, page: string) {
  const fixture = makeContentRoot({ ...DRAFT, ...changes });
  cleanups.push(fixture.cleanup);
  const { problems, model } = await checkContent(fixture.root);
  const dist = path.join(fixture.root, 'dist');
  mkdirSync(path.join(dist, 'dien-hinh/nguyen-van-an'), { recursive: true });
  writeFileSync(path.join(dist, 'dien-hinh/nguyen-van-an/index.html'), `<main>${page}</main>`);
  const output = (await verifyOutput(dist, model, { root: fixture.root })).filter((p) => p.includes('chưa được phép đăng'));
  return { problems, output };
}

describe('names of unpublished entries in published ones', () => {
  it('refuses a quotation of a draft’s subject in a story, naming the line, before the build would', async () => {
    const story = 'Câu chuyện.\n\nTheo ông Lê Văn Tâm, việc này đã có từ lâu.\n';
    const { problems, output } = await bothChecks({ [FILE]: exemplar({ body: story }) }, '<p>Theo ông Lê Văn Tâm, việc này đã có từ lâu.</p>');
    expect(problems).toEqual([
      {
        file: FILE,
        line: 19,
        field: 'nội dung bài',
        message: expect.stringMatching(/^Có tên "Lê Văn Tâm", trùng tên một bài chưa được phép đăng \(content\/exemplars\/le-van-tam\.mdx\).*namesakes/),
      },
    ]);
    expect(output).toEqual(['"Lê Văn Tâm" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.']);
  });

  it('finds the name in a field, in capitals and in NFD text, where the output would show it', async () => {
    const role = 'Cháu của ông LÊ VĂN TÂM'.normalize('NFD');
    const { problems } = await check({ [FILE]: exemplar({ extra: `role: ${role}\n` }) });
    expect(problems).toEqual([expect.objectContaining({ file: FILE, line: 15, field: 'role' })]);
  });

  it('refuses a link to an unpublished entry’s page, which no statement can allow', async () => {
    const story = 'Xem thêm [bài về ông Tâm](/dien-hinh/le-van-tam/).\n';
    const { problems, output } = await bothChecks({ [FILE]: exemplar({ body: story, extra: NAMESAKE }) }, '<a href="/dien-hinh/le-van-tam/">bài</a>');
    expect(problems).toEqual([expect.objectContaining({ file: FILE, field: 'nội dung bài', message: expect.stringContaining('bỏ liên kết') })]);
    expect(output).toEqual(['"/dien-hinh/le-van-tam/" (chưa được phép đăng) có trong dien-hinh/nguyen-van-an/index.html.']);
  });

  it('publishes a namesake the editor has declared, with the statement kept in the entry', async () => {
    const story = 'Câu chuyện.\n\nTheo ông Lê Văn Tâm, trưởng thôn, việc này đã có từ lâu.\n';
    const { problems, output } = await bothChecks({ [FILE]: exemplar({ body: story, extra: NAMESAKE }) }, '<p>Theo ông Lê Văn Tâm, trưởng thôn</p>');
    expect(problems).toEqual([]);
    expect(output).toEqual([]);
  });

  it('accepts another person of the same name elsewhere once declared, never the same person at the same place', async () => {
    const elsewhere = exemplar({ name: 'Lê Văn Tâm', extra: NAMESAKE }).replace('place: xa-dong', 'place: tinh-moi');
    expect((await check({ 'content/exemplars/le-van-tam-2.mdx': elsewhere })).problems).toEqual([]);
    const same = exemplar({ name: 'Lê Văn Tâm', extra: NAMESAKE });
    expect((await check({ 'content/exemplars/le-van-tam-2.mdx': same })).problems).toEqual([
      expect.objectContaining({ file: 'content/exemplars/le-van-tam-2.mdx', line: 3, field: 'name', message: expect.stringContaining('cùng một người') }),
    ]);
    const undeclared = exemplar({ name: 'Lê Văn Tâm' }).replace('place: xa-dong', 'place: tinh-moi');
    expect((await check({ 'content/exemplars/le-van-tam-2.mdx': undeclared })).problems).toEqual([
      expect.objectContaining({ file: 'content/exemplars/le-van-tam-2.mdx', line: 3, field: 'name', message: expect.stringContaining('namesakes') }),
    ]);
  });

  it('looks in the site’s settings too, and says nothing when every entry is published', async () => {
    const settings = `${baseFiles['content/settings.yaml']}notice: Cảm ơn ông Lê Văn Tâm đã góp ảnh.\n`;
    expect((await check({ 'content/settings.yaml': settings })).problems).toEqual([
      expect.objectContaining({ file: 'content/settings.yaml', line: 7, field: 'notice' }),
    ]);
    const fixture = makeContentRoot({
      'content/settings.yaml': settings,
      'content/exemplars/le-van-tam.mdx': exemplar({ name: 'Lê Văn Tâm' }).replace('place: xa-dong', 'place: tinh-moi'),
    });
    cleanups.push(fixture.cleanup);
    expect((await checkContent(fixture.root)).problems).toEqual([]);
  });
});

async function check(changes: Record<string, string>) {
  const fixture = makeContentRoot({ ...DRAFT, ...changes });
  cleanups.push(fixture.cleanup);
  return checkContent(fixture.root);
}
