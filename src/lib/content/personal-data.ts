/**
 * Personal data that must never be published (Law 91/2025/QH15): citizen ID numbers (12 digits, old ID cards 9),
 * phone numbers and e-mail addresses, unless the site settings list them as public contacts (a hotline, the
 * centre's address).
 */
import type { SettingsData } from '../../schemas/settings.ts';

// `gate` is a cheap test that every match passes: most text has no "@" and no run of nine digits, and is skipped.
const NINE_DIGITS = /\d(?:[\s.-]?\d){8}/;
const PATTERNS: { kind: string; pattern: RegExp; gate: RegExp; advice: string }[] = [
  { kind: 'địa chỉ thư điện tử', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, gate: /@/, advice: 'không đăng thư điện tử cá nhân' },
  { kind: 'số điện thoại', pattern: /(?<![\d/])(?:\+84|84|0)(?:[\s.-]?\d){9,10}(?![\d/])/g, gate: NINE_DIGITS, advice: 'không đăng số điện thoại cá nhân' },
  { kind: 'số định danh (CCCD/CMND)', pattern: /(?<![\d/.,])(?:\d{12}|\d{9})(?![\d/.,])/g, gate: NINE_DIGITS, advice: 'không đăng số căn cước, chứng minh nhân dân' },
];

/** Contacts that may be published: the publisher's own phone and e-mail, and the listed public contacts. */
export function publicContactsOf(settings: SettingsData | undefined): string[] {
  return [settings?.publisher.phone, settings?.publisher.email, ...(settings?.publicContacts ?? [])].filter((c): c is string => Boolean(c));
}

const digits = (value: string) => value.replace(/\D/g, '');

/** A character an address can have before its "@", and the run of those an address can have after it. */
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_RUN = /[\p{L}\p{N}.-]*/uy;

/** Where the run of characters an address can have before its "@" begins, the "@" being at `at`. */
function localPartStart(text: string, at: number): number {
  let start = at;
  for (;;) {
    // A letter outside the Basic Multilingual Plane is two code units.
    const width = start >= 2 && text.charCodeAt(start - 1) >= 0xdc00 && text.charCodeAt(start - 1) <= 0xdfff ? 2 : 1;
    if (start - width < 0 || !LOCAL_CHAR.test(text.slice(start - width, start))) return start;
    start -= width;
  }
}

/**
 * The text of every address-like run around an "@", one piece a line: all that an address can be made of, so the
 * address pattern finds there exactly what it finds in the whole text. Run over whole pages (each has several "@":
 * the publisher's address, the structured data), the pattern tried every word, 0.2 ms a page.
 */
function aroundAtSigns(text: string): string {
  const pieces: [number, number][] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = localPartStart(text, at);
    DOMAIN_RUN.lastIndex = at + 1;
    DOMAIN_RUN.exec(text);
    const last = pieces.at(-1);
    // Runs that touch are one piece, as in the whole text ("an@b.vn@c.vn" holds one address, not two).
    if (last && start <= last[1]) last[1] = DOMAIN_RUN.lastIndex;
    else pieces.push([start, DOMAIN_RUN.lastIndex]);
  }
  return pieces.map(([start, end]) => text.slice(start, end)).join('\n');
}

export interface PersonalDataHit {
  kind: string;
  value: string;
  message: string;
}

/** Personal data found in a text; `allowed` are public contacts that may appear. */
export function findPersonalData(text: string, allowed: readonly string[] = []): PersonalDataHit[] {
  const allowedDigits = new Set(allowed.map(digits).filter(Boolean));
  const allowedText = new Set(allowed.map((a) => a.toLowerCase()));
  const hits: PersonalDataHit[] = [];
  const seen = new Set<string>();
  for (const { kind, pattern, gate, advice } of PATTERNS) {
    if (!gate.test(text)) continue;
    // An address is searched for only around each "@": run over a whole page, the pattern would try every word.
    const where = kind === 'địa chỉ thư điện tử' ? aroundAtSigns(text) : text;
    for (const [value] of where.matchAll(pattern)) {
      if (allowedText.has(value.toLowerCase()) || (kind !== 'địa chỉ thư điện tử' && allowedDigits.has(digits(value)))) continue;
      // A number that fits two patterns (84 and ten digits is also twelve digits) is reported once.
      const key = kind === 'địa chỉ thư điện tử' ? value : digits(value);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ kind, value, message: `Có ${kind} "${value}": ${advice}. Nếu đây là liên hệ công khai của cơ quan, thêm vào publicContacts trong content/settings.yaml.` });
    }
  }
  return hits;
}
