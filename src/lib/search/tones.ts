/**
 * Exact-accent tokens. Folding lets "thuy" find every Thuỷ, Thủy, Thuý and Thúy, but a reader who types "Thủy"
 * wants Thủy (and Thuỷ, the same word with the mark placed differently) before Thúy. Each accented word is also
 * written as a Telex-style token that keeps its vowel shapes and tone but not where the mark sits: "Thủy" and
 * "Thuỷ" → "thuyr", "Thúy" → "thuys", "Đào" → "ddaof". Vietnamese syllables never end in s, f, r, x or j, so these
 * tokens cannot be mistaken for real words. Pages carry them with extra weight; the search page adds them to
 * accented queries, so exact matches rank first and folded ones still follow.
 */
const TONES: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const SHAPES: Record<string, string> = { '\u0306': 'w', '\u0302': '', '\u031B': 'w' };

function wordToken(word: string): string | undefined {
  let tone = '';
  let out = '';
  let marked = false;
  for (const ch of word.normalize('NFD').toLowerCase()) {
    if (ch in TONES) {
      tone = TONES[ch];
      marked = true;
    } else if (ch in SHAPES) {
      // Circumflex doubles the vowel (â → aa, ê → ee, ô → oo); breve and horn add w (ă → aw, ơ → ow, ư → uw).
      out += SHAPES[ch] || out.slice(-1);
      marked = true;
    } else if (ch === 'đ') {
      out += 'dd';
      marked = true;
    } else if (/[a-z0-9]/.test(ch)) {
      out += ch;
    }
  }
  return marked ? out + tone : undefined;
}

/** The exact-accent tokens of a text, once each, in order. */
export function toneTokens(text: string): string[] {
  const tokens = text.split(/[^\p{L}\p{M}\p{N}]+/u).map(wordToken).filter((t): t is string => Boolean(t));
  return [...new Set(tokens)];
}

/** A query with the exact-accent tokens of its accented words appended; unaccented queries are left alone. */
export function withToneTokens(query: string): string {
  const tokens = toneTokens(query);
  return tokens.length > 0 ? `${query} ${tokens.join(' ')}` : query;
}
