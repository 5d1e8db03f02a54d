/** The personal-data rules of the content check, applied once more to everything a build wrote. */
import { findPersonalData } from '../content/personal-data.ts';
import { CONTENT_TEXT } from './files.ts';

/** `texts`: output files with their text; `allowed`: the site's public contacts. */
export function checkPersonalData(texts: Iterable<[file: string, text: string]>, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [file, text] of texts) {
    if (!CONTENT_TEXT.test(file)) continue;
    for (const hit of findPersonalData(text, allowed)) problems.push(`${file}: có ${hit.kind} "${hit.value}", không được công bố.`);
  }
  return problems;
}
