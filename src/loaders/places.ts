/**
 * Loads the places pages show: the register of administrative units with the entries of content/places/ laid over
 * it (lib/places/merge.ts), narrowed to the units in use (`placesInUse`), so that the 13,000 units no story names
 * cost the content store, the pages, the sitemap and the search index nothing. In a build, the ids in use come
 * from the content check; the preview reads them from the stories' frontmatter.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblems } from '../lib/content/issues.ts';
import { placesInUse } from '../lib/data/places.ts';
import { takeUsedPlaces, usedPlacesOfStories } from '../lib/places/in-use.ts';
import { readLocalPlaces } from '../lib/places/local.ts';
import { mergePlaces } from '../lib/places/merge.ts';
import { registerPlaces } from '../lib/places/register.ts';

export function placesLoader(): Loader {
  return {
    name: 'guong-sang-places',
    async load({ store, parseData, config }) {
      const root = fileURLToPath(config.root);
      const { locals, problems } = await readLocalPlaces(root);
      if (problems.length > 0) throw new Error(formatProblems(problems));
      const { places } = mergePlaces(registerPlaces(root), locals);
      const byId = new Map(places.map((p) => [p.id, p]));
      const used = takeUsedPlaces(root) ?? (await usedPlacesOfStories(root));
      store.clear();
      for (const id of [...placesInUse((id) => byId.get(id)?.data, used)].sort()) {
        const place = byId.get(id)!;
        store.set({ id, data: await parseData({ id, data: place.data as unknown as Record<string, unknown> }), filePath: place.file });
      }
    },
  };
}
