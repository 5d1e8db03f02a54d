/**
 * The editors' desk: a small web server of the project's own on 127.0.0.1, in which editors write and check
 * exemplars and campaigns through forms made from the schemas, with the content check's rules on every save, a
 * version for every save and nothing lost when two people edit the same entry. See docs/desk.md.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { exemplarSchema } from '../schemas/exemplar.ts';
import { localPlaceSchema } from '../schemas/place.ts';
import { awardSchema } from '../schemas/award.ts';
import { settingsSchema } from '../schemas/settings.ts';
import { issuesToProblems } from '../lib/content/issues.ts';
import { personalDataInFields } from '../lib/content/story-check.ts';
import { publicContactsOf } from '../lib/content/personal-data.ts';
import { checkReferences } from '../lib/content/references.ts';
import { listFiles } from '../lib/content/source.ts';
import { DATA_FILES, YAML_FILE } from '../lib/content/collections.ts';
import { campaignSchema } from '../schemas/campaign.ts';
import { compileStory, PHOTO_MARKER } from '../lib/mdx/compile.ts';
import { photoProblem } from '../lib/content/photos.ts';
import { foldVietnamese, slugify, toNfc } from '../lib/text.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { ui } from '../i18n/vi.ts';
import { desk } from '../i18n/desk.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, raw, type Html } from './html.ts';
import { layout, sitePreview } from './pages.ts';
import { pageOf, radioOf } from './outputs.ts';
import { allowedHosts, crossSite, hostAllowed, SECURITY_HEADERS, tokenMatches } from './guard.ts';
import { contentFile, isEntryId, PathRefused } from './paths.ts';
import { ContentIndex, queryList, type StoryCollection, type Summary } from './content-index.ts';
import { formSpec, guideHelp, type FieldSpec } from './schema-form.ts';
import { applyEdits, editEntry, parseFrontmatter, readPosted, splitEntry, stringifyLike } from './edit.ts';
import { applyListAction, renderFields, valuesOf, type Choice, type FormContext, type Values } from './form.ts';
import { checkEntry } from './check-entry.ts';
import { lineDiff, openHistory, type History } from './history.ts';
import { parseMultipart, photoExtension } from './multipart.ts';
import { isMap, isSeq, type YAMLSeq } from 'yaml';

const PUBLIC = path.join(import.meta.dirname, 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/_desk/desk.css': { file: path.join(PUBLIC, 'desk.css'), type: 'text/css; charset=utf-8' },
  '/_desk/desk.js': { file: path.join(PUBLIC, 'desk.js'), type: 'text/javascript; charset=utf-8' },
  '/_desk/site.css': { file: path.join(import.meta.dirname, '../styles/global.css'), type: 'text/css; charset=utf-8' },
};
const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif' };
/** A line end as a value: a <textarea> drops the first line end after its tag, so every text starts with one. */
const NL = '\n';
const MAX_BODY = 17 * 1024 * 1024;

interface CollectionSetup {
  key: StoryCollection;
  route: string;
  folder: string;
  guide: string;
  what: string;
  nameKey: string;
  /** The field a new entry's id (and file name) is folded from. */
  idKey: string;
  specs: FieldSpec[];
}

const COLLECTIONS: Record<StoryCollection, CollectionSetup> = {
  exemplars: {
    key: 'exemplars',
    route: 'dien-hinh',
    folder: 'exemplars',
    guide: 'exemplar',
    what: 'điển hình',
    nameKey: 'name',
    idKey: 'name',
    specs: formSpec(exemplarSchema({ image: () => z.string() })),
  },
  campaigns: {
    key: 'campaigns',
    route: 'phong-trao',
    folder: 'campaigns',
    guide: 'campaign',
    what: 'phong trào',
    nameKey: 'title',
    idKey: 'shortTitle',
    specs: formSpec(campaignSchema()),
  },
};

/** The data files: the site settings (one record) and the lists of places and awards (one record an item). */
interface RecordSetup {
  key: 'settings' | 'places' | 'awards';
  route: string;
  guide: string;
  title: string;
  what: string;
  files: (root: string) => Promise<string[]>;
  single: boolean;
  specs: FieldSpec[];
  schema: z.ZodType;
}

