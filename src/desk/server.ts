/**
 * The editors' desk: a small web server of the project's own on 127.0.0.1, in which editors write and check
 * exemplars and campaigns through forms made from the schemas, with the content check's rules on every save, a
 * version for every save and nothing lost when two people edit the same entry. See docs/desk.md.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { writeAtomic } from './files.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issuesToProblems } from '../lib/content/issues.ts';
import { personalDataInFields } from '../lib/content/story-check.ts';
import { publicContactsOf } from '../lib/content/personal-data.ts';
import { checkReferences } from '../lib/content/references.ts';
import { photoProblem } from '../lib/content/photos.ts';
import { foldVietnamese, slugify, toNfc } from '../lib/text.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { ui } from '../i18n/vi.ts';
import { desk } from '../i18n/desk.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, type Html } from './html.ts';
import { layout, sitePreview } from './pages.ts';
import { pageOf, posterOf, radioOf } from './outputs.ts';
import { allowedHosts, crossSite, hostAllowed, tokenMatches } from './guard.ts';
import { contentFile, isEntryId, PathRefused } from './paths.ts';
import { ContentIndex, type Summary } from './content-index.ts';
import { guideHelp } from './schema-form.ts';
import { appendItem, applyEdits, editEntry, parseFrontmatter, readPosted, rewriteFrontmatter, splitEntry, stringifyLike } from './edit.ts';
import { applyListAction, renderFields, valuesOf, type Choice, type FormContext, type Values } from './form.ts';
import { checkEntry } from './check-entry.ts';
import { openHistory, type History } from './history.ts';
import { parseMultipart, photoExtension } from './multipart.ts';
import { isMap } from 'yaml';
import sharp from 'sharp';
import { Accounts, ROLES, type Role } from './accounts.ts';
import { Sessions, LoginLimiter, type SessionTimes, type LoginLimits } from './sessions.ts';
import { deskSettingsSchema, deskStateDir, readDeskSettings, writeDeskSettings, type DeskSettings } from './desk-settings.ts';
import { requests, currentRequest, editorField, hasRole, type RequestContext } from './request.ts';
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
import { Publisher, publishPage, publishStatus } from './publish.ts';
import { radioBulletin, radioBulletinPage, type RadioQuery } from './radio.ts';
import { lastSync, mergedTexts, resolveConflict, sharedRepoPage, syncShared } from './shared-repo.ts';
import { deskPublish } from '../i18n/desk-publish.ts';
import { PlaceFinder } from '../lib/places/find.ts';
import { identifyByCode } from '../lib/places/merge.ts';
import { registerPlaces } from '../lib/places/register.ts';

import { COLLECTIONS, NL, RECORDS, type CollectionSetup, type RecordSetup } from './collection-setup.ts';
import { HttpError, readBody, safeNext, send, sessionCookie } from './http.ts';
import {
  attachmentForm,
  newState,
  newTemplate,
  photoForm,
  photosOf,
  placeProblems,
  storyPreview,
  targetOf,
  turnForms,
  workflowFacts,
  type FormState,
} from './entry-form.ts';
import { diffView, shortDate, stepInput } from './workflow-view.ts';
import { accountsPage, deskSettingsPage, loginPage } from './account-pages.ts';
import { listPage } from './list-page.ts';

const PUBLIC = path.join(import.meta.dirname, 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/_desk/desk.css': { file: path.join(PUBLIC, 'desk.css'), type: 'text/css; charset=utf-8' },
  '/_desk/desk.js': { file: path.join(PUBLIC, 'desk.js'), type: 'text/javascript; charset=utf-8' },
  '/_desk/publish.js': { file: path.join(PUBLIC, 'publish.js'), type: 'text/javascript; charset=utf-8' },
  '/_desk/site.css': { file: path.join(import.meta.dirname, '../styles/global.css'), type: 'text/css; charset=utf-8' },
  '/_desk/print-sheet.css': { file: path.join(import.meta.dirname, '../styles/print-sheet.css'), type: 'text/css; charset=utf-8' },
};
const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif' };

export interface DeskOptions {
  root: string;
  port?: number;
  /** Listen on the office network too (the desk then needs accounts); the settings' `lan` when not given. */
  lan?: boolean;
  /** Where the accounts and the desk's settings are kept; `<root>/.desk` by default. */
  stateDir?: string;
  /** How long a login lasts (tests shorten it). */
  sessionTimes?: SessionTimes;
  loginLimits?: LoginLimits;
  /** Where a publish puts the site and how it builds it (tests build a copy of the project). */
  publishOptions?: { output?: string; buildCommand?: (outDir: string) => [string, ...string[]] };
  /** Environment of git (tests pass a PATH without git). */
  env?: NodeJS.ProcessEnv;
}

