import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkContent } from '../../src/lib/content/check.ts';
import { formatProblems } from '../../src/lib/content/issues.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function check(changes: Parameters<typeof makeContentRoot>[0]) {
  const fixture = makeContentRoot(changes);
  cleanups.push(fixture.cleanup);
  return checkContent(fixture.root);
}

describe('content check', () => {
  it('accepts the valid base', async () => {
    const { problems, model } = await check({});
    expect(problems).toEqual([]);
    expect(model.exemplars.map((e) => e.id)).toEqual(['nguyen-van-an']);
  });

  it('rejects an unknown field with its line', async () => {
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ extra: 'nickname: An\n' }) });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/exemplars/nguyen-van-an.mdx',
        line: 15,
        field: 'nickname',
        message: expect.stringContaining('không có trong mẫu'),
      }),
    ]);
  });

  it('says a required field is missing, in Vietnamese, at the parent’s line', async () => {
    const text = exemplar({})
      .replace(/^place: .*\n/m, '')
      .replace(/^storyType: .*\n/m, '');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': text });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['place', 'Thiếu trường bắt buộc này.'],
      ['storyType', 'Thiếu trường bắt buộc này.'],
    ]);
  });

  it('rejects a reference to a place that does not exist, naming file and field', async () => {
    const text = exemplar({}).replace('place: xa-dong', 'place: xa-tay');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': text });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/exemplars/nguyen-van-an.mdx', line: 4, field: 'place', message: expect.stringContaining('"xa-tay"') }),
    ]);
  });

  it('rejects references to missing campaigns and awards', async () => {
    const text = exemplar({}).replace('campaigns: [phong-trao-a]', 'campaigns: [phong-trao-b]').replace('award: giay-khen', 'award: bang-vang');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': text });
    expect(problems.map((p) => p.field).sort()).toEqual(['awards[0].award', 'campaigns[0]']);
  });

  it('names both files when two file names fold to the same id', async () => {
    const { problems } = await check({ 'content/exemplars/Nguyễn Văn An.mdx': exemplar({}) });
    expect(problems).toHaveLength(2);
    for (const problem of problems) {
      expect(problem.message).toContain('content/exemplars/nguyen-van-an.mdx');
      expect(problem.message).toContain('content/exemplars/Nguyễn Văn An.mdx');
    }
  });

  it('names both lines when two places share an id', async () => {
    const { problems } = await check({ 'content/places/more.yaml': '- { id: xa-dong, name: Đông, type: xa }\n' });
    expect(problems.map((p) => `${p.file}:${p.line}`).sort()).toEqual(['content/places/more.yaml:1', 'content/places/test.yaml:13']);
  });

  it('refuses impossible and ambiguous dates', async () => {
    const impossible = exemplar({}).replace('date: 2024-05-01', 'date: 30/02/2024');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': impossible });
    expect(problems).toEqual([expect.objectContaining({ field: 'awards[0].date', message: expect.stringContaining('không có trên lịch') })]);
    const american = exemplar({}).replace('published: 2024-05-10', 'published: 05/30/2024');
    expect((await check({ 'content/exemplars/nguyen-van-an.mdx': american })).problems[0].field).toBe('published');
  });

  it('explains an unquoted number that should be text', async () => {
    const { problems } = await check({ 'content/settings.yaml': makeSettings('  phone: 0912345678\n') });
    expect(problems).toEqual([expect.objectContaining({ field: 'publisher.phone', message: expect.stringContaining('dấu nháy') })]);
  });

  it('fills in the radio settings a site leaves out, and explains a reading speed out of range', async () => {
    const { problems, model } = await check({});
    expect(problems).toEqual([]);
    expect(model.settings!.radio).toMatchObject({ syllablesPerMinute: 200, bulletinMinutes: 15, opening: expect.stringContaining('Gương sáng quanh ta') });
    const { problems: slow } = await check({ 'content/settings.yaml': makeSettings('radio:\n  syllablesPerMinute: 20\n') });
    expect(slow).toEqual([expect.objectContaining({ field: 'radio.syllablesPerMinute', message: expect.stringContaining('quá chậm') })]);
  });

  it('reports YAML syntax errors at their line', async () => {
    const broken = exemplar({}).replace('citation: Giúp người nghèo.', 'citation: "Giúp người nghèo.');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': broken });
    expect(problems[0]).toMatchObject({ file: 'content/exemplars/nguyen-van-an.mdx', message: expect.stringContaining('YAML') });
    expect(problems[0].line).toBeGreaterThanOrEqual(9);
  });

  it('requires approval, and consent for approved individuals', async () => {
    const text = exemplar({})
      .replace(/consent: .*\n/, '')
      .replace(/, approval: \{[^}]*\}/, '');
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': text });
    expect(problems.map((p) => p.field).sort()).toEqual(['consent', 'publication.approval']);
  });

  it('requires the guardian’s consent for a minor', async () => {
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ extra: 'minor: true\n' }) });
    expect(problems).toEqual([expect.objectContaining({ field: 'consent.guardian' })]);
  });

  it('rejects code in a story body with the file line', async () => {
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ body: 'Đoạn một.\n\n<script>alert(1)</script>\n' }) });
    expect(problems).toEqual([expect.objectContaining({ line: 19, message: expect.stringContaining('<script>') })]);
  });

  it('rejects invisible characters and normalises NFD text to NFC', async () => {
    const { problems, model } = await check({
      'content/exemplars/nguyen-van-an.mdx': exemplar({}).normalize('NFD'),
      'content/exemplars/tran-binh.mdx': exemplar({ name: 'Trần\u200B Bình' }),
    });
    expect(model.exemplars[0].data.name).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(problems).toEqual([expect.objectContaining({ file: 'content/exemplars/tran-binh.mdx', field: 'name', message: expect.stringContaining('U+200B') })]);
  });

  it('lists every problem of every file in one report', async () => {
    const { problems } = await check({
      'content/exemplars/nguyen-van-an.mdx': exemplar({ extra: 'nickname: An\n' }),
      'content/exemplars/le-thi-ba.mdx': exemplar({ name: 'Lê Thị Ba' }).replace('fields: [tu-thien]', 'fields: [bay-nhay]'),
    });
    const report = formatProblems(problems);
    expect(report).toContain('2 lỗi trong 2 tệp');
    expect(report).toContain('content/exemplars/le-thi-ba.mdx:6 [fields[0]]');
  });

  it('requires campaign attachments to exist under public/tai-lieu/', async () => {
    const campaign = baseFiles['content/campaigns/phong-trao-a.mdx'].replace(
      'published: 2024-01-06',
      'published: 2024-01-06\nattachments:\n  - { title: Kế hoạch (PDF), file: /tai-lieu/ke-hoach.pdf }',
    );
    const missing = await check({ 'content/campaigns/phong-trao-a.mdx': campaign });
    expect(missing.problems).toEqual([expect.objectContaining({ field: 'attachments[0].file', line: 16 })]);
    const present = await check({ 'content/campaigns/phong-trao-a.mdx': campaign, 'public/tai-lieu/ke-hoach.pdf': '%PDF-1.4' });
    expect(present.problems).toEqual([]);
  });

  it('accepts other sites to search only by their path on this domain', async () => {
    const settings = (sites: string) => `${baseFiles['content/settings.yaml']}otherSites:\n${sites}`;
    const good = await check({ 'content/settings.yaml': settings('  - { name: Gương Sáng huyện Quốc Oai, path: /quoc-oai/ }\n') });
    expect(good.problems).toEqual([]);
    const elsewhere = await check({ 'content/settings.yaml': settings('  - { name: Trang khác, path: "https://khac.example.vn/" }\n') });
    expect(elsewhere.problems).toEqual([expect.objectContaining({ field: 'otherSites[0].path', line: 8, message: expect.stringContaining('cùng tên miền') })]);
  });

  it('refuses a HEIC photo with a hint to convert it', async () => {
    const text = exemplar({ extra: 'photos:\n  - { src: ./anh/a.heic, alt: Ảnh, credit: Trung tâm }\n' });
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': text, 'content/exemplars/anh/a.heic': Buffer.from('x') });
    expect(problems).toEqual([expect.objectContaining({ field: 'photos[0].src', message: expect.stringContaining('JPEG') })]);
  });
});

