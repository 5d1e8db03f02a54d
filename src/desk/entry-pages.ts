/**
 * The pages of one entry (an exemplar or a campaign) in the desk: its form, saving it, a save that met another
 * editor's, the steps of its workflow, its photos and documents, and the previews of its outputs.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { writeAtomic } from './files.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { photoProblem } from '../lib/content/photos.ts';
import { slugify, toNfc } from '../lib/text.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { desk } from '../i18n/desk.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, type Html } from './html.ts';
import { layout, sitePreview } from './pages.ts';
import { pageOf, posterOf, radioOf } from './outputs.ts';
import { tokenMatches } from './guard.ts';
import { contentFile } from './paths.ts';
import { appendItem, editEntry, parseFrontmatter, readPosted, rewriteFrontmatter, splitEntry } from './edit.ts';
import { applyListAction, type Values } from './form.ts';
import { checkEntry } from './check-entry.ts';
import { parseMultipart, photoExtension } from './multipart.ts';
import { isMap } from 'yaml';
import sharp from 'sharp';
import { currentRequest, editorField, hasRole, typedEditor } from './request.ts';
import {
  actionsFor,
  applyAction,
  actionMessage,
  missingInput,
  refusal,
  WORKFLOW_ACTIONS,
  roleAllows,
  type Actor,
  type Situation,
  type WorkflowAction,
} from './workflow.ts';
import { lastEditorOf } from './history.ts';
import { NL, type CollectionSetup } from './collection-setup.ts';
import { decodeSafely, HttpError, IMAGE_TYPES, send } from './http.ts';
import {
  attachmentForm,
  deskPhotoUrl,
  fieldsWithProblems,
  NEW_ENTRY,
  photoForm,
  photosOf,
  storyPreview,
  turnForms,
  workflowFacts,
  type FormState,
} from './entry-form.ts';
import { diffView, shortDate, stepInput } from './workflow-view.ts';
import { timeNow, type DeskContext } from './context.ts';
import { contentHash } from '../lib/content/cache.ts';

// ——— pages ———

export async function formPage(ctx: DeskContext, state: FormState, token: string): Promise<string> {
  const { collection } = state;
  const choices = await ctx.choicesFor(collection);
  const perMinute = (await ctx.index.reference()).settings?.radio.syllablesPerMinute ?? 220;
  const help = ctx.help.get(collection.guide) ?? new Map();
  const { fields, summary, errors, general } = fieldsWithProblems(collection.specs, state.values, { help, choices }, state.problems ?? []);
  const bodyErrors = errors.get('nội dung bài');
  const isNew = state.id === undefined;
  const action = isNew ? `/${collection.route}/moi` : `/${collection.route}/${state.id}`;
  const title = isNew ? desk.list.newOf[collection.key] : String((state.values[collection.nameKey] as string) || state.id);
  const main = html`<h1>${title}</h1>
    ${state.message ? html`<div class="notice" role="status">${state.message}</div>` : ''} ${summary}
    ${isNew ? html`<p class="status"><span class="badge badge-ban-nhap">${desk.statuses['ban-nhap']}</span></p>` : await workflowPanel(ctx, state, token)}
    ${!isNew ? html`<p class="entry-links"><a href="/${collection.route}/${state.id}/lich-su">${desk.form.history}</a>${collection.key === 'exemplars' ? html` · <a href="/${collection.route}/${state.id}/phat-thanh">${desk.outputs.radio}</a> · <a href="/${collection.route}/${state.id}/xem-trang">${desk.outputs.page}</a> · <a href="/${collection.route}/${state.id}/ap-phich">${desk.outputs.poster}</a>` : ''}</p>` : ''}
    <form method="post" action="${action}" novalidate class="entry-form" data-entry="${collection.route}/${state.id ?? 'moi'}">
      <input type="hidden" name="csrf" value="${token}" />
      <input type="hidden" name="hash" value="${state.hash}" />
      <!-- Enter in a text box presses the form's first button: it must save, not move or remove a list item. -->
      <button type="submit" name="action" value="save" class="default-action" tabindex="-1" aria-hidden="true">${desk.form.save}</button>
      ${editorField(state.editor, 'f', errors.get('editor') ?? [])}
      ${fields}
      <section class="story-editor" aria-labelledby="story-label">
        <div class="field${bodyErrors ? ' field-error' : ''}">
          <label id="story-label" for="f-body">${desk.form.story}</label>
          <p class="hint" id="f-body-hint">${desk.form.storyHint}</p>
          ${bodyErrors ? html`<p class="error-message" id="f-body-error"><span class="visually-hidden">${desk.form.errorPrefix} </span>${bodyErrors.join(' ')}</p>` : ''}
          <textarea id="f-body" name="body" rows="18" class="story-text" data-per-minute="${perMinute}" aria-describedby="f-body-hint f-body-count${bodyErrors ? ' f-body-error' : ''}">${NL}${state.body}</textarea>
          <p class="hint" id="f-body-count" aria-live="polite"></p>
        </div>
        <p><button type="submit" name="action" value="preview" class="secondary" data-preview="true">${desk.form.preview}</button></p>
        <div id="preview" class="preview" aria-live="polite">${state.preview ?? ''}</div>
      </section>
      ${general.length ? html`<p class="hint">${desk.form.general}: ${general.length}</p>` : ''}
      <div class="save-bar">
        <button type="submit" name="action" value="save">${desk.form.save}</button>
        ${state.publication.status === 'da-duyet' ? html`<button type="submit" name="action" value="save-draft" class="secondary">${desk.form.saveDraft}</button>` : ''}
      </div>
    </form>
    ${!isNew && collection.key === 'exemplars' ? html`${turnForms(collection, state, token)}${photoForm(collection, state.id!, token)}` : ''}${!isNew && collection.key === 'campaigns' ? attachmentForm(collection, state.id!, token) : ''}`;
  return layout(title, main, { current: collection.key, token });
}

export async function turnPhoto(ctx: DeskContext, collection: CollectionSetup, id: string, form: URLSearchParams, res: ServerResponse) {
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  const text = readFileSync(ctx.absolute(summary.file), 'utf8');
  const photos = ctx.stateFromFile(collection, id, text, '').photos;
  const n = Number(form.get('photo'));
  const photo = Number.isInteger(n) ? photos[n - 1] : undefined;
  const angle = form.get('huong') === 'trai' ? -90 : form.get('huong') === 'phai' ? 90 : 0;
  if (!photo?.src || angle === 0) throw new HttpError(404, desk.refused.notFound);
  const file = `${path.posix.dirname(summary.file)}/${photo.src.replace(/^\.\//, '')}`;
  const target = ctx.absolute(file);
  if (!existsSync(target)) throw new HttpError(404, desk.refused.notFound);
  // The photo is first set upright as the camera recorded it, then turned, so the turn is what the editor saw.
  const upright = await sharp(readFileSync(target)).rotate().toBuffer();
  writeAtomic(target, await sharp(upright).rotate(angle).toBuffer());
  await ctx.commit([file], typedEditor(form.get('editor')) || desk.commit.unnamed, desk.commit.turn(summary.name), 'photo');
  return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1#turn-title` });
}

/** A file sent to an entry, with what answering it needs. */
export interface UploadRequest {
  req: IncomingMessage;
  body: Buffer;
  session: string;
  token: string;
  res: ServerResponse;
}

