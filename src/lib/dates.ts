/**
 * Calendar dates without time of day. Editors write ISO (2024-03-15) or Vietnamese (15/03/2024) dates; anything
 * else is refused instead of guessed, and impossible days (30/02) are refused instead of rolled over.
 * Dates are kept as ISO strings so that no time zone can move them by a day.
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

/** Today's date in Vietnam (UTC+7), the reference for campaign status. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10) as IsoDate;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
