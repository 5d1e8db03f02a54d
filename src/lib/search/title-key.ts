/**
 * A page's whole title as one hidden word of the search index, so that a reader who types the title of a page finds
 * that page first. Pagefind ranks a page by the words it matches, one by one: a person whose name is made of common
 * syllables ("Hồ Thuỳ Thuỷ", "Đinh Thị Đông") is outranked by pages that repeat those syllables more often ("Hộ gia
 * đình ông … Thủy", any page with "quyết định" and "đồng").
 *
 * The word is a hash of the folded title (letters and digits, đ as d, both tone placements alike), written in
 * letters after "qz", which no Vietnamese word begins with. A hash rather than the title itself: Pagefind splits a
 * word where letters and digits meet, and titles written out would crowd one part of the index (thousands of names
 * begin "nguyenvan"), making the part a search fetches for them large; hashes spread evenly, each as short as the
 * next. Two 32-bit hashes: titles that collide are not expected below billions. The search page asks for the typed
 * words in the same form, quoted: Pagefind then matches that one word exactly, and neither longer words that begin
 * with it nor, when no page has it, shorter words it begins with.
 */
import { foldVietnamese } from '../text.ts';

const PREFIX = 'qz';

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
  return folded ? PREFIX + letters(fnv1a(folded, 0x811c9dc5)) + letters(fnv1a(folded, 0x050c5d1f)) : undefined;
}

/** The search for the pages titled with the words typed: their key, quoted for an exact match of that one word. */
export function titleQuery(text: string): string | undefined {
  const key = titleKey(text);
  return key && `"${key}"`;
}
