/**
 * Turns the National Statistics Office's conversion table between new and old administrative units (2025) into the
 * project's register of places: every current province and commune-level unit, every former province, district and
 * commune-level unit the table names, with official codes, types, parents, dates and successor links. Pure: it reads
 * the table's text and returns the register, so the test can run it on the shared table and compare it with the
 * committed file. `npm run places:import` (scripts/places-import.ts) writes the result.
 *
 * Cleaning, each rule named because the table needs it (see the data's README): names in NFC with spaces collapsed
 * (about 1,550 carry stray spaces or line breaks), unit types read case-insensitively ("Thị Xã", "phường"), typos
 * fixed ("Xa", "Thi trấn", "Nhâp"), a former commune written without its type read as a xã, codes padded to five
 * digits (communes), three (districts) and two (provinces), province labels matched by name (one row labels the
 * former Quảng Trị with the new province's code). A row whose former unit is no unit (a coastal alluvial area) is
 * skipped; a district that became a special zone whole (Côn Đảo, Lý Sơn…) gets that zone as its successor.
 */
import { slugify, toNfc } from '../text.ts';
import type { PlaceType, SuccessionKind } from '../../schemas/place.ts';

/** The first day of the 2025 units and the last day of the former ones. */
export const REFORM_FIRST_DAY = '2025-07-01';
export const REFORM_LAST_DAY = '2025-06-30';

export interface RegisterDocument {
  number: string;
  title: string;
  issuer: string;
  date: string;
}

export interface RegisterUnit {
  id: string;
  code: string;
  type: PlaceType;
  name: string;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  successors: { place: string; kind: SuccessionKind; basis: number }[];
}

export interface Register {
  source: string;
  documents: RegisterDocument[];
  units: RegisterUnit[];
}

export const REGISTER_SOURCE =
  'Cục Thống kê (Bộ Tài chính), Bảng chuyển đổi đơn vị hành chính mới – cũ năm 2025 (BangChuyendoiĐVHCmoi_cu_final.xlsx, bảng "Tổng hợp_không merge")';

export const NQ_202: RegisterDocument = {
  number: '202/2025/QH15',
  title: 'Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh',
  issuer: 'Quốc hội',
  date: '2025-06-12',
};

/** The resolution of the National Assembly Standing Committee on each new province's commune-level units. */
const RESOLUTIONS: Record<string, number> = {
  'An Giang': 1654,
  'Cà Mau': 1655,
  'Hà Nội': 1656,
  'Cao Bằng': 1657,
  'Bắc Ninh': 1658,
  'Đà Nẵng': 1659,
  'Đắk Lắk': 1660,
  'Điện Biên': 1661,
  'Đồng Nai': 1662,
  'Đồng Tháp': 1663,
  'Gia Lai': 1664,
  'Hà Tĩnh': 1665,
  'Hưng Yên': 1666,
  'Khánh Hòa': 1667,
  'Cần Thơ': 1668,
  'Hải Phòng': 1669,
  'Lai Châu': 1670,
  'Lâm Đồng': 1671,
  'Lạng Sơn': 1672,
  'Lào Cai': 1673,
  'Ninh Bình': 1674,
  Huế: 1675,
  'Phú Thọ': 1676,
  'Quảng Ngãi': 1677,
  'Nghệ An': 1678,
  'Quảng Ninh': 1679,
  'Quảng Trị': 1680,
  'Sơn La': 1681,
  'Tây Ninh': 1682,
  'Thái Nguyên': 1683,
  'Tuyên Quang': 1684,
  'Hồ Chí Minh': 1685,
  'Thanh Hóa': 1686,
  'Vĩnh Long': 1687,
};

/** Names the table spells in more than one way, each written as the resolutions write it. */
const NAME_FIXES: Record<string, string> = { 'Hoà Bình': 'Hòa Bình' };

