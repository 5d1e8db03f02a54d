/** Administrative units, including those that ceased to exist in the 2025 reform. */
import { z } from 'astro/zod';
import { documentRef, isoDate, slug, text, missingOr } from './common.ts';

/** Kinds of administrative unit, from province down to village. */
export const PLACE_TYPES = [
  'tinh',
  'thanh-pho-truc-thuoc-trung-uong',
  'huyen',
  'quan',
  'thi-xa',
  'thanh-pho',
  'xa',
  'phuong',
  'thi-tran',
  'dac-khu',
  'thon',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/**
 * How a unit passed into its successor: merged whole, split (this is one part), renamed, upgraded, type changed
 * (xã → phường, district → special zone), kept as it was (only the district above it ended).
 */
export const SUCCESSION_KINDS = ['sap-nhap', 'chia-tach', 'doi-ten', 'nang-cap', 'doi-loai-hinh', 'giu-nguyen'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

function succession() {
  return z.strictObject({
    /** Id of the unit that took over this one (or part of it). */
    place: slug(),
    /** "sap-nhap" (merged into), "chia-tach" (split, this is one part), "doi-ten" (renamed), "nang-cap" (upgraded). */
    kind: z.enum(SUCCESSION_KINDS, { error: missingOr(`Kiểu kế thừa (kind) phải là một trong: ${SUCCESSION_KINDS.join(', ')}.`) }),
    /** Resolution or decision that made the change, e.g. Nghị quyết 202/2025/QH15. */
    basis: documentRef(),
    /** First day under the successor. */
    date: isoDate(),
  });
}

function placeFields() {
  return z.strictObject({
    /** Stable id used by other entries: the register's id (xa-sai-son-quoc-oai), or a new one for a unit it lacks. */
    id: slug(),
    /** Official code of the statistics office: five digits for a commune-level unit, three for a district, two for a province. */
    code: z
      .string({ error: missingOr('Mã đơn vị hành chính (code) là chữ số, ghi trong dấu nháy: "09898".') })
      .regex(/^(\d{2}|\d{3}|\d{5})$/, 'Mã đơn vị hành chính (code) gồm 5 chữ số (xã, phường), 3 (huyện) hoặc 2 (tỉnh), ghi trong dấu nháy: "09898".')
      .optional(),
    /** Name without the unit kind, e.g. "Sài Sơn". */
    name: text({ max: 80 }),
    /** Kind of unit, which gives the prefix "xã", "phường", "huyện"… */
    type: z.enum(PLACE_TYPES, { error: missingOr(`Loại đơn vị (type) phải là một trong: ${PLACE_TYPES.join(', ')}.`) }),
    /** The unit this one belonged to while it existed. */
    parent: slug().optional(),
    /** First day of existence, where it matters. */
    validFrom: isoDate().optional(),
    /** Last day of existence; omitted while the unit still exists. */
    validTo: isoDate().optional(),
    /**
     * Units that took over. A split unit lists every part the register names, unless an editor names the one that
     * applies; the software never guesses.
     */
    successors: z.array(succession()).default([]),
    /** Short note shown on the place page, e.g. about the 2025 arrangement. */
    note: text({ max: 500 }).optional(),
    /** Why this entry differs from the register of administrative units: a later resolution, a correction. */
    correction: text({ max: 500 }).optional(),
  });
}

type Dated = { validFrom?: string; validTo?: string; successors?: unknown[] };
const datesInOrder = (value: Dated) => !value.validFrom || !value.validTo || value.validTo >= value.validFrom;
const endedIfSucceeded = (value: Dated) => !value.successors?.length || value.validTo !== undefined;

/** A place as pages read it: a unit of the register with what content/places/ adds to it, or a unit of its own. */
export function placeSchema() {
  return placeFields()
    .refine(datesInOrder, { message: 'validTo đứng trước validFrom.', path: ['validTo'] })
    .refine(endedIfSucceeded, { message: 'Đơn vị đã có đơn vị kế thừa (successors) phải ghi ngày chấm dứt (validTo).', path: ['validTo'] });
}

/**
 * An entry of content/places/: a unit of the register needs only its id and what it adds or changes; a unit the
 * register lacks (a village, a unit created later) needs its name and type too, which the content check demands.
 */
export function localPlaceSchema() {
  return placeFields().partial({ name: true, type: true });
}

export type PlaceData = z.output<ReturnType<typeof placeSchema>>;
export type LocalPlaceData = z.output<ReturnType<typeof localPlaceSchema>>;
