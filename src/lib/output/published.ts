/** What content/ says the output must hold, read from the content check's model rather than from page code. */
import type { ContentModel, Loaded } from '../content/check.ts';
import type { ExemplarData } from '../../schemas/exemplar.ts';
import { isPublishable } from '../data/publishable.ts';

export interface Published {
  exemplars: Loaded<ExemplarData>[];
  /** Site paths ("dien-hinh/an/") of every page that must exist exactly once, in the sitemap and the search index. */
  entryPages: string[];
  /** Drafts, withdrawn entries and entries whose consent was withdrawn: their name and address must appear nowhere. */
  hidden: { name: string; page: string }[];
}

export const exemplarPage = (id: string) => `dien-hinh/${id}/`;
export const campaignPage = (id: string) => `phong-trao/${id}/`;
export const placePage = (id: string) => `dia-phuong/${id}/`;

export function published(model: ContentModel): Published {
  const exemplars = model.exemplars.filter((e) => isPublishable(e.data));
  const campaigns = model.campaigns.filter((c) => isPublishable(c.data));
  return {
    exemplars,
    entryPages: [...exemplars.map((e) => exemplarPage(e.id)), ...campaigns.map((c) => campaignPage(c.id)), ...model.places.map((p) => placePage(p.id))],
    hidden: [
      ...model.exemplars.filter((e) => !isPublishable(e.data)).map((e) => ({ name: e.data.name, page: exemplarPage(e.id) })),
      ...model.campaigns.filter((c) => !isPublishable(c.data)).map((c) => ({ name: c.data.title, page: campaignPage(c.id) })),
    ],
  };
}