const TYPE_WORDS: [string, PlaceType][] = [
  ['thành phố', 'thanh-pho'],
  ['thị trấn', 'thi-tran'],
  ['thi trấn', 'thi-tran'],
  ['thị xã', 'thi-xa'],
  ['đặc khu', 'dac-khu'],
  ['phường', 'phuong'],
  ['huyện', 'huyen'],
  ['quận', 'quan'],
  ['tỉnh', 'tinh'],
  ['xã', 'xa'],
  ['xa', 'xa'],
];

/** NFC, every run of spaces and line breaks one space, trimmed. */
export function cleanText(value: string): string {
  return toNfc(value).replace(/\s+/g, ' ').trim();
}

/** "Thị Xã Kinh Môn (292)" → type, name and code; a name without a type word gets `fallback`. */
export function parseUnit(label: string, fallback?: PlaceType): { type?: PlaceType; name: string; code?: string } {
  let text = cleanText(label);
  let code: string | undefined;
  const coded = /^(.*?)\s*\((\d+)\)$/.exec(text);
  if (coded) [text, code] = [coded[1]!, coded[2]!];
  const lower = text.toLocaleLowerCase('vi');
  for (const [word, type] of TYPE_WORDS) {
    if (lower.startsWith(`${word} `)) {
      const name = text.slice(word.length + 1).trim();
      return { type, name: NAME_FIXES[name] ?? name, code };
    }
  }
  return { type: fallback, name: NAME_FIXES[text] ?? text, code };
}

/** The kind of change from the note column, in its many spellings. */
export function successionKind(note: string): SuccessionKind {
  const text = cleanText(note).toLocaleLowerCase('vi').replace(/nhâp/g, 'nhập');
  if (text.includes('một phần') || text.startsWith('phần còn lại')) return 'chia-tach';
  if (text.includes('thành đặc khu') || text.includes('đổi loại hình')) return 'doi-loai-hinh';
  if (text.startsWith('đổi tên')) return 'doi-ten';
  if (text.startsWith('giữ nguyên')) return 'giu-nguyen';
  if (text.includes('toàn bộ')) return 'sap-nhap';
  throw new Error(`Unknown kind of change: "${note}"`);
}

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const PROVINCE_TYPE = (type: PlaceType | undefined): PlaceType => (type === 'thanh-pho' ? 'thanh-pho-truc-thuoc-trung-uong' : 'tinh');
const TYPE_SLUG: Partial<Record<PlaceType, string>> = { 'thanh-pho': 'thanh-pho', 'thi-xa': 'thi-xa', 'thi-tran': 'thi-tran', 'dac-khu': 'dac-khu' };
const typeSlug = (type: PlaceType) => TYPE_SLUG[type] ?? type;

interface Draft extends Omit<RegisterUnit, 'id' | 'parent' | 'successors'> {
  key: string;
  /** Ids to try, shortest first; two units that want the same one both take their next. */
  candidates: string[];
  parentKey?: string;
  successorKeys: { key: string; kind: SuccessionKind; basis: number }[];
}

/**
 * The register from the table's text. Ids (documented in docs/content-model.md):
 *   current province        its name                      ha-noi, hung-yen
 *   former province         its name                      thai-binh, hai-duong
 *   former district         type and name                 huyen-quoc-oai, thi-xa-ayun-pa
 *   current commune-level   type and name                 xa-quoc-oai, phuong-ayun-pa
 *   former commune-level    type, name, former district   xa-sai-son-quoc-oai, thi-tran-quoc-oai-quoc-oai
 * When two units would get the same id, both take their next form: a former commune adds its district's type
 * (xa-tan-viet-huyen-thanh-ha), then the former province; a district or a current unit adds its province; the
 * official code comes last. A province that kept its name (Gia Lai, Hải Phòng…) is one unit before and after 1 July 2025.
 */
