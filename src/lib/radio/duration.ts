/** How long a script takes to read: Vietnamese words are single syllables, so reading speed is syllables a minute. */

/** Syllables of spoken text: words split at spaces and at the hyphens of loanwords ("héc-ta" is two). */
export function countSyllables(text: string): number {
  return text.split(/[\s-]+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Seconds to read `syllables` at `perMinute`. */
export function readingSeconds(syllables: number, perMinute: number): number {
  return (syllables * 60) / perMinute;
}

/** A reading time as an announcer plans it: to the nearest ten seconds, never under ten. */
export function roundedSeconds(seconds: number): number {
  return Math.max(10, Math.round(seconds / 10) * 10);
}
