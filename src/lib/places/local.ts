/**
 * The entries of content/places/, read and checked against their schema, for those who need the places without a
 * whole content check: the places loader and `npm run place`. The content check reads them itself, with every
 * other problem of the content (check.ts).
 */
import type { Loaded } from '../content/model.ts';
import { DATA_FILES, YAML_FILE } from '../content/collections.ts';
import { issuesToProblems } from '../content/issues.ts';
import { listFiles, readYamlList, type Problem } from '../content/source.ts';
import { localPlaceSchema, type LocalPlaceData, type PlaceData } from '../../schemas/place.ts';
import { identifyItems, mergePlaces } from './merge.ts';
import { registerPlaces } from './register.ts';

export async function readLocalPlaces(root: string): Promise<{ locals: Loaded<LocalPlaceData>[]; problems: Problem[] }> {
  const schema = localPlaceSchema();
  const problems: Problem[] = [];
  const locals: Loaded<LocalPlaceData>[] = [];
  const register = registerPlaces(root);
  for (const file of await listFiles(root, DATA_FILES.places, YAML_FILE)) {
    const read = await readYamlList(root, file);
    const identified = identifyItems(file, read.items, register);
    problems.push(...read.problems, ...identified.problems);
    for (const item of identified.items) {
      const parsed = schema.safeParse(item.data);
      if (parsed.success) locals.push({ id: parsed.data.id, file, data: parsed.data, source: item });
      else problems.push(...issuesToProblems(parsed.error.issues, file, item));
    }
  }
  return { locals, problems };
}

/** Every place of the site: the register with content/places/ laid over it, and what is wrong with the latter. */
export async function sitePlaces(root: string): Promise<{ places: Loaded<PlaceData>[]; problems: Problem[] }> {
  const { locals, problems } = await readLocalPlaces(root);
  const merged = mergePlaces(registerPlaces(root), locals);
  return { places: merged.places, problems: [...problems, ...merged.problems] };
}
