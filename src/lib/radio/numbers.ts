/**
 * Numbers as Vietnamese announcers read them: "hai mươi mốt", "mười lăm", "hai mươi tư", "một trăm linh năm",
 * "hai nghìn không trăm hai mươi lăm", "một triệu hai trăm nghìn", "một phẩy năm".
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Names of the groups of three digits below a billion; a billion (tỷ) repeats itself above. */
const GROUPS = ['', 'nghìn', 'triệu'] as const;

/**
 * 0–999. Inside a larger number (`inner`) a short group keeps its hundreds and tens: 2.025 is "hai nghìn không trăm
 * hai mươi lăm", 1.005 "một nghìn không trăm linh năm".
 */
function threeDigits(n: number, inner: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const withHundreds = hundreds > 0 || inner;
  if (withHundreds) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) words.push(...(withHundreds ? ['linh', DIGITS[units]] : [DIGITS[units]]));
  } else if (tens === 1) {
    words.push('mười');
    if (units > 0) words.push(units === 5 ? 'lăm' : DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    // Only after "mươi" does 1 become "mốt" and 4 "tư"; 5 is "lăm" after "mười" too.
    if (units > 0) words.push(units === 1 ? 'mốt' : units === 4 ? 'tư' : units === 5 ? 'lăm' : DIGITS[units]);
  }
  return words;
}

function belowBillion(n: number, inner: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...threeDigits(groups[i], inner || words.length > 0));
    if (GROUPS[i]) words.push(GROUPS[i]);
  }
  return words;
}

function integerWords(n: bigint): string[] {
  const billion = 1_000_000_000n;
  if (n < billion) return belowBillion(Number(n), false);
  const rest = Number(n % billion);
  return [...integerWords(n / billion), 'tỷ', ...(rest > 0 ? belowBillion(rest, true) : [])];
}

/** Digits one by one: "0912" → "không chín một hai", for codes and numbers with a leading zero. */
export function spokenDigits(digits: string): string {
  return [...digits].map((d) => DIGITS[Number(d)]).join(' ');
}

/** A whole number written with digits only ("2025", "1200000"). */
export function spokenInteger(value: number | bigint | string): string {
  const digits = String(value).replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) throw new Error(`Not a whole number: ${value}`);
  return integerWords(BigInt(digits)).join(' ') || DIGITS[0];
}

/**
 * A number as written in Vietnamese text: dots group thousands ("1.200.000"), a comma starts the decimals
 * ("1,5" → "một phẩy năm", "0,05" → "không phẩy không năm"). A leading zero means a code ("05" → "không năm").
 */
export function spokenNumber(written: string): string {
  const [whole, decimals] = written.split(',');
  const digits = whole.replace(/\./g, '');
  const head =
    digits.length > 1 && digits.startsWith('0') && decimals === undefined
      ? spokenDigits(digits)
      : digits.length > 15
        ? spokenDigits(digits)
        : spokenInteger(digits);
  if (decimals === undefined) return head;
  const zeros = /^0*/.exec(decimals)![0];
  const rest = decimals.slice(zeros.length);
  const tail = [...[...zeros].map(() => DIGITS[0]), ...(rest ? [rest.length > 3 ? spokenDigits(rest) : spokenInteger(rest)] : [])];
  return `${head} phẩy ${tail.join(' ')}`;
}

/** Day of the month: 1–10 are "mùng một" … "mùng mười". */
export function spokenDay(day: number): string {
  return day <= 10 ? `mùng ${spokenInteger(day)}` : spokenInteger(day);
}

/** Month: the fourth is "tháng tư", never "tháng bốn". */
export function spokenMonth(month: number): string {
  return month === 4 ? 'tư' : spokenInteger(month);
}

/** "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư"; the year may be left out. */
export function spokenDate(day: number, month: number, year?: number): string {
  return `ngày ${spokenDay(day)} tháng ${spokenMonth(month)}${year === undefined ? '' : ` năm ${spokenInteger(year)}`}`;
}

/**
 * A date of a content field ("2024-03-15"); a field that holds only a month ("2022-09") or a year ("2022") is read
 * as the source gave it: "tháng chín năm hai nghìn không trăm hai mươi hai", "năm hai nghìn không trăm hai mươi hai".
 */
export function spokenIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined) return `năm ${spokenInteger(year)}`;
  if (day === undefined) return `tháng ${spokenMonth(month)} năm ${spokenInteger(year)}`;
  return spokenDate(day, month, year);
}
