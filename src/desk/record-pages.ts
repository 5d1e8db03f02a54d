/** The pages of the data files in the desk: the site's settings, the awards and the local places, listed and edited. */
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { issuesToProblems } from '../lib/content/issues.ts';
import { personalDataInFields } from '../lib/content/story-check.ts';
import { publicContactsOf } from '../lib/content/personal-data.ts';
import { checkReferences } from '../lib/content/references.ts';
import { foldVietnamese } from '../lib/text.ts';
import { desk } from '../i18n/desk.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, type Html } from './html.ts';
import { layout } from './pages.ts';
import { isEntryId } from './paths.ts';
import { applyEdits, parseFrontmatter, readPosted, stringifyLike } from './edit.ts';
import { applyListAction, valuesOf, type Values } from './form.ts';
import { editorField, typedEditor } from './request.ts';
import { COLLECTIONS, type RecordSetup } from './collection-setup.ts';
import { send } from './http.ts';
import { fieldsWithProblems } from './entry-form.ts';
import { diffView } from './workflow-view.ts';
import { timeNow, type DeskContext } from './context.ts';
import { contentHash } from '../lib/content/cache.ts';

export interface RecordAt {
  file: string;
  text: string;
  /** Index of the item in its list file; undefined for the settings. */
  index?: number;
  data: Record<string, unknown>;
  name: string;
}

export async function recordsOf(ctx: DeskContext, setup: RecordSetup): Promise<RecordAt[]> {
  const out: RecordAt[] = [];
  for (const file of await setup.files(ctx.root)) {
    const text = readFileSync(ctx.absolute(file), 'utf8');
    const data = parseFrontmatter(text).toJS() as unknown;
    if (setup.single) out.push({ file, text, data: (data ?? {}) as Record<string, unknown>, name: setup.title });
    else if (Array.isArray(data)) {
      data.forEach((item: Record<string, unknown>, i) => {
        const known = ctx.identified(setup, item) as Record<string, unknown>;
        out.push({ file, text, index: i, data: known ?? {}, name: String(known?.name ?? known?.id ?? i) });
      });
    }
  }
  return out;
}

export async function recordList(ctx: DeskContext, setup: RecordSetup, url: URL, token: string): Promise<string> {
  const q = foldVietnamese(url.searchParams.get('q') ?? '').trim();
  const records = (await recordsOf(ctx, setup)).filter((r) => !q || foldVietnamese(`${r.name} ${String(r.data.id ?? '')}`).includes(q));
  const main = html`<h1>${setup.title}</h1>
<form method="get" action="/${setup.route}" class="filters" role="search"><div class="field"><label for="r-q">${desk.list.search}</label><input type="search" id="r-q" name="q" value="${url.searchParams.get('q') ?? ''}" /></div><div class="actions"><button type="submit">${desk.list.apply}</button></div></form>
<p role="status">${desk.list.count(records.length)}</p>
<table class="entries"><thead><tr><th scope="col">${desk.list.name}</th><th scope="col">${desk.list.id}</th><th scope="col">${desk.list.file}</th></tr></thead><tbody>
${records.map((r) => html`<tr><td><a href="/${setup.route}/${String(r.data.id)}">${r.name}</a></td><td><code>${String(r.data.id ?? '')}</code></td><td>${r.file}</td></tr>`)}
</tbody></table>`;
  return layout(setup.title, main, { current: setup.key, token });
}

export async function findRecord(ctx: DeskContext, setup: RecordSetup, id: string | undefined): Promise<RecordAt | undefined> {
  const records = await recordsOf(ctx, setup);
  if (setup.single) return records[0];
  if (!id || !isEntryId(id)) return undefined;
  return records.find((r) => r.data.id === id);
}

