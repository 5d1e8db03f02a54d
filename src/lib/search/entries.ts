/** Facets, sort keys and hidden search words of the pages the search index holds: exemplars, campaigns, places. */
import { ui } from '../../i18n/vi.ts';
import { activeAwards, honourYear, type ExemplarLike } from '../data/exemplars.ts';
import { placeLabel, type PlaceIndex } from '../data/places.ts';
import type { CampaignData } from '../../schemas/campaign.ts';
import type { Facets, FacetValue } from './facets.ts';
import { yearOf, type IsoDate } from '../dates.ts';
import { searchVariants } from './tones.ts';
import { formatDateShort } from '../format.ts';

export interface SearchEntry {
  facets: Facets;
  /** Sort keys: ISO date for "newest", a zero-padded rank in Vietnamese order for "name". */
  sort: { date: string; name: string };
  /** Hidden text: every name the place was or is known by, and the words Pagefind needs help with (tones.ts). */
  keywords: string;
}

/** Place types of the commune level, the level of the `xa` filter. */
export const COMMUNE_LEVEL = ['xa', 'phuong', 'thi-tran', 'dac-khu'];

/**
 * The commune a reader would look for: the unit as named, with its district, or the commune that took it over,
 * whose label then lists the communes it took over ("xã Mới, thành phố Hà Nội (trước đây: xã Sài Sơn)").
 */
export function communeFacet(places: PlaceIndex, id: string): FacetValue[] {
  const place = places.get(id);
  const successors = place.successors.map((s) => places.get(s.place)).filter((p) => COMMUNE_LEVEL.includes(p.type));
  if (successors.length > 0) return successors.flatMap((s) => communeFacet(places, s.id));
  const parent = place.parent ? places.byId.get(place.parent) : undefined;
  const former = places
    .predecessors(id)
    .filter((p) => COMMUNE_LEVEL.includes(p.type))
    .map(placeLabel);
  const label = [placeLabel(place), parent && placeLabel(parent)].filter(Boolean).join(', ');
  return [{ slug: place.id, label: former.length > 0 ? `${label} (${ui.search.formerly} ${former.join(', ')})` : label }];
}

const pad = (n: number) => String(n).padStart(7, '0');

export function exemplarSearchEntry(
  exemplar: ExemplarLike & { data: ExemplarLike['data'] & { role?: string } },
  context: { places: PlaceIndex; campaignTitle: (id: string) => string; awardName: (id: string) => string; nameRank: number },
): SearchEntry {
  const { data } = exemplar;
  const year = honourYear(exemplar);
  const placeNames = context.places.searchNames(data.place);
  const campaigns = data.campaigns.map((id) => ({ slug: id, label: context.campaignTitle(id) }));
  const awards = [...new Map(activeAwards(exemplar).map((a) => [a.award, { slug: a.award, label: context.awardName(a.award) }])).values()];
  return {
    facets: {
      xa: communeFacet(context.places, data.place),
      'phong-trao': campaigns,
      nam: [{ slug: String(year), label: ui.years.year(year) }],
      'khen-thuong': awards,
      loai: [{ slug: data.kind, label: ui.kinds[data.kind] }],
      'linh-vuc': data.fields.map((f) => ({ slug: f, label: ui.fields[f] })),
    },
    sort: { date: data.published, name: pad(context.nameRank) },
    keywords: [
      placeNames.join(' · '),
      searchVariants([data.name, ...(data.role ? [data.role] : []), ...placeNames, ...campaigns.map((c) => c.label), ...awards.map((a) => a.label)]),
    ].join(' · '),
  };
}

export function campaignSearchEntry(campaign: { id: string; data: CampaignData }, context: { places: PlaceIndex; nameRank: number }): SearchEntry {
  const { data } = campaign;
  const years = [];
  for (let y = yearOf(data.period.start); y <= yearOf(data.period.end); y++) years.push({ slug: String(y), label: ui.years.year(y) });
  const placeNames = context.places.searchNames(data.place);
  const documents = [data.plan, ...data.legalBasis].map((d) => d.number).filter((n): n is string => Boolean(n));
  return {
    facets: {
      'phong-trao': [{ slug: campaign.id, label: data.shortTitle }],
      nam: years,
      loai: [{ slug: 'phong-trao', label: ui.search.campaignKind }],
    },
    sort: { date: data.published, name: pad(context.nameRank) },
    keywords: [placeNames.join(' · '), documents.join(' · '), searchVariants([data.title, data.shortTitle, data.issuer, ...placeNames])].join(' · '),
  };
}

export function placeSearchEntry(id: string, context: { places: PlaceIndex; nameRank: number }): SearchEntry {
  const names = [...context.places.searchNames(id), ...context.places.predecessors(id).map((p) => context.places.fullLabel(p.id))];
  return {
    facets: { loai: [{ slug: 'dia-phuong', label: ui.search.placeKind }] },
    sort: { date: '0000-00-00', name: pad(context.nameRank) },
    keywords: [names.join(' · '), searchVariants(names)].join(' · '),
  };
}

/**
 * A decision page: found by its number ("1520/QĐ-UBND", "1520") and its issuer however spelt. The names it honoured
 * are left out, so that a search for a person finds their own page rather than every decision that names them.
 */
export function decisionSearchEntry(
  decision: { number: string; date: string; issuerSpellings: readonly string[]; grants: readonly { award: { award: string } }[] },
  context: { awardName: (id: string) => string; nameRank: number },
): SearchEntry {
  const year = yearOf(decision.date as IsoDate);
  const awards = [...new Map(decision.grants.map((g) => [g.award.award, { slug: g.award.award, label: context.awardName(g.award.award) }])).values()];
  const number = decision.number.split('/')[0];
  return {
    facets: {
      nam: [{ slug: String(year), label: ui.years.year(year) }],
      'khen-thuong': awards,
      loai: [{ slug: 'quyet-dinh', label: ui.search.decisionKind }],
    },
    sort: { date: decision.date, name: pad(context.nameRank) },
    // The heading's "định" and the number's "QĐ" need their folded forms to be found as typed without marks.
    keywords: [
      decision.number,
      number,
      searchVariants([ui.decisions.heading(decision.number, formatDateShort(decision.date)), ...decision.issuerSpellings, ...awards.map((a) => a.label)]),
    ].join(' · '),
  };
}
