/**
 * Vietnamese text helpers shared by ids, search keys and sorting.
 *
 * Vietnamese arrives in several byte forms for the same word: NFC or NFD (macOS file names, text pasted from
 * Word) and two tone-mark placements ("hoà" and "hòa"). Everything stored is NFC; everything compared is folded.
 */

/** Zero-width and bidi control characters that are invisible to editors but change ids, search and layout. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** C0/C1 control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** NFC form, the single form in which the site stores and publishes Vietnamese text. */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

/** Characters an editor cannot see but that would be published: reported instead of silently kept. */
export function findInvisibleCharacters(value: string): string[] {
  const found = [...(value.match(INVISIBLE) ?? []), ...(value.match(CONTROL) ?? [])];
  return [...new Set(found)].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Lower-case ASCII form of Vietnamese text: diacritics removed and đ/Đ mapped to d, which Unicode decomposition
 * alone does not do. Both tone placements ("hoà", "hòa") and both normal forms give the same result.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (ch) => (ch === 'đ' ? 'd' : 'D'))
    .toLowerCase();
}

/** Text to be matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** URL-safe ASCII slug folded from Vietnamese: "Nguyễn Thị Đước" → "nguyen-thi-duoc". */
export function slugify(value: string): string {
  return foldVietnamese(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug form every id must already have. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), insensitive to case and to the normal form. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

/** Vietnamese alphabet letters used as A–Z index headings; đ, ă, â, ê, ô, ơ, ư are letters of their own. */
export const VIETNAMESE_ALPHABET = [
  'A',
  'Ă',
  'Â',
  'B',
  'C',
  'D',
  'Đ',
  'E',
  'Ê',
  'G',
  'H',
  'I',
  'K',
  'L',
  'M',
  'N',
  'O',
  'Ô',
  'Ơ',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'Ư',
  'V',
  'X',
  'Y',
] as const;

/**
 * The index letter a name is filed under: its first letter without tone mark but with its vowel shape
 * ("Ấn" → "Â", "Đặng" → "Đ", "Ứng" → "Ư"). Letters outside the Vietnamese alphabet (F, J, W, Z, digits) go to "#".
 */
export function indexLetter(name: string): string {
  const decomposed = name.trim().normalize('NFD');
  // Keep the marks that make a letter of its own (breve, circumflex, horn); drop the five tone marks.
  const shapeMarks = (/^[\u0300-\u036f]*/.exec(decomposed.slice(1))?.[0] ?? '').replace(/[^\u0306\u0302\u031B]/g, '');
  const letter = (decomposed.charAt(0).toUpperCase() + shapeMarks).normalize('NFC');
  return (VIETNAMESE_ALPHABET as readonly string[]).includes(letter) ? letter : '#';
}

/**
 * The distinct matches of a global pattern in a text. Not `text.matchAll(pattern)`: that copies the pattern for
 * every call, and a copy of a word tree of thousands of names is compiled afresh each time, for every line of every
 * file (the content check grew with the square of the corpus).
 */
export function matchesOf(text: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.add(match[0]);
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return found;
}

/**
 * A regular expression source matching any of `words`, written as a tree of their common beginnings ("Tổ tự quản
 * chưa duyệt số (?:1(?:2|3)|4)"). A flat list of alternatives is tried one by one at every character of every
 * file: with thousands of unpublished entries at 100,000 exemplars that made the check take minutes.
 */
export function wordTreeSource(words: readonly string[]): string {
  type Node = Map<string, Node>;
  const root: Node = new Map();
  const ends = new WeakSet<Node>();
  for (const word of words) {
    let node = root;
    for (const ch of word) node = node.get(ch) ?? node.set(ch, new Map()).get(ch)!;
    ends.add(node);
  }
  const source = (node: Node): string => {
    const branches = [...node].map(([ch, child]) => escapeRegExp(ch) + source(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return ends.has(node) ? `(?:${body})?` : body;
  };
  return source(root);
}
