/**
 * What the output check looks for in the text of one output file: the name or address of an unpublished entry,
 * personal data, and, in a search index fragment, the page it records. Done alike in the build's thread and in the
 * threads the check shares a large output among (text-scan-worker.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeOutput } from '../output-files.ts';
import { inThreads } from '../threads.ts';
import { matchesOf, wordTreeSource } from '../text.ts';
import { checkPersonalData } from './personal-data.ts';

/** What a scan of text needs, as plain data that can cross to a thread. */
export interface TextRules {
  /** The output folder. */
  dir: string;
  /** Names and site paths ("/dien-hinh/an/") of the unpublished entries. */
  needles: string[];
  /** The base the site was built for: "/" or "/guong-sang/". */
  base: string;
  /** The site's public contacts, which the personal-data scan accepts. */
  allowed: readonly string[];
}

/** One file to read; `known`: found clean by the last build, so only its search record is wanted. */
export interface TextFile {
  file: string;
  known: boolean;
}

export interface TextFindings {
  leaks: string[];
  personal: string[];
  /** The address of the page a search index fragment records. */
  url?: string;
}

/** One pass over a text finds every name and address of an unpublished entry, however many there are. */
function leakFinder(needles: readonly string[], base: string): (file: string, text: string) => string[] {
  if (needles.length === 0) return () => [];
  const pattern = new RegExp(wordTreeSource(needles), 'g');
  return (file, text) =>
    [...matchesOf(text, pattern)].map((needle) => `"${needle.startsWith('/') ? base.slice(0, -1) + needle : needle}" (chưa được phép đăng) có trong ${file}.`);
}

export function textScanner({ dir, needles, base, allowed }: TextRules): (item: TextFile) => TextFindings {
  const findLeaks = leakFinder(needles, base);
  return ({ file, known }) => {
    const text = decodeOutput(file, readFileSync(path.join(dir, file)));
    const url = file.endsWith('.pf_fragment') ? /"url":"([^"]+)"/.exec(text)?.[1] : undefined;
    if (known) return { leaks: [], personal: [], url };
    return { leaks: findLeaks(file, text), personal: checkPersonalData(file, text, allowed), url };
  };
}

/**
 * Scans `items` in `threads` threads (text-scan-worker.ts), giving the findings in the order of the items. A chunk
 * whose thread fails is scanned by `here`, this thread's scanner unless another is given.
 */
export function scanInThreads(items: readonly TextFile[], rules: TextRules, threads: number, here = () => textScanner(rules)): Promise<TextFindings[]> {
  return inThreads(items, { worker: new URL('./text-scan-worker.ts', import.meta.url), workerData: rules, threads, chunk: 64, here });
}
