/** Vietnamese formatting of dates and numbers, in one place. */
import { precisionOf, type PartialDate } from './dates.ts';

function parts(date: PartialDate | string) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day, precision: precisionOf(date) };
}

/**
 * "ngày 15 tháng 9 năm 2022", the way documents and announcers say it; a month or a year alone reads as the
 * source wrote it: "tháng 9 năm 2022", "năm 2022".
 */
export function formatDateLong(date: PartialDate | string): string {
  const { year, month, day, precision } = parts(date);
  if (precision === 'year') return `năm ${year}`;
  if (precision === 'month') return `tháng ${month} năm ${year}`;
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "15/09/2022", for lists and tables; a month alone is "9/2022", a year "2022". */
export function formatDateShort(date: PartialDate | string): string {
  const { year, month, day, precision } = parts(date);
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${month}/${year}`;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/**
 * A short date with the word a citation puts before it: "ngày 15/09/2022", "tháng 9/2022", "năm 2022"
 * ("Kế hoạch số 12/KH-UBND ngày 15/09/2022", never "ngày 9/2022").
 */
export function formatDateCited(date: PartialDate | string): string {
  const precision = precisionOf(date);
  return `${precision === 'year' ? 'năm' : precision === 'month' ? 'tháng' : 'ngày'} ${formatDateShort(date)}`;
}

/** "xã Sài Sơn" → "Xã Sài Sơn", for headings. */
export function capitalize(value: string): string {
  return value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** "10.000" with the Vietnamese thousands separator. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "2 phút 30 giây", "45 giây", "15 phút". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return [minutes > 0 && `${formatNumber(minutes)} phút`, (rest > 0 || minutes === 0) && `${rest} giây`].filter(Boolean).join(' ');
}
