/** Helpers of the desk's tests: a copy of the sample content, the desk started on it, forms posted as a browser would. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './build-sample.ts';
import { startDesk, type Desk } from '../../src/desk/server.ts';
import type { FieldSpec } from '../../src/desk/schema-form.ts';
import { itemKey, valuesOf, type Values } from '../../src/desk/form.ts';
import { parseFrontmatter, splitEntry, type PostedItem } from '../../src/desk/edit.ts';

/** A folder holding a copy of content/ only: the desk reads and writes nothing else. */
export function contentCopy() {
  const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-desk-'));
  cpSync(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export async function deskOn(root: string, env?: NodeJS.ProcessEnv): Promise<Desk> {
  return startDesk({ root, port: 0, env });
}

/** The fields a browser sends for these values, in the order the form lists them. */
export function valuesToParams(specs: readonly FieldSpec[], values: Values, params = new URLSearchParams(), prefix = 'f') {
  for (const spec of specs) {
    const name = `${prefix}.${spec.key}`;
    const value = values[spec.key];
    switch (spec.kind) {
      case 'object':
        valuesToParams(spec.children!, (value ?? {}) as Values, params, name);
        break;
      case 'list':
        params.append(name, '');
        for (const item of (value ?? []) as PostedItem[]) {
          params.append(name, itemKey(item));
          valuesToParams(spec.item!.children!, item.value, params, `${name}.${itemKey(item)}`);
        }
        break;
      case 'choices':
        params.append(name, '');
        for (const choice of (value ?? []) as string[]) params.append(name, choice);
        break;
      case 'boolean':
        params.append(name, 'false');
        if (value === true) params.append(name, 'true');
        break;
      case 'unknown':
        break;
      default:
        // A value kept as it is has no input on the page.
        if (value === null || typeof value !== 'object') params.append(name, (value as string | undefined) ?? '');
        else params.append(`${name}.__kept`, '1');
    }
  }
  return params;
}

/** A session of one browser: its cookie, and the token and hash of the last page it opened. */
export class DeskClient {
  cookie = '';
  token = '';
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async get(pathname: string, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(pathname, this.base), { headers: { cookie: this.cookie, ...headers }, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set?.startsWith('desk_session=')) this.cookie = set.split(';')[0]!;
    const text = await response.text();
    this.token = /name="csrf-token" content="([^"]+)"/.exec(text)?.[1] ?? this.token;
    return { status: response.status, text, headers: response.headers };
  }

  async post(pathname: string, params: URLSearchParams, headers: Record<string, string> = {}) {
    if (!params.has('csrf')) params.set('csrf', this.token);
    const response = await fetch(new URL(pathname, this.base), {
      method: 'POST',
      body: params,
      headers: {
        cookie: this.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.base.replace(/\/$/, ''),
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      redirect: 'manual',
    });
    const set = response.headers.get('set-cookie');
    if (set?.startsWith('desk_session=')) this.cookie = set.split(';')[0]!;
    const text = await response.text();
    this.token = /name="csrf-token" content="([^"]+)"/.exec(text)?.[1] ?? this.token;
    return { status: response.status, text, location: response.headers.get('location'), headers: response.headers };
  }
}

export const hashOf = (page: string) => /name="hash" value="([^"]*)"/.exec(page)?.[1] ?? '';

/** Logs a client in: opens the login page for its token, then posts the name and password. */
export async function logIn(client: DeskClient, username: string, password: string) {
  await client.get('/dang-nhap');
  return client.post('/dang-nhap', new URLSearchParams({ username, password }));
}

/** The whole form of an entry as its page sends it, every field as the file `raw` has it, with one change. */
export function entryForm(specs: readonly FieldSpec[], raw: string, page: string, change: (params: URLSearchParams) => void = () => {}) {
  const split = splitEntry(raw)!;
  const params = valuesToParams(specs, valuesOf(specs, parseFrontmatter(split.frontmatter).toJS()));
  params.set('hash', hashOf(page));
  params.set('body', split.body);
  params.set('action', 'save');
  change(params);
  return params;
}
