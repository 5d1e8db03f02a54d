/**
 * The places of a site: the register of administrative units (src/data/places/register.json) with the entries of
 * content/places/ laid over it. An entry whose id is a register unit adds to it (a note, the one part of a split
 * unit that applies, a later change) and may correct it only if it says why (`correction`); an entry with an id of
 * its own adds a unit the register lacks (a village, a unit created after 2025). An entry may also name the register
 * unit by its official code instead of its id (`code: "09619"` without `id`): the code a resolution or the
 * statistics office prints is what an editor has at hand. The generated file is never edited.
 */
import type { LocalPlaceData, PlaceData } from '../../schemas/place.ts';
import type { Loaded } from '../content/model.ts';
import type { Problem, YamlSource } from '../content/source.ts';
import { REGISTER_FILE } from './register.ts';

/** Fields the register states; an entry giving another value contradicts it. */
const STATED = ['name', 'type', 'code', 'parent', 'validFrom', 'validTo'] as const;

const LABELS: Record<(typeof STATED)[number], string> = {
  name: 'tên',
  type: 'loại đơn vị',
  code: 'mã',
  parent: 'đơn vị cấp trên',
  validFrom: 'ngày bắt đầu',
  validTo: 'ngày cuối cùng',
};

const codeIndexes = new WeakMap<readonly PlaceData[], Map<string, PlaceData[]>>();

/**
 * The id of an entry of content/places/ written with a register unit's code and no id, put into the entry as read,
 * before its schema: every reader (the content check, the places loader, `npm run place`, the desk) then knows it by
 * the same id. A code held by a unit of today and by a former unit (a new commune kept the code of one it merged)
 * means the unit of today, unless the entry gives an end date; a code that still names several units, or none, is a
 * problem the entry's writer must settle by writing the id.
 */
export function identifyByCode(raw: unknown, register: readonly PlaceData[]): { data: unknown; problem?: { field: string; message: string } } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { data: raw };
  const entry = raw as Record<string, unknown>;
  if (entry.id !== undefined) return { data: raw };
  // YAML reads code: 09895 as the number 9895: the leading zero is gone, and the code with it.
  if (typeof entry.code === 'number') {
    const message = `Mã đơn vị hành chính phải ghi trong dấu nháy, ví dụ code: "09895": viết không có dấu nháy thì số 0 ở đầu mã bị mất (ở đây đọc thành ${entry.code}).`;
    return { data: raw, problem: { field: 'code', message } };
  }
  if (typeof entry.code !== 'string') return { data: raw };
  const holders = codeIndex(register).get(entry.code) ?? [];
  const ended = entry.validTo !== undefined;
  const chosen = holders.filter((u) => (u.validTo !== undefined) === ended);
  const candidates = chosen.length > 0 ? chosen : holders;
  if (candidates.length === 1) return { data: { id: candidates[0]!.id, ...entry } };
  const message =
    candidates.length === 0
      ? `Không có đơn vị nào mang mã "${entry.code}" trong danh mục đơn vị hành chính. Kiểm tra lại mã (npm run place -- "tên"), hoặc nếu là đơn vị danh mục chưa có, ghi id, name và type.`
      : `Mã "${entry.code}" là của nhiều đơn vị trong danh mục: ${candidates.map((u) => `"${u.id}"`).join(', ')}. Ghi id của đơn vị muốn bổ sung.`;
  return { data: raw, problem: { field: 'code', message } };
}

/** The items of a list file of content/places/, each entry written by its code given its register id (identifyByCode). */
export function identifyItems<I extends { data: unknown; lineOf: YamlSource['lineOf'] }>(
  file: string,
  items: readonly I[],
  register: readonly PlaceData[],
): { items: I[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // An entry whose code names no unit, or several, is reported once here and not read further.
  const identified = items.flatMap((item) => {
    const { data, problem } = identifyByCode(item.data, register);
    if (problem) problems.push({ file, line: item.lineOf([problem.field]), field: problem.field, message: problem.message });
    return problem ? [] : [data === item.data ? item : { ...item, data }];
  });
  return { items: identified, problems };
}

/** A register unit as the content model holds it: no line to point at, since nobody writes that file. */
export function registerEntry(data: PlaceData): Loaded<PlaceData> {
  return { id: data.id, file: REGISTER_FILE, data, source: { data, lineOf: () => undefined } };
}

/** The fields an entry of content/places/ wrote, as opposed to those its schema filled in. */
function written(entry: Loaded<LocalPlaceData>): Set<string> {
  const raw = entry.source.data;
  return new Set(raw && typeof raw === 'object' ? Object.keys(raw) : []);
}

/** One place from a register unit (if any) and the entry over it. */
export function mergePlace(base: PlaceData | undefined, local: LocalPlaceData, given: ReadonlySet<string>): PlaceData {
  if (!base) return local as PlaceData;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(local)) if (given.has(key)) merged[key] = value;
  return merged as PlaceData;
}

