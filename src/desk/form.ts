/**
 * Renders the fields of a schema as an accessible form that works without script: a visible label over every
 * field, the guide's help under it, the check's message next to it (linked by aria-describedby), lists with Add,
 * Remove, Up and Down buttons that post the form back. The names of the inputs are what edit.ts reads.
 */
import { html, type Html } from './html.ts';
import { labelOf, type FieldSpec } from './schema-form.ts';
import { shownValue, type Posted, type PostedItem } from './edit.ts';
import { desk } from '../i18n/desk.ts';

export interface Choice {
  value: string;
  label: string;
  /** Folded words a filter matches, for long lists (places). */
  search?: string;
}

export interface FormContext {
  /** Help text by the guide's field name ("awards[].decision"). */
  help: ReadonlyMap<string, string>;
  /** Choices of a field that refers to other entries or has labelled values, by the guide's field name. */
  choices: (name: string, spec: FieldSpec) => Choice[] | undefined;
  /** Messages by field path as the check writes it ("awards[0].decision"). */
  errors: ReadonlyMap<string, string[]>;
  /** Filled while rendering: field path → input id, so that the error summary can link to the field. */
  ids: Map<string, string>;
}

/** Field values in the form's own shape: texts, booleans, choices, groups, and lists whose items keep their key. */
export type Values = { [key: string]: Posted | undefined };

/** A <textarea> drops the first line end after its tag, so every text starts with one. */
const NL = '\n';

const LONG = new Set(['citation', 'scope', 'reason', 'note', 'summary', 'participants', 'aims', 'caption', 'alt', 'notice', 'description']);

const idOf = (name: string) => name.replace(/[^a-zA-Z0-9_-]/g, '-');

/** The data of a file as form values: dates as dd/mm/yyyy, lists with their items numbered as in the file. */
export function valuesOf(specs: readonly FieldSpec[], data: Record<string, unknown> | undefined): Values {
  const out: Values = {};
  for (const spec of specs) {
    const value = data?.[spec.key];
    switch (spec.kind) {
      case 'object':
        out[spec.key] = valuesOf(spec.children!, value as Record<string, unknown> | undefined);
        break;
      case 'list':
        out[spec.key] = (Array.isArray(value) ? value : []).map((item, i) => ({
          from: i,
          value: valuesOf(spec.item!.children!, item as Record<string, unknown>),
        }));
        break;
      case 'choices':
        out[spec.key] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'boolean':
        out[spec.key] = value === undefined ? Boolean(spec.defaultValue) : value === true;
        break;
      case 'unknown':
        break;
      default:
        // A field that may hold a list or a group (a union such as a campaign's sources) and does: kept as it is.
        out[spec.key] = value !== null && typeof value === 'object' ? { [KEPT]: true } : shownValue(spec, value);
    }
  }
  return out;
}

/** Marks a value the form cannot show in one box: no input is rendered, so saving leaves it untouched. */
export const KEPT = '__kept';
const isKept = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value) && KEPT in value;

export const itemKey = (item: PostedItem) => (item.from !== undefined ? `o${item.from}` : (item.key ?? 'n0'));

