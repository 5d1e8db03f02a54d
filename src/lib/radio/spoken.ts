/**
 * Written Vietnamese turned into text an announcer reads straight off the page: numbers, dates, times, document
 * numbers, units and abbreviations as words; no brackets, addresses of web pages or e-mail addresses.
 */
import { expandAbbreviations } from './abbreviations.ts';
import { speakDocumentNumbers } from './documents.ts';
import { spokenDate, spokenDay, spokenInteger, spokenMonth, spokenNumber } from './numbers.ts';

/** Units written after a number, as said aloud. Longer forms come first so "km²" is not read as "km" and "²". */
export const UNITS: Readonly<Record<string, string>> = {
  'km²': 'ki-lô-mét vuông',
  km2: 'ki-lô-mét vuông',
  'm²': 'mét vuông',
  m2: 'mét vuông',
  'm³': 'mét khối',
  m3: 'mét khối',
  ha: 'héc-ta',
  km: 'ki-lô-mét',
  cm: 'xăng-ti-mét',
  mm: 'mi-li-mét',
  m: 'mét',
  kg: 'ki-lô-gam',
  'km/h': 'ki-lô-mét một giờ',
  kWh: 'ki-lô-oát giờ',
  VNĐ: 'đồng',
  VND: 'đồng',
  vnđ: 'đồng',
  đ: 'đồng',
  USD: 'đô la Mỹ',
  '°C': 'độ C',
  '%': 'phần trăm',
};

