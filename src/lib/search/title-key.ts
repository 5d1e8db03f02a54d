/**
 * A page's whole title as one hidden word of the search index, so that a reader who types the title of a page finds
 * that page first. Pagefind ranks a page by the words it matches, one by one: a person whose name is made of common
 * syllables ("Hồ Thuỳ Thuỷ", "Đinh Thị Đông") is outranked by pages that repeat those syllables more often ("Hộ gia
 * đình ông … Thủy", any page with "quyết định" and "đồng"). The page carries its folded title as one word of letters
 * only, since Pagefind splits a word where letters and digits meet: each digit is written as q and a letter, which
 * no Vietnamese word has (q is always followed by u), and the word ends in "qz". The search page asks for the typed
 * words in the same form, quoted: Pagefind then matches that word exactly, and neither a longer title that begins
 * with it nor, when no page has it, the shorter words it begins with.
 */
import { foldVietnamese } from '../text.ts';

const END = 'qz';
const DIGITS = 'abcdefghij';

/** The one-word key of a title or of the words typed: "Hồ Thuỳ Thuỷ" and "ho thuy thuy" → "hothuythuyqz". */
export function titleKey(text: string): string | undefined {
  const letters = foldVietnamese(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, '')
    .replace(/[0-9]/g, (digit) => `q${DIGITS[Number(digit)]}`);
  return letters ? letters + END : undefined;
}

/** The search for the pages titled with the words typed: their key, quoted for an exact match of that one word. */
export function titleQuery(text: string): string | undefined {
  const key = titleKey(text);
  return key && `"${key}"`;
}