const RECORDS: Record<RecordSetup['key'], RecordSetup> = {
  settings: {
    key: 'settings',
    route: 'cai-dat',
    guide: 'settings',
    title: 'Cài đặt trang',
    what: 'cài đặt trang',
    files: async () => [DATA_FILES.settings],
    single: true,
    specs: formSpec(settingsSchema()),
    schema: settingsSchema(),
  },
  awards: {
    key: 'awards',
    route: 'khen-thuong',
    guide: 'award',
    title: 'Danh mục khen thưởng',
    what: 'hình thức khen thưởng',
    files: async () => [DATA_FILES.awards],
    single: false,
    specs: formSpec(awardSchema()),
    schema: awardSchema(),
  },
  places: {
    key: 'places',
    route: 'dia-danh',
    guide: 'place',
    title: 'Địa danh',
    what: 'địa danh',
    files: (root) => listFiles(root, DATA_FILES.places, YAML_FILE),
    single: false,
    specs: formSpec(localPlaceSchema()),
    schema: localPlaceSchema(),
  },
};

export interface DeskOptions {
  root: string;
  port?: number;
  /** Environment of git (tests pass a PATH without git). */
  env?: NodeJS.ProcessEnv;
}

export interface Desk {
  server: Server;
  url: string;
  port: number;
  history: History;
  close(): Promise<void>;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A file written whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export function writeAtomic(target: string, data: string | Buffer) {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data);
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A percent-encoded value, or '' if it is malformed (which no page of the desk sends). */
function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

const timeNow = () => new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function startDesk({ root, port = 4322, env = process.env }: DeskOptions): Promise<Desk> {
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

  async function choicesFor(collection: CollectionSetup) {
    const ref = await index.reference();
    const placeById = new Map(ref.places.map((p) => [p.id, p.data]));
    const placeLabel = (id: string) => {
      const place = placeById.get(id);
      if (!place) return id;
      const parent = place.parent ? placeById.get(place.parent) : undefined;
      const until = place.validTo ? ` — đến ${place.validTo.split('-').reverse().join('/')}` : '';
      return `${ui.placeTypes[place.type]} ${place.name}${parent ? `, ${ui.placeTypes[parent.type]} ${parent.name}` : ''}${until}`;
    };
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

  function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
    res.end(body);
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new HttpError(413, desk.refused.tooLarge);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function findEntry(collection: CollectionSetup, id: string): Promise<Summary | undefined> {
    if (!isEntryId(id)) return undefined;
    return (await index.list(collection.key)).find((s) => s.id === id);
  }

  const absolute = (file: string) => contentFile(root, file.replace(/^content\//, ''));

  // ——— pages ———

  async function listPage(collection: CollectionSetup, url: URL, token: string): Promise<string> {
    const list = await index.list(collection.key);
    const query = {
      q: url.searchParams.get('q') ?? '',
      status: url.searchParams.get('trang-thai') ?? '',
      place: url.searchParams.get('dia-phuong') ?? '',
      campaign: url.searchParams.get('phong-trao') ?? '',
      author: url.searchParams.get('nguoi-viet') ?? '',
      page: Number(url.searchParams.get('trang') ?? '1') || 1,
    };
    const result = queryList(list, query);
    const ref = await index.reference();
    const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
    const placeName = new Map(ref.places.map((p) => [p.id, `${ui.placeTypes[p.data.type]} ${p.data.name}`]));
    const select = (name: string, label: string, options: { value: string; label: string }[], value: string) =>
      html`<div class="field">
        <label for="l-${name}">${label}</label
        ><select id="l-${name}" name="${name}">
          <option value="">${desk.list.all}</option>
          ${options.map((o) => html`<option value="${o.value}" ${o.value === value ? html` selected` : ''}>${o.label}</option>`)}
        </select>
      </div>`;
    const counts = new Map<string, number>();
    for (const s of list) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    const pageLink = (page: number) => {
      const next = new URL(url);
      next.searchParams.set('trang', String(page));
      return `${next.pathname}${next.search}`;
    };
    const main = html`<h1>${desk.collections[collection.key]}</h1>
      <p><a class="button" href="/${collection.route}/moi">${desk.list.newOf[collection.key]}</a></p>
      <form method="get" action="/${collection.route}" class="filters" role="search">
        <div class="field">
          <label for="l-q">${desk.list.search}</label>
          <p class="hint" id="l-q-hint">${desk.list.searchHint}</p>
          <input type="search" id="l-q" name="q" value="${query.q}" aria-describedby="l-q-hint" />
        </div>
        ${select(
          'trang-thai',
          desk.list.status,
          distinct(list.map((s) => s.status)).map((v) => ({ value: v, label: `${desk.statuses[v] ?? v} (${counts.get(v) ?? 0})` })),
          query.status,
        )}
        ${select(
          'dia-phuong',
          desk.list.place,
          distinct(list.map((s) => s.place)).map((v) => ({ value: v, label: placeName.get(v) ?? v })),
          query.place,
        )}
        ${
          collection.key === 'exemplars'
            ? select(
                'phong-trao',
                desk.list.campaign,
                ref.campaigns.map((c) => ({ value: c.id, label: c.data.shortTitle })),
                query.campaign,
              )
            : ''
        }
        ${select(
          'nguoi-viet',
          desk.list.author,
          distinct(list.map((s) => s.author)).map((v) => ({ value: v, label: v })),
          query.author,
        )}
        <div class="actions"><button type="submit">${desk.list.apply}</button> <a href="/${collection.route}">${desk.list.clear}</a></div>
      </form>
      <p role="status">${desk.list.count(result.total)}</p>
      ${
        result.items.length === 0
          ? html`<p>${desk.list.none}</p>`
          : html`<table class="entries">
              <thead>
                <tr>
                  <th scope="col">${desk.list.name}</th>
                  <th scope="col">${desk.list.status}</th>
                  <th scope="col">${desk.list.place}</th>
                  <th scope="col">${desk.list.author}</th>
                  <th scope="col">${desk.list.changed}</th>
                </tr>
              </thead>
              <tbody>
                ${result.items.map(
                  (s) =>
                    html`<tr>
                      <td>
                        <a href="/${collection.route}/${s.id}">${s.name}</a>${s.broken ? html` <span class="badge badge-error">${desk.list.broken}</span>` : ''}
                      </td>
                      <td><span class="badge badge-${s.status || 'none'}">${desk.statuses[s.status] ?? s.status}</span></td>
                      <td>${placeName.get(s.place) ?? s.place}</td>
                      <td>${s.author}</td>
                      <td>${new Date(s.changed).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        result.pages > 1
          ? html`<nav aria-label="${desk.list.pagination}" class="pages">
              <p>${desk.list.page(result.page, result.pages)}</p>
              ${result.page > 1 ? html`<a href="${pageLink(result.page - 1)}">${desk.list.previous}</a> ` : ''}${result.page < result.pages ? html`<a href="${pageLink(result.page + 1)}">${desk.list.next}</a>` : ''}
            </nav>`
          : ''
      }`;
    return layout(desk.collections[collection.key], main, { current: collection.key, token });
  }

  interface FormState {
    collection: CollectionSetup;
    id?: string;
    values: Values;
    body: string;
    hash: string;
    editor: string;
    problems?: Problem[];
    message?: Html;
    preview?: Html;
    photos: { src: string; alt?: string }[];
  }

  /** Problems by field, and those that name no field of the form. */
  function placeProblems(problems: readonly Problem[]) {
    const byField = new Map<string, string[]>();
    for (const problem of problems) {
      const key = problem.field ?? '';
      byField.set(key, [...(byField.get(key) ?? []), problem.message]);
    }
    return byField;
  }

  function targetOf(field: string | undefined, ids: ReadonlyMap<string, string>): string | undefined {
    if (!field) return undefined;
    if (field === 'nội dung bài') return 'f-body';
    let at = field;
    for (;;) {
      const id = ids.get(at);
      if (id) return id;
      const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      if (cut <= 0) return undefined;
      at = at.slice(0, cut);
    }
  }

  async function renderPhotoPreview(collection: CollectionSetup, id: string | undefined, storyHtml: string, photos: { src: string; alt?: string }[]) {
    return storyHtml.replace(PHOTO_MARKER, (_, n: string) => {
      const photo = photos[Number(n) - 1];
      if (!photo || !id) return '';
      const src = `/_anh/${collection.folder}/${photo.src.replace(/^\.\//, '')}`;
      return html`<figure><img src="${src}" alt="${photo.alt ?? ''}" /></figure>`.text;
    });
  }

  async function storyPreview(state: Pick<FormState, 'collection' | 'id' | 'body' | 'photos'>): Promise<Html> {
    const { story, problems } = compileStory(state.body.replace(/\r\n?/g, '\n'), state.photos.length);
    if (!story)
      return html`<div class="error-summary" role="alert">
        <ul>
          ${problems.map((p) => html`<li>${p.line ? `Dòng ${p.line}: ` : ''}${p.message}</li>`)}
        </ul>
      </div>`;
    return html`<div class="prose story">${raw(await renderPhotoPreview(state.collection, state.id, story.html, state.photos))}</div>`;
  }

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
    const status = String(((state.values.publication ?? {}) as Values).status ?? '');
    const main = html`<h1>${title}</h1>
      <p class="status"><span class="badge badge-${status || 'none'}">${desk.statuses[status] ?? status}</span></p>
      ${state.message ? html`<div class="notice" role="status">${state.message}</div>` : ''} ${summary}
      ${!isNew ? html`<p class="entry-links"><a href="/${collection.route}/${state.id}/lich-su">${desk.form.history}</a>${collection.key === 'exemplars' ? html` · <a href="/${collection.route}/${state.id}/phat-thanh">${desk.outputs.radio}</a> · <a href="/${collection.route}/${state.id}/xem-trang">${desk.outputs.page}</a>` : ''}</p>` : ''}
      <form method="post" action="${action}" novalidate class="entry-form" data-entry="${collection.route}/${state.id ?? 'moi'}">
        <input type="hidden" name="csrf" value="${token}" />
        <input type="hidden" name="hash" value="${state.hash}" />
        <!-- Enter in a text box presses the form's first button: it must save, not move or remove a list item. -->
        <button type="submit" name="action" value="save" class="default-action" tabindex="-1" aria-hidden="true">${desk.form.save}</button>
        <div class="field${!state.editor && problems.some((p) => p.field === 'editor') ? ' field-error' : ''}">
          <label for="f-editor">${desk.form.editor}</label>
          <p class="hint" id="f-editor-hint">${desk.form.editorHint}</p>
          ${errors.get('editor') ? html`<p class="error-message" id="f-editor-error"><span class="visually-hidden">${desk.form.errorPrefix} </span>${errors.get('editor')!.join(' ')}</p>` : ''}
          <input
            type="text"
            id="f-editor"
            name="editor"
            value="${state.editor}"
            autocomplete="name"
            aria-describedby="f-editor-hint${errors.get('editor') ? ' f-editor-error' : ''}"
          />
        </div>
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
          <button type="submit" name="action" value="save-draft" class="secondary">${desk.form.saveDraft}</button>
        </div>
      </form>
      ${!isNew && collection.key === 'exemplars' ? photoForm(collection, state.id!, token) : ''}`;
    return layout(title, main, { current: collection.key, token });
  }

  function photoForm(collection: CollectionSetup, id: string, token: string) {
    return html`<section class="photo-upload" aria-labelledby="photo-title">
      <h2 id="photo-title">${desk.photo.title}</h2>
      <form method="post" action="/${collection.route}/${id}/anh" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="csrf" value="${token}" />
        <div class="field">
          <label for="p-file">${desk.photo.file}</label>
          <p class="hint" id="p-file-hint">${desk.photo.fileHint}</p>
          <input type="file" id="p-file" name="file" accept="image/jpeg,image/png,image/webp,image/avif" aria-describedby="p-file-hint" />
        </div>
        <div class="field"><label for="p-alt">${desk.photo.alt}</label><input type="text" id="p-alt" name="alt" /></div>
        <div class="field"><label for="p-credit">${desk.photo.credit}</label><input type="text" id="p-credit" name="credit" /></div>
        <div class="field"><label for="p-caption">${desk.photo.caption}</label><input type="text" id="p-caption" name="caption" /></div>
        <div class="field"><label for="p-editor">${desk.form.editor}</label><input type="text" id="p-editor" name="editor" autocomplete="name" /></div>
        <button type="submit">${desk.photo.upload}</button>
      </form>
    </section>`;
  }

  const photosOf = (values: Values): { src: string; alt?: string }[] =>
    ((values.photos ?? []) as { value: Values }[]).map((item) => ({ src: String(item.value.src ?? ''), alt: String(item.value.alt ?? '') }));

  function stateFromFile(collection: CollectionSetup, id: string, text: string, editor: string): FormState {
    const split = splitEntry(text);
    const data = split ? (parseFrontmatter(split.frontmatter).toJS() as Record<string, unknown>) : {};
    const values = valuesOf(collection.specs, data ?? {});
    return { collection, id, values, body: split?.body ?? text, hash: remember(text), editor, photos: photosOf(values) };
  }

  function newTemplate(collection: CollectionSetup): string {
    void collection;
    return `---\npublication:\n  status: ban-nhap\n---\n\n`;
  }

  function newState(collection: CollectionSetup, editor: string): FormState {
    const start =
      collection.key === 'exemplars'
        ? { kind: 'ca-nhan', storyType: 'bai-viet', published: todayInVietnam(), author: editor || undefined, publication: { status: 'ban-nhap' } }
        : { kind: 'theo-dot', publication: { status: 'ban-nhap' } };
    const values = valuesOf(collection.specs, start);
    return {
      collection,
      values,
      body: collection.key === 'exemplars' ? 'Viết câu chuyện ở đây.\n' : 'Tóm tắt kế hoạch ở đây.\n',
      hash: '',
      editor,
      photos: [],
    };
  }

  async function commit(files: string[], editor: string, message: string) {
    try {
      history.record(files, editor, message);
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
    const baseState = { collection, id, values, body: body.replace(/\r\n?/g, '\n'), hash: form.get('hash') ?? '', editor, photos: photosOf(values) };

    if (applyListAction(collection.specs, values, action)) return send(res, 200, await formPage(baseState, token));
    if (action === 'preview') {
      const preview = await storyPreview(baseState);
      if (form.get('fragment') === '1') return send(res, 200, preview.text);
      return send(res, 200, await formPage({ ...baseState, preview }, token));
    }
    if (action === 'save-draft') ((posted.publication ??= {}) as Values).status = 'ban-nhap';

    let file: string;
    let current: string | undefined;
    let entryId = id;
    if (id === undefined) {
      const name = String(posted[collection.idKey] ?? '').trim();
      entryId = slugify(name);
      if (!name || !/[a-z]/.test(entryId))
        return send(res, 200, await formPage({ ...baseState, problems: [{ file: '', field: collection.idKey, message: desk.form.noId }] }, token));
      file = `content/${collection.folder}/${entryId}.mdx`;
      if (existsSync(absolute(file)) || (await findEntry(collection, entryId))) {
        return send(res, 200, await formPage({ ...baseState, problems: [{ file, field: collection.idKey, message: desk.form.exists(entryId) }] }, token));
      }
    } else {
      const summary = await findEntry(collection, id);
      if (!summary) throw new HttpError(404, desk.refused.notFound);
      file = summary.file;
      current = readFileSync(absolute(file), 'utf8');
    }
    if (!editor) return send(res, 200, await formPage({ ...baseState, problems: [{ file, field: 'editor', message: desk.form.editorMissing }] }, token));

    const base = current === undefined ? newTemplate(collection) : sha(current) === baseState.hash ? current : bases.get(baseState.hash);
    const mine = editEntry(base ?? current!, collection.specs, posted, body);
    if (current !== undefined && sha(current) !== baseState.hash) return send(res, 409, conflictPage(collection, entryId!, current, mine, editor, token));

    const problems = await checkEntry(index, collection.key, file, mine);
    const split = splitEntry(mine);
    const status = split ? (parseFrontmatter(split.frontmatter).toJS() as { publication?: { status?: string } } | null)?.publication?.status : undefined;
    if (problems.length > 0 && status === 'da-duyet') {
      return send(res, 200, await formPage({ ...baseState, problems, message: html`${desk.form.approvedNeedsClean}` }, token));
    }
    if (mine === current) {
      return send(res, 200, await formPage({ ...stateFromFile(collection, entryId!, mine, editor), problems, message: html`${desk.form.unchanged}` }, token));
    }
    writeAtomic(absolute(file), mine);
    const name = String(posted[collection.nameKey] ?? entryId);
    await commit([file], editor, current === undefined ? desk.commit.create(collection.what, name) : desk.commit.edit(collection.what, name));
    if (problems.length === 0) return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${entryId}?luu=1` });
    const state = stateFromFile(collection, entryId!, mine, editor);
    return send(res, 200, await formPage({ ...state, problems, message: html`${desk.form.savedWithProblems(problems.length)}` }, token));
  }

  function diffView(before: string, after: string): Html {
    // Line ends are written as values: the formatter must not be able to change what a <pre> shows.
    return html`<pre class="diff">${lineDiff(before, after).map((line) =>
      line.kind === ' '
        ? html`<span>  ${line.text}${NL}</span>`
        : line.kind === '-'
          ? html`<del>− ${line.text}${NL}</del>`
          : html`<ins>+ ${line.text}${NL}</ins>`,
    )}</pre>`;
  }

  function conflictPage(collection: CollectionSetup, id: string, theirs: string, mine: string, editor: string, token: string): string {
    const main = html`<h1>${desk.conflict.title}</h1>
      <div class="error-summary" role="alert"><p>${desk.conflict.explain}</p></div>
      ${diffView(theirs, mine)}
      <form method="post" action="/${collection.route}/${id}/gop" novalidate>
        <input type="hidden" name="csrf" value="${token}" />
        <input type="hidden" name="hash" value="${remember(theirs)}" />
        <div class="field"><label for="m-editor">${desk.form.editor}</label><input type="text" id="m-editor" name="editor" value="${editor}" /></div>
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
    writeAtomic(absolute(summary.file), text);
    await commit([summary.file], editor, desk.commit.edit(collection.what, summary.name));
    const state = stateFromFile(collection, id, text, editor);
    return send(res, 200, await formPage({ ...state, problems, message: html`${desk.form.savedAt(timeNow())}` }, token));
  }

  async function historyPage(collection: CollectionSetup, id: string, url: URL, token: string): Promise<string> {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const versions = history.versions(summary.file);
    const version = url.searchParams.get('v');
    let detail: Html | '' = '';
    if (version) {
      const old = history.textAt(summary.file, version);
      if (old === undefined) throw new HttpError(404, desk.refused.notFound);
      const current = readFileSync(absolute(summary.file), 'utf8');
      detail = html`<h2>${desk.history.diff}</h2>
        ${diffView(current, old)}
        <form method="post" action="/${collection.route}/${id}/lich-su" novalidate>
          <input type="hidden" name="csrf" value="${token}" /><input type="hidden" name="version" value="${version}" />
          <div class="field"><label for="h-editor">${desk.form.editor}</label><input type="text" id="h-editor" name="editor" autocomplete="name" /></div>
          <p class="hint">${desk.history.restoreHint}</p>
          <button type="submit">${desk.history.restore}</button>
        </form>`;
    }
    const when = (date: string) => new Date(date).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    const main = html`<h1>${desk.history.title(summary.name)}</h1>
      <p><a href="/${collection.route}/${id}">${desk.history.back}</a></p>
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
                      <td><a href="/${collection.route}/${id}/lich-su?v=${v.id}">${desk.history.view}</a></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${detail}`;
    return layout(desk.history.title(summary.name), main, { current: collection.key, token });
  }

  async function outputPage(collection: CollectionSetup, id: string, which: 'phat-thanh' | 'xem-trang', token: string): Promise<string> {
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
    const page = await pageOf(index, summary.file, text, (src) => `/_anh/${collection.folder}/${src.replace(/^\.\//, '')}`);
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

  async function recordsOf(setup: RecordSetup): Promise<RecordAt[]> {
    const out: RecordAt[] = [];
    for (const file of await setup.files(root)) {
      const text = readFileSync(absolute(file), 'utf8');
      const data = parseFrontmatter(text).toJS() as unknown;
      if (setup.single) out.push({ file, text, data: (data ?? {}) as Record<string, unknown>, name: setup.title });
      else if (Array.isArray(data)) {
        data.forEach((item: Record<string, unknown>, i) => out.push({ file, text, index: i, data: item ?? {}, name: String(item?.name ?? item?.id ?? i) }));
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
<form method="post" action="${action}" novalidate class="entry-form" data-entry="${setup.route}/${String(record.data.id ?? '')}">
<input type="hidden" name="csrf" value="${token}" />
<input type="hidden" name="hash" value="${remember(record.text)}" />
<div class="field"><label for="f-editor">${desk.form.editor}</label><p class="hint" id="f-editor-hint">${desk.form.editorHint}</p><input type="text" id="f-editor" name="editor" value="${editor}" autocomplete="name" aria-describedby="f-editor-hint" /></div>
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
    const item = record.index === undefined ? doc.toJS() : (doc.toJS() as unknown[])[record.index];
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
    const newRecord = { ...record, text, data: (record.index === undefined ? again : (again as unknown[])[record.index]) as Record<string, unknown> };
    if (problems.length > 0) return send(res, 200, await recordPage(setup, record, posted, editor, token, problems));
    if (text === record.text)
      return send(res, 200, await recordPage(setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.unchanged}`));
    writeAtomic(absolute(record.file), text);
    await commit([record.file], editor, `Sửa ${setup.what} ${record.name}`);
    return send(res, 200, await recordPage(setup, newRecord, valuesOf(setup.specs, newRecord.data), editor, token, [], html`${desk.form.savedAt(timeNow())}`));
  }

  async function restore(collection: CollectionSetup, id: string, form: URLSearchParams, res: ServerResponse) {
    const summary = await findEntry(collection, id);
    if (!summary) throw new HttpError(404, desk.refused.notFound);
    const version = form.get('version') ?? '';
    const old = history.textAt(summary.file, version);
    if (old === undefined) throw new HttpError(404, desk.refused.notFound);
    const editor = toNfc((form.get('editor') ?? '').trim()) || 'Biên tập viên';
    writeAtomic(absolute(summary.file), old);
    await commit([summary.file], editor, desk.commit.restore(collection.what, summary.name));
    return send(res, 303, '', 'text/plain', { Location: `/${collection.route}/${id}?luu=1` });
  }

  async function uploadPhoto(collection: CollectionSetup, id: string, req: IncomingMessage, body: Buffer, session: string, token: string, res: ServerResponse) {
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
    const state = stateFromFile(collection, id, current, field('editor'));
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
      writeAtomic(absolute(photoFile), upload.data);
      const split = splitEntry(current)!;
      const doc = parseFrontmatter(split.frontmatter);
      const item = doc.createNode({ src: `./${name()}`, alt, credit, ...(field('caption') ? { caption: field('caption') } : {}) });
      const photos = doc.getIn(['photos'], true);
      if (isSeq(photos) && !(photos as YAMLSeq).flow) (photos as YAMLSeq).items.push(item);
      else doc.setIn(['photos'], doc.createNode([...((isSeq(photos) ? photos.toJSON() : []) as unknown[]), item.toJSON()]));
      if (!isMap(doc.contents)) return fail(desk.photo.saveFirst);
      const text = split.head + stringifyLike(doc, split.frontmatter).replace(/\n$/, '') + split.close + split.body;
      writeAtomic(absolute(summary.file), text);
      await commit([summary.file, photoFile], field('editor') || 'Biên tập viên', desk.commit.photo(summary.name));
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
    let session = /^[\w-]{32}$/.test(cookies.desk_session ?? '') ? cookies.desk_session! : '';
    const headers: Record<string, string> = {};
    if (!session) {
      session = randomBytes(24).toString('base64url');
      headers['Set-Cookie'] = `desk_session=${session}; Path=/; HttpOnly; SameSite=Strict`;
    }
    const token = tokenOf(session);
    const reply = (status: number, body: string, type?: string, more: Record<string, string> = {}) => send(res, status, body, type, { ...headers, ...more });
    const pathname = url.pathname;

    if (req.method === 'GET' || req.method === 'HEAD') {
      const asset = STATIC[pathname];
      if (asset) return reply(200, readFileSync(asset.file, 'utf8'), asset.type);
      if (pathname.startsWith('/_anh/')) return photoFile(pathname, res);
      if (pathname === '/') return reply(303, '', 'text/plain', { Location: '/dien-hinh' });
      const [, route, id, sub, extra] = pathname.split('/');
      const editor = decodeSafely(cookies.desk_editor ?? '');
      const records = Object.values(RECORDS).find((r) => r.route === route);
      if (records && sub === undefined) {
        if (!records.single && !id) return reply(200, await recordList(records, url, token));
        const record = await findRecord(records, id);
        if (!record) throw new HttpError(404, desk.refused.notFound);
        return reply(200, await recordPage(records, record, valuesOf(records.specs, record.data), editor, token));
      }
      const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
      if (!collection || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
      if (id === undefined || id === '') return reply(200, await listPage(collection, url, token));
      if (id === 'moi' && sub === undefined) return reply(200, await formPage(newState(collection, editor), token));
      if (sub === 'lich-su') return reply(200, await historyPage(collection, id, url, token));
      if ((sub === 'phat-thanh' || sub === 'xem-trang') && collection.key === 'exemplars') return reply(200, await outputPage(collection, id, sub, token));
      if (sub !== undefined) throw new HttpError(404, desk.refused.notFound);
      const summary = await findEntry(collection, id);
      if (!summary) throw new HttpError(404, desk.refused.notFound);
      const text = readFileSync(absolute(summary.file), 'utf8');
      const state = stateFromFile(collection, id, text, editor);
      if (url.searchParams.has('luu')) state.message = html`${desk.form.savedAt(timeNow())}`;
      return reply(200, await formPage(state, token));
    }

    if (req.method !== 'POST') return reply(405, '', 'text/plain', { Allow: 'GET, HEAD, POST' });
    const body = await readBody(req);
    const [, route, id, sub, extra] = pathname.split('/');
    if (!cookies.desk_session) throw new HttpError(403, desk.refused.token);
    const records = Object.values(RECORDS).find((r) => r.route === route);
    const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
    if (records && sub === undefined) {
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      const record = await findRecord(records, id);
      if (!record) throw new HttpError(404, desk.refused.notFound);
      return saveRecord(records, record, form, token, res);
    }
    if (!collection || !id || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
    if (sub === 'anh') return uploadPhoto(collection, id, req, body, session, token, res);
    if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, desk.refused.token);
    const form = new URLSearchParams(body.toString('utf8'));
    if (!tokenMatches(form.get('csrf') ?? req.headers['x-csrf-token'], token)) throw new HttpError(403, desk.refused.token);
    const editor = (form.get('editor') ?? '').trim();
    if (editor) headers['Set-Cookie'] = `desk_editor=${encodeURIComponent(editor.slice(0, 80))}; Path=/; SameSite=Strict`;
    res.setHeader('Set-Cookie', headers['Set-Cookie'] ?? []);
    if (sub === undefined && id === 'moi') return saveEntry(collection, undefined, form, token, res);
    if (!isEntryId(id)) throw new HttpError(404, desk.refused.notFound);
    if (sub === undefined) return saveEntry(collection, id, form, token, res);
    if (sub === 'gop') return saveMerged(collection, id, form, token, res);
    if (sub === 'lich-su') return restore(collection, id, form, res);
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
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Read the lists and the entries they refer to while the editor opens the browser: the first save or list of
  // 10,000 exemplars then finds them in memory.
  void index
    .list('exemplars')
    .then(() => index.list('campaigns'))
    .then(() => index.reference())
    .catch(() => {});
  const actual = (server.address() as { port: number }).port;
  hosts = allowedHosts(actual);
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    history,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
