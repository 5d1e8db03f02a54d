/** The personal-data rules of the content check, applied once more to everything a build wrote. */
import { findPersonalData } from '../content/personal-data.ts';
import { CONTENT_TEXT } from '../output-files.ts';
import { SEARCH_INDEX_DIR } from '../names.ts';

/** Personal data in one output file's text; `allowed`: the site's public contacts. */
export function checkPersonalData(file: string, text: string, allowed: readonly string[]): string[] {
  // Pagefind's own bookkeeping (pagefind-entry.json) holds hashes and counts, not content.
  if (!CONTENT_TEXT.test(file) || (file.startsWith(`${SEARCH_INDEX_DIR}/`) && !file.endsWith('.pf_fragment'))) return [];
  return findPersonalData(text, allowed).map((hit) => `${file}: có ${hit.kind} "${hit.value}", không được công bố.`);
}