/**
 * The start of an upload: its parts and the file sent, the session's token checked, the entry it is for, who sends it,
 * and `refuse`, which answers with the entry's form and the message on `problemField`.
 */
export async function openUpload(
  ctx: DeskContext,
  collection: CollectionSetup,
  id: string,
  { req, body, session, token, res }: UploadRequest,
  problemField: string,
) {
  const parts = parseMultipart(body, req.headers['content-type'] ?? '');
  if (!parts) throw new HttpError(400, desk.refused.token);
  const field = (name: string) =>
    toNfc(
      parts
        .find((p) => p.name === name && p.filename === undefined)
        ?.data.toString('utf8')
        .trim() ?? '',
    );
  if (!tokenMatches(field('csrf'), ctx.tokenOf(session))) throw new HttpError(403, desk.refused.token);
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  const current = readFileSync(ctx.absolute(summary.file), 'utf8');
  const { local, actor } = currentRequest();
  const editorName = (local ? typedEditor(field('editor')) : actor!.name) || desk.commit.unnamed;
  const state = ctx.stateFromFile(collection, id, current, editorName);
  const upload = parts.find((p) => p.name === 'file' && p.filename !== undefined && p.data.length > 0);
  const refuse = async (message: string) =>
    send(res, 200, await formPage(ctx, { ...state, problems: [{ file: summary.file, field: problemField, message }] }, token));
  return { parts, field, summary, current, editorName, state, upload, refuse };
}

