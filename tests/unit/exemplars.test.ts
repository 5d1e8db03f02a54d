import { describe, expect, it } from 'vitest';
import { azIndex, groupBy, honourYear, lastUpdated, mainAwards, related, sortByName, sortNewest, type ExemplarLike } from '../../src/lib/data/exemplars.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';
import { campaignStatus } from '../../src/lib/data/campaigns.ts';
import type { IsoDate } from '../../src/lib/dates.ts';

const make = (id: string, name: string, over: Partial<ExemplarLike['data']> = {}): ExemplarLike => ({
  id,
  data: { name, kind: 'ca-nhan', place: 'a', campaigns: [], awards: [], fields: ['tu-thien'], published: '2024-01-01' as IsoDate, featured: false, ...over },
});

describe('exemplar lists', () => {
  it('sorts newest first, then by Vietnamese name', () => {
    const items = [make('1', 'Bình'), make('2', 'Ánh', { published: '2023-01-01' as IsoDate }), make('3', 'Ân')];
    expect(sortNewest(items).map((e) => e.id)).toEqual(['3', '1', '2']);
  });

  it('files people by given name and collectives by full name, in Vietnamese order', () => {
    const index = azIndex([
      make('1', 'Nguyễn Văn An'),
      make('2', 'Đặng Thị Hoà'),
      make('3', 'Trần Đức'),
      make('4', 'Đội tình nguyện', { kind: 'tap-the' }),
      make('5', 'Lê Ân'),
    ]);
    expect(index.map((g) => [g.letter, g.items.map((e) => e.id)])).toEqual([
      ['A', ['1']],
      ['Â', ['5']],
      ['Đ', ['4', '3']],
      ['H', ['2']],
    ]);
  });

  it('relates same commune first, then same campaign, never itself or twice', () => {
    const me = make('me', 'Tôi', { place: 'x', campaigns: ['c'] });
    const samePlace = sortNewest([
      me,
      make('p', 'Cùng xã', { place: 'x', campaigns: ['c'] }),
      make('q', 'Cùng xã cũ', { place: 'x', published: '2020-01-01' as IsoDate }),
    ]);
    const campaign = sortNewest([me, samePlace[1], make('c', 'Cùng phong trào', { place: 'y', campaigns: ['c', 'd'] })]);
    const other = sortNewest([
      make('c', 'Cùng phong trào', { place: 'y', campaigns: ['c', 'd'] }),
      make('e', 'Phong trào khác', { place: 'z', published: '2019-01-01' as IsoDate }),
    ]);
    expect(related(me, { samePlace, sameCampaigns: [campaign, other] }).map((e) => e.id)).toEqual(['p', 'q', 'c', 'e']);
    expect(related(me, { samePlace, sameCampaigns: [campaign, other] }, 2).map((e) => e.id)).toEqual(['p', 'q']);
  });

  it('dates an exemplar by its earliest standing award', () => {
    const grant = (date: string, revoked = false) => ({
      award: 'x',
      level: 'xa',
      issuer: 'x',
      decision: '1/QĐ-UBND',
      date,
      posthumous: false,
      ...(revoked ? { revoked: { decision: '2/QĐ-UBND', date } } : {}),
    });
    expect(honourYear(make('1', 'A', { awards: [grant('2023-05-01'), grant('2021-01-01', true)] as never }))).toBe(2023);
    expect(honourYear(make('1', 'A', { published: '2022-03-03' as IsoDate }))).toBe(2022);
  });

  it('names the highest standing awards first on a poster, newest first within a level', () => {
    const grant = (decision: string, level: string, date: string, revoked = false) => ({
      award: 'x',
      level,
      issuer: 'x',
      decision,
      date,
      posthumous: false,
      ...(revoked ? { revoked: { decision: 'r', date } } : {}),
    });
    const awards = [
      grant('xa-cu', 'xa', '2021-01-01'),
      grant('huyen', 'huyen', '2022-01-01'),
      grant('xa-moi', 'xa', '2023-01-01'),
      grant('tinh-thu-hoi', 'tinh', '2023-01-01', true),
      grant('tinh', 'tinh', '2020-01-01'),
    ];
    const item = make('1', 'A', { awards: awards as never });
    expect(mainAwards(item).map((a) => a.decision)).toEqual(['tinh', 'huyen', 'xa-moi']);
    expect(mainAwards(item, 5).map((a) => a.decision)).toEqual(['tinh', 'huyen', 'xa-moi', 'xa-cu']);
  });

  it('orders a list by name as Vietnamese lists are read: people by given name', () => {
    const items = [
      make('1', 'Trần Văn Bình'),
      make('2', 'Đội xung kích', { kind: 'tap-the' }),
      make('3', 'Nguyễn Thị Ánh'),
      make('4', 'Hộ ông Ân', { kind: 'ho-gia-dinh' }),
    ];
    expect(sortByName(items).map((e) => e.id)).toEqual(['3', '1', '2', '4']);
  });
});

describe('groupBy', () => {
  it('files each entry under each of its keys once, keeping the order of the list', () => {
    const items = [
      make('1', 'An', { campaigns: ['b', 'a', 'b'] }),
      make('2', 'Bình', { campaigns: ['a'] }),
      make('3', 'Chi'),
      make('4', 'Dũng', { campaigns: ['b'] }),
    ];
    const groups = groupBy(items, (e) => e.data.campaigns);
    expect([...groups].map(([key, group]) => [key, group.map((e) => e.id)])).toEqual([
      ['b', ['1', '4']],
      ['a', ['1', '2']],
    ]);
  });
});

describe('publishable', () => {
  it('publishes only approved entries whose consent stands', () => {
    expect(isPublishable({ publication: { status: 'da-duyet' } })).toBe(true);
    expect(isPublishable({ publication: { status: 'ban-nhap' } })).toBe(false);
    expect(isPublishable({ publication: { status: 'da-rut' } })).toBe(false);
    expect(isPublishable({ publication: { status: 'da-duyet' }, consent: { withdrawn: '2025-01-01' } })).toBe(false);
  });
});

describe('campaign status', () => {
  const campaign = { period: { start: '2024-01-01' as IsoDate, end: '2024-12-31' as IsoDate } };
  it('follows from the dates', () => {
    expect(campaignStatus(campaign, '2023-12-31' as IsoDate)).toBe('upcoming');
    expect(campaignStatus(campaign, '2024-01-01' as IsoDate)).toBe('running');
    expect(campaignStatus(campaign, '2024-12-31' as IsoDate)).toBe('running');
    expect(campaignStatus(campaign, '2025-01-01' as IsoDate)).toBe('reviewed');
  });
});

describe('the day the site last changed', () => {
  it('is the newest date of publication or update of the entries shown, and none without entries', () => {
    const entry = (published: string, updated?: string) => ({ data: { published, ...(updated ? { updated } : {}) } });
    expect(lastUpdated([entry('2024-01-05'), entry('2023-02-01', '2024-03-01'), entry('2024-02-10')])).toBe('2024-03-01');
    expect(lastUpdated([entry('2022-10-10')])).toBe('2022-10-10');
    expect(lastUpdated([])).toBeUndefined();
  });
});
