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

/** The text around every "@" (longer than any address part), one piece a line. */
function aroundAtSigns(text: string): string {
  const pieces: string[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) pieces.push(text.slice(Math.max(0, at - 64), at + 256));
  return pieces.join('\n');
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
