/**
 * The parts of an entry's page in the desk: the form's state, problems placed by field, the story's preview with its
 * photos, the small forms beside it (turning a photo, adding a photo or a document) and the form of a new entry.
 */
import { compileStory, PHOTO_MARKER } from '../lib/mdx/compile.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { desk } from '../i18n/desk.ts';
import type { Problem } from '../lib/content/source.ts';
import { html, raw, type Html } from './html.ts';
import { renderFields, valuesOf, type FormContext, type Values } from './form.ts';
import type { FieldSpec } from './schema-form.ts';
import { editorField } from './request.ts';
import type { WorkflowAction } from './workflow.ts';
import type { CollectionSetup } from './collection-setup.ts';

export interface FormState {
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
  /** The entry's state and consent as the file has them: changed only by the steps of the workflow. */
  publication: Record<string, unknown>;
  consent?: Record<string, unknown>;
  kind?: string;
  minor?: boolean;
  /** A step of the workflow refused, with what was typed for it. */
  step?: { action: WorkflowAction; form: URLSearchParams; problems: Problem[] };
}

/** Problems by field, and those that name no field of the form. */
export function placeProblems(problems: readonly Problem[]) {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const key = problem.field ?? '';
    byField.set(key, [...(byField.get(key) ?? []), problem.message]);
  }
  return byField;
}

