import { describe, expect, it } from 'vitest';
import { embedItem, embedListing, EMBED_VERSION } from '../../src/lib/embed.ts';
import type { IsoDate } from '../../src/lib/dates.ts';
import { mergedCommune } from '../helpers/place-fixture.ts';

const places = mergedCommune;
const grant = (over: object) => ({
  award: 'giay-khen',
  level: 'huyen' as const,
  issuer: 'Chủ tịch UBND huyện Quốc Oai',
  decision: '1520/QĐ-UBND',
  date: '2022-10-05' as IsoDate,
  posthumous: false,
  ...over,
});
const exemplar = {
  id: 'nguyen-van-an',
  data: {
    name: 'Nguyễn Văn An',
    kind: 'ca-nhan' as const,
    role: 'Nông dân',
    place: 'sai-son',
    campaigns: ['nguoi-tot-viec-tot-quoc-oai-2022'],
    awards: [grant({}), grant({ award: 'bang-khen', decision: '99/QĐ-UBND', revoked: { decision: '100/QĐ-UBND', date: '2023-01-01' } })],
    fields: ['cuu-nguoi' as const],
    citation: 'Cứu hai cháu nhỏ đuối nước.',
    published: '2022-11-01' as IsoDate,
    featured: false,
  },
};
const context = {
  places,
  campaignTitle: () => 'Người tốt, việc tốt Quốc Oai 2022',
  awardName: (id: string) => ({ 'giay-khen': 'Giấy khen của Chủ tịch UBND huyện', 'bang-khen': 'Bằng khen' })[id]!,
  absolute: (path: string) => new URL(path, 'https://cong.example.gov.vn').href,
};

describe('JSON listing for other sites', () => {
  it('maps an exemplar to an item with absolute addresses, the place today and standing awards only', () => {
    const photo = { url: 'https://cong.example.gov.vn/_astro/an.abc.jpg', width: 480, height: 320, alt: 'Anh An', credit: 'Minh Thư' };
    expect(embedItem(exemplar, context, photo)).toEqual({
      id: 'nguyen-van-an',
      name: 'Nguyễn Văn An',
      kind: { code: 'ca-nhan', label: 'Cá nhân' },
      role: 'Nông dân',
      place: { id: 'sai-son', name: 'xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội', nowPartOf: 'xã Quốc Oai' },
      campaigns: [{ id: 'nguoi-tot-viec-tot-quoc-oai-2022', title: 'Người tốt, việc tốt Quốc Oai 2022' }],
      awards: [
        { name: 'Giấy khen của Chủ tịch UBND huyện', issuer: 'Chủ tịch UBND huyện Quốc Oai', decision: '1520/QĐ-UBND', date: '2022-10-05', posthumous: false },
      ],
      citation: 'Cứu hai cháu nhỏ đuối nước.',
      published: '2022-11-01',
      url: 'https://cong.example.gov.vn/dien-hinh/nguyen-van-an/',
      poster: 'https://cong.example.gov.vn/in/dien-hinh/nguyen-van-an/',
      photo,
    });
  });

  it('writes null, not a missing key, for what an entry lacks', () => {
    const bare = { ...exemplar, data: { ...exemplar.data, role: undefined, place: 'xa-quoc-oai' } };
    const item = embedItem(bare, context, undefined);
    expect(item.role).toBeNull();
    expect(item.photo).toBeNull();
    expect(item.place.nowPartOf).toBeNull();
    expect(JSON.parse(JSON.stringify(item))).toHaveProperty('photo', null);
  });

  it('wraps items with the version, the site and the build date', () => {
    const listing = embedListing(
      { siteName: 'Gương Sáng', title: 'Điển hình', home: '/dien-hinh/', self: '/nhung/dien-hinh.json', generated: '2026-11-21' },
      [],
      context.absolute,
    );
    expect(listing).toEqual({
      version: EMBED_VERSION,
      site: { name: 'Gương Sáng', url: 'https://cong.example.gov.vn/' },
      title: 'Điển hình',
      home: 'https://cong.example.gov.vn/dien-hinh/',
      self: 'https://cong.example.gov.vn/nhung/dien-hinh.json',
      generated: '2026-11-21',
      items: [],
    });
  });
});
