/**
 * The figures of a year or of a campaign as a radio text, for the review meetings (sơ kết, tổng kết) and the
 * commune radio: how many were honoured, by kind, commune, form of commendation and field, and the share of direct
 * workers, every number in words. Written Vietnamese first, then the same spoken form as every other script.
 */
import type { Figures, FigureTable, TableId } from '../figures/tables.ts';
import { spokenParagraph, type RadioParagraph } from './script.ts';
import { spokenNumber } from './numbers.ts';
import { ui } from '../../i18n/vi.ts';

/** Tables read aloud, in this order, each with at most this many rows (the rest are summed up as "other"). */
const READ: readonly TableId[] = ['loai', 'xa', 'hinh-thuc', 'linh-vuc'];
const MAX_ROWS = 8;

/** "40%" or "33,3%" as said: "bốn mươi phần trăm", "ba mươi ba phẩy ba phần trăm". */
export function spokenPercent(share: number): string {
  const written = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, useGrouping: false }).format(Math.round(share * 1000) / 10);
  return `${spokenNumber(written)} phần trăm`;
}

function tableSentence(table: FigureTable): string | undefined {
  if (table.rows.length === 0) return undefined;
  const r = ui.figures.radio;
  const shown = table.rows.slice(0, MAX_ROWS).map((row) => r.item(row.label, row.count));
  const rest = table.rows.slice(MAX_ROWS);
  if (rest.length > 0) shown.push(r.others(rest.length));
  return `${table.title}: ${shown.join('; ')}.`;
}

export function figuresParagraphs(figures: Figures, subject: string, siteName: string): RadioParagraph[] {
  const r = ui.figures.radio;
  const written: string[] = [r.opening(subject, figures.total)];
  for (const id of READ) {
    const table = figures.tables.find((t) => t.id === id);
    const sentence = table && tableSentence(table);
    if (sentence) written.push(sentence);
  }
  const posthumous = figures.tables.find((t) => t.id === 'truy-tang')?.rows[0]?.count ?? 0;
  if (posthumous > 0) written.push(r.posthumous(posthumous));
  const { overall } = figures.share;
  written.push(overall.share === undefined ? r.noShare : r.share(spokenPercent(overall.share), overall.direct, overall.recorded));
  written.push(r.closing(siteName));
  return written.map((text) => spokenParagraph('text', text));
}
