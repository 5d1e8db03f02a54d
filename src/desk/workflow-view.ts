/** What the workflow panel and the page of a conflicting save show: dates, a step's input, a line-by-line difference. */
import { toNfc } from '../lib/text.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, type Html } from './html.ts';
import { lineDiff } from './history.ts';
import type { ActionInput } from './workflow.ts';
import { parseDate } from '../lib/dates.ts';
import { formatDateShort } from '../lib/format.ts';
import { NL } from './collection-setup.ts';

export const shortDate = (value: unknown) => (typeof value === 'string' && value ? formatDateShort(value) : '');

/** Reads what a step's form sent: dates typed dd/mm/yyyy become ISO dates, a wrong one is a problem of its field. */
export function stepInput(form: URLSearchParams, file: string): { input: ActionInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (name: string) => toNfc((form.get(name) ?? '').trim()) || undefined;
  const date = (name: string) => {
    const value = text(name);
    if (!value) return undefined;
    const parsed = parseDate(value);
    if (parsed.ok) return parsed.date as string;
    problems.push({ file, field: name, message: `Ngày "${value}" không đúng: ghi theo dạng ngày/tháng/năm, ví dụ 20/09/2022.` });
    return undefined;
  };
  const input: ActionInput = {
    comment: text('comment'),
    date: date('date'),
    approval: { number: text('approval.number'), title: text('approval.title'), issuer: text('approval.issuer'), date: date('approval.date') },
    consent: {
      date: date('consent.date'),
      scope: text('consent.scope'),
      guardian: { relation: text('consent.guardian.relation'), date: date('consent.guardian.date') },
    },
  };
  return { input, problems };
}

export function diffView(before: string, after: string): Html {
  // Line ends are written as values: the formatter must not be able to change what a <pre> shows.
  return html`<pre class="diff">${lineDiff(before, after).map((line) =>
    line.kind === ' '
      ? html`<span>  ${line.text}${NL}</span>`
      : line.kind === '-'
        ? html`<del>− ${line.text}${NL}</del>`
        : html`<ins>+ ${line.text}${NL}</ins>`,
  )}</pre>`;
}
