/** What Pagefind reads of a page, so that a rebuild can tell whether the search index must be made again. */

const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-ignore\b[^>]*>/gi;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Filters, metadata and sort keys, which Pagefind reads even inside an ignored element. */
const SEARCH_DATA = /<[^>]*\sdata-pagefind-(?:filter|meta|sort)\b[^>]*>[^<]*/gi;

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
    const tag = open[1]!.toLowerCase();
    const afterOpen = open.index + open[0].length;
    let end = afterOpen;
    if (!VOID.has(tag)) {
      const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
      tags.lastIndex = afterOpen;
      let depth = 1;
      let match: RegExpExecArray | null;
      while (depth > 0 && (match = tags.exec(html))) depth += match[1] ? -1 : 1;
      if (depth > 0) continue;
      end = tags.lastIndex;
    }
    kept.push(html.slice(from, open.index), ...(html.slice(afterOpen, end).match(SEARCH_DATA) ?? []));
    from = end;
  }
  kept.push(html.slice(from));
  return kept.join('');
}
