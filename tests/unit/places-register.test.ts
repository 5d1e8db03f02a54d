/**
 * The register of places: the committed file is what the import makes of the statistics office's table, its counts
 * are the official ones, and known cases read as the resolutions of 16 June 2025 state them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, importRegister, parseCsv, parseUnit, successionKind } from '../../src/lib/places/import.ts';
import { packRegister, REGISTER_FILE, unpackRegister, unpackUnits } from '../../src/lib/places/register.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The table as shared beside the project; the comparison is skipped where it is not (the build never needs it). */
const TABLE = process.env.PLACES_TABLE ?? path.resolve(ROOT, '../shared/data/places-2025/nso-bang-chuyen-doi-dvhc-2025.csv');
const committed = readFileSync(path.join(ROOT, REGISTER_FILE), 'utf8');
const { units } = unpackUnits(committed);
const places = unpackRegister(committed);
const byId = new Map(units.map((u) => [u.id, u]));
const unit = (id: string) => {
  const found = byId.get(id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
};
const current = units.filter((u) => u.validTo === undefined);

describe('the import', () => {
  it.skipIf(!existsSync(TABLE))(
    'makes the committed register from the shared table',
    () => {
      expect(packRegister(importRegister(readFileSync(TABLE, 'utf8')))).toBe(committed);
      // Under a second alone; a busy machine (a build beside it) can take five times that.
    },
    30_000,
  );

  it('cleans names, types, codes and notes', () => {
    expect(cleanText(' Xã Khe Tre\n')).toBe('Xã Khe Tre');
    expect(parseUnit('Thị Xã Kinh Môn (292)')).toEqual({ type: 'thi-xa', name: 'Kinh Môn', code: '292' });
    expect(parseUnit('Xa Ea Kly')).toMatchObject({ type: 'xa', name: 'Ea Kly' });
    expect(parseUnit('Thi trấn Ngan Dừa')).toMatchObject({ type: 'thi-tran', name: 'Ngan Dừa' });
    expect(parseUnit('Xuân Quang 3', 'xa')).toMatchObject({ type: 'xa', name: 'Xuân Quang 3' });
    expect(parseUnit('Tỉnh Hoà Bình (17)')).toMatchObject({ name: 'Hòa Bình' });
    expect(parseUnit('Phu\u031bo\u031b\u0300ng 2'.normalize('NFD'))).toMatchObject({ type: 'phuong', name: '2' });
    expect(successionKind('Nhâp một phần diện tích')).toBe('chia-tach');
    expect(successionKind('Nhập một  phần')).toBe('chia-tach');
    expect(successionKind('Phần còn lại sau khi tách một phần vào xã Canh Vinh')).toBe('chia-tach');
    expect(successionKind('Nhập toàn bộ')).toBe('sap-nhap');
    expect(successionKind('Giữ nguyên')).toBe('giu-nguyen');
    expect(successionKind('Đổi tên')).toBe('doi-ten');
    expect(successionKind('Đổi loại hình')).toBe('doi-loai-hinh');
    expect(successionKind('Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo')).toBe('doi-loai-hinh');
    expect(parseCsv('a,"b\nc","d""e"\n1,2,3')).toEqual([
      ['a', 'b\nc', 'd"e'],
      ['1', '2', '3'],
    ]);
  });
});

describe('the committed register', () => {
  it('holds the official counts', () => {
    expect(current.filter((u) => !u.parent)).toHaveLength(34);
    const communes = current.filter((u) => u.parent);
    expect(communes).toHaveLength(3321);
    expect(communes.filter((u) => u.type === 'xa')).toHaveLength(2621);
    expect(communes.filter((u) => u.type === 'phuong')).toHaveLength(687);
    expect(communes.filter((u) => u.type === 'dac-khu')).toHaveLength(13);
    expect(units.filter((u) => !u.parent && u.validTo)).toHaveLength(29);
    expect(units.filter((u) => u.code.length === 3)).toHaveLength(696);
    expect(units.filter((u) => u.code.length === 5 && u.validTo).length).toBeGreaterThan(10_000);
  });

  it('gives every unit a unique readable id, a code of its level and a parent that exists', () => {
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    for (const u of units) {
      expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(u.code).toMatch(u.parent === undefined ? /^\d{2}$/ : /^(\d{3}|\d{5})$/);
      expect(u.name).toBe(u.name.normalize('NFC').replace(/\s+/g, ' ').trim());
      if (u.parent) expect(byId.has(u.parent)).toBe(true);
      for (const s of u.successors) expect(byId.get(s.place)?.validTo).toBeUndefined();
    }
  });

  it('reads the known cases as the resolutions state them', () => {
    expect(unit('xa-sai-son-quoc-oai')).toMatchObject({
      code: '09898',
      parent: 'huyen-quoc-oai',
      validTo: '2025-06-30',
      successors: [{ place: 'xa-quoc-oai', kind: 'sap-nhap' }],
    });
    expect(unit('xa-quoc-oai')).toMatchObject({ code: '09895', type: 'xa', parent: 'ha-noi', validFrom: '2025-07-01' });
    expect(unit('thi-tran-quoc-oai-quoc-oai').successors).toContainEqual({ place: 'xa-quoc-oai', kind: 'chia-tach', basis: expect.any(Number) });
    expect(unit('phuong-doan-ket-ayun-pa')).toMatchObject({ parent: 'thi-xa-ayun-pa', successors: [{ place: 'phuong-ayun-pa', kind: 'sap-nhap' }] });
    expect(unit('phuong-ayun-pa')).toMatchObject({ code: '24044', parent: 'gia-lai' });
    expect(unit('xa-ia-sao-ayun-pa').successors).toMatchObject([{ place: 'xa-ia-sao' }]);
    expect(unit('xa-ia-sao').code).toBe('24073');
    expect(unit('xa-vu-hoi-vu-thu')).toMatchObject({ code: '13255', parent: 'huyen-vu-thu', successors: [{ place: 'xa-thu-vu' }] });
    expect(unit('xa-thu-vu')).toMatchObject({ code: '13264', parent: 'hung-yen' });
    expect(unit('huyen-vu-thu').parent).toBe('thai-binh');
    expect(unit('thai-binh')).toMatchObject({ validTo: '2025-06-30', successors: [{ place: 'hung-yen', kind: 'sap-nhap', basis: 0 }] });
    // Hải Dương had two communes named Tân Việt.
    expect(unit('xa-tan-viet-thanh-ha').successors).toMatchObject([{ place: 'xa-ha-bac' }]);
    expect(unit('xa-tan-viet-binh-giang').successors[0]!.place).toMatch(/^xa-binh-giang/);
    expect(unit('huyen-thanh-ha').parent).toBe('hai-duong');
    // Nam Đông was merged into Phú Lộc on 1 January 2025, before the table: its communes are listed under Phú Lộc.
    expect(byId.has('huyen-nam-dong')).toBe(false);
    expect(unit('thi-tran-khe-tre-phu-loc')).toMatchObject({ parent: 'huyen-phu-loc', successors: [{ place: 'xa-khe-tre' }] });
    // A district that became a special zone whole.
    expect(unit('huyen-con-dao').successors).toMatchObject([{ place: 'dac-khu-con-dao', kind: 'doi-loai-hinh' }]);
  });

  it('cites the province resolution for a commune and Nghị quyết 202/2025/QH15 for a province', () => {
    const place = (id: string) => places.find((p) => p.id === id)!;
    expect(place('xa-sai-son-quoc-oai').successors[0]).toMatchObject({ date: '2025-07-01', basis: { number: '1656/NQ-UBTVQH15', date: '2025-06-16' } });
    expect(place('xa-vu-hoi-vu-thu').successors[0]!.basis.number).toBe('1666/NQ-UBTVQH15');
    expect(place('thai-binh').successors[0]!.basis.number).toBe('202/2025/QH15');
  });
});
