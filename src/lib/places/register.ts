/**
 * The national register of administrative units (src/data/places/register.json), generated from the statistics
 * office's conversion table by `npm run places:import` and committed, so that a build never needs the table.
 *
 * Compact, because it is read by every content check and every build: one line per unit (diffable), parents and
 * successors as indexes into the list, types, kinds, dates and legal bases as indexes into short tables. Reading and
 * expanding the 14,000 units takes 40–90 ms; it is done once per process (`registerPlaces`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PLACE_TYPES, SUCCESSION_KINDS, type PlaceData, type PlaceType, type SuccessionKind } from '../../schemas/place.ts';
import type { Register, RegisterDocument, RegisterUnit } from './import.ts';
import type { IsoDate } from '../dates.ts';

type Succession = PlaceData['successors'][number];

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

/** The register's units as the import made them (parents and successors by id, bases by index). */
export function unpackUnits(text: string): { source: string; units: RegisterUnit[]; documents: RegisterDocument[] } {
  const packed = JSON.parse(text) as PackedRegister;
  const units = packed.units.map(([id, code, t, name, parent, from, to, ...rest]) => {
    const successors: RegisterUnit['successors'] = [];
    for (let i = 0; i < rest.length; i += 3) {
      successors.push({ place: packed.units[rest[i]!]![0], kind: packed.kinds[rest[i + 1]!] as SuccessionKind, basis: rest[i + 2]! });
    }
    const unit: RegisterUnit = { id, code, type: packed.types[t] as PlaceType, name, successors };
    if (parent >= 0) unit.parent = packed.units[parent]![0];
    if (from >= 0) unit.validFrom = packed.dates[from];
    if (to >= 0) unit.validTo = packed.dates[to];
    return unit;
  });
  return { source: packed.source, units, documents: packed.documents };
}

/**
 * The register's units as the schema gives places, each successor dated the day after its predecessor's last. Built
 * straight from the packed rows: the 14,000 objects are made once, and units share their basis documents and dates
 * (nothing changes a place once read).
 */
export function unpackRegister(text: string): PlaceData[] {
  const packed = JSON.parse(text) as PackedRegister;
  const rows = packed.units;
  const types = packed.types as PlaceType[];
  const kinds = packed.kinds as SuccessionKind[];
  const documents = packed.documents as Succession['basis'][];
  const dates = packed.dates as IsoDate[];
  const after = dates.map((d) => nextDay(d) as IsoDate);
  const places: PlaceData[] = new Array(rows.length);
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n]!;
    const to = row[6];
    const successors: Succession[] = [];
    for (let i = 7; i < row.length; i += 3) {
      successors.push({ place: rows[row[i] as number]![0], kind: kinds[row[i + 1] as number]!, basis: documents[row[i + 2] as number]!, date: after[to]! });
    }
    // Every unit gets the same properties in the same order, so that V8 gives the 14,000 objects one shape.
    places[n] = {
      id: row[0],
      code: row[1],
      name: row[3],
      type: types[row[2]]!,
      parent: row[4] >= 0 ? rows[row[4]]![0] : undefined,
      validFrom: row[5] >= 0 ? dates[row[5]] : undefined,
      validTo: to >= 0 ? dates[to] : undefined,
      successors,
    } as PlaceData;
  }
  return places;
}

/** "2025-06-30" → "2025-07-01". */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Read once per process: the content check's integration and the places loader are loaded apart (Astro's
 * configuration and its content layer each have their own copy of this module), so they share it on a global.
 */
const LOADED = Symbol.for('guong-sang.register');
const loaded = ((globalThis as { [LOADED]?: Map<string, readonly PlaceData[]> })[LOADED] ??= new Map());

/**
 * The register's places, read once per process and file. A content folder checked on its own (a test's fixture, a
 * second site) uses the project's register when its root has none.
 */
export function registerPlaces(root: string): readonly PlaceData[] {
  const own = path.join(root, REGISTER_FILE);
  const file = existsSync(own) ? own : fileURLToPath(new URL('../../data/places/register.json', import.meta.url));
  let places = loaded.get(file);
  if (!places) loaded.set(file, (places = unpackRegister(readFileSync(file, 'utf8'))));
  return places;
}
