import { describe, expect, it } from 'vitest';
import { facetLabels, indexFilters } from '../../src/lib/search/facets.ts';
import { campaignSearchEntry, communeFacet, exemplarSearchEntry } from '../../src/lib/search/entries.ts';
import type { CampaignData } from '../../src/schemas/campaign.ts';
import { PlaceIndex, type Place } from '../../src/lib/data/places.ts';
import type { IsoDate, PartialDate } from '../../src/lib/dates.ts';

const basis = { number: '1656/NQ-UBTVQH15', date: '2025-06-16' as IsoDate };
const places = new PlaceIndex(
  [
    { id: 'ha-noi', name: 'Hà Nội', type: 'thanh-pho-truc-thuoc-trung-uong', successors: [] },
    { id: 'quoc-oai', name: 'Quốc Oai', type: 'huyen', parent: 'ha-noi', validTo: '2025-06-30' as IsoDate, successors: [] },
    {
      id: 'sai-son',
      name: 'Sài Sơn',
      type: 'xa',
      parent: 'quoc-oai',
      validTo: '2025-06-30' as IsoDate,
      successors: [{ place: 'xa-moi', kind: 'sap-nhap', date: '2025-07-01' as IsoDate, basis }],
    },
    { id: 'xa-moi', name: 'Mới', type: 'xa', parent: 'ha-noi', successors: [] },
    { id: 'dong', name: 'Đông', type: 'xa', parent: 'quoc-oai', successors: [] },
  ] as Place[],
  '2026-01-01' as IsoDate,
);

describe('search facets', () => {
  it('files a merged commune’s stories under the commune that took it over', () => {
    expect(communeFacet(places, 'sai-son')).toEqual([{ slug: 'xa-moi', label: 'xã Mới, thành phố Hà Nội (trước đây: xã Sài Sơn)' }]);
    expect(communeFacet(places, 'dong')).toEqual([{ slug: 'dong', label: 'xã Đông, huyện Quốc Oai' }]);
  });

  it('indexes slugs and keeps their labels for the search page', () => {
    const facets = { xa: [{ slug: 'dong', label: 'xã Đông' }], nam: [{ slug: '2024', label: 'Năm 2024' }] };
    expect(indexFilters(facets)).toEqual({ xa: ['dong'], nam: ['2024'] });
    expect(facetLabels([facets]).xa).toEqual({ dong: 'xã Đông' });
  });

  it('describes an exemplar with every filter, old and new place names, and sort keys', () => {
    const entry = exemplarSearchEntry(
      {
        id: 'a',
        data: {
          name: 'Đỗ Văn Đức',
          kind: 'ca-nhan',
          place: 'sai-son',
          campaigns: ['pt'],
          fields: ['tu-thien'],
          awards: [{ award: 'gk', level: 'huyen', issuer: 'x', decision: '1/QĐ-UBND', date: '2022-09-20' as IsoDate, posthumous: false }],
          published: '2022-10-01' as IsoDate,
          featured: false,
        },
      },
      { places, campaignTitle: () => 'Phong trào Đông', awardName: () => 'Giấy khen', nameRank: 7 },
    );
    expect(indexFilters(entry.facets)).toEqual({
      xa: ['xa-moi'],
      'phong-trao': ['pt'],
      nam: ['2022'],
      'khen-thuong': ['gk'],
      loai: ['ca-nhan'],
      'linh-vuc': ['tu-thien'],
    });
    expect(entry.sort).toEqual({ date: '2022-10-01', name: '0000007' });
    for (const words of ['xã Sài Sơn', 'huyện Quốc Oai', 'xã Mới']) expect(entry.keywords).toContain(words);
    // Pagefind folds the other marks itself; đ it cannot.
    expect(entry.keywords.split(/[ ·]+/)).toEqual(expect.arrayContaining(['do', 'duc', 'dong']));
    expect(entry.keywords).not.toMatch(/\bsai son\b|\bphong trao\b/);
  });

  it('files a campaign under every year of its period, given as years or months where the plan gives no day', () => {
    const campaign = (start: string, end: string) =>
      campaignSearchEntry(
        {
          id: 'pt',
          data: {
            title: 'Phong trào',
            shortTitle: 'Phong trào',
            issuer: 'UBND xã Đông',
            place: 'dong',
            plan: { number: '/KH-UBND', date: '2021-08' as PartialDate },
            legalBasis: [{ number: '19/CT-TTg', date: '2021-07-16' as PartialDate }],
            period: { start: start as PartialDate, end: end as PartialDate },
            published: '2021-09-08' as IsoDate,
          } as CampaignData,
        },
        { places, nameRank: 3 },
      );
    expect(indexFilters(campaign('2021', '2025').facets).nam).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(indexFilters(campaign('2022-09', '2023-03').facets).nam).toEqual(['2022', '2023']);
    expect(campaign('2021', '2025').keywords).toContain('19/CT-TTg');
  });
});
