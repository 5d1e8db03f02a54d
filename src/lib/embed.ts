/**
 * The JSON listing another site embeds, such as the district e-portal's box of exemplars: what a portal needs to
 * show a card and link back, with absolute addresses only. Fields may be added in a later version, never renamed.
 */
import { ui } from '../i18n/vi.ts';
import { activeAwards, type ExemplarLike } from './data/exemplars.ts';
import type { PlaceIndex } from './data/places.ts';
import { routes } from './paths.ts';
import type { ExemplarKind } from '../schemas/exemplar.ts';

export const EMBED_VERSION = 1;

export interface EmbedPhoto {
  url: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
}

export interface EmbedItem {
  id: string;
  name: string;
  kind: { code: ExemplarKind; label: string };
  role: string | null;
  /** The place as named in the story, and where it lies today when that changed. */
  place: { id: string; name: string; nowPartOf: string | null };
  campaigns: { id: string; title: string }[];
  /** Standing awards only; revoked ones are left out. */
  awards: { name: string; issuer: string; decision: string; date: string; posthumous: boolean }[];
  citation: string;
  /** ISO date the story was first published. */
  published: string;
  url: string;
  /** The A4 poster of the exemplar, for printing. */
  poster: string;
  photo: EmbedPhoto | null;
}

export interface EmbedListing {
  version: typeof EMBED_VERSION;
  site: { name: string; url: string };
  /** What the listing holds, e.g. the campaign's or the commune's name. */
  title: string;
  /** The page that lists the same exemplars. */
  home: string;
  /** This listing's own address. */
  self: string;
  /** ISO date of the build, the day the listing is true for. */
  generated: string;
  items: EmbedItem[];
}

export interface EmbedContext {
  places: PlaceIndex;
  campaignTitle: (id: string) => string;
  awardName: (id: string) => string;
  /** The absolute address of a site path. */
  absolute: (path: string) => string;
}

type EmbeddableExemplar = ExemplarLike & { data: ExemplarLike['data'] & { role?: string; citation: string } };

export function embedItem(exemplar: EmbeddableExemplar, context: EmbedContext, photo: EmbedPhoto | undefined): EmbedItem {
  const { data } = exemplar;
  return {
    id: exemplar.id,
    name: data.name,
    kind: { code: data.kind, label: ui.kinds[data.kind] },
    role: data.role ?? null,
    place: { id: data.place, name: context.places.fullLabel(data.place), nowPartOf: context.places.nowPartOf(data.place) ?? null },
    campaigns: data.campaigns.map((id) => ({ id, title: context.campaignTitle(id) })),
    awards: activeAwards(exemplar).map((a) => ({
      name: context.awardName(a.award),
      issuer: a.issuer,
      decision: a.decision,
      date: a.date,
      posthumous: a.posthumous,
    })),
    citation: data.citation,
    published: data.published,
    url: context.absolute(routes.exemplar(exemplar.id)),
    poster: context.absolute(routes.poster(exemplar.id)),
    photo: photo ?? null,
  };
}

export function embedListing(
  about: { siteName: string; title: string; home: string; self: string; generated: string },
  items: EmbedItem[],
  absolute: (path: string) => string,
): EmbedListing {
  return {
    version: EMBED_VERSION,
    site: { name: about.siteName, url: absolute(routes.home()) },
    title: about.title,
    home: absolute(about.home),
    self: absolute(about.self),
    generated: about.generated,
    items,
  };
}
