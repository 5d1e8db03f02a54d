/**
 * What Pagefind's own diacritic handling leaves to us. Pagefind folds tone marks and vowel shapes by itself ("thuy"
 * finds Thủy, Thúy, Thuỷ) and can match them exactly ("Thủy" finds Thủy only), but two things it cannot know:
 * - đ is a letter of its own, not d with a mark, so "dang" would not find Đặng;
 * - "Thủy" and "Thuỷ" are the same name with the tone mark placed in the older or the newer way, so an exact
 *   search for one would miss the other.
 * Pages therefore carry, as hidden text, the folded form of each word with đ and the one chosen placement of each
 * word written the other way, and exact searches are asked in that chosen placement.
 */
import { foldVietnamese } from '../text.ts';

const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/**
 * An open syllable ending in oa, oe or uy with the mark on the first vowel ("hòa", "khỏe", "thủy"), written the
 * newer way, with the mark on the last vowel ("hoà", "khoẻ", "thuỷ"). Syllables with a final consonant ("hoàng",
 * "thuyền") have one placement only and are left alone.
 */
const OLDER_PLACEMENT = new RegExp(`([oO])(${TONE})([aAeE])$|([uU])(${TONE})([yY])$`, 'u');

function chosenPlacementOfWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(OLDER_PLACEMENT, (_, o, oTone, ae, u, uTone, y) => (o ? o + ae + oTone : u + y + uTone))
    .normalize('NFC');
}

const WORD = /[\p{L}\p{M}]+/gu;

/** The text in NFC with every tone mark placed the one chosen way: "Hòa Thủy" → "Hoà Thuỷ". */
export function chosenTonePlacement(text: string): string {
  return text.normalize('NFC').replace(WORD, chosenPlacementOfWord);
}

/** Whether a query carries any mark or đ, that is, whether an exact-accent search of it means anything. */
export function isAccented(text: string): boolean {
  return foldVietnamese(text) !== text.toLowerCase();
}

/**
 * The hidden words that let Pagefind find a text the ways readers type it: the folded form of each word with đ
 * ("Đặng" → "dang") and the chosen placement of each word written the other way ("Thủy" → "Thuỷ"). Once each,
 * joined by spaces; empty when Pagefind needs no help.
 */
export function searchVariants(phrases: readonly string[]): string {
  const variants = new Set<string>();
  for (const phrase of phrases) {
    for (const word of phrase.normalize('NFC').match(WORD) ?? []) {
      if (/[đĐ]/.test(word)) variants.add(foldVietnamese(word));
      const chosen = chosenPlacementOfWord(word);
      if (chosen !== word) variants.add(chosen);
    }
  }
  return [...variants].join(' ');
}