// Long because the register is read in one pass over the table's rows; its helpers share the units drafted so far.
export function importRegister(csv: string): Register {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  const documents: RegisterDocument[] = [NQ_202];
  const resolutionOf = new Map<string, number>();
  const drafts = new Map<string, Draft>();
  const provinceNames = new Map<string, { name: string; type: PlaceType; codes: Map<string, number> }>();

  const currentProvince = (label: string) => {
    const { type, name, code } = parseUnit(label);
    const key = `p:${slugify(name)}`;
    if (!drafts.has(key)) {
      const number = RESOLUTIONS[name];
      if (number === undefined) throw new Error(`No resolution known for the province "${name}"`);
      resolutionOf.set(key, documents.length);
      documents.push({
        number: `${number}/NQ-UBTVQH15`,
        title: `Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của ${type === 'thanh-pho' ? 'thành phố' : 'tỉnh'} ${name} năm 2025`,
        issuer: 'Ủy ban Thường vụ Quốc hội',
        date: '2025-06-16',
      });
      drafts.set(key, { key, code: code!.padStart(2, '0'), type: PROVINCE_TYPE(type), name, candidates: [slugify(name)], successorKeys: [] });
    }
    return key;
  };

  const formerProvince = (label: string) => {
    const { type, name, code } = parseUnit(label);
    const key = `p:${slugify(name)}`;
    const known = provinceNames.get(key) ?? { name, type: PROVINCE_TYPE(type), codes: new Map() };
    if (type) known.type = PROVINCE_TYPE(type);
    if (code) known.codes.set(code, (known.codes.get(code) ?? 0) + 1);
    provinceNames.set(key, known);
    return key;
  };

  const former: { row: string[]; newKey: string; provinceKey: string }[] = [];
  for (const row of rows.slice(2)) {
    const newCode = cleanText(row[2] ?? '');
    if (!/^\d+$/.test(newCode)) continue; // the header rows and each province's banner row
    const provinceKey = currentProvince(row[0]!);
    const unit = parseUnit(row[1]!);
    const code = newCode.padStart(5, '0');
    const key = `c:${code}`;
    const draft = drafts.get(key);
    const name = unit.name;
    if (!draft) {
      if (!unit.type) throw new Error(`No type in "${row[1]}"`);
      drafts.set(key, {
        key,
        code,
        type: unit.type,
        name,
        validFrom: REFORM_FIRST_DAY,
        parentKey: provinceKey,
        candidates: [
          `${typeSlug(unit.type)}-${slugify(name)}`,
          `${typeSlug(unit.type)}-${slugify(name)}-${drafts.get(provinceKey)!.candidates[0]}`,
          `${typeSlug(unit.type)}-${slugify(name)}-${code}`,
        ],
        successorKeys: [],
      });
    }
    former.push({ row, newKey: key, provinceKey });
  }

  // A province's spelling of the same new unit may vary ("Điềm Thụy", "Điềm Thuỵ"): the one the most rows use wins.
  const spellings = new Map<string, Map<string, number>>();
  for (const { row, newKey } of former) {
    const counts = spellings.get(newKey) ?? new Map<string, number>();
    const name = parseUnit(row[1]!).name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    spellings.set(newKey, counts);
  }
  for (const [key, counts] of spellings) drafts.get(key)!.name = mostUsed(counts);

  for (const { row, newKey, provinceKey } of former) {
    const [, , , oldLabel = '', oldCodeText = '', note = '', districtLabel = '', oldProvinceLabel = ''] = row;
    const basis = resolutionOf.get(provinceKey)!;
    const kind = successionKind(note);
    const oldProvinceKey = formerProvince(oldProvinceLabel);
    const district = parseUnit(districtLabel);
    if (!district.type || !district.code) throw new Error(`Unreadable district "${districtLabel}"`);
    const districtKey = `d:${district.code.padStart(3, '0')}`;
    if (!drafts.has(districtKey)) {
      const base = `${typeSlug(district.type)}-${slugify(district.name)}`;
      drafts.set(districtKey, {
        key: districtKey,
        code: district.code.padStart(3, '0'),
        type: district.type,
        name: district.name,
        validTo: REFORM_LAST_DAY,
        parentKey: oldProvinceKey,
        candidates: [base, `${base}-${oldProvinceKey.slice(2)}`, `${base}-${district.code.padStart(3, '0')}`],
        successorKeys: [],
      });
    }
    const oldCode = cleanText(oldCodeText);
    if (!oldCode) {
      // A district that became a special zone whole has no commune in the row; a coastal area is no unit at all.
      if (kind === 'doi-loai-hinh') drafts.get(districtKey)!.successorKeys.push({ key: newKey, kind, basis });
      continue;
    }
    const old = parseUnit(oldLabel, 'xa');
    const code = oldCode.padStart(5, '0');
    const key = `o:${code}:${slugify(old.name)}`;
    let draft = drafts.get(key);
    if (!draft) {
      const own = `${typeSlug(old.type!)}-${slugify(old.name)}`;
      const base = `${own}-${typeSlug(district.type)}-${slugify(district.name)}`;
      draft = {
        key,
        code,
        type: old.type!,
        name: old.name,
        validTo: REFORM_LAST_DAY,
        parentKey: districtKey,
        candidates: [`${own}-${slugify(district.name)}`, base, `${base}-${oldProvinceKey.slice(2)}`, `${base}-${code}`],
        successorKeys: [],
      };
      drafts.set(key, draft);
    }
    if (!draft.successorKeys.some((s) => s.key === newKey)) draft.successorKeys.push({ key: newKey, kind, basis });
  }

  // Former provinces: one that gave its name to a new province is that province; the others end and are merged.
  const mergedInto = new Map<string, string>();
  for (const { row, provinceKey } of former) mergedInto.set(`p:${slugify(parseUnit(row[7]!).name)}`, provinceKey);
  for (const [key, known] of provinceNames) {
    if (drafts.has(key)) continue;
    drafts.set(key, {
      key,
      code: mostUsed(known.codes).padStart(2, '0'),
      type: known.type,
      name: known.name,
      validTo: REFORM_LAST_DAY,
      candidates: [slugify(known.name)],
      successorKeys: [{ key: mergedInto.get(key)!, kind: 'sap-nhap', basis: 0 }],
    });
  }

  const ids = assignIds([...drafts.values()]);
  const order = (d: Draft) => ['p', 'd', 'c', 'o'].indexOf(d.key[0]!) * 2 + (d.validTo ? 1 : 0);
  const units = [...drafts.values()]
    .sort((a, b) => order(a) - order(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : ids.get(a)! < ids.get(b)! ? -1 : 1))
    .map((d): RegisterUnit => {
      const unit: RegisterUnit = { id: ids.get(d)!, code: d.code, type: d.type, name: d.name, successors: [] };
      if (d.parentKey) unit.parent = ids.get(drafts.get(d.parentKey)!)!;
      if (d.validFrom) unit.validFrom = d.validFrom;
      if (d.validTo) unit.validTo = d.validTo;
      unit.successors = d.successorKeys.map((s) => ({ place: ids.get(drafts.get(s.key)!)!, kind: s.kind, basis: s.basis }));
      return unit;
    });
  return { source: REGISTER_SOURCE, documents, units };
}

function mostUsed(counts: Map<string, number>): string {
  let best = '';
  let most = -1;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
}

/** Every unit takes its first candidate id that no other unit wants at the same time. */
function assignIds(drafts: Draft[]): Map<Draft, string> {
  const level = new Map(drafts.map((d) => [d, 0]));
  for (;;) {
    const wanted = new Map<string, Draft[]>();
    for (const d of drafts) {
      const id = d.candidates[Math.min(level.get(d)!, d.candidates.length - 1)]!;
      wanted.set(id, [...(wanted.get(id) ?? []), d]);
    }
    let moved = false;
    for (const [id, group] of wanted) {
      if (group.length < 2) continue;
      for (const d of group) {
        if (level.get(d)! >= d.candidates.length - 1) throw new Error(`Two units would share the id "${id}"`);
        level.set(d, level.get(d)! + 1);
        moved = true;
      }
    }
    if (!moved) return new Map(drafts.map((d) => [d, d.candidates[level.get(d)!]!]));
  }
}
