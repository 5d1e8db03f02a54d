/**
 * The place ids the published entries of this build are filed under, handed from the content check to the places
 * loader, so that the loader stores only the units in use without reading every story again. The check's
 * integration and the loader are loaded apart (Astro's configuration and its content layer each have their own copy
 * of this module), so they meet on a global, as the checked stories do (stories/store.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STORY_COLLECTIONS, STORY_FILE } from '../content/collections.ts';
import { listFiles, parseEntry } from '../content/source.ts';
import { isShown, type Publishable } from '../data/publishable.ts';
import { usedPlaceIds, type FiledUnder } from '../data/places.ts';

const USED = Symbol.for('guong-sang.used-places');
const usedPlaces = () => ((globalThis as { [USED]?: Map<string, Set<string>> })[USED] ??= new Map());

/** Keeps the place ids the checked, publishable content of `root` is filed under. */
export function rememberUsedPlaces(root: string, ids: Set<string>): void {
  usedPlaces().set(root, ids);
}

/** The place ids the content check of this build found in use, if it ran. */
export function takeUsedPlaces(root: string): Set<string> | undefined {
  const ids = usedPlaces().get(root);
  usedPlaces().delete(root);
  return ids;
}

/**
 * Without a content check (npm run dev), the place ids of every story shown, read from the frontmatter alone. Only
 * the preview does this; a build takes what the check found.
 */
export async function usedPlacesOfStories(root: string): Promise<Set<string>> {
  const filed: FiledUnder[] = [];
  for (const dir of Object.values(STORY_COLLECTIONS)) {
    for (const file of await listFiles(root, dir, STORY_FILE)) {
      const data = parseEntry(readFileSync(path.join(root, file), 'utf8'), file).entry?.data as (FiledUnder & Publishable) | undefined;
      if (!data || typeof data.place !== 'string') continue;
      let shown = false;
      try {
        shown = isShown(data);
      } catch {
        // A draft too incomplete to judge is left out of the preview, as its loader leaves it out.
      }
      if (shown) filed.push(data);
    }
  }
  return usedPlaceIds(filed);
}
