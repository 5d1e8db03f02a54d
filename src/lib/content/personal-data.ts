/**
 * Personal data that must never be published (Law 91/2025/QH15): citizen ID numbers (12 digits, old ID cards 9),
 * phone numbers and e-mail addresses, unless the site settings list them as public contacts (a hotline, the
 * centre's address).
 *
 * One detector serves the content check (each field, each story line) and the output check (each file a build
 * wrote), so that `npm run check` and the build refuse the same text. It reads text as a reader sees it: NFC,
 * character references decoded, any kind of space or dash taken for a plain one, invisible characters and inline
 * markup (Markdown emphasis, HTML tags such as <strong>) between the digits of a number ignored.
 *
 * Numbers are read as groups of digits joined by one space, dot or dash, or a dash between spaces ("0912 345 678",
 * "001.203.004.567"), whatever stands around them: punctuation, brackets, quotes, letters with no space
 * ("CCCD001203004567").
 * - Phone: a mobile number (10 digits from 03, 05, 07, 08 or 09; 11 digits from 01 in the old plan), a landline
 *   with its area code (11 digits from 02, the code alone or in brackets: "(0234) 3 822 123"), either written with
 *   +84 or 84 instead of the 0. After a phone word (số điện thoại, SĐT, ĐT, di động, Zalo, hotline, liên hệ…) any
 *   10 or 11 digits from 0 count; right after "ĐT:", "điện thoại:" and the like, a local number of 7 or 8 digits too.
 * - Citizen ID: 12 digits (a CCCD always starts with 0, its province code), or 9 (an old CMND). Written as one run
 *   of digits, or grouped and starting with 0, it is an ID. Grouped by thousands and starting with another digit
 *   ("150.000.000.000", "đã trồng 123 456 789 cây") it reads as an amount or a count, as amounts and counts are
 *   written, and is an ID only after an ID word (CCCD, CMND, căn cước, chứng minh nhân dân, định danh): "CMND số
 *   123.456.789". A number followed by a money word (đồng, đ, triệu, tỷ…) is money, unless it starts with 0.
 * - Not numbers of a person: groups that go on with more digits ("1.200.000.000"), dates and document numbers
 *   (short groups between slashes: "1520/QĐ-UBND", "15/03/2024", "06/2022/QH15"; a slash joins no groups, so
 *   "0912345678/0987654321" and "zalo.me/0912345678" are phone numbers), digits inside a code or file name
 *   ("x.B123456789a.css").
 * - E-mail: an address around "@", also written "an @ gmail.com", "an (a) gmail.com", "an[at]gmail.com",
 *   "an a còng gmail chấm com", "gmail (dot) com".
 */
import type { SettingsData } from '../../schemas/settings.ts';

export const PERSONAL_DATA_KINDS = { email: 'địa chỉ thư điện tử', phone: 'số điện thoại', id: 'số định danh (CCCD/CMND)' } as const;
type Kind = keyof typeof PERSONAL_DATA_KINDS;
const ADVICE: Record<Kind, string> = {
  email: 'không đăng thư điện tử cá nhân',
  phone: 'không đăng số điện thoại cá nhân',
  id: 'không đăng số căn cước, chứng minh nhân dân',
};

/** Contacts that may be published: the publisher's own phone and e-mail, and the listed public contacts. */
export function publicContactsOf(settings: SettingsData | undefined): string[] {
  return [settings?.publisher.phone, settings?.publisher.email, ...(settings?.publicContacts ?? [])].filter((c): c is string => Boolean(c));
}

// ---------------------------------------------------------------------------------------------------------------
// The text as read

/** Named character references that can stand for a character of a phone number or an address. */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', hairsp: ' ', numsp: ' ', puncsp: ' ', NonBreakingSpace: ' ',
  commat: '@', period: '.', hyphen: '-', dash: '-', ndash: '-', minus: '-', plus: '+',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}',
  shy: '', ZeroWidthSpace: '', zwj: '', zwnj: '', NoBreak: '',
};
/**
 * A character reference, also escaped once more ("&amp;#64;": a feed carries a story's HTML escaped, and a feed
 * reader shows an "@"). "&lt;" and "&gt;" stay: an escaped tag is markup as it is (MARK).
 */
