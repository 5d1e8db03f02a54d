/** The one rule for what may appear in the output: pages, lists, counts, feeds, sitemap, search index. */
import type { PublicationStatus } from '../../schemas/common.ts';

export interface Publishable {
  publication: { status: PublicationStatus };
  consent?: { withdrawn?: string };
}

/** Approved, and not taken back by the person it concerns. Drafts and withdrawn entries never reach the output. */
export function isPublishable(data: Publishable): boolean {
  return data.publication.status === 'da-duyet' && !data.consent?.withdrawn;
}

/** Not yet approved (a draft, awaiting approval or returned), its subject not having withdrawn consent: what an editor previews. */
export function isDraft(data: Publishable): boolean {
  const { status } = data.publication;
  return (status === 'ban-nhap' || status === 'cho-duyet' || status === 'tra-lai') && !data.consent?.withdrawn;
}

/**
 * `npm run dev` runs on the editor's own computer and also shows drafts, each marked as a draft, so a story can be
 * read as it will look before it is approved. A build never loads them; the output check proves it.
 */
export const PREVIEW_DRAFTS: boolean = import.meta.env?.DEV === true;

/** Whether the site being built or previewed shows this entry. */
export function isShown(data: Publishable): boolean {
  return isPublishable(data) || (PREVIEW_DRAFTS && isDraft(data));
}
