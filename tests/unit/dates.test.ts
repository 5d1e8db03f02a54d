import { describe, expect, it } from 'vitest';
import { compareDates, firstDay, lastDay, parseDate, parsePartialDate, precisionOf, todayInVietnam, yearOf, type PartialDate } from '../../src/lib/dates.ts';
import { formatDateCited, formatDateLong, formatDateShort, formatNumber } from '../../src/lib/format.ts';

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

describe('parsePartialDate', () => {
  it('reads a month written day-first or ISO, and a year, as the source gives them', () => {
    expect(parsePartialDate('09/2022')).toEqual({ ok: true, date: '2022-09' });
    expect(parsePartialDate('9/2022')).toEqual({ ok: true, date: '2022-09' });
    expect(parsePartialDate('2022-09')).toEqual({ ok: true, date: '2022-09' });
    expect(parsePartialDate(' 2022 ')).toEqual({ ok: true, date: '2022' });
  });
  it('reads full days exactly as parseDate does', () => {
    for (const input of ['2024-03-15', '15/03/2024', '1/2/2024', '29/02/2023', '2024-02-30', '03/15/24']) {
      expect(parsePartialDate(input)).toEqual(parseDate(input));
    }
  });
  it('refuses months that do not exist and years out of range', () => {
    for (const input of ['13/2022', '00/2022', '0/2022', '2022-13', '2022-00', '1850', '09/1850']) {
      expect(parsePartialDate(input), input).toEqual({ ok: false, reason: 'impossible' });
    }
  });
  it('refuses ambiguous or other forms instead of guessing', () => {
    for (const input of ['2022/09', '09-2022', '9.2022', '09/22', '2022-9', '22', '202', '20222', 'tháng 9 năm 2022', 'Sep 2022', '']) {
      expect(parsePartialDate(input), input).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('dates of any precision', () => {
  const d = (value: string) => value as PartialDate;
  it('knows how precise a date is and which days it may mean', () => {
    expect(['2022-09-15', '2022-09', '2022'].map((v) => precisionOf(d(v)))).toEqual(['day', 'month', 'year']);
    expect([firstDay(d('2022-09-15')), lastDay(d('2022-09-15'))]).toEqual(['2022-09-15', '2022-09-15']);
    expect([firstDay(d('2022-09')), lastDay(d('2022-09'))]).toEqual(['2022-09-01', '2022-09-30']);
    expect([lastDay(d('2024-02')), lastDay(d('2023-02')), lastDay(d('2022-12'))]).toEqual(['2024-02-29', '2023-02-28', '2022-12-31']);
    expect([firstDay(d('2021')), lastDay(d('2025'))]).toEqual(['2021-01-01', '2025-12-31']);
    expect(yearOf(d('2023-03'))).toBe(2023);
  });
  it('sorts by first day, then the day before its month and the month before its year', () => {
    const dates = ['2022', '2022-09', '2021-12-31', '2022-01', '2022-09-15', '2022-01-01'].map(d);
    expect([...dates].sort(compareDates)).toEqual(['2021-12-31', '2022-01-01', '2022-01', '2022', '2022-09', '2022-09-15']);
    expect(compareDates(d('2022-09'), d('2022-09'))).toBe(0);
  });
});

describe('Vietnamese formatting', () => {
  it('writes a month or a year alone as the source does, never with an invented day', () => {
    expect(formatDateLong('2022-09')).toBe('tháng 9 năm 2022');
    expect(formatDateLong('2022')).toBe('năm 2022');
    expect(formatDateShort('2022-09')).toBe('9/2022');
    expect(formatDateShort('2022')).toBe('2022');
    expect(formatDateCited('2020-12-31')).toBe('ngày 31/12/2020');
    expect(formatDateCited('2023-03')).toBe('tháng 3/2023');
    expect(formatDateCited('2023')).toBe('năm 2023');
  });
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
