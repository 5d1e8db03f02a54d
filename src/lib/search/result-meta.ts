/**
 * What a result card shows of a page (Pagefind's result metadata): set on the page for the index and written in the
 * search lists (lists.ts) from the same function, so that a card looks the same from either.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { awardAsGranted } from '../award-name.ts';
import { SEARCH_THUMBNAIL } from '../images/renditions.ts';
import type { Campaign, Exemplar, Site } from '../data/site.ts';
import { ui } from '../../i18n/vi.ts';

export function exemplarResultMeta(site: Site, exemplar: Exemplar): Record<string, string | undefined> {
  const { data } = exemplar;
  const standingAward = data.awards.find((a) => !a.revoked);
  return {
    citation: data.citation,
    place: site.places.fullLabel(data.place),
    campaign: data.campaigns.map((id) => site.campaignById.get(id)!.data.shortTitle).join('; ') || undefined,
    award: standingAward && awardAsGranted(site.awards.get(standingAward.award)!.data, standingAward.issuer),
    kind: ui.kinds[data.kind],
  };
}

export function campaignResultMeta(site: Site, campaign: Campaign): Record<string, string | undefined> {
  const { data } = campaign;
  return { title: data.title, citation: data.summary, place: site.places.fullLabel(data.place), kind: ui.search.campaignKind };
}

/** The small re-encoded thumbnail of a result card, or "" for none. */
export async function resultThumbnail(photo: ImageMetadata | undefined): Promise<string> {
  return photo ? (await getImage({ src: photo, ...SEARCH_THUMBNAIL })).src : '';
}
