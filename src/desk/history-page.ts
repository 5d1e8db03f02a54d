/** The history of an entry or a record in the desk: every version, what changed, and going back to one. */
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { desk } from '../i18n/desk.ts';
import { html, type Html } from './html.ts';
import { layout } from './pages.ts';
import { editorField, typedEditor } from './request.ts';
import type { CollectionSetup, RecordSetup } from './collection-setup.ts';
import { HttpError, send } from './http.ts';
import { diffView } from './workflow-view.ts';
import type { DeskContext } from './context.ts';
import { findRecord } from './record-pages.ts';

/** What a history page is about: a file the desk edits, its name, the page it belongs to and the nav item. */
export interface Tracked {
  file: string;
  name: string;
  what: string;
  /** The page of the entry or record; its history is at `${base}/lich-su`. */
  base: string;
  nav: string;
}

export async function trackedEntry(ctx: DeskContext, collection: CollectionSetup, id: string): Promise<Tracked> {
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  return { file: summary.file, name: summary.name, what: collection.what, base: `/${collection.route}/${id}`, nav: collection.key };
}

export async function trackedRecord(ctx: DeskContext, setup: RecordSetup, id: string | undefined): Promise<Tracked> {
  const record = await findRecord(ctx, setup, id);
  if (!record) throw new HttpError(404, desk.refused.notFound);
  const base = setup.single ? `/${setup.route}` : `/${setup.route}/${String(record.data.id)}`;
  // A list file holds several places or awards: its history is the whole file's.
  return {
    file: record.file,
    name: setup.single ? setup.title : `${setup.title} (${record.file.replace(/^content\//, '')})`,
    what: setup.what,
    base,
    nav: setup.key,
  };
}

export function historyPage(ctx: DeskContext, tracked: Tracked, url: URL, token: string): string {
  const versions = ctx.history.versions(tracked.file);
  const version = url.searchParams.get('v');
  let detail: Html | '' = '';
  if (version) {
    const old = ctx.history.textAt(tracked.file, version);
    if (old === undefined) throw new HttpError(404, desk.refused.notFound);
    const current = readFileSync(ctx.absolute(tracked.file), 'utf8');
    detail = html`<h2>${desk.history.diff}</h2>
      ${diffView(current, old)}
      <form method="post" action="${tracked.base}/lich-su" novalidate>
        <input type="hidden" name="csrf" value="${token}" /><input type="hidden" name="version" value="${version}" />
        ${editorField('', 'h')}
        <p class="hint">${desk.history.restoreHint}</p>
        <button type="submit">${desk.history.restore}</button>
      </form>`;
  }
  const when = (date: string) => new Date(date).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  const main = html`<h1>${desk.history.title(tracked.name)}</h1>
    <p><a href="${tracked.base}">${desk.history.back}</a></p>
    ${
      versions.length === 0
        ? html`<p>${desk.history.none}</p>`
        : html`<table class="entries">
            <thead>
              <tr>
                <th scope="col">${desk.history.when}</th>
                <th scope="col">${desk.history.by}</th>
                <th scope="col">${desk.history.what}</th>
                <th scope="col"><span class="visually-hidden">${desk.history.view}</span></th>
              </tr>
            </thead>
            <tbody>
              ${versions.map(
                (v) =>
                  html`<tr>
                    <td>${when(v.date)}</td>
                    <td>${v.author}</td>
                    <td>${v.message}</td>
                    <td><a href="${tracked.base}/lich-su?v=${v.id}">${desk.history.view}</a></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${detail}`;
  return layout(desk.history.title(tracked.name), main, { current: tracked.nav, token });
}

export async function restore(ctx: DeskContext, tracked: Tracked, form: URLSearchParams, res: ServerResponse) {
  const version = form.get('version') ?? '';
  const old = ctx.history.textAt(tracked.file, version);
  if (old === undefined) throw new HttpError(404, desk.refused.notFound);
  const editor = typedEditor(form.get('editor')) || desk.commit.unnamed;
  ctx.writeVersioned(tracked.file, old);
  await ctx.commit([tracked.file], editor, desk.commit.restore(tracked.what, tracked.name), 'restore');
  return send(res, 303, '', 'text/plain', { Location: `${tracked.base}?luu=1` });
}
