import { describe, expect, it } from 'vitest';
import { parseDate, todayInVietnam } from '../../src/lib/dates.ts';
import { formatDateLong, formatDateShort, formatNumber } from '../../src/lib/format.ts';

describe('parseDate', () => {
  it('reads ISO and Vietnamese day-first dates to the same day', () => {
    expect(parseDate('2024-03-15')).toEqual({ ok: true, date: '2024-03-15' });
    expect(parseDate('15/03/2024')).toEqual({ ok: true, date: '2024-03-15' });
    expect(parseDate('1/2/2024')).toEqual({ ok: true, date: '2024-02-01' });
  });
  it('refuses impossible days instead of rolling them over', () => {
    expect(parseDate('2024-02-30')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('31/04/2023')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('29/02/2024').ok).toBe(true);
    expect(parseDate('29/02/2023').ok).toBe(false);
  });
  it('refuses ambiguous or other formats', () => {
    for (const input of ['03/15/24', '2024/03/15', '15-03-2024', 'March 15, 2024', '15.03.2024', '']) {
      expect(parseDate(input)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('Vietnamese formatting', () => {
  it('writes dates the Vietnamese way', () => {
    expect(formatDateLong('2022-09-15')).toBe('ngày 15 tháng 9 năm 2022');
    expect(formatDateShort('2022-09-05')).toBe('05/09/2022');
  });
  it('uses the dot as thousands separator', () => {
    expect(formatNumber(10000)).toBe('10.000');
  });
  it('judges today in Vietnam time (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
  });
});
