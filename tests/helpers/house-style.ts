/**
 * The house style of docs/house-style.md as checks over text a reader sees: a built page's visible text, its
 * standalone lines, and the radio texts. Each check returns the offending passages, quoted with a little context.
 */

const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'data', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

function decode(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** What a reader sees of a page, one block per line: inline tags vanish, every other tag ends a line. */
export function visibleText(html: string): string {
  const body = html
    .replace(/<(script|style|template|svg)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Text a screen never shows (the search's hidden words, the print-only parts are still shown on paper).
    .replace(/<([a-z]+)\b[^>]*\bhidden\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const text = body.replace(/<\/?([a-zA-Z0-9]+)\b[^>]*>/g, (_, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : '\n'));
  return decode(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Text of the elements that stand on a line of their own: headings, breadcrumbs, the title, summaries, captions. */
export function standaloneLines(html: string): string[] {
  const lines: string[] = [];
  const pick = (pattern: RegExp) => {
    for (const match of html.matchAll(pattern)) lines.push(visibleText(match[1]).replace(/\n/g, ' '));
  };
  // The document's title; an SVG's <title> is a tooltip of a chart, not a line of the page.
  lines.push(visibleText(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? ''));
  pick(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/g);
  pick(/<summary\b[^>]*>([\s\S]*?)<\/summary>/g);
  pick(/<caption\b[^>]*>([\s\S]*?)<\/caption>/g);
  pick(/<dt\b[^>]*>([\s\S]*?)<\/dt>/g);
  pick(/<p class="(?:lead|muted)"[^>]*>([\s\S]*?)<\/p>/g);
  const crumbs = /<nav[^>]*class="breadcrumb"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  for (const match of crumbs.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)) lines.push(visibleText(match[1]));
  // Entries of the places' tree, one unit a line.
  const tree = html.split('class="tree"')[1] ?? '';
  for (const match of tree.matchAll(/<li>\s*<a [^>]*>([^<]*)<\/a>/g)) lines.push(visibleText(match[1]));
  return lines.filter(Boolean);
}

const around = (text: string, index: number, length: number) => text.slice(Math.max(0, index - 25), index + length + 25).replace(/\n/g, ' ⏎ ');

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => around(text, m.index, m[0].length));
}

/** A numeric date with a day or month of one digit ("30/6/2022"): the house writes "30/06/2022". */
export function shortDates(text: string): string[] {
  return matches(text, /(?<![\d/])(?:\d\/\d{1,2}|\d{2}\/\d)\/\d{4}(?![\d/])/g);
}

/** A dash other than the spaced en dash: an em dash, or a hyphen standing between spaces. */
export function otherDashes(text: string): string[] {
  return matches(text, /—|(?<=\S) - (?=\S)/g);
}

/** A space before a comma, full stop, semicolon, colon, question or exclamation mark or closing bracket. */
export function spaceBeforePunctuation(text: string): string[] {
  return matches(text, /(?<=\S)[ \u00a0]+[,.;:!?)\]”](?![.…])/g);
}

/**
 * What the data model knows and a reader should not see: a level in brackets ("UBND huyện Quốc Oai (Huyện, thị xã)"),
 * an empty number ("số /KH-UBND"), a bare abbreviation of a signature block ("KT. Chủ tịch"), an empty value.
 */
export function internalLabels(text: string, levels: readonly string[]): string[] {
  const bracketed = levels.map((level) => `(${level})`);
  return [
    ...bracketed.flatMap((label) => matches(text, new RegExp(label.replace(/[()]/g, '\\$&'), 'g'))),
    ...matches(text, /\bsố\s+\/|\b(?:KT|TM|TL|TUQ)\.\s|\b(?:undefined|null|NaN)\b|\[object Object\]/g),
  ];
}

/** A standalone line that starts with a lower-case letter. */
export function lowerCaseStarts(lines: readonly string[]): string[] {
  return lines.filter((line) => /^[^\p{L}\d]*\p{Ll}/u.test(line));
}