function describedBy(id: string, hasHelp: boolean, hasError: boolean) {
  const ids = [hasHelp ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function fieldMessages(errors: string[] | undefined, id: string): Html {
  if (!errors?.length) return html``;
  return html`<p class="error-message" id="${id}-error">
    ${errors.map((m) => html`<span class="visually-hidden">${desk.form.errorPrefix} </span>${m}<br />`)}
  </p>`;
}

// Long because it is one switch over the kinds of field, each a few lines of markup sharing its label, hint and errors.
function renderField(spec: FieldSpec, value: Posted | undefined, inputName: string, checkPath: string, context: FormContext): Html {
  const id = `f-${idOf(inputName.slice(2))}`;
  context.ids.set(checkPath, id);
  const helpText = context.help.get(spec.name);
  const label = labelOf(helpText, spec.key);
  const errors = context.errors.get(checkPath);
  const hint = helpText ? html`<p class="hint" id="${id}-hint">${helpText}${spec.kind === 'date' ? ' Gõ ngày dạng 15/03/2024.' : ''}</p>` : html``;
  const described = describedBy(id, Boolean(helpText), Boolean(errors?.length));
  const invalid = errors?.length ? 'true' : undefined;
  const wrap = (control: Html) => html`<div class="field${errors?.length ? ' field-error' : ''}" data-field="${spec.name}">${control}</div>`;
  const fieldLabel = html`<label for="${id}"
    >${label} <code class="key">${spec.key}</code>${spec.optional ? html` <span class="optional">(không bắt buộc)</span>` : ''}</label
  >`;

  switch (spec.kind) {
    case 'object': {
      const group = (value ?? {}) as Values;
      return html`<fieldset class="group" id="${id}" data-field="${spec.name}" ${described ? html` aria-describedby="${described}"` : ''}>
        <legend>${label} <code class="key">${spec.key}</code></legend>
        ${hint}${fieldMessages(errors, id)}
        ${spec.children!.map((child) => renderField(child, group[child.key], `${inputName}.${child.key}`, `${checkPath}.${child.key}`, context))}
      </fieldset>`;
    }
    case 'list': {
      const items = (value ?? []) as PostedItem[];
      return html`<fieldset
        class="group list"
        id="${id}"
        data-list="${inputName}"
        data-field="${spec.name}"
        ${described ? html` aria-describedby="${described}"` : ''}
      >
        <legend>${label} <code class="key">${spec.key}</code></legend>
        ${hint}${fieldMessages(errors, id)}
        <input type="hidden" name="${inputName}" value="" />
        <ol class="items">
          ${items.map((item, i) => {
            const key = itemKey(item);
            const itemName = `${inputName}.${key}`;
            return html`<li class="item">
              <fieldset class="group">
                <legend>${desk.form.item(i + 1)}</legend>
                <input type="hidden" name="${inputName}" value="${key}" />
                ${spec.item!.children!.map((child) => renderField(child, item.value[child.key], `${itemName}.${child.key}`, `${checkPath}[${i}].${child.key}`, context))}
                <div class="item-actions">
                  <button type="submit" name="action" value="up:${itemName}" class="secondary" ${i === 0 ? html` disabled` : ''}>${desk.form.up}</button>
                  <button type="submit" name="action" value="down:${itemName}" class="secondary" ${i === items.length - 1 ? html` disabled` : ''}>
                    ${desk.form.down}
                  </button>
                  <button type="submit" name="action" value="remove:${itemName}" class="secondary danger">${desk.form.remove}</button>
                </div>
              </fieldset>
            </li>`;
          })}
        </ol>
        <button type="submit" name="action" value="add:${inputName}" class="secondary">${desk.form.add}: ${label.toLowerCase()}</button>
      </fieldset>`;
    }
    case 'choices': {
      const chosen = (value ?? []) as string[];
      const choices = context.choices(spec.name, spec) ?? spec.options?.map((o): Choice => ({ value: o, label: o }));
      if (!choices) {
        return wrap(
          html`${fieldLabel}${hint}${fieldMessages(errors, id)}
            <textarea
              id="${id}"
              name="${inputName}"
              rows="${Math.max(2, chosen.length + 1)}"
              ${described ? html` aria-describedby="${described}"` : ''}${invalid ? html` aria-invalid="true"` : ''}
            >${NL}${chosen.join('\n')}</textarea>`,
        );
      }
      const known = new Set(choices.map((c) => c.value));
      const all = [...choices, ...chosen.filter((c) => !known.has(c)).map((c) => ({ value: c, label: c }))];
      return html`<fieldset class="group choices" id="${id}" data-field="${spec.name}" ${described ? html` aria-describedby="${described}"` : ''}>
        <legend>${label} <code class="key">${spec.key}</code></legend>
        ${hint}${fieldMessages(errors, id)}
        <input type="hidden" name="${inputName}" value="" />
        <div class="checkboxes">
          ${all.map(
            (choice, i) =>
              html`<div class="checkbox">
                <input
                  type="checkbox"
                  id="${id}-${i}"
                  name="${inputName}"
                  value="${choice.value}"
                  ${chosen.includes(choice.value) ? html` checked` : ''}
                /><label for="${id}-${i}">${choice.label}</label>
              </div>`,
          )}
        </div>
      </fieldset>`;
    }
    case 'boolean':
      return wrap(
        html`<div class="checkbox">
            <input type="hidden" name="${inputName}" value="false" /><input
              type="checkbox"
              id="${id}"
              name="${inputName}"
              value="true"
              ${value === true ? html` checked` : ''}${described ? html` aria-describedby="${described}"` : ''}
            />${fieldLabel}
          </div>
          ${hint}${fieldMessages(errors, id)}`,
      );
    case 'enum':
    case 'text':
    case 'date':
    case 'number': {
      // The marker carries "kept" through a post that re-renders the form (Add, Up, Preview), so the field stays.
      if (isKept(value))
        return wrap(
          html`<p class="label">${label} <code class="key">${spec.key}</code></p><p class="hint">${desk.form.fileOnly}</p><input type="hidden" name="${inputName}.${KEPT}" value="1" />`,
        );
      const text = typeof value === 'string' ? value : '';
      const choices = context.choices(spec.name, spec) ?? (spec.kind === 'enum' ? spec.options!.map((o): Choice => ({ value: o, label: o })) : undefined);
      const aria = html`${described ? html` aria-describedby="${described}"` : ''}${invalid ? html` aria-invalid="true"` : ''}`;
      if (choices) {
        const known = choices.some((c) => c.value === text);
        return wrap(
          html`${fieldLabel}${hint}${fieldMessages(errors, id)}
            <select id="${id}" name="${inputName}" ${aria}${choices.length > 30 || choices.some((c) => c.search) ? html` data-filter="true"` : ''}${spec.key === 'place' ? html` data-register="true"` : ''}>
              <option value="">${desk.form.none}</option>
              ${!known && text ? html`<option value="${text}" selected>${text}</option>` : ''}
              ${choices.map((c) => html`<option value="${c.value}" ${c.value === text ? html` selected` : ''}${c.search ? html` data-search="${c.search}"` : ''}>${c.label}</option>`)}
            </select>`,
        );
      }
      if (spec.kind === 'text' && (LONG.has(spec.key) || text.includes('\n') || text.length > 90)) {
        return wrap(html`${fieldLabel}${hint}${fieldMessages(errors, id)}<textarea id="${id}" name="${inputName}" rows="3"${aria}>${NL}${text}</textarea>`);
      }
      const extra =
        spec.kind === 'date'
          ? html` inputmode="numeric" autocomplete="off" class="date"`
          : spec.kind === 'number'
            ? html` inputmode="numeric" class="number"`
            : html``;
      return wrap(html`${fieldLabel}${hint}${fieldMessages(errors, id)}<input type="text" id="${id}" name="${inputName}" value="${text}" ${extra}${aria} />`);
    }
    default:
      return wrap(
        html`<p class="label">${label} <code class="key">${spec.key}</code></p>
          <p class="hint">${desk.form.fileOnly}</p>`,
      );
  }
}

export function renderFields(specs: readonly FieldSpec[], values: Values, context: FormContext): Html {
  return html`${specs.map((spec) => renderField(spec, values[spec.key], `f.${spec.key}`, spec.key, context))}`;
}

/** Carries out Add, Remove, Up or Down on the posted values; true if the action named a list. */
export function applyListAction(specs: readonly FieldSpec[], values: Values, action: string): boolean {
  const match = /^(add|remove|up|down):f\.(.+)$/.exec(action);
  if (!match) return false;
  const [, verb, target] = match;
  const parts = target!.split('.');
  let currentSpecs: readonly FieldSpec[] = specs;
  let current: Values = values;
  for (let i = 0; i < parts.length; i++) {
    const spec = currentSpecs.find((s) => s.key === parts[i]);
    if (!spec) return false;
    if (spec.kind === 'object') {
      current = (current[spec.key] ??= {}) as Values;
      currentSpecs = spec.children!;
      continue;
    }
    if (spec.kind !== 'list') return false;
    const items = (current[spec.key] ??= []) as PostedItem[];
    const key = parts[i + 1];
    if (verb === 'add' && key === undefined) {
      items.push({ key: `n${Date.now().toString(36)}${items.length}`, value: {} });
      return true;
    }
    const index = items.findIndex((item) => itemKey(item) === key);
    if (index < 0) return false;
    if (i + 2 < parts.length) {
      current = items[index]!.value;
      currentSpecs = spec.item!.children!;
      i++;
      continue;
    }
    if (verb === 'remove') items.splice(index, 1);
    else if (verb === 'up' && index > 0) items.splice(index - 1, 0, ...items.splice(index, 1));
    else if (verb === 'down' && index < items.length - 1) items.splice(index + 1, 0, ...items.splice(index, 1));
    return true;
  }
  return false;
}
