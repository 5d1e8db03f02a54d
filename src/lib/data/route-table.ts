/** Every public page, computed once from the content: the sitemap lists exactly these, and tests check them. */
import type { Site } from './site.ts';
import { pageUrl, routes } from '../paths.ts';
import { campaignsOnAir, monthsOnAir, placesOnAir } from './radio.ts';
import { decisionsOf } from './decisions.ts';

/** The addresses of every page of a list of `count` items split into pages of `size`. */
function paged(first: string, count: number, size: number): string[] {
  const pages = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: pages }, (_, i) => pageUrl(first, i + 1));
}

/** Names are short lines, so an A–Z letter page holds many more than a page of cards. */
export const NAMES_PER_PAGE = 200;

/** Lines of the radio index: a name, a duration and a text file each. */
export const SCRIPTS_PER_PAGE = 100;

export function publicPaths(site: Site): string[] {
  const size = site.settings.pageSize;
  const places = [...site.places.byId.keys()];
  return [
    routes.home(),
    ...paged(routes.exemplars(), site.exemplars.length, size),
    ...site.exemplars.map((e) => routes.exemplar(e.id)),
    ...[...site.exemplarsByKind].flatMap(([kind, items]) => paged(routes.kind(kind), items.length, size)),
    routes.campaigns(),
    ...site.campaigns.flatMap((c) => paged(routes.campaign(c.id), site.exemplarsByCampaign.get(c.id)?.length ?? 0, size)),
    routes.places(),
    ...places.flatMap((id) => paged(routes.place(id), countOfPlace(site, id), size)),
    routes.years(),
    ...[...site.exemplarsByYear].flatMap(([year, items]) => paged(routes.year(year), items.length, size)),
    routes.awards(),
    ...[...site.exemplarsByAward].flatMap(([id, items]) => paged(routes.award(id), items.length, size)),
    routes.fields(),
    ...[...site.exemplarsByField].flatMap(([id, items]) => paged(routes.field(id), items.length, size)),
    routes.az(),
    ...site.azGroups.flatMap((group) => paged(routes.azLetter(group.letter), group.items.length, NAMES_PER_PAGE)),
    routes.about(),
    routes.feedback(),
    routes.search(),
    routes.figures(),
    ...site.campaigns.filter((c) => (site.exemplarsByCampaign.get(c.id)?.length ?? 0) > 0).map((c) => routes.campaignFigures(c.id)),
    routes.decisions(),
    ...decisionsOf(site.exemplars).map((d) => routes.decision(d.slug)),
    ...paged(routes.radio(), site.exemplars.length, SCRIPTS_PER_PAGE),
    ...site.exemplars.map((e) => routes.radioScript(e.id)),
    ...campaignsOnAir(site).map((c) => routes.radioCampaign(c.id)),
    ...monthsOnAir(site).map((month) => routes.radioMonth(month)),
    ...Object.values(placesOnAir(site)).flatMap((ids) => ids.map((id) => routes.radioPlace(id))),
  ];
}

function countOfPlace(site: Site, id: string): number {
  return [...site.places.coveredIds(id)].reduce((n, covered) => n + (site.exemplarsByPlace.get(covered)?.length ?? 0), 0);
}
