/** Vietnamese formatting of dates and numbers, in one place. */
import type { IsoDate } from './dates.ts';

function parts(date: IsoDate | string) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** "ngày 15 tháng 9 năm 2022", the way documents and announcers say it. */
export function formatDateLong(date: IsoDate | string): string {
  const { year, month, day } = parts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "15/09/2022", for lists and tables. */
export function formatDateShort(date: IsoDate | string): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
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
