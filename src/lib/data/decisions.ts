/**
 * Commendation decisions as the content cites them, so that each decision has one public page listing everyone it
 * honoured. Numbers restart every 1 January and run per issuer (Decree 30/2020/NĐ-CP), so a decision is identified
 * by issuer, number and date together. Editors spell one issuer several ways ("Chủ tịch UBND huyện Quốc Oai",
 * "Chủ tịch Ủy ban nhân dân huyện Quốc Oai", "chủ tịch UBND huyện Quốc Oai"): the issuer is compared with its
 * abbreviations written out, folded and without punctuation, and the content check reports the spellings apart so
 * that the editor writes one. Pure functions over plain data: the pages, the output check and the content check
 * share them.
 */
import { expandAbbreviations } from '../radio/abbreviations.ts';
import { foldVietnamese, slugify } from '../text.ts';
import type { AwardGrant } from '../../schemas/award.ts';

/** What an award says of its decision. */
export interface DecisionCitation {
  issuer: string;
  decision: string;
  date: string;
}

/** The issuer as compared: abbreviations written out, folded, punctuation and spacing dropped. */
export function issuerKey(issuer: string): string {
  return foldVietnamese(expandAbbreviations(issuer.normalize('NFC')))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The number and symbol as compared: case, spacing and the dash variants editors type do not matter. */
export function numberKey(number: string): string {
  return foldVietnamese(number.normalize('NFC')).replace(/[\s\u2010-\u2015]+/g, (m) => (m.trim() ? '-' : ''));
}

/**
 * The address word of a decision: date, number, issuer, "2022-09-20-1520-qd-ubnd-chu-tich-uy-ban-nhan-dan-huyen-quoc-oai".
 * Built from the compared forms, so every spelling of one decision gives one address.
 */
export function decisionSlug(award: DecisionCitation): string {
  return slugify(`${award.date} ${numberKey(award.decision)} ${issuerKey(award.issuer)}`);
}

/**
 * The identity of a decision: issuer, number and date, as its address spells them, so that the content check
 * reports exactly the citations that the decision pages put together.
 */
export const decisionKey = decisionSlug;

export interface DecisionGrant<T> {
  item: T;
  award: AwardGrant;
}

export interface Decision<T> {
  slug: string;
  /** The spelling of the first citation in the order given (newest exemplar first), as shown on the page. */
  issuer: string;
  number: string;
  date: string;
  /** Every spelling of the issuer cited for this decision, the first one first. */
  issuerSpellings: string[];
  /** Each exemplar honoured by it, with the award as the entry records it (one exemplar may hold several). */
  grants: DecisionGrant<T>[];
}

/**
 * Every decision the given exemplars cite, newest first, then by number; the grants of each in the order of the
 * exemplars. Revoked awards stay on their decision's page, marked so: the page records what was decided.
 */
export function collectDecisions<T extends { data: { awards: readonly AwardGrant[] } }>(items: readonly T[]): Decision<T>[] {
  const bySlug = new Map<string, Decision<T>>();
  for (const item of items) {
    for (const award of item.data.awards) {
      const slug = decisionSlug(award);
      let decision = bySlug.get(slug);
      if (!decision) {
        decision = { slug, issuer: award.issuer, number: award.decision, date: award.date, issuerSpellings: [], grants: [] };
        bySlug.set(slug, decision);
      }
      if (!decision.issuerSpellings.includes(award.issuer)) decision.issuerSpellings.push(award.issuer);
      decision.grants.push({ item, award });
    }
  }
  return [...bySlug.values()].sort(
    (a, b) => b.date.localeCompare(a.date) || a.number.localeCompare(b.number, 'vi', { numeric: true }) || (a.slug < b.slug ? -1 : 1),
  );
}

/** Site path of a decision's page, as the output check and the route table name it. */
export const decisionPage = (slug: string) => `quyet-dinh/${slug}/`;

const memo = new WeakMap<readonly object[], Decision<never>[]>();

/** collectDecisions, once per list: the index, every decision page and the route table read the same result. */
export function decisionsOf<T extends { data: { awards: readonly AwardGrant[] } }>(items: readonly T[]): Decision<T>[] {
  let found = memo.get(items) as Decision<T>[] | undefined;
  if (!found) {
    found = collectDecisions(items);
    memo.set(items, found as Decision<never>[]);
  }
  return found;
}
