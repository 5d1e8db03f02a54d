/**
 * Calendar dates without time of day. Editors write ISO (2024-03-15) or Vietnamese (15/03/2024) dates; anything
 * else is refused instead of guessed, and impossible days (30/02) are refused instead of rolled over.
 * Dates are kept as ISO strings so that no time zone can move them by a day. Where a source gives only a month or
 * a year, some fields keep just that (PartialDate), and comparisons take the first or last day it may mean.
 */

/** A valid calendar date written as YYYY-MM-DD. */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export type DateParseResult = { ok: true; date: IsoDate } | { ok: false; reason: 'format' | 'impossible' };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads "2024-03-15" or "15/03/2024" (day first, as Vietnamese documents write it). */
export function parseDate(input: string): DateParseResult {
  const value = input.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO.exec(value);
  const vietnamese = VIETNAMESE.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vietnamese) {
    [day, month, year] = [Number(vietnamese[1]), Number(vietnamese[2]), Number(vietnamese[3])];
  } else {
    return { ok: false, reason: 'format' };
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'impossible' };
  }
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
  return { ok: true, date };
}

/**
 * A date as precise as its source gives it: a day ("2022-09-15"), a month ("2022-09") or a year ("2022"). Plans
 * often give no day ("trong tháng 9 năm 2022", "giai đoạn 2021 - 2025"); writing the first or last day instead would
 * credit the document with a day it never set.
 */
export type PartialDate = IsoDate | IsoMonth | IsoYear;
/** A month written as YYYY-MM. */
export type IsoMonth = string & { readonly __isoMonth: unique symbol };
/** A year written as YYYY. */
export type IsoYear = string & { readonly __isoYear: unique symbol };
export type DatePrecision = 'day' | 'month' | 'year';

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const VIETNAMESE_MONTH = /^(\d{1,2})\/(\d{4})$/;
const YEAR = /^(\d{4})$/;

export type PartialDateParseResult = { ok: true; date: PartialDate } | { ok: false; reason: 'format' | 'impossible' };

/**
 * Reads a day as parseDate does, or a month written "09/2022", "9/2022" or "2022-09", or a year "2022". Other
 * shapes ("2022/09", "09-2022", "9.2022", "09/22") are refused as ambiguous; months 00 and 13 as impossible.
 */
export function parsePartialDate(input: string): PartialDateParseResult {
  const value = input.trim();
  const isoMonth = ISO_MONTH.exec(value);
  const vietnameseMonth = VIETNAMESE_MONTH.exec(value);
  const year = YEAR.exec(value);
  if (!isoMonth && !vietnameseMonth && !year) return parseDate(value);
  const [y, m] = isoMonth
    ? [Number(isoMonth[1]), Number(isoMonth[2])]
    : vietnameseMonth
      ? [Number(vietnameseMonth[2]), Number(vietnameseMonth[1])]
      : [Number(year![1]), undefined];
  if (y < 1900 || y > 2200 || (m !== undefined && (m < 1 || m > 12))) return { ok: false, reason: 'impossible' };
  return { ok: true, date: (m === undefined ? String(y) : `${y}-${String(m).padStart(2, '0')}`) as PartialDate };
}

export function precisionOf(date: PartialDate | string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** The first day a date may mean: the day itself, the 1st of its month, 1 January of its year. */
export function firstDay(date: PartialDate | string): IsoDate {
  const precision = precisionOf(date);
  return (precision === 'year' ? `${date}-01-01` : precision === 'month' ? `${date}-01` : date) as IsoDate;
}

/** The last day a date may mean: a month ends on its last day, a year on 31 December. */
export function lastDay(date: PartialDate | string): IsoDate {
  const precision = precisionOf(date);
  if (precision === 'year') return `${date}-12-31` as IsoDate;
  if (precision === 'month') return `${date}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}` as IsoDate;
  return date as IsoDate;
}

/**
 * Orders dates of any precision: by their first day, then by their last, so that at one start the day comes before
 * its month and the month before its year (2022-01-01, 2022-01, 2022).
 */
export function compareDates(a: PartialDate | string, b: PartialDate | string): number {
  return firstDay(a).localeCompare(firstDay(b)) || lastDay(a).localeCompare(lastDay(b));
}

/** Today's date in Vietnam (UTC+7), the reference for campaign status. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10) as IsoDate;
}

/** The year of a date of any precision. */
/** The day after a date: a unit whose last day (validTo) is 30/6/2025 ends from 1/7/2025. */
export function dayAfter(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10) as IsoDate;
}

export function yearOf(date: PartialDate): number {
  return Number(date.slice(0, 4));
}
