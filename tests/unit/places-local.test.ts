/**
 * The register with content/places/ laid over it: what an entry may add, what it may not say otherwise without
 * `correction`, the rule that a unit ends no later than its parent, the places that get a page, and finding a
 * place by name as editors type it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { PlaceIndex, placesInUse, usedPlaceIds } from '../../src/lib/data/places.ts';
import { published } from '../../src/lib/output-check/published.ts';
import { PREVIEW_DRAFTS } from '../../src/lib/data/publishable.ts';
import { PlaceFinder } from '../../src/lib/places/find.ts';
import { registerPlaces } from '../../src/lib/places/register.ts';
import type { IsoDate } from '../../src/lib/dates.ts';
import { baseFiles, exemplar, makeContentRoot } from '../helpers/content-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function check(places: string) {
  const fixture = makeContentRoot({ 'content/places/more.yaml': places });
  cleanups.push(fixture.cleanup);
  return checkContent(fixture.root, { threads: 0 });
}

const register = registerPlaces(process.cwd());

describe('entries of content/places/ over the register', () => {
  it('add a note to a register unit by its id alone, and the unit keeps what the register says', async () => {
    const { problems, model } = await check('- id: xa-sai-son-quoc-oai\n  note: Quê hương của nhiều điển hình.\n');
    expect(problems).toEqual([]);
    expect(model.places.find((p) => p.id === 'xa-sai-son-quoc-oai')!.data).toMatchObject({
      name: 'Sài Sơn',
      code: '09898',
      parent: 'huyen-quoc-oai',
      note: 'Quê hương của nhiều điển hình.',
    });
  });

  it('add to a register unit named by its official code, the unit of today before a former one that had the code', async () => {
    const { problems, model } = await check(`- code: "09895"
  note: Xã mới sau sắp xếp năm 2025.
- code: "09895"
  validTo: 2025-06-30
  note: Thị trấn cũ.
- code: "09898"
  note: Quê hương của nhiều điển hình.
`);
    expect(problems).toEqual([]);
    const note = (id: string) => model.places.find((p) => p.id === id)!.data.note;
    expect(note('xa-quoc-oai')).toBe('Xã mới sau sắp xếp năm 2025.');
    expect(note('thi-tran-quoc-oai-quoc-oai')).toBe('Thị trấn cũ.');
    // Sài Sơn's code is held by the former commune alone.
    expect(note('xa-sai-son-quoc-oai')).toBe('Quê hương của nhiều điển hình.');
  });

  it('refuse a code no register unit has, with its line, and two entries for one unit however they name it', async () => {
    const unknown = await check('- id: xa-sai-son-quoc-oai\n  note: Ghi chú.\n- code: "99999"\n  note: Ghi chú.\n');
    expect(unknown.problems).toEqual([
      { file: 'content/places/more.yaml', line: 3, field: 'code', message: expect.stringContaining('Không có đơn vị nào mang mã "99999"') },
    ]);
    // Written without quotes, as editors will: YAML drops the leading zero, and the check says so.
    const unquoted = await check('- code: 09898\n  note: Ghi chú.\n');
    expect(unquoted.problems).toEqual([
      { file: 'content/places/more.yaml', line: 1, field: 'code', message: expect.stringContaining('phải ghi trong dấu nháy') },
    ]);
    const twice = await check('- id: xa-sai-son-quoc-oai\n  note: Một.\n- code: "09898"\n  note: Hai.\n');
    expect(twice.problems.map((p) => [p.line, p.message])).toEqual([
      [1, expect.stringContaining('Trùng mã "xa-sai-son-quoc-oai"')],
      [3, expect.stringContaining('Trùng mã "xa-sai-son-quoc-oai"')],
    ]);
  });

  it('name the one part of a split unit that applies, among those the register names', async () => {
    const { problems, model } = await check(`- id: thi-tran-quoc-oai-quoc-oai
  successors:
    - { place: xa-tay-phuong, kind: chia-tach, date: 2025-07-01, basis: { number: 1656/NQ-UBTVQH15, date: 2025-06-16 } }
`);
    expect(problems).toEqual([]);
    const index = new PlaceIndex(
      model.places.map((p) => p.data),
      '2026-01-01' as IsoDate,
    );
    expect(index.nowPartOf('thi-tran-quoc-oai-quoc-oai')).toBe('xã Tây Phương');
    const all = new PlaceIndex(register, '2026-01-01' as IsoDate);
    expect(all.nowPartOf('thi-tran-quoc-oai-quoc-oai')).toBe('xã Quốc Oai hoặc xã Tây Phương');
  });

  it('report a contradiction of the register unless it says why', async () => {
    const wrong = await check('- id: xa-sai-son-quoc-oai\n  name: Sài Sơn Mới\n  parent: ha-noi\n');
    expect(wrong.problems.map((p) => [p.field, p.message])).toEqual([
      ['name', expect.stringContaining('tên ở đó là "Sài Sơn"')],
      ['parent', expect.stringContaining('correction')],
    ]);
    expect(wrong.problems[0]!.file).toBe('content/places/more.yaml');
    const later = await check('- id: xa-quoc-oai\n  name: Quốc Oai Mới\n  correction: Nghị quyết năm 2026 đổi tên xã (thử nghiệm).\n');
    expect(later.problems).toEqual([]);
    const elsewhere = await check(`- id: xa-sai-son-quoc-oai
  successors:
    - { place: xa-tay-phuong, kind: sap-nhap, date: 2025-07-01, basis: { number: 1656/NQ-UBTVQH15, date: 2025-06-16 } }
`);
    expect(elsewhere.problems).toEqual([expect.objectContaining({ field: 'successors[0].place', message: expect.stringContaining('xa-quoc-oai') })]);
  });

  it('need a name and a type for a unit of their own, and the register id for a unit the register has', async () => {
    const { problems } = await check(
      '- id: thon-moi\n  parent: xa-quoc-oai\n- id: xa-sai-son-cu\n  name: Sài Sơn\n  type: xa\n  code: "09898"\n  validTo: 2025-06-30\n',
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('cần ghi name'),
      expect.stringContaining('cần ghi type'),
      expect.stringContaining('"xa-sai-son-quoc-oai"'),
    ]);
  });

  it('take a later change: a unit of today renamed in 2026 ends, and the new unit keeps its code', async () => {
    const { problems, model } = await check(`- id: xa-quoc-oai
  validTo: 2026-03-31
  successors:
    - { place: xa-quoc-oai-moi, kind: doi-ten, date: 2026-04-01, basis: { number: 99/NQ-UBTVQH15, title: Nghị quyết thử nghiệm, date: 2026-03-01 } }
- { id: xa-quoc-oai-moi, name: Quốc Oai Mới, type: xa, code: "09895", parent: ha-noi, validFrom: 2026-04-01 }
`);
    expect(problems).toEqual([]);
    const index = new PlaceIndex(
      model.places.map((p) => p.data),
      '2026-06-01' as IsoDate,
    );
    expect(index.nowPartOf('xa-sai-son-quoc-oai')).toBe('xã Quốc Oai Mới');
  });

  it('report a unit that ends after the unit above it', async () => {
    const { problems } = await check('- id: thon-cu\n  name: Thôn Cũ\n  type: thon\n  parent: xa-sai-son-quoc-oai\n  validTo: 2025-12-31\n');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/places/more.yaml',
        field: 'validTo',
        message: expect.stringContaining('chấm dứt sau đơn vị cấp trên "xa-sai-son-quoc-oai"'),
      }),
    ]);
  });

  it('leave the fixture places of its own working as before', async () => {
    const { problems } = await check('[]\n');
    expect(problems).toEqual([]);
    expect(baseFiles['content/places/test.yaml']).toContain('xa-dong');
  });
});

describe('places in use', () => {
  it('are those published entries are filed under, with the units above them and those that took them over', () => {
    const byId = new Map(register.map((p) => [p.id, p]));
    const inUse = placesInUse((id) => byId.get(id), usedPlaceIds([{ place: 'xa-sai-son-quoc-oai' }, { place: 'xa-vu-hoi-vu-thu', results: { byPlace: [] } }]));
    expect([...inUse].sort()).toEqual([
      'ha-noi',
      'hung-yen',
      'huyen-quoc-oai',
      'huyen-vu-thu',
      'thai-binh',
      'xa-quoc-oai',
      'xa-sai-son-quoc-oai',
      'xa-thu-vu',
      'xa-vu-hoi-vu-thu',
    ]);
  });

  it('are the place pages the output check expects, not the whole register', async () => {
    const { model } = await check('[]\n');
    expect(published(model).places).toEqual(['tinh-cu', 'tinh-moi', 'xa-dong']);
  });
});

describe('finding a place by name', () => {
  const finder = new PlaceFinder(register);
  const ids = (query: string) => finder.find(query).map((p) => p.id);

  it('with or without diacritics, in either normal form and tone placement', () => {
    expect(ids('Thạch Thán')).toEqual(['xa-thach-than-quoc-oai']);
    expect(ids('thach than')).toEqual(['xa-thach-than-quoc-oai']);
    expect(ids('Thạch Thán'.normalize('NFD'))).toEqual(['xa-thach-than-quoc-oai']);
    expect(ids('Điềm Thuỵ')).toEqual(ids('diem thuy'));
    expect(ids('dien bien')).toContain('dien-bien');
  });

  it('by the old or the new name, narrowed by a type, district or province word', () => {
    expect(ids('Quốc Oai')).toEqual(expect.arrayContaining(['xa-quoc-oai', 'huyen-quoc-oai', 'thi-tran-quoc-oai-quoc-oai']));
    expect(ids('xã Quốc Oai Hà Nội')).toEqual(['xa-quoc-oai']);
    expect(ids('Tân Việt Thanh Hà')).toEqual(['xa-tan-viet-thanh-ha']);
    expect(ids('tan viet binh giang')).toEqual(['xa-tan-viet-binh-giang']);
    expect(ids('Vũ Hội Hưng Yên')).toEqual(['xa-vu-hoi-vu-thu']);
  });

  it('by the official code, the unit of today first', () => {
    expect(ids('09895')).toEqual(['xa-quoc-oai', 'thi-tran-quoc-oai-quoc-oai']);
    expect(ids('09898')).toEqual(['xa-sai-son-quoc-oai']);
    expect(ids('99999')).toEqual([]);
  });
});

describe('the places the preview shows', () => {
  it('are read from the frontmatter of the stories shown, drafts included only in the preview', async () => {
    const { usedPlacesOfStories } = await import('../../src/lib/places/in-use.ts');
    const fixture = makeContentRoot({
      'content/exemplars/ban-nhap.mdx': exemplar({ name: 'Trần Thị Bình', status: 'ban-nhap' }).replace('place: xa-dong', 'place: xa-sai-son-quoc-oai'),
      'content/exemplars/da-rut.mdx': exemplar({ name: 'Phạm Văn Dũng', status: 'da-rut' }).replace('place: xa-dong', 'place: xa-ia-sao-ayun-pa'),
      'content/exemplars/da-duyet.mdx': exemplar({ name: 'Lê Văn Cường' }).replace('place: xa-dong', 'place: xa-thach-than-quoc-oai'),
    });
    cleanups.push(fixture.cleanup);
    const used = await usedPlacesOfStories(fixture.root);
    expect(used.has('xa-dong')).toBe(true);
    expect(used.has('xa-thach-than-quoc-oai')).toBe(true);
    // A draft is shown in the preview only (vitest runs with Vite's DEV flag, as npm run dev does); a withdrawn entry never.
    expect(used.has('xa-sai-son-quoc-oai')).toBe(PREVIEW_DRAFTS);
    expect(used.has('xa-ia-sao-ayun-pa')).toBe(false);
  });
});
