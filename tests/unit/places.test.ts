import { describe, expect, it } from 'vitest';
import { PlaceIndex, placeLabel, type Place } from '../../src/lib/data/places.ts';
import type { IsoDate } from '../../src/lib/dates.ts';

const basis = { number: '202/2025/QH15', issuer: 'Quốc hội', date: '2025-06-12' as IsoDate };
const place = (p: Partial<Place> & Pick<Place, 'id' | 'name' | 'type'>): Place => ({ successors: [], ...p }) as Place;
const PLACES: Place[] = [
  place({
    id: 'thai-binh',
    name: 'Thái Bình',
    type: 'tinh',
    validTo: '2025-06-30' as IsoDate,
    successors: [{ place: 'hung-yen', kind: 'sap-nhap', date: '2025-07-01' as IsoDate, basis }],
  }),
  place({ id: 'hung-yen', name: 'Hưng Yên', type: 'tinh' }),
  place({ id: 'vu-thu', name: 'Vũ Thư', type: 'huyen', parent: 'thai-binh', validTo: '2025-06-30' as IsoDate }),
  place({ id: 'vu-hoi', name: 'Vũ Hội', type: 'xa', parent: 'vu-thu' }),
  place({ id: 'ha-noi', name: 'Hà Nội', type: 'thanh-pho-truc-thuoc-trung-uong' }),
  place({ id: 'quoc-oai', name: 'Quốc Oai', type: 'huyen', parent: 'ha-noi', validTo: '2025-06-30' as IsoDate }),
  place({
    id: 'sai-son',
    name: 'Sài Sơn',
    type: 'xa',
    parent: 'quoc-oai',
    validTo: '2025-06-30' as IsoDate,
    successors: [{ place: 'xa-moi', kind: 'sap-nhap', date: '2025-07-01' as IsoDate, basis }],
  }),
  place({ id: 'xa-moi', name: 'Mới', type: 'xa', parent: 'ha-noi', validFrom: '2025-07-01' as IsoDate }),
  place({
    id: 'tach',
    name: 'Tách',
    type: 'xa',
    parent: 'ha-noi',
    validTo: '2025-06-30' as IsoDate,
    successors: [
      { place: 'xa-moi', kind: 'chia-tach', date: '2025-07-01' as IsoDate, basis },
      { place: 'hung-yen', kind: 'chia-tach', date: '2025-07-01' as IsoDate, basis },
    ],
  }),
];

const after = new PlaceIndex(PLACES, '2026-01-01' as IsoDate);
const before = new PlaceIndex(PLACES, '2025-01-01' as IsoDate);

describe('place succession', () => {
  it('names a place with its kind and its chain as it was', () => {
    expect(placeLabel(after.get('vu-hoi'))).toBe('xã Vũ Hội');
    expect(after.fullLabel('vu-hoi')).toBe('xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình');
  });

  it('follows an entered merger to the present unit, naming only what the old name does not state already', () => {
    expect(after.nowPartOf('sai-son')).toBe('xã Mới');
    expect(after.nowPartOf('thai-binh')).toBe('tỉnh Hưng Yên');
  });

  it('vouches only for the nearest current unit when the commune’s own successor is not entered', () => {
    expect(after.nowPartOf('vu-hoi')).toBe('tỉnh Hưng Yên');
    // Hà Nội is all that can be vouched for, and the old name states it: nothing is added, the unit reads as former.
    expect(after.nowPartOf('quoc-oai')).toBeUndefined();
    expect(after.isFormerOnly('quoc-oai')).toBe(true);
    expect(after.isFormerOnly('ha-noi')).toBe(false);
  });

  it('says nothing while nothing has changed', () => {
    expect(after.nowPartOf('ha-noi')).toBeUndefined();
    expect(after.nowPartOf('xa-moi')).toBeUndefined();
    expect(before.nowPartOf('quoc-oai')).toBeUndefined();
  });

  it('lists every part of a split unit, as entered by an editor', () => {
    expect(after.presentUnits('tach').map((p) => p.id)).toEqual(['xa-moi', 'hung-yen']);
  });

  it('files old units’ exemplars under their successors, and knows former names', () => {
    expect([...after.coveredIds('hung-yen')].sort()).toEqual(['hung-yen', 'tach', 'thai-binh', 'vu-hoi', 'vu-thu']);
    expect(after.predecessors('xa-moi').map((p) => p.id)).toEqual(['sai-son', 'tach']);
    expect(after.searchNames('vu-hoi')).toEqual(['xã Vũ Hội', 'huyện Vũ Thư', 'tỉnh Thái Bình', 'tỉnh Hưng Yên']);
  });
});
