import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { makeContentRoot } from '../helpers/content-fixture.ts';
import { runScript } from '../helpers/run-script.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const run = (root: string, args: string[], input?: string) => runScript('new.ts', root, args, input);

describe('npm run new', () => {
  it('writes a draft with an ASCII id and its photo, which passes the check', async () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const photo = path.join(fixture.root, 'tu-dien-thoai.JPG');
    writeFileSync(
      photo,
      await sharp({ create: { width: 60, height: 40, channels: 3, background: '#2a6' } })
        .jpeg()
        .toBuffer(),
    );
    const result = run(fixture.root, [
      '--ten',
      'Đỗ Thị Thuỷ',
      '--loai',
      'ca-nhan',
      '--nhom',
      'can-bo-cong-chuc-vien-chuc',
      '--noi',
      'xa-dong',
      '--phong-trao',
      'phong-trao-a',
      '--linh-vuc',
      'tu-thien,y-te',
      '--trich-dan',
      'Chăm người bệnh: "tận tình".',
      '--anh',
      photo,
      '--mo-ta-anh',
      'Chị Thuỷ ở trạm y tế',
    ]);
    expect(result).toMatchObject({ status: 0, output: expect.stringContaining('content/exemplars/do-thi-thuy.mdx') });
    expect(existsSync(path.join(fixture.root, 'content/exemplars/anh/do-thi-thuy.jpg'))).toBe(true);
    const { problems, model } = await checkContent(fixture.root);
    expect(problems).toEqual([]);
    const created = model.exemplars.find((e) => e.id === 'do-thi-thuy')!;
    expect(created.data).toMatchObject({
      name: 'Đỗ Thị Thuỷ',
      citation: 'Chăm người bệnh: "tận tình".',
      socialGroup: 'can-bo-cong-chuc-vien-chuc',
      publication: { status: 'ban-nhap' },
    });
  });

  it('asks in Vietnamese and takes numbered choices', async () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    // Name, kind 2 (tập thể), place by id, no campaign, fields by number and id, citation, no photo.
    const result = run(fixture.root, [], 'Tổ hoà giải thôn Đông\n2\nxa-dong\n\n3, tu-thien\nHoà giải mười vụ việc.\n\n');
    expect(result.status).toBe(0);
    expect(result.output).toContain('Loại điển hình');
    const { problems, model } = await checkContent(fixture.root);
    expect(problems).toEqual([]);
    expect(model.exemplars.find((e) => e.id === 'to-hoa-giai-thon-dong')!.data).toMatchObject({
      kind: 'tap-the',
      fields: ['giao-duc', 'tu-thien'],
      campaigns: [],
    });
  });

  it('explains its flags with --help, the required ones marked, and writes nothing', () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, ['--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--ten', '--loai', '--noi', '--linh-vuc', '--trich-dan']) {
      expect(result.output).toMatch(new RegExp(`\\n  ${flag} +[^\\n]+\\(bắt buộc\\)\\n`));
      expect(result.output).not.toContain(`[${flag} `);
    }
    for (const flag of ['--nhom', '--phong-trao', '--anh', '--mo-ta-anh']) {
      expect(result.output).toContain(`[${flag} `);
      expect(result.output).not.toMatch(new RegExp(`\\n  ${flag} +[^\\n]+\\(bắt buộc\\)`));
    }
    expect(readdirSync(path.join(fixture.root, 'content/exemplars'))).toEqual(['nguyen-van-an.mdx']);
  });

  const GOOD = ['--ten', 'Lê Bình', '--loai', 'ca-nhan', '--noi', 'xa-dong', '--linh-vuc', 'tu-thien', '--trich-dan', 'Việc tốt.'];
  it.each([
    ['an unknown flag', [...GOOD, '--xa', 'xa-dong'], 'Không có tuỳ chọn "--xa"'],
    ['a flag without its value', [...GOOD.slice(0, -1), '--trich-dan'], 'cần một giá trị'],
    ['a value with no flag', [...GOOD, 'thừa'], 'Không hiểu "thừa"'],
    ['a missing required flag', GOOD.slice(0, -2), 'Thiếu --trich-dan.'],
    ['an empty value', [...GOOD.slice(0, -1), '  '], 'để trống'],
    ['a name that cannot become an id', ['--ten', '2024', ...GOOD.slice(2)], 'Tên "2024" không tạo được mã bài'],
    ['a citation the check refuses', [...GOOD.slice(0, -1), 'x'.repeat(321)], 'tối đa 320'],
    ['personal data in the citation', [...GOOD.slice(0, -1), 'Liên hệ 0912 345 678.'], 'số điện thoại'],
    ['an unknown kind', ['--ten', 'Lê Bình', '--loai', 'ca-nhann', ...GOOD.slice(4)], 'Loại "ca-nhann" không có'],
    ['an unknown social group', [...GOOD, '--nhom', 'nong-dann'], 'Nhóm xã hội "nong-dann" không có'],
    ['a social group for a collective', ['--ten', 'Tổ Đông', '--loai', 'tap-the', '--nhom', 'nong-dan', ...GOOD.slice(4)], 'chỉ ghi cho cá nhân'],
  ])('refuses %s before writing anything', (_, args, message) => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, args);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(message);
    expect(readdirSync(path.join(fixture.root, 'content/exemplars'))).toEqual(['nguyen-van-an.mdx']);
  });

  it('refuses a broken photo before copying it or writing the entry', async () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const photo = path.join(fixture.root, 'cat-do.jpg');
    const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    writeFileSync(photo, jpeg.subarray(0, jpeg.length / 2));
    const result = run(fixture.root, [...GOOD, '--anh', photo, '--mo-ta-anh', 'Ảnh']);
    expect(result.status, result.output).toBe(1);
    expect(readdirSync(path.join(fixture.root, 'content/exemplars'))).toEqual(['nguyen-van-an.mdx']);
  });

  it('keeps a field given twice only once', () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, [
      '--ten',
      'Trần Văn Đức',
      '--loai',
      'ca-nhan',
      '--noi',
      'xa-dong',
      '--linh-vuc',
      'tu-thien,tu-thien',
      '--trich-dan',
      'Việc tốt.',
    ]);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(path.join(fixture.root, 'content/exemplars/tran-van-duc.mdx'), 'utf8')).toContain('fields: [tu-thien]\n');
  });

  it('refuses an id that exists already', () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const before = readFileSync(path.join(fixture.root, 'content/exemplars/nguyen-van-an.mdx'), 'utf8');
    const result = run(fixture.root, ['--ten', 'Nguyễn Văn An', '--loai', 'ca-nhan', '--noi', 'xa-dong', '--linh-vuc', 'tu-thien', '--trich-dan', 'Việc tốt.']);
    expect(result).toMatchObject({ status: 1, output: expect.stringContaining('Đã có bài mã "nguyen-van-an"') });
    expect(readFileSync(path.join(fixture.root, 'content/exemplars/nguyen-van-an.mdx'), 'utf8')).toBe(before);
  });

  it('names the units of that name when given a place that is no id, and the command that finds one', () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    const result = run(fixture.root, ['--ten', 'Lê Bình', '--loai', 'ca-nhan', '--noi', 'Sài Sơn', '--linh-vuc', 'tu-thien', '--trich-dan', 'Việc tốt.']);
    expect(result).toMatchObject({ status: 1, output: expect.stringContaining('Không có địa danh mã "Sài Sơn"') });
    expect(result.output).toContain('xa-sai-son-quoc-oai (xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội');
    expect(result.output).toContain('npm run place');
  });

  it('finds the place by the name typed, old or new, and takes the number picked', async () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    // Name, kind 1 (cá nhân), a place by name and its number, no social group, no campaign, a field, the deed, no photo.
    const result = run(fixture.root, [], 'Lê Bình\n1\nthach than\n1\n\n\ntu-thien\nViệc tốt.\n\n');
    expect(result.output).toContain('xã Thạch Thán, huyện Quốc Oai, thành phố Hà Nội (đến hết 30/06/2025) (xa-thach-than-quoc-oai)');
    expect(result.status).toBe(0);
    const { model } = await checkContent(fixture.root);
    expect(model.exemplars.find((e) => e.id === 'le-binh')!.data.place).toBe('xa-thach-than-quoc-oai');
  });
});
