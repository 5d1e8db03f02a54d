/**
 * The national register of administrative units (src/data/places/register.json), generated from the statistics
 * office's conversion table by `npm run places:import` and committed, so that a build never needs the table.
 *
 * Compact, because it is read by every content check and every build: one line per unit (diffable), parents and
 * successors as indexes into the list, types, kinds, dates and legal bases as indexes into short tables. Reading and
 * expanding the 14,000 units takes about 30 ms; it is done once per process (`registerPlaces`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PLACE_TYPES, SUCCESSION_KINDS, type PlaceData, type SuccessionKind } from '../../schemas/place.ts';
import type { Register, RegisterDocument, RegisterUnit } from './import.ts';

/** Where the register lives, from the project root. */
export const REGISTER_FILE = 'src/data/places/register.json';

/** [id, code, type, name, parent, validFrom, validTo, ...successors as (unit, kind, basis) triples]. */
type PackedUnit = [string, string, number, string, number, number, number, ...number[]];

interface PackedRegister {
  source: string;
  types: string[];
  kinds: string[];
  dates: string[];
  documents: RegisterDocument[];
  units: PackedUnit[];
}

/** The register as the committed file holds it: the same input always gives the same bytes. */
export function packRegister(register: Register): string {
  const index = new Map(register.units.map((u, i) => [u.id, i]));
  const dates = [...new Set(register.units.flatMap((u) => [u.validFrom, u.validTo]).filter((d): d is string => d !== undefined))].sort();
  const units = register.units.map((u): PackedUnit => [
    u.id,
    u.code,
    PLACE_TYPES.indexOf(u.type),
    u.name,
    u.parent === undefined ? -1 : index.get(u.parent)!,
    u.validFrom === undefined ? -1 : dates.indexOf(u.validFrom),
    u.validTo === undefined ? -1 : dates.indexOf(u.validTo),
    ...u.successors.flatMap((s) => [index.get(s.place)!, SUCCESSION_KINDS.indexOf(s.kind), s.basis]),
  ]);
  const head = JSON.stringify({ source: register.source, types: PLACE_TYPES, kinds: SUCCESSION_KINDS, dates, documents: register.documents });
  return `${head.slice(0, -1)},"units":[\n${units.map((u) => JSON.stringify(u)).join(',\n')}\n]}\n`;
}

/** The register's units as the schema gives places, each successor dated the day after its predecessor's last. */
export function unpackRegister(text: string): { source: string; units: RegisterUnit[]; places: PlaceData[] } {
  const packed = JSON.parse(text) as PackedRegister;
  const type = (i: number) => packed.types[i] as PlaceData['type'];
  const date = (i: number) => (i < 0 ? undefined : packed.dates[i]);
  const places: PlaceData[] = [];
  const units: RegisterUnit[] = [];
  for (const [id, code, t, name, parent, from, to, ...rest] of packed.units) {
    const successors: RegisterUnit['successors'] = [];
    for (let i = 0; i < rest.length; i += 3) {
      successors.push({ place: packed.units[rest[i]!]![0], kind: packed.kinds[rest[i + 1]!] as SuccessionKind, basis: rest[i + 2]! });
    }
    const unit: RegisterUnit = { id, code, type: type(t), name, successors };
    if (parent >= 0) unit.parent = packed.units[parent]![0];
    if (from >= 0) unit.validFrom = date(from);
    if (to >= 0) unit.validTo = date(to);
    units.push(unit);
    const validTo = unit.validTo;
    places.push({
      id,
      code,
      name,
      type: unit.type,
      ...(unit.parent !== undefined && { parent: unit.parent }),
      ...(unit.validFrom !== undefined && { validFrom: unit.validFrom }),
      ...(validTo !== undefined && { validTo }),
      successors: successors.map((s) => ({ place: s.place, kind: s.kind, basis: { ...packed.documents[s.basis]! }, date: nextDay(validTo!) })),
    } as PlaceData);
  }
  return { source: packed.source, units, places };
}

/** "2025-06-30" → "2025-07-01". */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const loaded = new Map<string, readonly PlaceData[]>();

/**
 * The register's places, read once per process and file. A content folder checked on its own (a test's fixture, a
 * second site) uses the project's register when its root has none.
 */
export function registerPlaces(root: string): readonly PlaceData[] {
  const own = path.join(root, REGISTER_FILE);
  const file = existsSync(own) ? own : fileURLToPath(new URL('../../data/places/register.json', import.meta.url));
  let places = loaded.get(file);
  if (!places) loaded.set(file, (places = unpackRegister(readFileSync(file, 'utf8')).places));
  return places;
}