const ENTITY = new RegExp(String.raw`&(?:amp;)?(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(${Object.keys(NAMED_ENTITIES).join('|')}));`, 'g');
function decodeEntity(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name]!;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}
/** A Markdown backslash escape that could hide an address or a number ("an\@gmail.com" shows as "an@gmail.com"). */
const MARKDOWN_ESCAPE = /\\([@.+()[\]{}-])/g;
/** The combining marks of Vietnamese in NFD (tones, circumflex, breve, horn): text with none of them reads the same in NFC. */
const VIETNAMESE_MARKS = ['\u0301', '\u0300', '\u0323', '\u0309', '\u0303', '\u0302', '\u0306', '\u031b'];

/**
 * The text as a reader sees it: NFC, character references and Markdown escapes decoded. Spaces, dashes and
 * invisible characters other than the plain ones are read as such where numbers are read (SPACE, DASH, MARK).
 * Each step starts from a search for a plain character, much faster over a whole page than a character class.
 */
function readableText(text: string): string {
  let read = VIETNAMESE_MARKS.some((mark) => text.includes(mark)) ? text.normalize('NFC') : text;
  if (read.includes('&')) read = read.replace(ENTITY, decodeEntity);
  if (read.includes('\\')) read = read.replace(MARKDOWN_ESCAPE, '$1');
  return read;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Characters that read as a space or as a dash between digits (no-break and thin spaces, hyphens, en dash, minus). */
const SPACE = String.raw`\u00a0\u2000-\u200a\u202f\u205f\u3000`;
const DASH = String.raw`\u2010-\u2013\u2212\ufe63\uff0d`;
/** Inline HTML elements: a number split by them still reads as one number. */
const INLINE_TAGS = 'a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr';
/**
 * What can stand inside a number without breaking it as read: a Markdown emphasis mark, an invisible character, an
 * inline tag, written or escaped ("&lt;strong&gt;" in a feed). An underscore between two digits is no emphasis in
 * Markdown ("B7_747" in a file name). Every alternative starts with its own character, or excludes the other, and a
 * tag ends at its first ">", so the patterns built from it match one way only and stay linear.
 */
const MARK = String.raw`(?:[*~\x60\u00ad\u200b-\u200d\u2060\ufeff]|(?<!\d)_|(?<=\d)_(?!\d)|<\/?(?:${INLINE_TAGS})(?![\w-])[^<>]{0,200}>|&lt;\/?(?:${INLINE_TAGS})(?![\w-])(?:[^&<>]|&(?!gt;)){0,200}&gt;)`;
/**
 * One space, dot or dash between two groups of digits, a dash between spaces, the ")" after an area code, or a line
 * break: a paragraph wrapped inside a number shows it whole ("0912" at the end of one line, "345 678" on the next).
 */
const JOINT = String.raw`(?:[ ${SPACE}][\-${DASH}][ ${SPACE}]|\r?\n|[ .\-${SPACE}${DASH}]|\)[ ${SPACE}]?)`;
/** What joins two groups of digits: a joint, markup around it, or markup alone. */
const SEP = String.raw`(?:${MARK}+(?:${JOINT}${MARK}*)?|${JOINT}${MARK}*)`;
/**
 * Groups of digits joined as above, with "(", "(+" or "+" before them, seven digits at least (the shortest number
 * looked for). A page's dates, sizes and counts are shorter and fail at once.
 */
const CHAIN = String.raw`(?:\(\+?|\+)?\d(?:${SEP}?\d){6,}`;
/** One piece of a chain: digits, a joint, markup or the opening "(" or "+". */
const PIECE = new RegExp(String.raw`(\d+)|(${JOINT})|${MARK}|[(+]`, 'y');
const MARKUP = new RegExp(MARK, 'g');
const OTHER_SPACE = new RegExp(`[${SPACE}]`, 'g');
const OTHER_DASH = new RegExp(`[${DASH}]`, 'g');
const IS_DASH = new RegExp(`^[${DASH}-]`);

/** Words that say the number after them (in the same line, with no other number in between) is an ID. */
const ID_WORD = /(?<![\p{L}\p{N}])(?:cccd|cmnd|cmt|căn cước|chứng minh nhân dân|chứng minh thư|giấy chứng minh|định danh|đdcn)(?!\p{L})/iu;
/** Words that say the number after them is a phone number. */
const PHONE_WORD =
  /(?<![\p{L}\p{N}])(?:số điện thoại|điện thoại|đtdđ|đt|sđt|sdt|dđ|di động|zalo|hotline|đường dây nóng|liên hệ|liên lạc|gọi|nhắn tin|máy bàn|tel|phone|fax)(?!\p{L})/iu;
/** What may stand between a label and its number: spaces, a colon, emphasis, tags. */
const LABEL_GAP = String.raw`(?:[\s:.*_~]|<[^<>]{0,200}>|&lt;[^&<>]{0,200}&gt;)*`;
/** A phone word right before the number, so that even a local number without its area code ("ĐT: 3822 123") counts. */
const PHONE_LABEL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:số điện thoại|điện thoại|đtdđ|đt|sđt|sdt|dđ|di động|zalo|hotline|máy bàn|tel|phone|fax)(?:\s*(?:nhà|bàn|cơ quan|riêng))?${LABEL_GAP}(?:số${LABEL_GAP})?$`,
  'iu',
);
/** How far before a number its cue word may stand. */
const CUE_REACH = 48;
/** The end of the last paragraph in a text (an empty line), which a cue does not reach over. */
const PARAGRAPH_END = /\n\s*\n(?![^]*\n\s*\n)/;
/** A money word right after a number (a decimal part between them allowed): then it is an amount. */
const MONEY_AFTER = new RegExp(String.raw`(?:,\d+)?${MARK}*(?:\s${MARK}*)?(?:đồng|đ|vnđ|vnd|usd|triệu|tỷ|tỉ|nghìn|ngàn|%)(?![\p{L}\p{N}])`, 'iuy');

interface Group {
  digits: string;
  /** Where the group's first and after its last digit are in the text. */
  start: number;
  end: number;
  /** What joins it to the group before: ' ', '.', '-', ' - ', ')', or '' for the first group. */
  sep: string;
}

interface Chain {
  groups: Group[];
  /** Where the chain starts in the text, its "(" or "+" included, and whether it has them. */
  start: number;
  plus: boolean;
  paren: boolean;
}

function readChain(text: string, start: number, end: number): Chain {
  const chain: Chain = { groups: [], start, plus: false, paren: false };
  let sep = '';
  for (let at = start; at < end; ) {
    PIECE.lastIndex = at;
    const [whole, digits, joint] = PIECE.exec(text)!;
    if (digits !== undefined) {
      const last = chain.groups.at(-1);
      // Two runs of digits with only markup between them read as one run.
      if (last && sep === '') {
        last.digits += digits;
        last.end = at + whole.length;
      } else chain.groups.push({ digits, start: at, end: at + whole.length, sep });
      sep = '';
    } else if (joint !== undefined) sep = joint.length === 3 ? ' - ' : joint[0] === ')' || joint[0] === '.' ? joint[0] : IS_DASH.test(joint) ? '-' : ' ';
    else if (whole === '+') chain.plus = true;
    else if (whole === '(') chain.paren = true;
    at += whole.length;
  }
  return chain;
}

/** Whether the group next to a run of groups carries the same number on (a longer number, a date, an amount). */
function carriesOn(next: Group | undefined, inner: Group, joint: string | undefined): boolean {
  if (!next || joint === undefined) return false;
  if (joint === ')') return true;
  // A dash between spaces parts two numbers ("0912 345 678 - 0987 654 321") and joins nothing of an amount or date.
  if (joint === ' - ') return false;
  if (joint === '.' || joint === '-') return next.digits.length <= 4;
  // Spaces group thousands ("150 000 000 000") as well as they part two numbers.
  return next.digits.length <= 3 && inner.digits.length === 3;
}

/** The cue words before a number, each looked for only when a rule needs it. */
class Cues {
  readonly #text: string;
  readonly #at: number;
  #window: string | undefined;
  constructor(text: string, at: number) {
    this.#text = text;
    this.#at = at;
  }

  /** The text a cue may stand in: the same paragraph, back to the number before. */
  get window(): string {
    if (this.#window === undefined) {
      let from = this.#at;
      while (from > 0 && from > this.#at - CUE_REACH && !/\d/.test(this.#text[from - 1]!)) from--;
      const window = this.#text.slice(from, this.#at);
      this.#window = window.slice(window.search(PARAGRAPH_END) + 1);
    }
    return this.#window;
  }
  get id(): boolean {
    return ID_WORD.test(this.window);
  }
  get phone(): boolean {
    return PHONE_WORD.test(this.window);
  }
  get label(): boolean {
    return PHONE_LABEL.test(this.window);
  }
}

/** The kind of personal number a run of groups is, if any. `plus`/`paren`: the run starts with "+" / "(". */
function kindOf(groups: Group[], plus: boolean, paren: boolean, cues: Cues, money: boolean): Kind | undefined {
  const digits = groups.map((g) => g.digits).join('');
  const sizes = groups.map((g) => g.digits.length);
  const count = groups.length;
  const joints = groups.slice(1).map((g) => g.sep);
  const closing = joints.indexOf(')');
  // A ")" only closes an opening bracket around the first group: "(0234) 3822123", "(+84) 912 345 678".
  if (closing > 0 || (closing === 0 && !paren)) return undefined;
  const bracketed = closing === 0;
  const restAtLeast = (from: number, min: number) => sizes.slice(from).every((size) => size >= min);

  const first = groups[0]!.digits;
  if (plus || first.startsWith('84')) {
    // +84 / 84 instead of the 0 ("+84 0912…" is written too): a mobile number is 9 digits after it, a landline 10.
    const separate = first === '84' && count > 1;
    let rest = digits.slice(2);
    let restFirst = separate ? sizes[1]! : sizes[0]! - 2;
    if (rest.startsWith('0')) [rest, restFirst] = [rest.slice(1), restFirst - 1];
    const restCount = separate ? count - 1 : count;
    // Without "+", "84" is taken for the country code only standing alone or starting one run of digits.
    if (/^(?:[35789]\d{8}|2\d{9})$/.test(rest) && restCount <= 4 && (restCount === 1 || restFirst >= 2) && (plus || separate || count === 1)) return 'phone';
  }
  if (digits.startsWith('0')) {
    const grouped = count === 1 || (sizes[0]! >= 3 && count <= 5);
    if (/^0[35789]\d{8}$|^01[2689]\d{8}$/.test(digits) && grouped && restAtLeast(1, 2)) return 'phone';
    if (/^02\d{9}$/.test(digits) && grouped) return 'phone';
    if (/^0\d{8,10}$/.test(digits) && count <= 5 && (count === 1 || sizes[0]! >= 2) && cues.phone) return 'phone';
    if (bracketed) return undefined;
    // An amount never starts with 0: grouped, such a number is still an ID.
    if (digits.length === 12 && count <= 4 && restAtLeast(0, 3)) return 'id';
    if (digits.length === 9 && (count === 1 || restAtLeast(0, 3))) return 'id';
    if ((digits.length === 9 || digits.length === 12) && count <= 4 && restAtLeast(0, 2) && cues.id) return 'id';
    return undefined;
  }
  if (money || plus || bracketed) return undefined;
  // A long run of digits written without grouping is not how amounts and counts are written.
  if (count === 1 && (digits.length === 9 || digits.length === 12)) return 'id';
  if ((digits.length === 9 || digits.length === 12) && count <= 4 && restAtLeast(0, 2) && cues.id) return 'id';
  if ((digits.length === 7 || digits.length === 8) && /^[2-9]/.test(digits) && restAtLeast(1, 3) && cues.label) return 'phone';
  return undefined;
}

const ASCII_LETTER = /[A-Za-z_]/;
const ASCII_WORD = /[A-Za-z\d_]/;
/** A cue word written onto the number ("CCCD001203004567"), which makes it no code even with a letter after it. */
const GLUED_CUE = /(?:cccd|cmnd|cmt|sđt|sdt|đt|dđ|zalo|hotline|tel|phone|fax)$/i;

interface Hit {
  kind: Kind;
  value: string;
  /** What is compared with the public contacts: a phone number's digits in their 0… form, an address in lower case. */
  key: string;
  start: number;
  end: number;
}

/** The personal numbers of one chain (text from `start` to `end`), added to `hits`. */
function numbersIn(text: string, start: number, end: number, hits: Hit[]): void {
  const chain = readChain(text, start, end);
  const { groups } = chain;
  for (let i = 0; i < groups.length; i++) {
    if (carriesOn(groups[i - 1], groups[i]!, groups[i]!.sep || undefined)) continue;
    const atStart = i === 0;
    const from = atStart ? chain.start : groups[i]!.start;
    const before = text[from - 1] ?? '';
    const cues = new Cues(text, from);
    let found: { kind: Kind; last: number } | undefined;
    let length = 0;
    for (let j = i; j < groups.length && j < i + 6; j++) {
      length += groups[j]!.digits.length;
      if (length > 13) break;
      if (length < 7) continue;
      const next = groups[j + 1];
      if (carriesOn(next, groups[j]!, next?.sep)) continue;
      const to = groups[j]!.end;
      const after = text[to] ?? '';
      // Digits between letters and letters or digits are part of a code or a file name ("x.B123456789a.css").
      if (ASCII_LETTER.test(before) && ASCII_WORD.test(after) && !GLUED_CUE.test(text.slice(Math.max(0, from - 7), from))) continue;
      MONEY_AFTER.lastIndex = to;
      const kind = kindOf(groups.slice(i, j + 1), atStart && chain.plus, atStart && chain.paren, cues, MONEY_AFTER.test(text));
      // The longest reading wins: "001 203 004 567" is one ID, not a shorter one and three digits.
      if (kind) found = { kind, last: j };
    }
    if (!found) continue;
    const to = groups[found.last]!.end;
    // "+84" and an area code's brackets are part of the number; a bracket around all of it is not.
    const valueFrom = atStart && (chain.plus || (chain.paren && found.last > 0 && groups[1]!.sep === ')')) ? from : groups[i]!.start;
    const value = text.slice(valueFrom, to).replace(MARKUP, '').replace(OTHER_SPACE, ' ').replace(OTHER_DASH, '-');
    const digits = value.replace(/\D/g, '');
    hits.push({ kind: found.kind, value, key: found.kind === 'phone' ? nationalForm(digits) : digits, start: valueFrom, end: to });
    i = found.last;
  }
}

/** A phone number's digits as written inside Vietnam: "84912345678" and "840912345678" are "0912345678". */
function nationalForm(digits: string): string {
  if (/^840?(?:[35789]\d{8}|2\d{9})$/.test(digits)) return `0${digits.slice(2).replace(/^0/, '')}`;
  return digits;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses

/**
 * Where an address may stand: an "@", or a way of writing one ("(a)", "[at]", "{@}", "a còng"). Found by searching
 * for plain characters, much faster over a whole page than a pattern that starts with a choice of characters.
 */
const WRITTEN_AT = /[(\[{]\s?(?:@|at?|a còng)\s?[)\]}]/iy;
const CONG = ['còng', 'Còng', 'CÒNG'];
function atSigns(text: string): { index: number; sign: string }[] {
  const signs: { index: number; sign: string }[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) signs.push({ index: at, sign: '@' });
  for (const bracket of '([{') {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
      WRITTEN_AT.lastIndex = at;
      const sign = WRITTEN_AT.exec(text)?.[0];
      if (sign) signs.push({ index: at, sign });
    }
  }
  for (const cong of CONG) {
    for (let at = text.indexOf(cong); at >= 0; at = text.indexOf(cong, at + 1)) {
      // "a còng" stands between spaces.
      if (/^\s[aA]\s$/.test(text.slice(at - 3, at)) && /^\s$/.test(text[at + cong.length] ?? '')) signs.push({ index: at - 2, sign: text.slice(at - 2, at + cong.length) });
    }
  }
  return signs.length > 1 ? signs.sort((x, y) => x.index - y.index) : signs;
}
const IS_SPACE = new RegExp(`[ ${SPACE}]`);
/** A character an address can have before its "@" (a combining mark of NFD text included). */
const LOCAL_CHAR = /[\p{L}\p{M}\p{N}._%+-]/u;
/** The longest local part looked for: more than any real address has, so that a long run costs little. */
const LOCAL_REACH = 200;
const LABEL = /[\p{L}\p{N}][\p{L}\p{M}\p{N}-]{0,62}/uy;
/** A dot between two labels of the domain, or a way of writing one: " . ", "(dot)", "[chấm]", " chấm ". */
const DOT = /\.(?=[\p{L}\p{N}])|\s\.\s|\s?[(\[{]\s?(?:dot|chấm)\s?[)\]}]\s?|\s(?:dot|chấm)\s/iuy;
/** Endings of a domain an address written in words must have, so that a sentence is not taken for one. */
const COMMON_TOPS = /^(?:[a-z]{2}|com|net|org|edu|gov|info|biz|mobi|name|pro|asia|online|site|xyz|app|dev|io)$/i;

/** The address around an "@" or a way of writing one (`sign`, at `index`), if there is one; none starts before `floor`. */
function addressAt(text: string, index: number, sign: string, floor: number): Hit | undefined {
  let localEnd = index;
  let domainStart = index + sign.length;
  const plain = sign === '@';
  if (plain) {
    // "an @ gmail.com", spaces on both sides or none: "Theo dõi @trang" is no address.
    const spaced = IS_SPACE.test(text[localEnd - 1] ?? '');
    if (spaced !== IS_SPACE.test(text[domainStart] ?? '')) return undefined;
    if (spaced) [localEnd, domainStart] = [localEnd - 1, domainStart + 1];
  } else if (!'([{'.includes(sign[0]!)) {
    // "a còng", between spaces.
    [localEnd, domainStart] = [localEnd - 1, domainStart + 1];
  } else {
    if (IS_SPACE.test(text[localEnd - 1] ?? '')) localEnd -= 1;
    if (IS_SPACE.test(text[domainStart] ?? '')) domainStart += 1;
  }
  let localStart = localEnd;
  const lowest = Math.max(floor, localEnd - LOCAL_REACH);
  while (localStart > lowest) {
    // A letter outside the Basic Multilingual Plane is two code units.
    const width = localStart >= 2 && text.charCodeAt(localStart - 1) >= 0xdc00 && text.charCodeAt(localStart - 1) <= 0xdfff ? 2 : 1;
    if (localStart - width < lowest || !LOCAL_CHAR.test(text.slice(localStart - width, localStart))) break;
    localStart -= width;
  }
  const local = text.slice(localStart, localEnd);
  if (!/[\p{L}\p{N}]/u.test(local)) return undefined;
  const labels: string[] = [];
  // Written as addresses are, or in words: then the domain must end as common domains do.
  let written = plain && localEnd === index;
  let at = domainStart;
  for (;;) {
    LABEL.lastIndex = at;
    const label = LABEL.exec(text);
    if (!label) break;
    labels.push(label[0]);
    at += label[0].length;
    DOT.lastIndex = at;
    const dot = DOT.exec(text);
    if (!dot) break;
    LABEL.lastIndex = at + dot[0].length;
    if (!LABEL.test(text)) break;
    if (dot[0] !== '.') written = false;
    at += dot[0].length;
  }
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !/^\p{L}{2,}$/u.test(top) || (!written && !COMMON_TOPS.test(top))) return undefined;
  return { kind: 'email', value: text.slice(localStart, at), key: `${local}@${labels.join('.')}`.normalize('NFC').toLowerCase(), start: localStart, end: at };
}

// ---------------------------------------------------------------------------------------------------------------

const CHAINS = new RegExp(CHAIN, 'g');

function findAll(text: string): { emails: Hit[]; numbers: Hit[] } {
  const numbers: Hit[] = [];
  // exec rather than matchAll, which copies the pattern on every call: most texts the check reads are short fields.
  CHAINS.lastIndex = 0;
  for (let match = CHAINS.exec(text); match; match = CHAINS.exec(text)) numbersIn(text, match.index, CHAINS.lastIndex, numbers);
  const emails: Hit[] = [];
  for (const { index, sign } of atSigns(text)) {
    // The rest of a run like "an@b.vn@c.vn" is part of the address found before, not another one.
    const address = addressAt(text, index, sign, emails.at(-1)?.end ?? 0);
    if (address) emails.push(address);
  }
  return { emails, numbers };
}

export interface PersonalDataHit {
  kind: string;
  value: string;
  message: string;
  /** The line of the text it starts on, from 0: where to point an editor in a story. */
  line: number;
}

const allowedKeys = new WeakMap<readonly string[], Set<string>>();
function keysOf(allowed: readonly string[]): Set<string> {
  let keys = allowedKeys.get(allowed);
  if (!keys) {
    keys = new Set<string>();
    for (const contact of allowed) {
      const digits = contact.replace(/\D/g, '');
      if (digits) keys.add(digits).add(nationalForm(digits));
      keys.add(readableText(contact).trim().toLowerCase());
    }
    allowedKeys.set(allowed, keys);
  }
  return keys;
}

/** Personal data found in a text; `allowed` are public contacts that may appear, however they are written. */
export function findPersonalData(text: string, allowed: readonly string[] = []): PersonalDataHit[] {
  const read = readableText(text);
  const keys = keysOf(allowed);
  const hits: PersonalDataHit[] = [];
  const seen = new Set<string>();
  const { emails, numbers } = findAll(read);
  // Digits inside an address ("0912345678@gmail.com") are part of that address, reported once. Both lists are in
  // the order of the text, so one walk along them finds which.
  let next = 0;
  const outside = numbers.filter((number) => {
    while (next < emails.length && emails[next]!.end <= number.start) next++;
    return !(next < emails.length && emails[next]!.start < number.end);
  });
  let line = 0;
  let counted = 0;
  for (const { kind, value, key, start } of [...emails, ...outside].sort((a, b) => a.start - b.start)) {
    if (keys.has(key) || seen.has(key)) continue;
    seen.add(key);
    // Lines are counted once along the text, hits being in its order.
    for (let at = read.indexOf('\n', counted); at >= 0 && at < start; at = read.indexOf('\n', at + 1)) line++;
    counted = start;
    const shown = value.replace(/\r?\n/g, ' ');
    const name = PERSONAL_DATA_KINDS[kind];
    hits.push({
      kind: name,
      value: shown,
      message: `Có ${name} "${shown}": ${ADVICE[kind]}. Nếu đây là liên hệ công khai của cơ quan, thêm vào publicContacts trong content/settings.yaml.`,
      line,
    });
  }
  return hits;
}
