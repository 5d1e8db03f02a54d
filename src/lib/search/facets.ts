/** The filters of the search index, with the slugs used in search URLs and the labels readers see. */

/** Filter names, as they appear in search URLs (?xa=…&phong-trao=…) and in the index. */
export const FILTERS = ['xa', 'phong-trao', 'nam', 'khen-thuong', 'loai', 'linh-vuc'] as const;
export type FilterName = (typeof FILTERS)[number];

/** A filter value: the slug in the URL and the label shown to readers. */
export interface FacetValue {
  slug: string;
  label: string;
}

export type Facets = Partial<Record<FilterName, FacetValue[]>>;

/**
 * The index stores "slug" so that URLs stay short and readable aloud ("?xa=xa-sai-son-quoc-oai"); the page shows the
 * label from the facet map.
 */
export function indexFilters(facets: Facets): Record<string, string[]> {
  return Object.fromEntries(Object.entries(facets).map(([name, values]) => [name, values!.map((v) => v.slug)]));
}

/** Map of every facet value's slug to its label, per filter, for the search page. */
export function facetLabels(all: Iterable<Facets>): Record<FilterName, Record<string, string>> {
  const labels = Object.fromEntries(FILTERS.map((name) => [name, {} as Record<string, string>])) as Record<FilterName, Record<string, string>>;
  for (const facets of all) {
    for (const name of FILTERS) for (const value of facets[name] ?? []) labels[name][value.slug] = value.label;
  }
  return labels;
}