/** A number as Vietnamese text writes it: "1.200.000", "1,5", "12"; and "2.5", which is not one, read "hai chấm năm". */
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.,]?\d)|\d+,\d+|\d+\.\d+|\d+`;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const unitPattern = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

function readNumber(written: string): string {
  const dotted = /^(\d+)\.(\d+)$/.exec(written);
  return dotted && !THOUSANDS.test(written) ? `${spokenNumber(dotted[1])} chấm ${spokenNumber(dotted[2])}` : spokenNumber(written);
}

const validDate = (day: number, month: number, year = 2000) => month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Addresses never end in the punctuation of the sentence around them. */
// Each with a cheap test of whether it can match at all: the address patterns start with a run of letters, which
// the regular expression engine otherwise tries from every letter of a 900-word story.
const LINKS = [
  { likely: /https?:|www\./i, pattern: /(?:https?:\/\/|www\.)[^\s<>"”)\]]*[^\s<>"”)\].,;:!?]/giu },
  { likely: /@/, pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  {
    likely: /\.(?:vn|com|net|org|gov|edu|info)(?![a-z0-9])/i,
    pattern: /(?<![\p{L}\p{N}@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info)(?:\/[^\s<>"”)\]]*[^\s<>"”)\].,;:!?])?\/?(?![\p{L}\p{N}])/giu,
  },
];

/** Web and e-mail addresses mean nothing on a loudspeaker. */
function dropLinks(text: string): string {
  return LINKS.reduce((result, { likely, pattern }) => (likely.test(result) ? result.replace(pattern, '') : result), text);
}

/**
 * An aside in brackets becomes an aside between commas; one that only repeats an abbreviation ("Hợp tác xã (HTX)")
 * or that nothing is left of is dropped.
 */
function dropBrackets(text: string): string {
  let previous: string;
  do {
    previous = text;
    text = text.replace(/\s*[([{]([^()[\]{}]*)[)\]}]/gu, (_, inner: string) => {
      const content = inner.trim();
      const repeatsAbbreviation = /^[\p{Lu}\d&./-]+$/u.test(content) && /\p{Lu}{2}/u.test(content);
      return !content || repeatsAbbreviation ? '' : `, ${content},`;
    });
  } while (text !== previous);
  return text.replace(/[()[\]{}]/g, ' ');
}

/** Words before a bare "30/6" that make it a date rather than a fraction. */
const DATE_CONTEXT = /(?:ngày|hôm|từ|đến|tới|trước|sau|đầu|cuối|dịp|lễ|mừng|niệm|[–—-])\s*$/iu;

/** Keeps "Ngày" as written at the start of a sentence. */
const dated = (word: string | undefined, spoken: string) => (word ? word + spoken.slice('ngày'.length) : spoken);

function speakDates(text: string): string {
  // Most paragraphs have no digit: the date patterns need not be tried on them.
  const spoken = !/\d/.test(text)
    ? text
    : text
        // 2024-03-15, as fields hold them.
        .replace(/(?:([Nn]gày)\s+)?(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/]|[.-]\d)/g, (match, word, y: string, m: string, d: string) =>
          validDate(+d, +m, +y) ? dated(word, spokenDate(+d, +m, +y)) : match,
        )
        // 15/3/2024, 05/03/2024, 15.3.2024, 15-3-2024
        .replace(/(?:([Nn]gày)\s+)?(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?![\d/]|[.,]\d)/g, (match, word, d: string, _, m: string, y: string) =>
          validDate(+d, +m, +y) ? dated(word, spokenDate(+d, +m, +y)) : match,
        )
        // "ngày 5 tháng 3 năm 2022", the site's own long form
        .replace(/([Nn]gày)\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?![\d/])/g, (match, word, d: string, m: string, y?: string) =>
          validDate(+d, +m, y ? +y : undefined) ? dated(word, spokenDate(+d, +m, y ? +y : undefined)) : match,
        )
        // tháng 3/2024
        .replace(/(?:([Tt]háng)\s+)?(?<![\d/.,])(\d{1,2})\/(\d{4})(?![\d/])/g, (match, word: string | undefined, m: string, y: string) =>
          +m >= 1 && +m <= 12 ? `${word ?? 'tháng'} ${spokenMonth(+m)} năm ${spokenInteger(y)}` : match,
        )
        // 30/6 where the words around it say it is a day: "từ 01/7 đến 31/12", "dịp 2/9"
        .replace(
          /(?:([Nn]gày)\s+)?(?<![\d/.,])(\d{1,2})\/(\d{1,2})(?![\d/])/g,
          (match, word: string | undefined, d: string, m: string, offset: number, whole: string) => {
            const isDate =
              word || DATE_CONTEXT.test(whole.slice(Math.max(0, offset - 12), offset)) || /^\s*(?:[–—-]|đến|tới)/u.test(whole.slice(offset + match.length));
            return isDate && validDate(+d, +m) ? dated(word, spokenDate(+d, +m)) : match;
          },
        );
  // A range of dates: "ngày … – ngày …"
  return spoken.replace(/\s+[–—-]\s+(?=ngày )/g, ' đến ');
}

/** 19:30, 7h30, 7h, 7 giờ 30 (phút). */
function speakTimes(text: string): string {
  const time = /(?<![\d.,/:])(\d{1,2})(?::(\d{2})|\s?h(\d{2})?|\s?giờ\s(\d{2}))(?:\s?(?:phút|p))?(?![\p{L}\p{N}:])/gu;
  return text.replace(time, (match, h: string, ...minutes: (string | undefined)[]) => {
    const m = minutes.slice(0, 3).find((value) => value !== undefined);
    if (+h > 24 || (m !== undefined && +m > 59)) return match;
    return `${spokenInteger(h)} giờ${m && +m > 0 ? ` ${spokenInteger(m)} phút` : ''}`;
  });
}

/** Words after which 1 and 4 are "nhất" and "tư"; "ngày" and "tháng" have their own rules. */
function speakOrdinals(text: string): string {
  return text
    .replace(
      /([Tt]hứ|[Hh]ạng|[Gg]iải)\s+(\d{1,2})(?![\d/]|[.,]\d)/g,
      (_, word: string, n: string) => `${word} ${+n === 1 ? 'nhất' : +n === 4 ? 'tư' : spokenInteger(n)}`,
    )
    .replace(/([Tt]háng)\s+(\d{1,2})(?![\d/]|[.,]\d)/g, (match, word: string, n: string) => (+n >= 1 && +n <= 12 ? `${word} ${spokenMonth(+n)}` : match))
    .replace(/([Nn]gày)\s+(\d{1,2})(?![\d/:]|[.,]\d)/g, (match, word: string, n: string) => (+n >= 1 && +n <= 31 ? `${word} ${spokenDay(+n)}` : match));
}

function speakNumbers(text: string): string {
  return (
    text
      // 2021 - 2025, 10–15
      .replace(/(?<=\d)\s*[–—-]\s*(?=\d)/g, ' đến ')
      .replace(
        new RegExp(`(?<![\\d/.,])(${NUMBER})\\s?(${unitPattern})(?![\\p{L}\\p{N}])`, 'gu'),
        (_, n: string, unit: string) => `${readNumber(n)} ${UNITS[unit]}`,
      )
      // 17/18, 2/3: a fraction when the first is smaller
      .replace(/(?<![\d/])(\d+)\/(\d+)(?![\d/])/g, (_, a: string, b: string) => `${spokenNumber(a)} ${+a < +b ? 'phần' : 'trên'} ${spokenNumber(b)}`)
      .replace(/(?<=\p{L})-(?=\d)/gu, ' ')
      .replace(new RegExp(`(?<!\\d)(?:${NUMBER})(?!\\d)`, 'g'), readNumber)
  );
}

const SYMBOLS: Readonly<Record<string, string>> = { '&': ' và ', '+': ' cộng ', '=': ' bằng ', '~': ' khoảng ', '%': ' phần trăm', '°': ' độ', '→': ', ' };

function tidy(text: string): string {
  return text
    .replace(/[&+=~%°→]/g, (ch) => SYMBOLS[ch])
    .replace(/[#*_|\\<>^/@]/g, ' ')
    .replace(/\s+[–—-]\s+/g, ', ')
    .replace(/^\s*[–—-]\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?…])/g, '$1')
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/,\s*([.;:!?…])/g, '$1')
    .replace(/([.;:!?])\s*,/g, '$1')
    .replace(/,(?=[\p{L}\p{N}“"])/gu, ', ')
    .replace(/^[\s,;:.]+/, '')
    .trim();
}

/** One paragraph of written text as an announcer should read it. */
export function toSpoken(written: string): string {
  let text = written.normalize('NFC');
  text = dropLinks(text);
  text = dropBrackets(text);
  // Every document number has a slash: "12/QĐ-UBND", "19-CT/TU", "/KH-UBND".
  if (text.includes('/')) text = speakDocumentNumbers(text);
  text = speakDates(text);
  // Times, ordinals and numbers all start with a digit.
  if (/\d/.test(text)) text = speakNumbers(speakOrdinals(speakTimes(text)));
  text = expandAbbreviations(text);
  return tidy(text);
}
