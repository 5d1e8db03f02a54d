/**
 * The recognition dictionary of the search page (recognize.ts), built with the site: the places in use with the
 * units above them and the communes that hold them now, the campaigns, the forms of commendation, the fields and
 * the years. Nothing in it names an exemplar, so it grows with the places in use and not with the exemplars.
 */
import { ui } from '../../i18n/vi.ts';
import { PLACE_TYPES } from '../../schemas/place.ts';
import { exemplarCountOfPlace, type Site } from '../data/site.ts';
import { COMMUNE_LEVEL, communeFacet } from './entries.ts';
import type { SearchDictionary } from './recognize.ts';

export function searchDictionary(site: Site): SearchDictionary {
  // Only places with exemplars under them filter anything; the others stay words of the text search.
  const ids = [...site.places.byId.keys()].filter((id) => exemplarCountOfPlace(site, id) > 0).sort();
  const position = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => position.get(id) ?? -1;
  const places = ids.map((id): SearchDictionary['places'][number] => {
    const place = site.places.get(id);
    let communes = new Set<number>();
    for (const covered of site.places.coveredIds(id)) {
      if (!site.exemplarsByPlace.has(covered)) continue;
      for (const value of communeFacet(site.places, covered)) communes.add(at(value.slug));
    }
    const now = site.places.presentUnits(id).map((p) => at(p.id));
    // A commune of today is its own filter value: a former commune split between it and a neighbour also carries
    // the neighbour's, which would bring the neighbour's stories in.
    if (COMMUNE_LEVEL.includes(place.type) && now.length === 1 && now[0] === at(id) && communes.has(at(id))) communes = new Set([at(id)]);
    return [
      id,
      place.type,
      place.name,
      place.parent ? at(place.parent) : -1,
      [...communes].filter((c) => c >= 0).sort((a, b) => a - b),
      now.filter((p) => p >= 0),
      exemplarCountOfPlace(site, id),
    ];
  });
  const count = (group: ReadonlyMap<string | number, readonly unknown[]>, id: string | number) => group.get(id)?.length ?? 0;
  const awardsInUse = [...site.exemplarsByAward.keys()].sort();
  const families = new Map<string, string[]>();
  for (const id of awardsInUse) {
    const family = site.awards.get(id)!.data.family;
    if (family in ui.search.awardForms) families.set(family, [...(families.get(family) ?? []), id]);
  }
  const countOf = (awards: string[]) => new Set(awards.flatMap((id) => site.exemplarsByAward.get(id) ?? [])).size;
  return {
    placeTypes: Object.fromEntries(PLACE_TYPES.map((type) => [type, ui.placeTypes[type]])),
    communeTypes: COMMUNE_LEVEL,
    places,
    campaigns: site.campaigns.map((c) => [c.id, c.data.title, c.data.shortTitle, c.data.plan.number ?? '', count(site.exemplarsByCampaign, c.id)]),
    awards: [
      ...awardsInUse.map((id): [string, string[], number] => [site.awards.get(id)!.data.name, [id], count(site.exemplarsByAward, id)]),
      ...[...families].map(([family, awards]): [string, string[], number] => [
        ui.search.awardForms[family as keyof typeof ui.search.awardForms],
        awards,
        countOf(awards),
      ]),
    ],
    fields: [...site.exemplarsByField.keys()].sort().map((id) => [id, ui.fields[id as keyof typeof ui.fields], count(site.exemplarsByField, id)]),
    years: [...site.exemplarsByYear.keys()].sort().map((year) => [Number(year), count(site.exemplarsByYear, year)]),
  };
}