/**
 * Every place, register units first in the register's order, with the problems of the entries laid over them: a
 * unit of its own without name or type, a contradiction of the register without `correction`, an own unit that
 * takes a register unit's code (the entry should use that unit's id), dates out of order.
 */
// Long because the problems it reports are found in one pass that also builds the merged list.
export function mergePlaces(register: readonly PlaceData[], locals: readonly Loaded<LocalPlaceData>[]): { places: Loaded<PlaceData>[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, Loaded<PlaceData>>();
  for (const unit of register) byId.set(unit.id, registerEntry(unit));
  const at = (entry: Loaded<LocalPlaceData>, field: string, message: string) =>
    problems.push({ file: entry.file, line: entry.source.lineOf([field]) ?? entry.source.lineOf(['id']), field, message });

  // A unit an entry ends (a 2026 resolution renaming it) hands its code on to the unit that follows it.
  const endedHere = new Set(locals.filter((entry) => entry.data.validTo !== undefined).map((entry) => entry.id));
  for (const entry of locals) {
    const given = written(entry);
    const base = byId.get(entry.id);
    if (base && base.file !== REGISTER_FILE) continue; // a second entry for one unit: reported as a duplicate
    const unit = base?.file === REGISTER_FILE ? base.data : undefined;
    const data = entry.data;
    if (!unit) {
      for (const field of ['name', 'type'] as const) {
        if (data[field] === undefined) {
          at(
            entry,
            'id',
            `Địa danh "${entry.id}" không có trong danh mục đơn vị hành chính, nên cần ghi ${field}. Nếu là đơn vị có trong danh mục, tìm đúng mã bằng lệnh npm run place -- "tên".`,
          );
        }
      }
      if (data.code) {
        const same = (codeIndex(register).get(data.code) ?? []).filter(
          (u) => !endedHere.has(u.id) && (u.validTo === undefined) === (data.validTo === undefined),
        );
        if (same.length > 0) {
          at(
            entry,
            'code',
            `Mã "${data.code}" là của ${same.map((u) => `"${u.id}"`).join(', ')} trong danh mục đơn vị hành chính: để bổ sung hoặc sửa đơn vị đó, ghi id của nó hoặc chỉ ghi mã (bỏ id "${entry.id}"), đừng tạo đơn vị mới.`,
          );
        }
      }
    } else if (data.correction === undefined) {
      for (const field of STATED) {
        if (!given.has(field) || unit[field] === undefined || unit[field] === data[field]) continue;
        at(
          entry,
          field,
          `Khác danh mục đơn vị hành chính: ${LABELS[field]} ở đó là "${unit[field]}". Nếu đây là đính chính hay thay đổi về sau, ghi lý do và căn cứ vào correction; nếu không, bỏ trường ${field}.`,
        );
      }
      if (given.has('successors') && unit.successors.length > 0) {
        const known = new Set(unit.successors.map((s) => s.place));
        data.successors.forEach((s, i) => {
          if (known.has(s.place)) return;
          problems.push({
            file: entry.file,
            line: entry.source.lineOf(['successors', i, 'place']),
            field: `successors[${i}].place`,
            message: `Danh mục đơn vị hành chính không ghi "${s.place}" là đơn vị kế thừa của "${entry.id}" (ghi: ${[...known].join(', ')}). Chọn trong số đó, hoặc ghi lý do và căn cứ vào correction.`,
          });
        });
      }
    }
    const merged = mergePlace(unit, data, given);
    if (merged.validFrom && merged.validTo && merged.validTo < merged.validFrom) at(entry, 'validTo', 'validTo đứng trước validFrom.');
    if (merged.successors.length > 0 && merged.validTo === undefined)
      at(entry, 'validTo', 'Đơn vị đã có đơn vị kế thừa (successors) phải ghi ngày chấm dứt (validTo).');
    byId.set(entry.id, { ...entry, data: merged });
  }
  return { places: [...byId.values()], problems };
}

/** The register's units by code, made once per register. */
function codeIndex(register: readonly PlaceData[]): Map<string, PlaceData[]> {
  let byCode = codeIndexes.get(register);
  if (!byCode) {
    byCode = new Map();
    for (const unit of register) if (unit.code) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
    codeIndexes.set(register, byCode);
  }
  return byCode;
}
