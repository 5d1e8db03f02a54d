/** What Pagefind reads of a page, so that a rebuild can tell whether the search index must be made again. */

const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-ignore\b[^>]*>/gi;
const BODY = /<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-body\b[^>]*>/gi;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/**
 * Filters, metadata and sort keys, which Pagefind reads even inside an ignored element, with their text and their
 * closing tag: Pagefind takes a value written as the element's text up to its end.
 */
const SEARCH_DATA = /<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-(?:filter|meta|sort)\b[^>]*>[^<]*(?:<\/\1\s*>)?/gi;

/** Where the element opened by `open` ends, its closing tag included; undefined if its end cannot be found. */
function elementEnd(html: string, open: RegExpExecArray | RegExpMatchArray, tag: string): number | undefined {
  const afterOpen = open.index! + open[0].length;
  if (VOID.has(tag)) return afterOpen;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = afterOpen;
  let depth = 1;
  let match: RegExpExecArray | null;
  while (depth > 0 && (match = tags.exec(html))) depth += match[1] ? -1 : 1;
  return depth > 0 ? undefined : tags.lastIndex;
}

/**
 * What Pagefind reads of a page: all of it but the text of the elements marked data-pagefind-ignore (the story, the
 * radio script's duration, sharing links), whose changes need no new index. An ignored element whose end cannot
 * be found is kept: a wasted reuse at worst, never a stale index.
 */
export function indexedPart(html: string): string {
  const kept: string[] = [];
  let from = 0;
  for (const open of html.matchAll(IGNORED)) {
    if (open.index < from) continue;
    const end = elementEnd(html, open, open[1]!.toLowerCase());
    if (end === undefined) continue;
    kept.push(html.slice(from, open.index), ...(html.slice(open.index + open[0].length, end).match(SEARCH_DATA) ?? []));
    from = end;
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/**
 * The page as it is given to Pagefind: only its indexed regions (the elements marked data-pagefind-body, less what
 * they ignore) in an otherwise empty page, when Pagefind reads nothing else of it: no filter, metadata or sort key
 * outside them, no element ignored with everything in it ("all"). Pagefind then parses a fifth of each page and
 * writes the same index (tested on the sample site). Any other page is given whole.
 */
export function pagefindInput(html: string): string {
  if (/\sdata-pagefind-ignore\s*=\s*["']?all/i.test(html)) return html;
  const part = indexedPart(html);
  const regions: string[] = [];
  const outside: string[] = [];
  let from = 0;
  for (const open of part.matchAll(BODY)) {
    if (open.index < from) continue;
    const end = elementEnd(part, open, open[1]!.toLowerCase());
    if (end === undefined) return html;
    outside.push(part.slice(from, open.index));
    regions.push(part.slice(open.index, end));
    from = end;
  }
  outside.push(part.slice(from));
  if (regions.length === 0 || outside.some((text) => text.includes('data-pagefind-'))) return html;
  const htmlTag = /<html\b[^>]*>/i.exec(part)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${htmlTag}<head></head><body>${regions.join('')}</body></html>`;
}