export interface Desk {
  server: Server;
  url: string;
  port: number;
  /** The desk answers other computers of the office, not only this one. */
  lan: boolean;
  history: History;
  close(): Promise<void>;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A percent-encoded value, or '' if it is malformed (which no page of the desk sends). */
function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

const timeNow = () => new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

/** Why the desk cannot start, in Vietnamese, for the command to print. */
export class DeskStartError extends Error {}

export async function startDesk({
  root,
  port = 4322,
  env = process.env,
  lan: lanOption,
  stateDir: stateOption,
  sessionTimes,
  loginLimits,
  publishOptions = {},
}: DeskOptions): Promise<Desk> {
  const stateDir = stateOption ?? deskStateDir(root);
  const accounts = new Accounts(stateDir);
  const deskSettings = (): DeskSettings => readDeskSettings(stateDir);
  const lan = lanOption ?? deskSettings().lan;
  if (lan && !accounts.any())
    throw new DeskStartError(
      'Bàn biên tập chưa có tài khoản nào nên không mở cho máy khác trong cơ quan. Tạo ít nhất một tài khoản trước:\n  npm run desk:account -- them --ten <tên đăng nhập> --ho-ten "<họ tên>" --vai-tro bien-tap-vien,lanh-dao,quan-tri\nrồi chạy lại: npm run desk -- --lan',
    );
  const sessions = new Sessions(sessionTimes);
  const publisher = new Publisher({ root, stateDir, env, target: deskSettings().publishTarget, ...publishOptions });
  const limiter = new LoginLimiter(loginLimits);
  const index = new ContentIndex(root);
  const history = openHistory(root, env);
  const help = guideHelp(root);
  const secret = randomBytes(32);
  /** Texts forms were opened on, by hash: what a conflicting save is compared with. */
  const bases = new Map<string, string>();
  const remember = (text: string) => {
    const hash = sha(text);
    bases.delete(hash);
    bases.set(hash, text);
    if (bases.size > 500) bases.delete(bases.keys().next().value!);
    return hash;
  };
  let hosts = allowedHosts(port);

  const tokenOf = (session: string) => createHmac('sha256', secret).update(session).digest('base64url');

  /** The places of the register and content/places/, with a finder by name and the label a form shows for each. */
  let placeTools: { places: unknown; finder: PlaceFinder; label: (id: string) => string } | undefined;
  async function placeIndex() {
    const ref = await index.reference();
    if (placeTools?.places !== ref.places) {
      const placeById = new Map(ref.places.map((p) => [p.id, p.data]));
      const label = (id: string) => {
        const place = placeById.get(id);
        if (!place) return id;
        const parent = place.parent ? placeById.get(place.parent) : undefined;
        const until = place.validTo ? ` — đến ${place.validTo.split('-').reverse().join('/')}` : '';
        return `${ui.placeTypes[place.type]} ${place.name}${parent ? `, ${ui.placeTypes[parent.type]} ${parent.name}` : ''}${until}`;
      };
      placeTools = { places: ref.places, finder: new PlaceFinder(placeById.values()), label };
    }
    return placeTools;
  }

  /** Units of the whole register found by name, for a place list that does not yet hold the one an editor needs. */
  async function findPlaces(query: string): Promise<Choice[]> {
    const { finder, label } = await placeIndex();
    if (foldVietnamese(query).replace(/[^a-z0-9]/g, '').length < 2) return [];
    return finder
      .find(query)
      .slice(0, 30)
      .map((p) => ({ value: p.id, label: label(p.id), search: foldVietnamese(`${label(p.id)} ${p.id}`) }));
  }

  async function choicesFor(collection: CollectionSetup) {
    const ref = await index.reference();
    const placeById = new Map(ref.places.map((p) => [p.id, p.data]));
    const placeLabel = (await placeIndex()).label;
    // The register holds every unit of the country: a form offers those the content already uses, with the units above
    // them and those that took them over, and the local ones. Another unit is found by name with npm run place.
    const offered = new Set([...ref.localPlaceIds, ...ref.campaigns.map((c) => c.data.place), ...(await index.list('exemplars')).map((s) => s.place)]);
    for (const id of [...offered]) {
      for (let place = placeById.get(id); place; place = place.parent ? placeById.get(place.parent) : undefined) {
        offered.add(place.id);
        for (const successor of place.successors) offered.add(successor.place);
      }
    }
    const places: Choice[] = ref.places
      .filter((p) => offered.has(p.id))
      .map((p) => ({ value: p.id, label: placeLabel(p.id), search: foldVietnamese(`${placeLabel(p.id)} ${p.id}`) }));
    const campaigns: Choice[] = ref.campaigns.map((c) => ({ value: c.id, label: c.data.shortTitle }));
    const awards: Choice[] = ref.awards.map((a) => ({ value: a.id, label: a.data.name }));
    const labelled = (labels: Record<string, string>) =>
      Object.entries(labels)
        .filter(([v]) => v !== '')
        .map(([value, label]) => ({ value, label }));
    return (name: string): Choice[] | undefined => {
      const last = name.split('.').at(-1)!.replace('[]', '');
      if (last === 'place') return places;
      if (name === 'campaigns' || (collection.key === 'campaigns' && name === 'parent')) return campaigns;
      if (name === 'parent') return places;
      if (name === 'type') return labelled(ui.placeTypes);
      if (name === 'family') return labelled(ui.awardFamilies);
      if (name === 'successors[].kind') return labelled(ui.successionKinds);
      if (last === 'award') return awards;
      if (name === 'fields') return labelled(ui.fields);
      if (name === 'kind') return labelled(collection.key === 'exemplars' ? ui.kinds : ui.campaignKinds);
      if (name === 'storyType') return labelled(ui.storyTypes);
      if (last === 'level') return labelled(ui.levels);
      if (name === 'publication.status') return labelled(desk.statuses);
      return undefined;
    };
  }

  async function findEntry(collection: CollectionSetup, id: string): Promise<Summary | undefined> {
    if (!isEntryId(id)) return undefined;
    return (await index.list(collection.key)).find((s) => s.id === id);
  }

  const absolute = (file: string) => contentFile(root, file.replace(/^content\//, ''));

  // ——— pages ———

  async function formPage(state: FormState, token: string): Promise<string> {
    const { collection } = state;
    const choices = await choicesFor(collection);
    const perMinute = (await index.reference()).settings?.radio.syllablesPerMinute ?? 220;
    const ids = new Map<string, string>();
    // The first pass finds the input of every field; the second puts each problem beside its field.
    const probe: FormContext = { help: help.get(collection.guide) ?? new Map(), choices, errors: new Map(), ids };
    renderFields(collection.specs, state.values, probe);
    const problems = state.problems ?? [];
    const errors = placeProblems(problems);
    const context: FormContext = { ...probe, errors, ids: new Map() };
    const fields = renderFields(collection.specs, state.values, context);
    const general = problems.filter((p) => !targetOf(p.field, ids));
    const bodyErrors = errors.get('nội dung bài');
    const isNew = state.id === undefined;
    const action = isNew ? `/${collection.route}/moi` : `/${collection.route}/${state.id}`;
    const title = isNew ? desk.list.newOf[collection.key] : String((state.values[collection.nameKey] as string) || state.id);
    const summary = problems.length
      ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <h2>${desk.form.errorsTitle(problems.length)}</h2>
          <ul>
            ${problems.map((p) => {
              const target = targetOf(p.field, ids);
              return html`<li>
                ${target ? html`<a href="#${target}">${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}</a>` : html`${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}`}
              </li>`;
            })}
          </ul>
        </div>`
      : '';
    const main = html`<h1>${title}</h1>
      ${state.message ? html`<div class="notice" role="status">${state.message}</div>` : ''} ${summary}
      ${isNew ? html`<p class="status"><span class="badge badge-ban-nhap">${desk.statuses['ban-nhap']}</span></p>` : await workflowPanel(state, token)}
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

  async function turnPhoto(collection: CollectionSetup, id: string, form: URLSearchParams, res: ServerResponse) {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const text = readFileSync(absolute(summary.file), 'utf8');
    const photos = stateFromFile(collection, id, text, '').photos;
    const n = Number(form.get('photo'));
    const photo = Number.isInteger(n) ? photos[n - 1] : undefined;
    const angle = form.get('huong') === 'trai' ? -90 : form.get('huong') === 'phai' ? 90 : 0;
    if (!photo?.src || angle === 0) throw new HttpError(404, desk.refused.notFound);
    const file = `${path.posix.dirname(summary.file)}/${photo.src.replace(/^\.\//, '')}`;
    const target = absolute(file);
    if (!existsSync(target)) throw new HttpError(404, desk.refused.notFound);
    // The photo is first set upright as the camera recorded it, then turned, so the turn is what the editor saw.
    const upright = await sharp(readFileSync(target)).rotate().toBuffer();
    writeAtomic(target, await sharp(upright).rotate(angle).toBuffer());
    await commit([file], toNfc((form.get('editor') ?? '').trim()) || 'Biên tập viên', desk.commit.turn(summary.name), 'photo');
    return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1#turn-title` });
  }

  /** The start of an upload: its parts, the session's token checked, the entry it is for and who sends it. */
  async function openUpload(collection: CollectionSetup, id: string, req: IncomingMessage, body: Buffer, session: string) {
    const parts = parseMultipart(body, req.headers['content-type'] ?? '');
    if (!parts) throw new HttpError(400, desk.refused.token);
    const field = (name: string) =>
      toNfc(
        parts
          .find((p) => p.name === name && p.filename === undefined)
          ?.data.toString('utf8')
          .trim() ?? '',
      );
    if (!tokenMatches(field('csrf'), tokenOf(session))) throw new HttpError(403, desk.refused.token);
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const current = readFileSync(absolute(summary.file), 'utf8');
    const { local, actor } = currentRequest();
    const editorName = (local ? field('editor') : actor!.name) || 'Biên tập viên';
    return { parts, field, summary, current, editorName, state: stateFromFile(collection, id, current, editorName) };
  }

  async function uploadAttachment(
    collection: CollectionSetup,
    id: string,
    req: IncomingMessage,
    body: Buffer,
    session: string,
    token: string,
    res: ServerResponse,
  ) {
    const { parts, field, summary, current, editorName, state } = await openUpload(collection, id, req, body, session);
    const fail = async (message: string) =>
      send(res, 200, await formPage({ ...state, problems: [{ file: summary.file, field: 'attachments', message }] }, token));
    const upload = parts.find((p) => p.name === 'file' && p.filename !== undefined && p.data.length > 0);
    const title = field('title');
    if (!upload) return fail(desk.attachment.needFile);
    if (!title) return fail(desk.attachment.needTitle);
    // A PDF is known by its first bytes, whatever its name says.
    if (upload.data.subarray(0, 5).toString('latin1') !== '%PDF-') return fail(desk.attachment.notPdf);
    if (upload.data.length > 15 * 1024 * 1024) return fail(desk.attachment.tooLarge);
    const base = slugify(path.basename(upload.filename ?? '', path.extname(upload.filename ?? '')) || title).slice(0, 80) || id;
    let name = `${base}.pdf`;
    for (let n = 2; existsSync(path.join(root, 'public/tai-lieu', name)); n++) name = `${base}-${n}.pdf`;
    const stored = `public/tai-lieu/${name}`;
    writeAtomic(path.join(root, stored), upload.data);
    const text = rewriteFrontmatter(current, (doc) => appendItem(doc, 'attachments', { title, file: `/tai-lieu/${name}` }));
    writeVersioned(summary.file, text);
    await commit([summary.file, stored], editorName, desk.commit.attachment(summary.name), 'attachment');
    return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1` });
  }

  function stateFromFile(collection: CollectionSetup, id: string, text: string, editor: string): FormState {
    const split = splitEntry(text);
    const data = split ? (parseFrontmatter(split.frontmatter).toJS() as Record<string, unknown>) : {};
    const values = valuesOf(collection.specs, data ?? {});
    return {
      collection,
      id,
      values,
      body: split?.body ?? text,
      hash: remember(text),
      editor,
      photos: photosOf(values),
      ...workflowFacts(data),
    };
  }

  /**
   * Writes a file of content/, first keeping the text it had as a version if the history has none of it yet (a file
   * made before the desk was used, or copied in): the first save on the desk can then be undone like any other.
   */
  function writeVersioned(file: string, text: string) {
    const target = absolute(file);
    if (existsSync(target) && history.versions(file).length === 0) {
      try {
        history.record([file], desk.commit.keeper, desk.commit.original, { action: 'import' });
      } catch (error) {
        console.error(`Không ghi được bản có sẵn vào lịch sử: ${(error as Error).message}`);
      }
    }
    writeAtomic(target, text);
  }

  async function commit(files: string[], editor: string, message: string, action = 'edit') {
    const { actor, local } = currentRequest();
    try {
      history.record(files, local ? editor : actor!.name, message, { action, user: local ? undefined : actor?.username });
    } catch (error) {
      console.error(`Không ghi được phiên bản vào lịch sử: ${(error as Error).message}`);
    }
    index.touched();
  }

  async function saveEntry(collection: CollectionSetup, id: string | undefined, form: URLSearchParams, token: string, res: ServerResponse) {
    const action = form.get('action') ?? 'save';
    const editor = toNfc((form.get('editor') ?? '').trim()).slice(0, 80);
    const posted = readPosted(collection.specs, form);
    const body = form.get('body') ?? '';
    const values = posted as Values;
    const summary = id === undefined ? undefined : await findEntry(collection, id);
    if (id !== undefined && !summary) throw new HttpError(404, desk.refused.notFound);
    const current = summary ? readFileSync(absolute(summary.file), 'utf8') : undefined;
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

    if (applyListAction(collection.specs, values, action)) return send(res, 200, await formPage(baseState, token));
    if (action === 'preview') {
      const preview = await storyPreview(baseState);
      if (form.get('fragment') === '1') return send(res, 200, preview.text);
      return send(res, 200, await formPage({ ...baseState, preview }, token));
    }

    let file: string;
    let entryId = id;
    if (summary) file = summary.file;
    else {
      const name = String(posted[collection.idKey] ?? '').trim();
      entryId = slugify(name);
      if (!name || !/[a-z]/.test(entryId))
        return send(res, 200, await formPage({ ...baseState, problems: [{ file: '', field: collection.idKey, message: desk.form.noId }] }, token));
      file = `content/${collection.folder}/${entryId}.mdx`;
      if (existsSync(absolute(file)) || (await findEntry(collection, entryId))) {
        return send(res, 200, await formPage({ ...baseState, problems: [{ file, field: collection.idKey, message: desk.form.exists(entryId) }] }, token));
      }
    }
    if (!editor) return send(res, 200, await formPage({ ...baseState, problems: [{ file, field: 'editor', message: desk.form.editorMissing }] }, token));

    const base = current === undefined ? newTemplate(collection) : sha(current) === baseState.hash ? current : bases.get(baseState.hash);
    let mine = editEntry(base ?? current!, collection.specs, posted, body);
    if (current !== undefined && sha(current) !== baseState.hash) return send(res, 409, conflictPage(collection, entryId!, current, mine, editor, token));
    if (mine === current) {
      const problems = await checkEntry(index, collection.key, file, mine);
      return send(res, 200, await formPage({ ...stateFromFile(collection, entryId!, mine, editor), problems, message: html`${desk.form.unchanged}` }, token));
    }

    let problems = await checkEntry(index, collection.key, file, mine);
    let notice: Html | undefined;
    // An approved entry whose text changes needs approving again, unless the person may approve their own edit;
    // with a problem it is not saved at all, unless the editor asks for it to become a draft.
    if (facts.publication.status === 'da-duyet') {
      if (problems.length > 0 && action !== 'save-draft')
        return send(res, 200, await formPage({ ...baseState, problems, message: html`${desk.form.approvedNeedsClean}` }, token));
      if (problems.length > 0 || !(hasRole('lanh-dao') && selfApprovalAllowed())) {
        const status = problems.length === 0 ? 'cho-duyet' : 'ban-nhap';
        mine = rewriteFrontmatter(mine, (doc) => doc.setIn(['publication', 'status'], status));
        problems = await checkEntry(index, collection.key, file, mine);
        notice = html`${status === 'cho-duyet' ? desk.workflow.backToReview : desk.workflow.backToDraft}`;
      }
    }
    writeVersioned(file, mine);
    const name = String(posted[collection.nameKey] ?? entryId);
    await commit(
      [file],
      editor,
      current === undefined ? desk.commit.create(collection.what, name) : desk.commit.edit(collection.what, name),
      current === undefined ? 'create' : 'edit',
    );
    if (problems.length === 0 && !notice) return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${entryId}?luu=1` });
    const state = stateFromFile(collection, entryId!, mine, editor);
    const message = problems.length
      ? html`${notice ?? ''} ${desk.form.savedWithProblems(problems.length)}`
      : html`${desk.form.savedAt(timeNow())} ${notice ?? ''}`;
    return send(res, 200, await formPage({ ...state, problems, message }, token));
  }

  /** A desk without accounts is one person's; otherwise the settings say whether one may approve one's own edit. */
  const selfApprovalAllowed = () => currentRequest().local || deskSettings().selfApproval;

  function situationOf(state: FormState, file: string): Situation {
    return {
      status: String(state.publication.status ?? ''),
      consentGiven: state.collection.key === 'exemplars' && Boolean(state.consent?.date) && !state.consent?.withdrawn,
      lastEditor: lastEditorOf(history.versions(file)),
      selfApproval: selfApprovalAllowed(),
    };
  }

  async function workflowPanel(state: FormState, token: string): Promise<Html> {
    const { collection } = state;
    const summary = await findEntry(collection, state.id!);
    const { actor } = currentRequest();
    if (!summary || !actor) return html``;
    const situation = situationOf(state, summary.file);
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
            needsGuardian
              ? html`${input(action, 'consent.guardian.relation', w.guardianRelation)}${input(action, 'consent.guardian.date', w.guardianDate)}`
              : ''
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

  async function changeState(collection: CollectionSetup, id: string, form: URLSearchParams, token: string, res: ServerResponse) {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const action = form.get('action') as WorkflowAction;
    if (!WORKFLOW_ACTIONS.includes(action)) throw new HttpError(404, desk.refused.notFound);
    const { actor, local } = currentRequest();
    const editor = local ? toNfc((form.get('editor') ?? '').trim()).slice(0, 80) : actor!.name;
    const person: Actor = { ...actor!, name: editor || 'Người dùng bàn biên tập' };
    const current = readFileSync(absolute(summary.file), 'utf8');
    const state = stateFromFile(collection, id, current, editor);
    if (sha(current) !== form.get('hash')) return send(res, 409, await formPage({ ...state, message: html`${desk.workflow.changed}` }, token));
    const situation = situationOf(state, summary.file);
    const why = refusal(situation, person, action);
    if (why) return send(res, 403, await formPage({ ...state, message: html`${why}` }, token));
    const { input, problems } = stepInput(form, summary.file);
    problems.push(...missingInput(action, input).map((m) => ({ file: summary.file, ...m })));
    if (local && !editor) problems.push({ file: summary.file, field: 'editor', message: desk.form.editorMissing });
    const refused = async (message: string, list: Problem[]) =>
      send(res, 200, await formPage({ ...state, message: html`${message}`, step: { action, form, problems: list }, problems: list }, token));
    if (problems.length) return refused(action === 'approve' ? desk.workflow.cannotApprove : '', problems);
    const text = applyAction(current, action, input, person, todayInVietnam());
    if (action === 'submit' || action === 'approve') {
      const found = await checkEntry(index, collection.key, summary.file, text);
      if (found.length) return refused(action === 'approve' ? desk.workflow.cannotApprove : desk.workflow.cannotYet, found);
    }
    writeVersioned(summary.file, text);
    await commit([summary.file], person.name, actionMessage(action, collection.what, summary.name, input.comment), action);
    return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?buoc=${action}` });
  }

  function conflictPage(collection: CollectionSetup, id: string, theirs: string, mine: string, editor: string, token: string): string {
    const main = html`<h1>${desk.conflict.title}</h1>
      <div class="error-summary" role="alert"><p>${desk.conflict.explain}</p></div>
      ${diffView(theirs, mine)}
      <form method="post" action="/${collection.route}/${id}/gop" novalidate>
        <input type="hidden" name="csrf" value="${token}" />
        <input type="hidden" name="hash" value="${remember(theirs)}" />
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

  async function saveMerged(collection: CollectionSetup, id: string, form: URLSearchParams, token: string, res: ServerResponse) {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const current = readFileSync(absolute(summary.file), 'utf8');
    const text = (form.get('text') ?? '').replace(/\r\n?/g, '\n');
    const editor = toNfc((form.get('editor') ?? '').trim()) || desk.form.editor;
    if (sha(current) !== form.get('hash')) return send(res, 409, conflictPage(collection, id, current, text, editor, token));
    const problems = await checkEntry(index, collection.key, summary.file, text);
    writeVersioned(summary.file, text);
    await commit([summary.file], editor, desk.commit.edit(collection.what, summary.name));
    const state = stateFromFile(collection, id, text, editor);
    return send(res, 200, await formPage({ ...state, problems, message: html`${desk.form.savedAt(timeNow())}` }, token));
  }

  /** What a history page is about: a file the desk edits, its name, the page it belongs to and the nav item. */
  interface Tracked {
    file: string;
    name: string;
    what: string;
    /** The page of the entry or record; its history is at `${base}/lich-su`. */
    base: string;
    nav: string;
  }

  async function trackedEntry(collection: CollectionSetup, id: string): Promise<Tracked> {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    return { file: summary.file, name: summary.name, what: collection.what, base: `/${collection.route}/${id}`, nav: collection.key };
  }

  async function trackedRecord(setup: RecordSetup, id: string | undefined): Promise<Tracked> {
    const record = await findRecord(setup, id);
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

  function historyPage(tracked: Tracked, url: URL, token: string): string {
    const versions = history.versions(tracked.file);
    const version = url.searchParams.get('v');
    let detail: Html | '' = '';
    if (version) {
      const old = history.textAt(tracked.file, version);
      if (old === undefined) throw new HttpError(404, desk.refused.notFound);
      const current = readFileSync(absolute(tracked.file), 'utf8');
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

  async function outputPage(collection: CollectionSetup, id: string, which: 'phat-thanh' | 'xem-trang' | 'ap-phich', token: string): Promise<string> {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const text = readFileSync(absolute(summary.file), 'utf8');
    const back = `/${collection.route}/${id}`;
    const failed = (problems: Problem[], title: string) =>
      layout(
        title,
        html`<h1>${title}</h1><div class="error-summary" role="alert"><p>${desk.outputs.needsClean}</p><ul>${problems.map((p) => html`<li>${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}</li>`)}</ul></div><p><a href="${back}">${desk.outputs.back}</a></p>`,
        { current: collection.key, token },
      );
    if (which === 'phat-thanh') {
      const title = desk.outputs.radioTitle(summary.name);
      const radio = await radioOf(index, summary.file, text);
      if (!radio.ok) return failed(radio.problems, title);
      return layout(
        title,
        html`<h1>${title}</h1><p><a href="${back}">${desk.outputs.back}</a></p><p>${desk.outputs.duration(radio.value.duration)}</p>
<div class="radio-script">${radio.value.script.paragraphs.map((p) => (p.kind === 'heading' ? html`<h2>${p.text}</h2>` : html`<p>${p.text}</p>`))}</div>`,
        { current: collection.key, token },
      );
    }
    const photoUrl = (src: string) => `/_anh/${collection.folder}/${src.replace(/^\.\//, '')}`;
    if (which === 'ap-phich') {
      const site = (await index.reference()).settings?.url ?? 'https://example.invalid/';
      const poster = await posterOf(index, summary.file, text, photoUrl, new URL(`dien-hinh/${id}/`, site.endsWith('/') ? site : `${site}/`).href);
      if (!poster.ok) return failed(poster.problems, desk.outputs.poster);
      return sitePreview(summary.name, poster.value, back, { print: true });
    }
    const page = await pageOf(index, summary.file, text, photoUrl);
    if (!page.ok) return failed(page.problems, desk.outputs.page);
    return sitePreview(summary.name, page.value, back);
  }

  interface RecordAt {
    file: string;
    text: string;
    /** Index of the item in its list file; undefined for the settings. */
    index?: number;
    data: Record<string, unknown>;
    name: string;
  }

  /** A place written by its register code is listed, opened, checked and saved as the register unit it names. */
  const identified = (setup: RecordSetup, item: unknown) => (setup.key === 'places' ? identifyByCode(item, registerPlaces(root)).data : item);

  async function recordsOf(setup: RecordSetup): Promise<RecordAt[]> {
    const out: RecordAt[] = [];
    for (const file of await setup.files(root)) {
      const text = readFileSync(absolute(file), 'utf8');
      const data = parseFrontmatter(text).toJS() as unknown;
      if (setup.single) out.push({ file, text, data: (data ?? {}) as Record<string, unknown>, name: setup.title });
      else if (Array.isArray(data)) {
        data.forEach((item: Record<string, unknown>, i) => {
          const known = identified(setup, item) as Record<string, unknown>;
          out.push({ file, text, index: i, data: known ?? {}, name: String(known?.name ?? known?.id ?? i) });
        });
      }
    }
    return out;
  }

  async function recordList(setup: RecordSetup, url: URL, token: string): Promise<string> {
    const q = foldVietnamese(url.searchParams.get('q') ?? '').trim();
    const records = (await recordsOf(setup)).filter((r) => !q || foldVietnamese(`${r.name} ${String(r.data.id ?? '')}`).includes(q));
    const main = html`<h1>${setup.title}</h1>
<form method="get" action="/${setup.route}" class="filters" role="search"><div class="field"><label for="r-q">${desk.list.search}</label><input type="search" id="r-q" name="q" value="${url.searchParams.get('q') ?? ''}" /></div><div class="actions"><button type="submit">${desk.list.apply}</button></div></form>
<p role="status">${desk.list.count(records.length)}</p>
<table class="entries"><thead><tr><th scope="col">${desk.list.name}</th><th scope="col">Mã</th><th scope="col">Tệp</th></tr></thead><tbody>
${records.map((r) => html`<tr><td><a href="/${setup.route}/${String(r.data.id)}">${r.name}</a></td><td><code>${String(r.data.id ?? '')}</code></td><td>${r.file}</td></tr>`)}
</tbody></table>`;
    return layout(setup.title, main, { current: setup.key, token });
  }

  async function findRecord(setup: RecordSetup, id: string | undefined): Promise<RecordAt | undefined> {
    const records = await recordsOf(setup);
    if (setup.single) return records[0];
    if (!id || !isEntryId(id)) return undefined;
    return records.find((r) => r.data.id === id);
  }

  async function recordPage(
    setup: RecordSetup,
    record: RecordAt,
    values: Values,
    editor: string,
    token: string,
    problems: Problem[] = [],
    message?: Html,
  ): Promise<string> {
    const choices = await choicesFor(COLLECTIONS.exemplars);
    const ids = new Map<string, string>();
    const probe: FormContext = { help: help.get(setup.guide) ?? new Map(), choices, errors: new Map(), ids };
    renderFields(setup.specs, values, probe);
    const errors = placeProblems(problems);
    const fields = renderFields(setup.specs, values, { ...probe, errors, ids: new Map() });
    const action = setup.single ? `/${setup.route}` : `/${setup.route}/${String(record.data.id)}`;
    const title = setup.single ? setup.title : `${setup.title}: ${record.name}`;
    const main = html`<h1>${title}</h1>
${message ? html`<div class="notice" role="status">${message}</div>` : ''}
${
  problems.length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${desk.form.errorsTitle(problems.length)}</h2><ul>${problems.map(
        (p) => {
          const target = targetOf(p.field, ids);
          const text = html`${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}`;
          return html`<li>${target ? html`<a href="#${target}">${text}</a>` : text}</li>`;
        },
      )}</ul></div>`
    : ''
}
<p class="entry-links"><a href="${action}/lich-su">${desk.form.history}</a></p>
<form method="post" action="${action}" novalidate class="entry-form" data-entry="${setup.route}/${String(record.data.id ?? '')}">
<input type="hidden" name="csrf" value="${token}" />
<input type="hidden" name="hash" value="${remember(record.text)}" />
${editorField(editor)}
${fields}
<div class="save-bar"><button type="submit" name="action" value="save">${desk.form.save}</button></div>
</form>`;
    return layout(title, main, { current: setup.key, token });
  }

  async function saveRecord(setup: RecordSetup, record: RecordAt, form: URLSearchParams, token: string, res: ServerResponse) {
    const action = form.get('action') ?? 'save';
    const editor = toNfc((form.get('editor') ?? '').trim()).slice(0, 80);
    const posted = readPosted(setup.specs, form) as Values;
    if (applyListAction(setup.specs, posted, action)) return send(res, 200, await recordPage(setup, record, posted, editor, token));
    if (!editor)
      return send(res, 200, await recordPage(setup, record, posted, editor, token, [{ file: record.file, field: 'editor', message: desk.form.editorMissing }]));
    if (sha(record.text) !== form.get('hash')) {
      // The editor's values stay in the form, over the newer file's hash; what the other save changed is shown.
      const base = bases.get(form.get('hash') ?? '');
      const message = html`<strong>${desk.conflict.title}.</strong> ${desk.conflict.recordExplain}${base ? diffView(base, record.text) : ''}`;
      return send(res, 409, await recordPage(setup, record, posted, editor, token, [], message));
    }
    const doc = parseFrontmatter(record.text);
    applyEdits(doc, setup.specs, record.data, posted, record.index === undefined ? [] : [record.index]);
    const changed = JSON.stringify(doc.toJS()) !== JSON.stringify(parseFrontmatter(record.text).toJS());
    const text = changed ? stringifyLike(doc, record.text) : record.text;
    const item = identified(setup, record.index === undefined ? doc.toJS() : (doc.toJS() as unknown[])[record.index]);
    const ref = await index.reference();
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
      data: identified(setup, record.index === undefined ? again : (again as unknown[])[record.index]) as Record<string, unknown>,
    };
    if (problems.length > 0) return send(res, 200, await recordPage(setup, record, posted, editor, token, problems));
    if (text === record.text)
      return send(res, 200, await recordPage(setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.unchanged}`));
    writeVersioned(record.file, text);
    await commit([record.file], editor, `Sửa ${setup.what} ${record.name}`);
    return send(res, 200, await recordPage(setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.savedAt(timeNow())}`));
  }

  async function restore(tracked: Tracked, form: URLSearchParams, res: ServerResponse) {
    const version = form.get('version') ?? '';
    const old = history.textAt(tracked.file, version);
    if (old === undefined) throw new HttpError(404, desk.refused.notFound);
    const editor = toNfc((form.get('editor') ?? '').trim()) || 'Biên tập viên';
    writeVersioned(tracked.file, old);
    await commit([tracked.file], editor, desk.commit.restore(tracked.what, tracked.name), 'restore');
    return send(res, 303, '', 'text/plain', { Location: `${tracked.base}?luu=1` });
  }

  async function uploadPhoto(collection: CollectionSetup, id: string, req: IncomingMessage, body: Buffer, session: string, token: string, res: ServerResponse) {
    const { parts, field, summary, current, editorName, state } = await openUpload(collection, id, req, body, session);
    const fail = async (message: string) => send(res, 200, await formPage({ ...state, problems: [{ file: summary.file, field: 'photos', message }] }, token));
    const upload = parts.find((p) => p.name === 'file' && p.filename !== undefined && p.data.length > 0);
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
      while (existsSync(absolute(`${path.posix.dirname(summary.file)}/${name()}`))) n++;
      const photoFile = `${path.posix.dirname(summary.file)}/${name()}`;
      // The entry must be able to take the photo before the photo is written: nothing is left behind otherwise.
      const split = splitEntry(current);
      if (!split || !isMap(parseFrontmatter(split.frontmatter).contents)) return fail(desk.photo.saveFirst);
      writeAtomic(absolute(photoFile), upload.data);
      const text = rewriteFrontmatter(current, (doc) =>
        appendItem(doc, 'photos', { src: `./${name()}`, alt, credit, ...(field('caption') ? { caption: field('caption') } : {}) }),
      );
      writeVersioned(summary.file, text);
      await commit([summary.file, photoFile], editorName, desk.commit.photo(summary.name), 'photo');
      return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1` });
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  function photoFile(pathname: string, res: ServerResponse) {
    const relative = decodeSafely(pathname.slice('/_anh/'.length));
    const extension = path.extname(relative).toLowerCase();
    const type = IMAGE_TYPES[extension];
    if (!type) throw new HttpError(404, desk.refused.notFound);
    const file = contentFile(root, relative);
    if (!existsSync(file)) throw new HttpError(404, desk.refused.notFound);
    return send(res, 200, readFileSync(file), type);
  }

  // ——— requests ———

  /** A fingerprint of the account's password: a session ends when the password changes or the account goes. */
  const stampOf = (username: string) => accounts.find(username)?.password.slice(-24);

  function forbid(): never {
    throw new HttpError(403, desk.account.forbidden);
  }
  function requireRole(...roles: Role[]) {
    if (!hasRole(...roles)) forbid();
  }

  async function login(req: IncomingMessage, res: ServerResponse, body: Buffer, sent: string, token: string, headers: Record<string, string>) {
    const form = new URLSearchParams(body.toString('utf8'));
    if (!sent || !tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
    const username = toNfc((form.get('username') ?? '').trim().toLowerCase()).slice(0, 64);
    const password = form.get('password') ?? '';
    const next = form.get('tiep') ?? '';
    const address = req.socket.remoteAddress ?? '';
    const wait = limiter.waitSeconds(username, address);
    if (wait > 0) return send(res, 429, loginPage(token, next, desk.account.loginWait(wait), username), undefined, { ...headers, 'Retry-After': String(wait) });
    const account = await accounts.verify(username, password);
    if (!account) {
      limiter.failed(username, address);
      return send(res, 401, loginPage(token, next, desk.account.loginFailed, username), undefined, headers);
    }
    limiter.succeeded(username);
    sessions.end(sent);
    const session = sessions.start(account.username, stampOf(account.username));
    return send(res, 303, '', 'text/plain', { Location: safeNext(next), 'Set-Cookie': sessionCookie(session.id, sessions.maxAgeSeconds) });
  }

  function changeAccount(form: URLSearchParams, token: string, local: boolean): string {
    const username = form.get('username') ?? '';
    const { actor } = currentRequest();
    if (!accounts.find(username)) throw new HttpError(404, desk.refused.notFound);
    const roles = form.getAll('roles').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    const self = actor?.username === username;
    if (form.get('action') === 'remove') {
      if (self) return accountsPage(accounts, token, local, desk.account.notSelf);
      accounts.remove(username);
      sessions.endAllOf(username);
      return accountsPage(accounts, token, local, desk.account.removed(username));
    }
    if (self && !roles.includes('quan-tri')) return accountsPage(accounts, token, local, desk.account.notSelf);
    if (roles.length === 0) return accountsPage(accounts, token, local, 'Cần ít nhất một vai trò.');
    accounts.setRoles(username, roles);
    return accountsPage(accounts, token, local, desk.account.rolesSaved(username));
  }

  function saveDeskSettings(form: URLSearchParams, token: string): string {
    const value = (name: string) => (form.get(name) ?? '').trim();
    const candidate = {
      lan: form.get('lan') === '1',
      hosts: value('hosts')
        .split(/[\s,]+/)
        .filter(Boolean),
      selfApproval: form.get('selfApproval') === '1',
      ...(value('folder') || value('rsync')
        ? { publishTarget: { ...(value('folder') ? { folder: value('folder') } : {}), ...(value('rsync') ? { rsync: value('rsync') } : {}) } }
        : {}),
      ...(value('remote') ? { sharedRepository: { remote: value('remote'), branch: value('branch') || 'main' } } : {}),
    };
    const parsed = deskSettingsSchema.safeParse(candidate);
    if (!parsed.success)
      return deskSettingsPage(deskSettings, token, '', desk.deskSettings.invalid(parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
    if (parsed.data.lan && !accounts.any()) return deskSettingsPage(deskSettings, token, '', desk.deskSettings.lanNeedsAccount);
    writeDeskSettings(stateDir, parsed.data);
    return deskSettingsPage(deskSettings, token, desk.deskSettings.saved);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, hosts)) return send(res, 421, desk.refused.host, 'text/plain; charset=utf-8');
    if (crossSite(req, hosts)) return send(res, 403, desk.refused.crossSite, 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? '')
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
    );
    const sent = /^[\w-]{32,64}$/.test(cookies.desk_session ?? '') ? cookies.desk_session! : '';
    const headers: Record<string, string> = {};
    const local = !accounts.any();
    let sessionId = sent;
    let actor: Actor | undefined;
    let expired = false;
    if (local) {
      // One person on this computer: the cookie only ties the CSRF token to this browser, and never expires.
      if (!sessionId) {
        sessionId = randomBytes(24).toString('base64url');
        headers['Set-Cookie'] = sessionCookie(sessionId);
      }
      actor = { username: '', name: decodeSafely(cookies.desk_editor ?? ''), roles: [...ROLES] };
    } else {
      let session = sessions.get(sent);
      if (session?.username && session.stamp !== stampOf(session.username)) {
        sessions.end(session.id);
        session = undefined;
      }
      if (!session) {
        expired = sent !== '';
        session = sessions.start('');
        headers['Set-Cookie'] = sessionCookie(session.id, sessions.maxAgeSeconds);
      }
      sessionId = session.id;
      const account = session.username ? accounts.find(session.username) : undefined;
      if (account) actor = { username: account.username, name: account.name, roles: account.roles };
    }
    const token = tokenOf(sessionId);
    const context: RequestContext = { actor, local, token };
    return requests.run(context, () => route(req, res, url, cookies, { sessionId, headers, expired, token, sent }));
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    cookies: Record<string, string>,
    { sessionId, headers, expired, token, sent }: { sessionId: string; headers: Record<string, string>; expired: boolean; token: string; sent: string },
  ) {
    const reply = (status: number, body: string, type?: string, more: Record<string, string> = {}) => send(res, status, body, type, { ...headers, ...more });
    const pathname = url.pathname;
    const { actor, local } = currentRequest();

    if ((req.method === 'GET' || req.method === 'HEAD') && STATIC[pathname]) {
      const asset = STATIC[pathname]!;
      return reply(200, readFileSync(asset.file, 'utf8'), asset.type);
    }
    if (pathname === '/dang-nhap') {
      if (local) return reply(303, '', 'text/plain', { Location: '/' });
      if (req.method === 'POST') return login(req, res, await readBody(req), sent, token, headers);
      return reply(200, loginPage(token, url.searchParams.get('tiep') ?? '', expired || url.searchParams.has('het-han') ? desk.account.expired : ''));
    }
    if (!actor) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const next = encodeURIComponent(`${pathname}${url.search}`);
        return reply(303, '', 'text/plain', { Location: `/dang-nhap?tiep=${next}${expired ? '&het-han=1' : ''}` });
      }
      return reply(401, loginPage(token, '', expired ? desk.account.expired : desk.account.loginNeeded));
    }
    if (pathname === '/dang-xuat' && req.method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      sessions.end(sessionId);
      return reply(303, '', 'text/plain', { Location: '/dang-nhap', 'Set-Cookie': sessionCookie('', 0) });
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      if (pathname.startsWith('/_anh/')) return photoFile(pathname, res);
      if (pathname === '/') return reply(303, '', 'text/plain', { Location: '/dien-hinh' });
      if (pathname === '/tai-khoan') {
        requireRole('quan-tri');
        return reply(200, accountsPage(accounts, token, local));
      }
      if (pathname === '/cai-dat-ban') {
        requireRole('quan-tri');
        return reply(200, deskSettingsPage(deskSettings, token));
      }
      if (pathname === '/xuat-ban' || pathname === '/xuat-ban/tien-do') {
        requireRole('lanh-dao', 'quan-tri');
        const run = publisher.current() ?? publisher.last();
        if (pathname === '/xuat-ban/tien-do') return reply(200, publishStatus(run, publisher.lastPublished()).text);
        const body = publishPage(run, token, publisher.lastPublished(), deskSettings().publishTarget);
        return reply(200, layout(deskPublish.publish.title, body, { current: 'publish', token }));
      }
      if (pathname === '/phat-thanh' || pathname === '/phat-thanh/tai') {
        const query: RadioQuery = { tu: url.searchParams.get('tu') ?? '', den: url.searchParams.get('den') ?? '', phut: url.searchParams.get('phut') ?? '' };
        const result = await radioBulletin(root, query);
        if (pathname === '/phat-thanh/tai') {
          if (!result?.ok) throw new HttpError(404, desk.refused.notFound);
          const name = encodeURIComponent(result.bulletin.fileName);
          return reply(200, result.bulletin.text, 'text/plain; charset=utf-8', { 'Content-Disposition': `attachment; filename*=UTF-8''${name}` });
        }
        return reply(200, layout(deskPublish.radio.title, radioBulletinPage(query, result), { current: 'radio', token }));
      }
      if (pathname === '/dong-bo') {
        const body = sharedRepoPage(deskSettings().sharedRepository, lastSync(root, { stateDir }), token);
        return reply(200, layout(deskPublish.shared.title, body, { current: 'sync', token }));
      }
      if (pathname === '/_dia-danh') return reply(200, JSON.stringify(await findPlaces(url.searchParams.get('q') ?? '')), 'application/json; charset=utf-8');
      const [, route, id, sub, extra] = pathname.split('/');
      const editor = local ? decodeSafely(cookies.desk_editor ?? '') : actor.name;
      const records = Object.values(RECORDS).find((r) => r.route === route);
      if (records && (records.single ? id === 'lich-su' && sub === undefined : sub === 'lich-su')) {
        return reply(200, historyPage(await trackedRecord(records, records.single ? undefined : id), url, token));
      }
      if (records && sub === undefined) {
        if (!records.single && !id) return reply(200, await recordList(records, url, token));
        const record = await findRecord(records, id);
        if (!record) throw new HttpError(404, desk.refused.notFound);
        return reply(200, await recordPage(records, record, valuesOf(records.specs, record.data), editor, token));
      }
      const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
      if (!collection || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
      if (id === undefined || id === '') return reply(200, await listPage(index, collection, url, token));
      if (id === 'moi' && sub === undefined) return reply(200, await formPage(newState(collection, editor), token));
      if (sub === 'lich-su') return reply(200, historyPage(await trackedEntry(collection, id), url, token));
      if ((sub === 'phat-thanh' || sub === 'xem-trang' || sub === 'ap-phich') && collection.key === 'exemplars')
        return reply(200, await outputPage(collection, id, sub, token));
      if (sub !== undefined) throw new HttpError(404, desk.refused.notFound);
      const summary = await findEntry(collection, id);
      if (!summary) throw new HttpError(404, desk.refused.notFound);
      const text = readFileSync(absolute(summary.file), 'utf8');
      const state = stateFromFile(collection, id, text, editor);
      const done = url.searchParams.get('buoc');
      if (done && desk.workflow.done[done]) state.message = html`${desk.workflow.done[done]}`;
      else if (url.searchParams.has('luu')) state.message = html`${desk.form.savedAt(timeNow())}`;
      return reply(200, await formPage(state, token));
    }

    if (req.method !== 'POST') return reply(405, '', 'text/plain', { Allow: 'GET, HEAD, POST' });
    const body = await readBody(req);
    const [, route, id, sub, extra] = pathname.split('/');
    if (!cookies.desk_session) throw new HttpError(403, desk.refused.token);
    if (pathname === '/xuat-ban') {
      requireRole('lanh-dao', 'quan-tri');
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      publisher.start(actor.name || deskPublish.publish.localUser, { target: deskSettings().publishTarget });
      return reply(303, '', 'text/plain', { Location: '/xuat-ban' });
    }
    if (pathname === '/dong-bo' || pathname === '/dong-bo/giai-quyet') {
      requireRole('bien-tap-vien', 'lanh-dao', 'quan-tri');
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      const shared = deskSettings().sharedRepository;
      if (!shared) throw new HttpError(404, desk.refused.notFound);
      const author = (local ? toNfc((form.get('editor') ?? '').trim()) : actor.name) || deskPublish.publish.localUser;
      const result =
        pathname === '/dong-bo'
          ? await syncShared(root, shared, env, { author, stateDir })
          : await resolveConflict(root, shared, mergedTexts(form.entries()), author, env, { stateDir });
      // What came from the other desks is read again from the files.
      index.touched();
      return reply(200, layout(deskPublish.shared.title, sharedRepoPage(shared, result, token), { current: 'sync', token }));
    }
    if (pathname === '/cai-dat-ban') {
      requireRole('quan-tri');
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      return reply(200, saveDeskSettings(form, token));
    }
    if (pathname === '/tai-khoan') {
      requireRole('quan-tri');
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      return reply(200, changeAccount(form, token, local));
    }
    const records = Object.values(RECORDS).find((r) => r.route === route);
    const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
    const readForm = () => {
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf') ?? req.headers['x-csrf-token'], token)) throw new HttpError(403, desk.refused.token);
      // With accounts, the history names the person logged in, whatever the form says.
      if (!local) form.set('editor', actor.name);
      return form;
    };
    if (records && (records.single ? id === 'lich-su' && sub === undefined : sub === 'lich-su')) {
      requireRole(records.key === 'settings' ? 'quan-tri' : 'bien-tap-vien');
      return restore(await trackedRecord(records, records.single ? undefined : id), readForm(), res);
    }
    if (records && sub === undefined) {
      requireRole(records.key === 'settings' ? 'quan-tri' : 'bien-tap-vien');
      const form = readForm();
      const record = await findRecord(records, id);
      if (!record) throw new HttpError(404, desk.refused.notFound);
      return saveRecord(records, record, form, token, res);
    }
    if (!collection || !id || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
    if (sub === 'anh') {
      requireRole('bien-tap-vien');
      return uploadPhoto(collection, id, req, body, sessionId, token, res);
    }
    if (sub === 'tep' && collection.key === 'campaigns' && isEntryId(id)) {
      requireRole('bien-tap-vien');
      return uploadAttachment(collection, id, req, body, sessionId, token, res);
    }
    if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, desk.refused.token);
    const form = readForm();
    const editor = (form.get('editor') ?? '').trim();
    if (local && editor) headers['Set-Cookie'] = `desk_editor=${encodeURIComponent(editor.slice(0, 80))}; Path=/; SameSite=Strict`;
    res.setHeader('Set-Cookie', headers['Set-Cookie'] ?? []);
    if (sub === 'trang-thai' && isEntryId(id)) return changeState(collection, id, form, token, res);
    // Previews change nothing: anyone who may read the entry may preview it.
    if (form.get('action') !== 'preview') requireRole('bien-tap-vien');
    if (sub === undefined && id === 'moi') return saveEntry(collection, undefined, form, token, res);
    if (!isEntryId(id)) throw new HttpError(404, desk.refused.notFound);
    if (sub === undefined) return saveEntry(collection, id, form, token, res);
    if (sub === 'gop') return saveMerged(collection, id, form, token, res);
    if (sub === 'lich-su') return restore(await trackedEntry(collection, id), form, res);
    if (sub === 'xoay-anh' && collection.key === 'exemplars') return turnPhoto(collection, id, form, res);
    throw new HttpError(404, desk.refused.notFound);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return send(res, error.status, layout(error.message, html`<h1>${error.message}</h1>`));
      if (error instanceof PathRefused) return send(res, 404, layout(desk.refused.notFound, html`<h1>${desk.refused.notFound}</h1>`));
      console.error(error);
      send(res, 500, layout('Lỗi', html`<h1>Có lỗi khi xử lý yêu cầu. Chưa có gì bị ghi đè; tải lại trang và thử lại.</h1>`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, lan ? '0.0.0.0' : '127.0.0.1', () => resolve());
  });
  // Read the lists and the entries they refer to while the editor opens the browser: the first save or list of
  // 10,000 exemplars then finds them in memory.
  void index
    .list('exemplars')
    .then(() => index.list('campaigns'))
    .then(() => index.reference())
    .catch(() => {});
  const actual = (server.address() as { port: number }).port;
  hosts = lan ? officeHosts(actual, deskSettings().hosts) : allowedHosts(actual);
  return {
    server,
    lan,
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    history,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The names an office browser may use for this computer: its addresses, its name, and those the settings add. */
export function officeHosts(port: number, extra: readonly string[] = []): Set<string> {
  const hosts = allowedHosts(port);
  const names = [hostname(), `${hostname()}.local`];
  for (const list of Object.values(networkInterfaces()))
    for (const address of list ?? []) names.push(address.family === 'IPv6' ? `[${address.address}]` : address.address);
  for (const name of names) hosts.add(`${name.toLowerCase()}:${port}`);
  for (const host of extra) hosts.add((host.includes(':') ? host : `${host}:${port}`).toLowerCase());
  return hosts;
}
