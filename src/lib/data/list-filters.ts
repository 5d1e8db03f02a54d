/**
 * The ways a reader narrows the list of exemplars without script: links to the pages that already hold each part of
 * it (a commune's page, a year's page, a kind's page), with the number each one lists.
 */
import type { FigureRow, FigureTable } from '../figures/tables.ts';
import { capitalize } from '../format.ts';
import { compareVietnamese } from '../text.ts';
import { EXEMPLAR_KINDS } from '../../schemas/exemplar.ts';

export interface FilterLink {
  key: string;
  label: string;
  href: string;
  count: number;
}

export interface ListFilters {
  kinds: FilterLink[];
  years: FilterLink[];
  communes: FilterLink[];
}

const linked = (rows: readonly FigureRow[]): FilterLink[] =>
  rows
    .filter((row): row is FigureRow & { href: string } => row.count > 0 && Boolean(row.href))
    .map(({ key, label, href, count }) => ({ key, label, href, count }));

/**
 * From the site's figures: kinds in the order of the dictionary, linked to the kind's page (`kindHref`); years of the
 * honour, newest first; communes of today by name, each starting with a capital as it stands alone on a link.
 */
export function listFilters(tables: readonly FigureTable[], kindHref: (kind: string) => string): ListFilters {
  const rows = (id: FigureTable['id']) => tables.find((t) => t.id === id)?.rows ?? [];
  return {
    kinds: linked(rows('loai').map((row) => ({ ...row, href: kindHref(row.key) }))).sort(
      (a, b) => EXEMPLAR_KINDS.indexOf(a.key as never) - EXEMPLAR_KINDS.indexOf(b.key as never),
    ),
    years: linked(rows('nam-khen')).sort((a, b) => Number(b.key) - Number(a.key)),
    communes: linked(rows('xa'))
      .map((link) => ({ ...link, label: capitalize(link.label) }))
      .sort((a, b) => compareVietnamese(a.label, b.label)),
  };
}