export async function uploadAttachment(ctx: DeskContext, collection: CollectionSetup, id: string, request: UploadRequest) {
  const { res } = request;
  const { field, summary, current, editorName, upload, refuse: fail } = await openUpload(ctx, collection, id, request, 'attachments');
  const title = field('title');
  if (!upload) return fail(desk.attachment.needFile);
  if (!title) return fail(desk.attachment.needTitle);
  // A PDF is known by its first bytes, whatever its name says.
  if (upload.data.subarray(0, 5).toString('latin1') !== '%PDF-') return fail(desk.attachment.notPdf);
  if (upload.data.length > 15 * 1024 * 1024) return fail(desk.attachment.tooLarge);
  const base = slugify(path.basename(upload.filename ?? '', path.extname(upload.filename ?? '')) || title).slice(0, 80) || id;
  let name = `${base}.pdf`;
  for (let n = 2; existsSync(path.join(ctx.root, 'public/tai-lieu', name)); n++) name = `${base}-${n}.pdf`;
  const stored = `public/tai-lieu/${name}`;
  writeAtomic(path.join(ctx.root, stored), upload.data);
  const text = rewriteFrontmatter(current, (doc) => appendItem(doc, 'attachments', { title, file: `/tai-lieu/${name}` }));
  ctx.writeVersioned(summary.file, text);
  await ctx.commit([summary.file, stored], editorName, desk.commit.attachment(summary.name), 'attachment');
  return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1` });
}

// Long because a save is one sequence of refusals, each answered with the form as it was typed: a list action, a
// preview, a missing id or editor, another editor's save, no change, an approved entry; then the write.
export async function saveEntry(
  ctx: DeskContext,
  collection: CollectionSetup,
  id: string | undefined,
  form: URLSearchParams,
  token: string,
  res: ServerResponse,
) {
  const action = form.get('action') ?? 'save';
  const editor = typedEditor(form.get('editor'));
  const posted = readPosted(collection.specs, form);
  const body = form.get('body') ?? '';
  const values = posted as Values;
  const summary = id === undefined ? undefined : await ctx.findEntry(collection, id);
  if (id !== undefined && !summary) throw new HttpError(404, desk.refused.notFound);
  const current = summary ? readFileSync(ctx.absolute(summary.file), 'utf8') : undefined;
  const split = current === undefined ? undefined : splitEntry(current);
  const facts = current === undefined ? { publication: { status: 'ban-nhap' } } : workflowFacts(split ? parseFrontmatter(split.frontmatter).toJS() : {});
  const baseState: FormState = {
    collection,
    id,
    values,
    body: body.replace(/\r\n?/g, '\n'),
    hash: form.get('hash') ?? '',
    editor,
    photos: photosOf(values),
    ...facts,
  };

  if (applyListAction(collection.specs, values, action)) return send(res, 200, await formPage(ctx, baseState, token));
  if (action === 'preview') {
    const preview = await storyPreview(baseState);
    if (form.get('fragment') === '1') return send(res, 200, preview.text);
    return send(res, 200, await formPage(ctx, { ...baseState, preview }, token));
  }

  let file: string;
  let entryId = id;
  if (summary) file = summary.file;
  else {
    const name = String(posted[collection.idKey] ?? '').trim();
    entryId = slugify(name);
    if (!name || !/[a-z]/.test(entryId))
      return send(res, 200, await formPage(ctx, { ...baseState, problems: [{ file: '', field: collection.idKey, message: desk.form.noId }] }, token));
    file = `content/${collection.folder}/${entryId}.mdx`;
    if (existsSync(ctx.absolute(file)) || (await ctx.findEntry(collection, entryId))) {
      return send(res, 200, await formPage(ctx, { ...baseState, problems: [{ file, field: collection.idKey, message: desk.form.exists(entryId) }] }, token));
    }
  }
  if (!editor) return send(res, 200, await formPage(ctx, { ...baseState, problems: [{ file, field: 'editor', message: desk.form.editorMissing }] }, token));

  const base = current === undefined ? NEW_ENTRY : contentHash(current) === baseState.hash ? current : ctx.bases.get(baseState.hash);
  let mine = editEntry(base ?? current!, collection.specs, posted, body);
  if (current !== undefined && contentHash(current) !== baseState.hash)
    return send(res, 409, conflictPage(ctx, collection, entryId!, current, mine, editor, token));
  if (mine === current) {
    const problems = await checkEntry(ctx.index, collection.key, file, mine);
    return send(
      res,
      200,
      await formPage(ctx, { ...ctx.stateFromFile(collection, entryId!, mine, editor), problems, message: html`${desk.form.unchanged}` }, token),
    );
  }

  let problems = await checkEntry(ctx.index, collection.key, file, mine);
  let notice: Html | undefined;
  // An approved entry whose text changes needs approving again, unless the person may approve their own edit;
  // with a problem it is not saved at all, unless the editor asks for it to become a draft.
  if (facts.publication.status === 'da-duyet') {
    if (problems.length > 0 && action !== 'save-draft')
      return send(res, 200, await formPage(ctx, { ...baseState, problems, message: html`${desk.form.approvedNeedsClean}` }, token));
    if (problems.length > 0 || !(hasRole('lanh-dao') && ctx.selfApprovalAllowed())) {
      const status = problems.length === 0 ? 'cho-duyet' : 'ban-nhap';
      mine = rewriteFrontmatter(mine, (doc) => doc.setIn(['publication', 'status'], status));
      problems = await checkEntry(ctx.index, collection.key, file, mine);
      notice = html`${status === 'cho-duyet' ? desk.workflow.backToReview : desk.workflow.backToDraft}`;
    }
  }
  ctx.writeVersioned(file, mine);
  const name = String(posted[collection.nameKey] ?? entryId);
  await ctx.commit(
    [file],
    editor,
    current === undefined ? desk.commit.create(collection.what, name) : desk.commit.edit(collection.what, name),
    current === undefined ? 'create' : 'edit',
  );
  if (problems.length === 0 && !notice) return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${entryId}?luu=1` });
  const state = ctx.stateFromFile(collection, entryId!, mine, editor);
  const message = problems.length
    ? html`${notice ?? ''} ${desk.form.savedWithProblems(problems.length)}`
    : html`${desk.form.savedAt(timeNow())} ${notice ?? ''}`;
  return send(res, 200, await formPage(ctx, { ...state, problems, message }, token));
}

