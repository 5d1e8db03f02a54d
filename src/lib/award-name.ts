/** How an award is named where it was granted, from the catalogue's entry and the decision. */

export interface CatalogueAward {
  name: string;
  family: string;
}

/** Forms the catalogue names by a category of signer ("Giấy khen của Chủ tịch UBND huyện"). */
const NAMED_BY_SIGNER = new Set(['bang-khen', 'giay-khen']);

/**
 * "Giấy khen của Chủ tịch UBND thị xã Ayun Pa": a certificate of merit named by whoever signed the decision, as the
 * certificate itself is printed, not by the catalogue's category, which may even name another kind of unit (a thị xã
 * grants the district-level form). Titles and orders keep their own name.
 */
export function awardAsGranted(award: CatalogueAward, issuer: string | undefined): string {
  const [form, signer] = award.name.split(' của ');
  if (!NAMED_BY_SIGNER.has(award.family) || !signer || !issuer?.trim()) return award.name;
  return `${form} của ${issuer.trim()}`;
}