export async function recordPage(
  ctx: DeskContext,
  setup: RecordSetup,
  record: RecordAt,
  values: Values,
  editor: string,
  token: string,
  problems: Problem[] = [],
  message?: Html,
): Promise<string> {
  const choices = await ctx.choicesFor(COLLECTIONS.exemplars);
  const { fields, summary } = fieldsWithProblems(setup.specs, values, { help: ctx.help.get(setup.guide) ?? new Map(), choices }, problems);
  const action = setup.single ? `/${setup.route}` : `/${setup.route}/${String(record.data.id)}`;
  const title = setup.single ? setup.title : `${setup.title}: ${record.name}`;
  const main = html`<h1>${title}</h1>
${message ? html`<div class="notice" role="status">${message}</div>` : ''}
${summary}
<p class="entry-links"><a href="${action}/lich-su">${desk.form.history}</a></p>
<form method="post" action="${action}" novalidate class="entry-form" data-entry="${setup.route}/${String(record.data.id ?? '')}">
<input type="hidden" name="csrf" value="${token}" />
<input type="hidden" name="hash" value="${ctx.remember(record.text)}" />
${editorField(editor)}
${fields}
<div class="save-bar"><button type="submit" name="action" value="save">${desk.form.save}</button></div>
</form>`;
  return layout(title, main, { current: setup.key, token });
}

export async function saveRecord(ctx: DeskContext, setup: RecordSetup, record: RecordAt, form: URLSearchParams, token: string, res: ServerResponse) {
  const action = form.get('action') ?? 'save';
  const editor = typedEditor(form.get('editor'));
  const posted = readPosted(setup.specs, form) as Values;
  if (applyListAction(setup.specs, posted, action)) return send(res, 200, await recordPage(ctx, setup, record, posted, editor, token));
  if (!editor)
    return send(
      res,
      200,
      await recordPage(ctx, setup, record, posted, editor, token, [{ file: record.file, field: 'editor', message: desk.form.editorMissing }]),
    );
  if (contentHash(record.text) !== form.get('hash')) {
    // The editor's values stay in the form, over the newer file's hash; what the other save changed is shown.
    const base = ctx.bases.get(form.get('hash') ?? '');
    const message = html`<strong>${desk.conflict.title}.</strong> ${desk.conflict.recordExplain}${base ? diffView(base, record.text) : ''}`;
    return send(res, 409, await recordPage(ctx, setup, record, posted, editor, token, [], message));
  }
  const doc = parseFrontmatter(record.text);
  applyEdits(doc, setup.specs, record.data, posted, record.index === undefined ? [] : [record.index]);
  const changed = JSON.stringify(doc.toJS()) !== JSON.stringify(parseFrontmatter(record.text).toJS());
  const text = changed ? stringifyLike(doc, record.text) : record.text;
  const item = ctx.identified(setup, record.index === undefined ? doc.toJS() : (doc.toJS() as unknown[])[record.index]);
  const ref = await ctx.index.reference();
  const parsed = setup.schema.safeParse(item, { reportInput: true });
  const source = { data: item, lineOf: () => undefined };
  const problems: Problem[] = parsed.success
    ? personalDataInFields(parsed.data, record.file, source, publicContactsOf(ref.settings))
    : issuesToProblems(parsed.error.issues, record.file, source);
  if (parsed.success && setup.key === 'places') {
    const id = String((parsed.data as { id: string }).id);
    const places = [...ref.places.filter((p) => p.id !== record.data.id), { id, file: record.file, data: parsed.data as never, source }];
    problems.push(
      ...checkReferences({ exemplars: [], campaigns: [], places, awards: ref.awards, settings: ref.settings }).filter(
        (p) => p.file === record.file && p.line === undefined && places.at(-1)!.id === id,
      ),
    );
  }
  const again = parseFrontmatter(text).toJS() as unknown;
  const newRecord = {
    ...record,
    text,
    data: ctx.identified(setup, record.index === undefined ? again : (again as unknown[])[record.index]) as Record<string, unknown>,
  };
  if (problems.length > 0) return send(res, 200, await recordPage(ctx, setup, record, posted, editor, token, problems));
  if (text === record.text)
    return send(res, 200, await recordPage(ctx, setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.unchanged}`));
  ctx.writeVersioned(record.file, text);
  await ctx.commit([record.file], editor, `Sửa ${setup.what} ${record.name}`);
  return send(
    res,
    200,
    await recordPage(ctx, setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.savedAt(timeNow())}`),
  );
}
