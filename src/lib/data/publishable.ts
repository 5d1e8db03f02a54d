/** The one rule for what may appear in the output: pages, lists, counts, feeds, sitemap, search index. */
import type { PublicationStatus } from '../../schemas/common.ts';

interface Publishable {
  publication: { status: PublicationStatus };
  consent?: { withdrawn?: string };
}

/** Approved, and not taken back by the person it concerns. Drafts and withdrawn entries never reach the output. */
export function isPublishable(data: Publishable): boolean {
  return data.publication.status === 'da-duyet' && !data.consent?.withdrawn;
}
