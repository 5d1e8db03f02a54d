/**
 * A page's whole title as one hidden word of the search index, so that a reader who types the title of a page finds
 * that page first. Pagefind ranks a page by the words it matches, one by one: a person whose name is made of common
 * syllables ("Hồ Thuỳ Thuỷ", "Đinh Thị Đông") is outranked by pages that repeat those syllables more often ("Hộ gia
 * đình ông … Thủy", any page with "quyết định" and "đồng").
 *
 * The word is a hash of the folded title (letters and digits, đ as d, both tone placements alike) written in letters,
 * not the title itself: Pagefind splits a word where letters and digits meet, and it keeps words in parts of its
 * index by their first letters, a part holding many words that appear on one page each. Titles written out would
 * crowd the part where thousands of names begin "nguyenvan", and hashes after one common prefix would all crowd one
 * part, which a name's search would then fetch whole (docs/search.md). So the word begins with two
 * letters of the hash, which spread it over the whole index, then "qz", which no Vietnamese word has: only a search
 * for a word of one or two letters, which already matches thousands of words as the start of longer ones, can also
 * match a key. Two 32-bit hashes: titles that collide are not expected below billions. The search page asks for the
 * typed words in the same form, quoted: Pagefind then matches that one word exactly, and neither longer words that
 * begin with it nor, when no page has it, shorter words it begins with.
 */
import { foldVietnamese } from '../text.ts';

const MARK = 'qz';

/** FNV-1a over the text's UTF-16 code units (ASCII here), from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Seven letters for 32 bits (26⁷ > 2³²). */
function letters(value: number): string {
  let out = '';
  for (let i = 0; i < 7; i++, value = Math.floor(value / 26)) out += String.fromCharCode(97 + (value % 26));
  return out;
}

/** The one-word key of a title or of the words typed: "Hồ Thuỳ Thuỷ", "Hồ Thùy Thủy" and "ho thuy thuy" alike. */
export function titleKey(text: string): string | undefined {
  const folded = foldVietnamese(text.normalize('NFC')).replace(/[^a-z0-9]+/g, '');
  if (!folded) return undefined;
  const hash = letters(fnv1a(folded, 0x811c9dc5)) + letters(fnv1a(folded, 0x050c5d1f));
  return hash.slice(0, 2) + MARK + hash.slice(2);
}

/** The search for the pages titled with the words typed: their key, quoted for an exact match of that one word. */
export function titleQuery(text: string): string | undefined {
  const key = titleKey(text);
  return key && `"${key}"`;
}
