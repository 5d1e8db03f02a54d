/**
 * The figures as open data: CSV for spreadsheets and JSON for programs, the same numbers as the statistics section.
 * CSV is UTF-8 with a byte order mark, comma-separated, CRLF line ends and RFC 4180 quoting, which is what Excel
 * needs to show Vietnamese diacritics when the file is opened with a double click; a cell that would start with
 * =, +, - or @ is prefixed with an apostrophe so that a spreadsheet never reads a name as a formula.
 */
import type { Figures } from './tables.ts';
import { ui } from '../../i18n/vi.ts';

const BOM = '\uFEFF';

function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One row per figure: table, key, label, count. */
export function figuresCsv(figures: Figures): string {
  return csv([ui.figures.csvHeader, ...figures.tables.flatMap((t) => t.rows.map((row) => [t.id, row.key, row.label, row.count]))]);
}

/** The share of direct workers: overall, per year, per campaign. The share in per cent with one decimal, a dot. */
export function sharesCsv(figures: Figures): string {
  const { overall, byYear, byCampaign } = figures.share;
  const line = (by: string, key: string, label: string, s: Figures['share']['overall']) => [
    by,
    key,
    label,
    s.individuals,
    s.recorded,
    s.direct,
    s.unrecorded,
    s.share === undefined ? '' : (Math.round(s.share * 1000) / 10).toFixed(1),
  ];
  return csv([
    ui.figures.sharesCsvHeader,
    line('tat-ca', '', ui.figures.share.title, overall),
    ...byYear.map((r) => line('nam', r.key, r.label, r)),
    ...byCampaign.map((r) => line('phong-trao', r.key, r.label, r)),
  ]);
}

/** Everything, with absolute addresses of the lists each row links to. */
export function figuresJson(figures: Figures, origin: URL | undefined, generated: string): string {
  const absolute = (href: string | undefined) => (href ? new URL(href, origin).href : undefined);
  return JSON.stringify(
    {
      title: ui.figures.title,
      generated,
      total: figures.total,
      tables: figures.tables.map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        rows: t.rows.map((r) => ({ ...r, href: absolute(r.href) })),
      })),
      directWorkers: {
        overall: figures.share.overall,
        byYear: figures.share.byYear.map((r) => ({ ...r, href: absolute(r.href) })),
        byCampaign: figures.share.byCampaign.map((r) => ({ ...r, href: absolute(r.href) })),
        trend: figures.share.trend,
      },
    },
    null,
    1,
  );
}