export function targetOf(field: string | undefined, ids: ReadonlyMap<string, string>): string | undefined {
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

/**
 * A form's fields with each problem beside its field, and the summary above the form, each problem in it a link to
 * its field. The first pass finds the input of every field; the second puts each problem beside its field.
 */
export function fieldsWithProblems(
  specs: readonly FieldSpec[],
  values: Values,
  { help, choices }: Pick<FormContext, 'help' | 'choices'>,
  problems: readonly Problem[],
): { fields: Html; summary: Html | ''; errors: Map<string, string[]>; general: Problem[] } {
  const ids = new Map<string, string>();
  renderFields(specs, values, { help, choices, errors: new Map(), ids });
  const errors = placeProblems(problems);
  const fields = renderFields(specs, values, { help, choices, errors, ids: new Map() });
  const summary = problems.length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
        <h2>${desk.form.errorsTitle(problems.length)}</h2>
        <ul>
          ${problems.map((p) => {
            const target = targetOf(p.field, ids);
            const text = html`${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}`;
            return html`<li>${target ? html`<a href="#${target}">${text}</a>` : text}</li>`;
          })}
        </ul>
      </div>`
    : '';
  return { fields, summary, errors, general: problems.filter((p) => !targetOf(p.field, ids)) };
}

/** Where the desk serves a photo of an entry of `collection` named `src` in the entry (photoFile in entry-pages.ts). */
export const deskPhotoUrl = (collection: CollectionSetup, src: string) => `/_anh/${collection.folder}/${src.replace(/^\.\//, '')}`;

export async function renderPhotoPreview(collection: CollectionSetup, id: string | undefined, storyHtml: string, photos: { src: string; alt?: string }[]) {
  return storyHtml.replace(PHOTO_MARKER, (_, n: string) => {
    const photo = photos[Number(n) - 1];
    if (!photo || !id) return '';
    const src = deskPhotoUrl(collection, photo.src);
    return html`<figure><img src="${src}" alt="${photo.alt ?? ''}" /></figure>`.text;
  });
}

export async function storyPreview(state: Pick<FormState, 'collection' | 'id' | 'body' | 'photos'>): Promise<Html> {
  const { story, problems } = compileStory(state.body.replace(/\r\n?/g, '\n'), state.photos.length);
  if (!story)
    return html`<div class="error-summary" role="alert">
      <ul>
        ${problems.map((p) => html`<li>${p.line ? `Dòng ${p.line}: ` : ''}${p.message}</li>`)}
      </ul>
    </div>`;
  return html`<div class="prose story">${raw(await renderPhotoPreview(state.collection, state.id, story.html, state.photos))}</div>`;
}

/** A photo taken on its side is turned here, without another program: each turn is a version like any save. */
export function turnForms(collection: CollectionSetup, state: FormState, token: string): Html {
  const photos = state.photos.filter((p) => p.src);
  if (photos.length === 0) return html``;
  return html`<section class="photo-turn" aria-labelledby="turn-title">
    <h2 id="turn-title">${desk.photo.turnTitle}</h2>
    <ul class="photo-list">
      ${photos.map(
        (photo, i) => html`<li>
          <img src="${deskPhotoUrl(collection, photo.src)}" alt="${photo.alt ?? ''}" />
          <form method="post" action="/${collection.route}/${state.id}/xoay-anh">
            <input type="hidden" name="csrf" value="${token}" /><input type="hidden" name="photo" value="${i + 1}" />
            <button type="submit" name="huong" value="trai" class="secondary">${desk.photo.turnLeft(i + 1)}</button>
            <button type="submit" name="huong" value="phai" class="secondary">${desk.photo.turnRight(i + 1)}</button>
          </form>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** A campaign's plan as a PDF, uploaded into public/tai-lieu/ under a name the desk makes, and linked from the campaign. */
export function attachmentForm(collection: CollectionSetup, id: string, token: string) {
  const a = desk.attachment;
  return html`<section class="photo-upload" aria-labelledby="attachment-title">
    <h2 id="attachment-title">${a.title}</h2>
    <form method="post" action="/${collection.route}/${id}/tep" enctype="multipart/form-data" novalidate>
      <input type="hidden" name="csrf" value="${token}" />
      <div class="field">
        <label for="t-file">${a.file}</label>
        <p class="hint" id="t-file-hint">${a.fileHint}</p>
        <input type="file" id="t-file" name="file" accept="application/pdf" aria-describedby="t-file-hint" />
      </div>
      <div class="field"><label for="t-title">${a.linkText}</label><input type="text" id="t-title" name="title" /></div>
      ${editorField('', 't')}
      <button type="submit">${a.upload}</button>
    </form>
  </section>`;
}

export function photoForm(collection: CollectionSetup, id: string, token: string) {
  return html`<section class="photo-upload" aria-labelledby="photo-title">
    <h2 id="photo-title">${desk.photo.title}</h2>
    <form method="post" action="/${collection.route}/${id}/anh" enctype="multipart/form-data" novalidate data-pasted="${desk.photo.pasted('{name}')}">
      <p class="hint" id="p-status" role="status"></p>
      <input type="hidden" name="csrf" value="${token}" />
      <div class="field">
        <label for="p-file">${desk.photo.file}</label>
        <p class="hint" id="p-file-hint">${desk.photo.fileHint}</p>
        <input type="file" id="p-file" name="file" accept="image/jpeg,image/png,image/webp,image/avif" aria-describedby="p-file-hint" />
      </div>
      <div class="field"><label for="p-alt">${desk.photo.alt}</label><input type="text" id="p-alt" name="alt" /></div>
      <div class="field"><label for="p-credit">${desk.photo.credit}</label><input type="text" id="p-credit" name="credit" /></div>
      <div class="field"><label for="p-caption">${desk.photo.caption}</label><input type="text" id="p-caption" name="caption" /></div>
      ${editorField('', 'p')}
      <button type="submit">${desk.photo.upload}</button>
    </form>
  </section>`;
}

export const photosOf = (values: Values): { src: string; alt?: string }[] =>
  ((values.photos ?? []) as { value: Values }[]).map((item) => ({ src: String(item.value.src ?? ''), alt: String(item.value.alt ?? '') }));

/** The text a new entry's form is written into: a draft, whichever the collection. */
export const NEW_ENTRY = `---\npublication:\n  status: ban-nhap\n---\n\n`;

export function newState(collection: CollectionSetup, editor: string): FormState {
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
    publication: { status: 'ban-nhap' },
  };
}

export function workflowFacts(data: unknown): Pick<FormState, 'publication' | 'consent' | 'kind' | 'minor'> {
  const record = (data ?? {}) as Record<string, unknown>;
  const object = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  return {
    publication: object(record.publication) ?? {},
    consent: object(record.consent),
    kind: typeof record.kind === 'string' ? record.kind : undefined,
    minor: record.minor === true,
  };
}
