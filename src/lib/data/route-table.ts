/** Every public page, computed once from the content: the sitemap lists exactly these, and tests check them. */
import type { Site } from './site.ts';
import { routes } from '../paths.ts';

export function publicPaths(site: Site): string[] {
  const pages = Math.max(1, Math.ceil(site.exemplars.length / site.settings.pageSize));
  return [
    routes.home(),
    routes.exemplars(),
    ...Array.from({ length: pages - 1 }, (_, i) => `${routes.exemplars()}${i + 2}/`),
    ...site.exemplars.map((e) => routes.exemplar(e.id)),
    routes.campaigns(),
    ...site.campaigns.map((c) => routes.campaign(c.id)),
    routes.places(),
    ...[...site.places.byId.keys()].map((id) => routes.place(id)),
    routes.years(),
    ...[...site.exemplarsByYear.keys()].map((year) => routes.year(year)),
    routes.awards(),
    ...[...site.exemplarsByAward.keys()].map((id) => routes.award(id)),
    routes.fields(),
    ...[...site.exemplarsByField.keys()].map((id) => routes.field(id)),
    routes.az(),
    routes.about(),
  ];
}
