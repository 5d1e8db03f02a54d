/**
 * What the fields of the desk's forms offer to choose from: the places (those the content uses, with the units above
 * them and those that took them over, and any unit of the register found by name), campaigns, awards, and the fixed
 * lists of the interface dictionary.
 */
import { ui } from '../i18n/vi.ts';
import { desk } from '../i18n/desk.ts';
import { foldVietnamese } from '../lib/text.ts';
import { formatDateShort } from '../lib/format.ts';
import { PlaceFinder } from '../lib/places/find.ts';
import type { CollectionSetup } from './collection-setup.ts';
import type { ContentIndex } from './content-index.ts';
import type { Choice } from './form.ts';

export class FormChoices {
  readonly #index: ContentIndex;
  /** The places of the register and content/places/ by id, with a finder by name and the choice a form shows for each. */
  #placeTools: { places: unknown; finder: PlaceFinder; choice: (id: string) => Choice } | undefined;

  constructor(index: ContentIndex) {
    this.#index = index;
  }

  async #placeIndex() {
    const ref = await this.#index.reference();
    if (this.#placeTools?.places !== ref.places) {
      // By id first: two entries for one unit (a problem the check reports) are offered once.
      const finder = new PlaceFinder(new Map(ref.places.map((p) => [p.id, p.data])).values());
      const label = (id: string) => {
        const place = finder.byId.get(id);
        if (!place) return id;
        const parent = place.parent ? finder.byId.get(place.parent) : undefined;
        const until = place.validTo ? ` — đến ${formatDateShort(place.validTo)}` : '';
        return `${ui.placeTypes[place.type]} ${place.name}${parent ? `, ${ui.placeTypes[parent.type]} ${parent.name}` : ''}${until}`;
      };
      const choice = (id: string): Choice => ({ value: id, label: label(id), search: foldVietnamese(`${label(id)} ${id}`) });
      this.#placeTools = { places: ref.places, finder, choice };
    }
    return this.#placeTools;
  }

  /** Units of the whole register found by name, for a place list that does not yet hold the one an editor needs. */
  async findPlaces(query: string): Promise<Choice[]> {
    const { finder, choice } = await this.#placeIndex();
    if (foldVietnamese(query).replace(/[^a-z0-9]/g, '').length < 2) return [];
    return finder
      .find(query)
      .slice(0, 30)
      .map((p) => choice(p.id));
  }

  /** What each field of a collection's form offers to choose from, by the field's name. */
  async forCollection(collection: CollectionSetup) {
    const ref = await this.#index.reference();
    const { finder, choice } = await this.#placeIndex();
    // The register holds every unit of the country: a form offers those the content already uses, with the units above
    // them and those that took them over, and the local ones. Another unit is found by name with npm run place.
    const offered = new Set([...ref.localPlaceIds, ...ref.campaigns.map((c) => c.data.place), ...(await this.#index.list('exemplars')).map((s) => s.place)]);
    for (const id of [...offered]) {
      const place = finder.byId.get(id);
      for (const unit of place ? finder.lineage(place) : []) {
        offered.add(unit.id);
        for (const successor of unit.successors) offered.add(successor.place);
      }
    }
    const places: Choice[] = ref.places.filter((p) => offered.has(p.id)).map((p) => choice(p.id));
    const campaigns: Choice[] = ref.campaigns.map((c) => ({ value: c.id, label: c.data.shortTitle }));
    const awards: Choice[] = ref.awards.map((a) => ({ value: a.id, label: a.data.name }));
    const labelled = (labels: Record<string, string>) =>
      Object.entries(labels)
        .filter(([v]) => v !== '')
        .map(([value, label]) => ({ value, label }));
    return (name: string): Choice[] | undefined => {
      const last = name.split('.').at(-1)!.replace('[]', '');
      if (last === 'place') return places;
      if (name === 'campaigns' || (collection.key === 'campaigns' && name === 'parent')) return campaigns;
      if (name === 'parent') return places;
      if (name === 'type') return labelled(ui.placeTypes);
      if (name === 'family') return labelled(ui.awardFamilies);
      if (name === 'successors[].kind') return labelled(ui.successionKinds);
      if (last === 'award') return awards;
      if (name === 'fields') return labelled(ui.fields);
      if (name === 'kind') return labelled(collection.key === 'exemplars' ? ui.kinds : ui.campaignKinds);
      if (name === 'storyType') return labelled(ui.storyTypes);
      if (last === 'level') return labelled(ui.levels);
      if (name === 'publication.status') return labelled(desk.statuses);
      return undefined;
    };
  }
}
