/** What content/ says the output must hold, read from the content check's model rather than from page code. */
import type { ContentModel, Loaded } from '../content/model.ts';
import type { ExemplarData } from '../../schemas/exemplar.ts';
import { isPublishable } from '../data/publishable.ts';
import { collectDecisions, decisionPage } from '../data/decisions.ts';
import { placesInUse, usedPlaceIds } from '../data/places.ts';
import { campaignPage, declaredNamesakes, exemplarPage, nameKey, placePage, unpublishedEntries } from '../content/namesakes.ts';

export interface Published {
  exemplars: Loaded<ExemplarData>[];
  /** Ids of the places that have a page: those published entries are filed under, with the units above and after them. */
  places: string[];
  /** Site paths ("dien-hinh/an/") of every page that must exist exactly once, in the sitemap and the search index. */
  entryPages: string[];
  /**
   * Drafts, withdrawn entries and entries whose consent was withdrawn: their address must appear nowhere, nor their
   * name unless a published entry declares a namesake of that name (`name` is then left out).
   */
  hidden: { name?: string; page: string }[];
}

export { campaignPage, exemplarPage, placePage };

export function published(model: ContentModel): Published {
  const exemplars = model.exemplars.filter((e) => isPublishable(e.data));
  const campaigns = model.campaigns.filter((c) => isPublishable(c.data));
  const namesakes = declaredNamesakes(model);
  const places = new Map(model.places.map((p) => [p.id, p.data]));
  const inUse = [...placesInUse((id) => places.get(id), usedPlaceIds([...exemplars, ...campaigns].map((e) => e.data)))].sort();
  return {
    exemplars,
    places: inUse,
    entryPages: [
      ...exemplars.map((e) => exemplarPage(e.id)),
      ...campaigns.map((c) => campaignPage(c.id)),
      ...inUse.map((id) => placePage(id)),
      // Every decision a published exemplar cites, found as the decision pages find them.
      ...collectDecisions(exemplars).map((d) => decisionPage(d.slug)),
    ],
    hidden: unpublishedEntries(model).map(({ name, page }) => (namesakes.has(nameKey(name)) ? { page } : { name, page })),
  };
}
