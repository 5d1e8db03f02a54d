/**
 * The radio bulletin of a period from the desk: the same text as `npm run radio` (periodBulletin), asked for with
 * two dates as an editor writes them. Reading a bulletin changes nothing, so the form is a GET: its address can be
 * bookmarked or sent to the announcer's computer, and the download link is the same question.
 */
import { parseDate, type IsoDate } from '../lib/dates.ts';
import { periodBulletin, type PeriodBulletin } from '../lib/radio/period.ts';
import { deskPublish } from '../i18n/desk-publish.ts';
import { html, type Html } from './html.ts';

const text = deskPublish.radio;

/** The form's fields as the browser sent them (GET /phat-thanh?tu=01/11/2026&den=21/11/2026&phut=15). */
export interface RadioQuery {
  tu?: string;
  den?: string;
  phut?: string;
}

export type RadioResult = { ok: true; bulletin: PeriodBulletin } | { ok: false; message: string } | undefined;

/** The bulletin asked for, the reason there is none, or undefined when no period was asked for yet. */
export async function radioBulletin(root: string, query: RadioQuery): Promise<RadioResult> {
  const from = query.tu?.trim() ?? '';
  const to = query.den?.trim() ?? '';
  if (!from && !to) return undefined;
  const date = (label: string, value: string): IsoDate | string => {
    const parsed = parseDate(value);
    return parsed.ok ? parsed.date : text.badDate(label, value);
  };
  const start = date(text.from, from);
  const end = date(text.to, to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return { ok: false, message: start };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) return { ok: false, message: end };
  if (end < start) return { ok: false, message: text.reversed };
  const minutesText = query.phut?.trim() ?? '';
  const minutes = minutesText ? Number(minutesText) : undefined;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) return { ok: false, message: text.badMinutes(minutesText) };
  return periodBulletin(root, { from: start as IsoDate, to: end as IsoDate, minutes });
}

/** The address of the same question as a download (GET /phat-thanh/tai?…), answered with `bulletin.text` as a file. */
export function radioDownloadHref(query: RadioQuery): string {
  const params = new URLSearchParams();
  for (const key of ['tu', 'den', 'phut'] as const) if (query[key]) params.set(key, query[key]!.trim());
  return `/phat-thanh/tai?${params}`;
}

/** The body of the bulletin page: the form, then the text of the bulletin or why there is none. */
export function radioBulletinPage(query: RadioQuery, result: RadioResult): Html {
  const field = (name: 'tu' | 'den' | 'phut', label: string, hint: string, attributes: Html) =>
    html`<p><label for="radio-${name}">${label}</label><br /><span class="hint" id="radio-${name}-hint">${hint}</span><br /><input type="text" id="radio-${name}" name="${name}" value="${query[name] ?? ''}" aria-describedby="radio-${name}-hint" ${attributes} /></p>`;
  const answer =
    result === undefined
      ? html``
      : !result.ok
        ? html`<div role="alert" class="problems"><p class="message">${result.message}</p></div>`
        : html`<section aria-labelledby="radio-text">
<h2 id="radio-text">${text.text}</h2>
<p role="status">${text.summary(result.bulletin.duration, result.bulletin.included, result.bulletin.chosen)}${
            result.bulletin.left.length > 0 ? html` ${text.left}: ${result.bulletin.left.join('; ')}.` : ''
          }</p>
<p><a href="${radioDownloadHref(query)}" download="${result.bulletin.fileName}">${text.download} (${result.bulletin.fileName})</a></p>
<textarea readonly rows="24" cols="80" aria-labelledby="radio-text">${'\n'}${result.bulletin.text}</textarea>
</section>`;
  return html`<h1>${text.title}</h1>
<p>${text.intro}</p>
<form method="get" action="/phat-thanh">
${field('tu', text.from, text.dateHint, html`required inputmode="numeric" autocomplete="off" size="10"`)}
${field('den', text.to, text.dateHint, html`required inputmode="numeric" autocomplete="off" size="10"`)}
${field('phut', text.minutes, text.minutesHint, html`inputmode="numeric" autocomplete="off" size="4"`)}
<p><button type="submit">${text.make}</button></p>
</form>
${answer}`;
}