export function situationOf(ctx: DeskContext, state: FormState, file: string): Situation {
  return {
    status: String(state.publication.status ?? ''),
    consentGiven: state.collection.key === 'exemplars' && Boolean(state.consent?.date) && !state.consent?.withdrawn,
    lastEditor: lastEditorOf(ctx.history.versions(file)),
    selfApproval: ctx.selfApprovalAllowed(),
  };
}

// Long because it is one panel's markup, read top to bottom as the editor sees it.
export async function workflowPanel(ctx: DeskContext, state: FormState, token: string): Promise<Html> {
  const { collection } = state;
  const summary = await ctx.findEntry(collection, state.id!);
  const { actor } = currentRequest();
  if (!summary || !actor) return html``;
  const situation = situationOf(ctx, state, summary.file);
  const publication = state.publication;
  const review = publication.review as { by?: string; date?: string; comment?: string } | undefined;
  const withdrawal = publication.withdrawal as { date?: string } | undefined;
  const status = situation.status;
  const step = state.step;
  const typed = (name: string) => (step ? (step.form.get(name) ?? '') : '');
  const errorsOf = (field: string) => (step?.problems ?? []).filter((p) => p.field === field).map((p) => p.message);
  const input = (action: string, name: string, label: string, { area = false, hint = '' } = {}) => {
    const id = `w-${action}-${name.replace(/\W/g, '-')}`;
    const errors = step?.action === action ? errorsOf(name) : [];
    const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field${errors.length ? ' field-error' : ''}">
      <label for="${id}">${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
      ${errors.length ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${desk.form.errorPrefix} </span>${errors.join(' ')}</p>` : ''}
      ${
        area
          ? html`<textarea id="${id}" name="${name}" rows="3" ${described ? html`aria-describedby="${described}"` : ''}>${NL}${step?.action === action ? typed(name) : ''}</textarea>`
          : html`<input type="text" id="${id}" name="${name}" value="${step?.action === action ? typed(name) : ''}" ${described ? html`aria-describedby="${described}"` : ''} />`
      }
    </div>`;
  };
  const w = desk.workflow;
  const fieldsFor = (action: WorkflowAction): Html => {
    switch (action) {
      case 'return':
        return input(action, 'comment', w.comment, { area: true });
      case 'withdraw':
        return input(action, 'comment', w.reason, { area: true });
      case 'withdraw-consent':
        return html`${input(action, 'comment', w.reason, { area: true })}${input(action, 'date', w.withdrawnDate)}`;
      case 'approve': {
        const needsConsent = collection.key === 'exemplars' && state.kind === 'ca-nhan' && !state.consent?.date;
        const needsGuardian = collection.key === 'exemplars' && state.minor && !(state.consent?.guardian as Record<string, unknown> | undefined)?.date;
        return html`${input(action, 'approval.number', w.approvalNumber)}${input(action, 'approval.title', w.approvalTitle)}${input(
          action,
          'approval.issuer',
          w.approvalIssuer,
        )}${input(action, 'approval.date', w.approvalDate)}${needsConsent ? html`${input(action, 'consent.date', w.consentDate)}${input(action, 'consent.scope', w.consentScope)}` : ''}${
          needsGuardian ? html`${input(action, 'consent.guardian.relation', w.guardianRelation)}${input(action, 'consent.guardian.date', w.guardianDate)}` : ''
        }`;
      }
      default:
        return html``;
    }
  };
  const forms = actionsFor(situation).map((action) => {
    const why = refusal(situation, actor, action);
    // Buttons of another role are not shown; a refusal the person can act on (approving one's own edit) is explained.
    if (why && !roleAllows(action, actor)) return html``;
    if (why) return html`<p class="hint"><strong>${w.actions[action]}:</strong> ${why}</p>`;
    const fields = fieldsFor(action);
    const form = html`<form method="post" action="/${collection.route}/${state.id}/trang-thai" novalidate class="workflow-step">
      <input type="hidden" name="csrf" value="${token}" />
      <input type="hidden" name="hash" value="${state.hash}" />
      <p class="hint">${w.hints[action]}</p>
      ${fields}${editorField(state.editor, `w-${action}`, step?.action === action ? errorsOf('editor') : [])}
      <button type="submit" name="action" value="${action}"${action === 'withdraw' || action === 'withdraw-consent' ? html` class="danger"` : ''}>${w.actions[action]}</button>
    </form>`;
    return fields.text ? html`<details ${step?.action === action ? html`open` : ''}><summary>${w.actions[action]}</summary>${form}</details>` : form;
  });
  return html`<section class="workflow" aria-labelledby="wf-title">
    <h2 id="wf-title">${w.title}</h2>
    <p class="status"><span class="badge badge-${status || 'none'}">${desk.statuses[status] ?? status}</span></p>
    ${status === 'da-duyet' && publication.approvedBy ? html`<p>${w.approvedBy(String(publication.approvedBy), shortDate(publication.approvedOn))}</p>` : ''}
    ${review && (status === 'tra-lai' || status === 'ban-nhap') ? html`<div class="review"><p>${w.returned(String(review.by ?? ''), shortDate(review.date))}</p><blockquote>${String(review.comment ?? '')}</blockquote></div>` : ''}
    ${status === 'da-rut' && withdrawal?.date ? html`<p>${w.withdrawn(shortDate(withdrawal.date))}</p>` : ''}
    ${forms}
  </section>`;
}

export async function changeState(ctx: DeskContext, collection: CollectionSetup, id: string, form: URLSearchParams, token: string, res: ServerResponse) {
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  const action = form.get('action') as WorkflowAction;
  if (!WORKFLOW_ACTIONS.includes(action)) throw new HttpError(404, desk.refused.notFound);
  const { actor, local } = currentRequest();
  const editor = local ? typedEditor(form.get('editor')) : actor!.name;
  const person: Actor = { ...actor!, name: editor || desk.commit.unnamed };
  const current = readFileSync(ctx.absolute(summary.file), 'utf8');
  const state = ctx.stateFromFile(collection, id, current, editor);
  if (contentHash(current) !== form.get('hash')) return send(res, 409, await formPage(ctx, { ...state, message: html`${desk.workflow.changed}` }, token));
  const situation = situationOf(ctx, state, summary.file);
  const why = refusal(situation, person, action);
  if (why) return send(res, 403, await formPage(ctx, { ...state, message: html`${why}` }, token));
  const { input, problems } = stepInput(form, summary.file);
  problems.push(...missingInput(action, input).map((m) => ({ file: summary.file, ...m })));
  if (local && !editor) problems.push({ file: summary.file, field: 'editor', message: desk.form.editorMissing });
  const refused = async (message: string, list: Problem[]) =>
    send(res, 200, await formPage(ctx, { ...state, message: html`${message}`, step: { action, form, problems: list }, problems: list }, token));
  if (problems.length) return refused(action === 'approve' ? desk.workflow.cannotApprove : '', problems);
  const text = applyAction(current, action, input, person, todayInVietnam());
  if (action === 'submit' || action === 'approve') {
    const found = await checkEntry(ctx.index, collection.key, summary.file, text);
    if (found.length) return refused(action === 'approve' ? desk.workflow.cannotApprove : desk.workflow.cannotYet, found);
  }
  ctx.writeVersioned(summary.file, text);
  await ctx.commit([summary.file], person.name, actionMessage(action, collection.what, summary.name, input.comment), action);
  return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?buoc=${action}` });
}

export function conflictPage(ctx: DeskContext, collection: CollectionSetup, id: string, theirs: string, mine: string, editor: string, token: string): string {
  const main = html`<h1>${desk.conflict.title}</h1>
    <div class="error-summary" role="alert"><p>${desk.conflict.explain}</p></div>
    ${diffView(theirs, mine)}
    <form method="post" action="/${collection.route}/${id}/gop" novalidate>
      <input type="hidden" name="csrf" value="${token}" />
      <input type="hidden" name="hash" value="${ctx.remember(theirs)}" />
      ${editorField(editor, 'm')}
      <div class="field">
        <label for="m-text">${desk.conflict.merged}</label>
        <p class="hint" id="m-text-hint">${desk.conflict.mergedHint}</p>
        <textarea id="m-text" name="text" rows="30" class="story-text" aria-describedby="m-text-hint">${NL}${mine}</textarea>
      </div>
      <details>
        <summary>${desk.conflict.theirs}</summary>
        <pre class="diff">${theirs}</pre>
      </details>
      <button type="submit">${desk.conflict.save}</button>
    </form>`;
  return layout(desk.conflict.title, main, { current: collection.key, token });
}

export async function saveMerged(ctx: DeskContext, collection: CollectionSetup, id: string, form: URLSearchParams, token: string, res: ServerResponse) {
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  const current = readFileSync(ctx.absolute(summary.file), 'utf8');
  const text = (form.get('text') ?? '').replace(/\r\n?/g, '\n');
  const editor = typedEditor(form.get('editor')) || desk.commit.unnamed;
  if (contentHash(current) !== form.get('hash')) return send(res, 409, conflictPage(ctx, collection, id, current, text, editor, token));
  const problems = await checkEntry(ctx.index, collection.key, summary.file, text);
  ctx.writeVersioned(summary.file, text);
  await ctx.commit([summary.file], editor, desk.commit.edit(collection.what, summary.name));
  const state = ctx.stateFromFile(collection, id, text, editor);
  return send(res, 200, await formPage(ctx, { ...state, problems, message: html`${desk.form.savedAt(timeNow())}` }, token));
}

export async function uploadPhoto(ctx: DeskContext, collection: CollectionSetup, id: string, request: UploadRequest) {
  const { res } = request;
  const { field, summary, current, editorName, upload, refuse: fail } = await openUpload(ctx, collection, id, request, 'photos');
  if (!upload) return fail(desk.photo.needFile);
  const alt = field('alt');
  const credit = field('credit');
  if (!alt) return fail(desk.photo.needAlt);
  if (!credit) return fail(desk.photo.needCredit);
  const extension = photoExtension(upload.data);
  const shownName = toNfc(path.basename(upload.filename ?? 'anh')).slice(0, 120);
  if (extension === '.heic') return fail(`Ảnh "${shownName}" là định dạng HEIC của điện thoại: chuyển sang JPEG rồi tải lên lại.`);
  if (!extension) return fail(desk.photo.notPhoto);
  const temporary = path.join(tmpdir(), `desk-photo-${randomBytes(8).toString('hex')}${extension}`);
  writeFileSync(temporary, upload.data);
  try {
    const problem = await photoProblem(temporary, shownName);
    if (problem) return fail(problem);
    let n = 1;
    const name = () => `anh/${id}${n > 1 ? `-${n}` : ''}${extension}`;
    while (existsSync(ctx.absolute(`${path.posix.dirname(summary.file)}/${name()}`))) n++;
    const photoFile = `${path.posix.dirname(summary.file)}/${name()}`;
    // The entry must be able to take the photo before the photo is written: nothing is left behind otherwise.
    const split = splitEntry(current);
    if (!split || !isMap(parseFrontmatter(split.frontmatter).contents)) return fail(desk.photo.saveFirst);
    writeAtomic(ctx.absolute(photoFile), upload.data);
    const text = rewriteFrontmatter(current, (doc) =>
      appendItem(doc, 'photos', { src: `./${name()}`, alt, credit, ...(field('caption') ? { caption: field('caption') } : {}) }),
    );
    ctx.writeVersioned(summary.file, text);
    await ctx.commit([summary.file, photoFile], editorName, desk.commit.photo(summary.name), 'photo');
    return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1` });
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function photoFile(ctx: DeskContext, pathname: string, res: ServerResponse) {
  const relative = decodeSafely(pathname.slice('/_anh/'.length));
  const extension = path.extname(relative).toLowerCase();
  const type = IMAGE_TYPES[extension];
  if (!type) throw new HttpError(404, desk.refused.notFound);
  const file = contentFile(ctx.root, relative);
  if (!existsSync(file)) throw new HttpError(404, desk.refused.notFound);
  return send(res, 200, readFileSync(file), type);
}

export async function outputPage(
  ctx: DeskContext,
  collection: CollectionSetup,
  id: string,
  which: 'phat-thanh' | 'xem-trang' | 'ap-phich',
  token: string,
): Promise<string> {
  const summary = await ctx.findEntry(collection, id);
  if (!summary) throw new HttpError(404, desk.refused.notFound);
  const text = readFileSync(ctx.absolute(summary.file), 'utf8');
  const back = `/${collection.route}/${id}`;
  const failed = (problems: Problem[], title: string) =>
    layout(
      title,
      html`<h1>${title}</h1><div class="error-summary" role="alert"><p>${desk.outputs.needsClean}</p><ul>${problems.map((p) => html`<li>${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}</li>`)}</ul></div><p><a href="${back}">${desk.outputs.back}</a></p>`,
      { current: collection.key, token },
    );
  if (which === 'phat-thanh') {
    const title = desk.outputs.radioTitle(summary.name);
    const radio = await radioOf(ctx.index, summary.file, text);
    if (!radio.ok) return failed(radio.problems, title);
    return layout(
      title,
      html`<h1>${title}</h1><p><a href="${back}">${desk.outputs.back}</a></p><p>${desk.outputs.duration(radio.value.duration)}</p>
<div class="radio-script">${radio.value.script.paragraphs.map((p) => (p.kind === 'heading' ? html`<h2>${p.text}</h2>` : html`<p>${p.text}</p>`))}</div>`,
      { current: collection.key, token },
    );
  }
  const photoUrl = (src: string) => deskPhotoUrl(collection, src);
  if (which === 'ap-phich') {
    const site = (await ctx.index.reference()).settings?.url ?? 'https://example.invalid/';
    const poster = await posterOf(ctx.index, summary.file, text, photoUrl, new URL(`dien-hinh/${id}/`, site.endsWith('/') ? site : `${site}/`).href);
    if (!poster.ok) return failed(poster.problems, desk.outputs.poster);
    return sitePreview(summary.name, poster.value, back, { print: true });
  }
  const page = await pageOf(ctx.index, summary.file, text, photoUrl);
  if (!page.ok) return failed(page.problems, desk.outputs.page);
  return sitePreview(summary.name, page.value, back);
}