function makeSettings(publisherExtra: string) {
  return `siteName: Gương Sáng
tagline: Thử nghiệm
url: https://example.vn/
publisher:
  name: Trung tâm thử nghiệm
  address: Địa chỉ thử nghiệm
${publisherExtra}`;
}

describe('photos', () => {
  const withPhoto = exemplar({ extra: 'photos:\n  - { src: ./anh/a.jpg, alt: Ảnh, credit: Trung tâm }\n' });

  it('accepts a sound JPEG', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    expect((await check({ 'content/exemplars/nguyen-van-an.mdx': withPhoto, 'content/exemplars/anh/a.jpg': jpeg })).problems).toEqual([]);
  });

  it('refuses a JPEG cut short while copying', async () => {
    const jpeg = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#888', noise: { type: 'gaussian' as const, mean: 128, sigma: 40 } },
    })
      .jpeg()
      .toBuffer();
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': withPhoto, 'content/exemplars/anh/a.jpg': jpeg.subarray(0, jpeg.length / 2) });
    expect(problems).toEqual([expect.objectContaining({ field: 'photos[0].src', line: 16, message: expect.stringContaining('bị hỏng') })]);
  });

  it('recognises a HEIC photo even under a .jpg name', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(40)]);
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': withPhoto, 'content/exemplars/anh/a.jpg': heic });
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('HEIC') })]);
  });

  it('decodes many photos at once and reports the broken ones in the order of the files', async () => {
    const jpeg = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#888', noise: { type: 'gaussian' as const, mean: 128, sigma: 40 } },
    })
      .jpeg()
      .toBuffer();
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 30; i++) {
      const n = String(i).padStart(2, '0');
      files[`content/exemplars/nguoi-${n}.mdx`] = exemplar({
        name: `Người ${n}`,
        extra: `photos:\n  - { src: ./anh/${n}.jpg, alt: Ảnh, credit: Trung tâm }\n`,
      });
      files[`content/exemplars/anh/${n}.jpg`] = i === 7 || i === 23 ? jpeg.subarray(0, jpeg.length / 2) : jpeg;
    }
    const { problems } = await check(files);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['content/exemplars/nguoi-07.mdx', 'photos[0].src'],
      ['content/exemplars/nguoi-23.mdx', 'photos[0].src'],
    ]);
  });

  it('refuses an image over 40 megapixels', async () => {
    const huge = await sharp({ create: { width: 8000, height: 5100, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const { problems } = await check({ 'content/exemplars/nguyen-van-an.mdx': withPhoto.replace('a.jpg', 'a.png'), 'content/exemplars/anh/a.png': huge });
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('41 triệu điểm ảnh') })]);
  });
});
