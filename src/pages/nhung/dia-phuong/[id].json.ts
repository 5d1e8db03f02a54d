import type { APIRoute, GetStaticPaths } from 'astro';
import { exemplarsOfPlace, loadSite, pageKeys } from '../../../lib/data/site.ts';
import { embedResponse } from '../../../lib/embed-response.ts';
import { capitalize } from '../../../lib/format.ts';
import { routes } from '../../../lib/paths.ts';

/** Every place, even one with no story yet, so that a portal can embed its commune's listing before the first. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return [...site.places.byId.keys()].map((id) => ({ params: { id }, cacheKey: pageKeys.details(site) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const id = params.id!;
  return embedResponse(
    site,
    exemplarsOfPlace(site, id),
    { title: capitalize(site.places.fullLabel(id)), home: routes.place(id), self: routes.embed.place(id) },
    origin,
  );
};
