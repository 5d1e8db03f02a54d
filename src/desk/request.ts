/**
 * Who is making the request being answered, readable from any page renderer without passing it down every call:
 * the person (an account, or the one local user of a desk without accounts) and the CSRF token of their session.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { desk } from '../i18n/desk.ts';
import { toNfc } from '../lib/text.ts';
import { html, type Html } from './html.ts';
import type { Role } from './accounts.ts';
import type { Actor } from './workflow.ts';

export interface RequestContext {
  /** Undefined before login on a desk with accounts. */
  actor?: Actor;
  /** The desk has no account: one local user with every role, who types their name on each form. */
  local: boolean;
  token: string;
}

export const requests = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext => requests.getStore() ?? { local: true, token: '' };

export function hasRole(...roles: Role[]): boolean {
  const { actor } = currentRequest();
  return Boolean(actor && roles.some((role) => actor.roles.includes(role)));
}

/** The name typed in a form's "who is editing" field (editorField), as the history keeps it; '' if none. */
export const typedEditor = (value: string | null | undefined) => toNfc((value ?? '').trim()).slice(0, 80);

/**
 * The "who is editing" part of a form: a name to type on a desk without accounts (kept in the history of each save),
 * or the logged-in person's name, which the server takes from the session whatever the form says.
 */
export function editorField(value: string, prefix = 'f', errors: readonly string[] = []): Html {
  const { actor, local } = currentRequest();
  if (!local && actor) return html`<p class="hint editor-account">${desk.account.editingAs(actor.name)}</p>`;
  return html`<div class="field${errors.length ? ' field-error' : ''}">
    <label for="${prefix}-editor">${desk.form.editor}</label>
    <p class="hint" id="${prefix}-editor-hint">${desk.form.editorHint}</p>
    ${errors.length ? html`<p class="error-message" id="${prefix}-editor-error"><span class="visually-hidden">${desk.form.errorPrefix} </span>${errors.join(' ')}</p>` : ''}
    <input
      type="text"
      id="${prefix}-editor"
      name="editor"
      value="${value}"
      autocomplete="name"
      aria-describedby="${prefix}-editor-hint${errors.length ? ` ${prefix}-editor-error` : ''}"
    />
  </div>`;
}
