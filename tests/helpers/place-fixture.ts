/** A small place tree for unit tests: a commune of a district that ended in 2025, merged into a new commune. */
import { PlaceIndex, type Place } from '../../src/lib/data/places.ts';
import type { IsoDate } from '../../src/lib/dates.ts';

const basis = { number: '1656/NQ-UBTVQH15', issuer: 'Ủy ban Thường vụ Quốc hội', date: '2025-06-16' as IsoDate };

/** Places: ha-noi > quoc-oai (district, ended) > sai-son (merged into xa-quoc-oai, under ha-noi). */
export const mergedCommune = new PlaceIndex(
  [
    { id: 'ha-noi', name: 'Hà Nội', type: 'thanh-pho-truc-thuoc-trung-uong', successors: [] },
    { id: 'quoc-oai', name: 'Quốc Oai', type: 'huyen', parent: 'ha-noi', validTo: '2025-06-30', successors: [] },
    {
      id: 'sai-son',
      name: 'Sài Sơn',
      type: 'xa',
      parent: 'quoc-oai',
      validTo: '2025-06-30',
      successors: [{ place: 'xa-quoc-oai', kind: 'sap-nhap', date: '2025-07-01', basis }],
    },
    { id: 'xa-quoc-oai', name: 'Quốc Oai', type: 'xa', parent: 'ha-noi', validFrom: '2025-07-01', successors: [] },
  ] as Place[],
  '2026-11-21' as IsoDate,
);
