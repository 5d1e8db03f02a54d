/**
 * Saving changes nothing the editor did not change. The frontmatter is edited through the `yaml` package's document
 * (comments, quotes, key order and flow lists kept), only the fields whose value differs are set, and an entry saved
 * without a change is written back byte for byte (tested on every sample file).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { parseDate, parsePartialDate } from '../lib/dates.ts';
import type { FieldSpec } from './schema-form.ts';

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;

export interface SplitEntry {
  head: string;
  frontmatter: string;
  close: string;
  body: string;
}

export function splitEntry(raw: string): SplitEntry | undefined {
  const match = FRONTMATTER.exec(raw);
  if (!match) return undefined;
  return { head: match[1]!, frontmatter: match[2]!, close: match[3]!, body: raw.slice(match[0].length) };
}

const YAML_OPTIONS = { uniqueKeys: true } as const;
/** What keeps every sample's frontmatter byte-identical when written again: no folding of long lines. */
export const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

export const parseFrontmatter = (text: string) => parseDocument(text, YAML_OPTIONS);

/**
 * The document written in the manner of `original`: flow lists with or without spaces inside their braces, whichever
 * writes the unchanged file back as it was (the place files use `{ id: … }`, the entries `[a, b]`).
 */
export function stringifyLike(doc: Document, original: string): string {
  const padded = { ...TO_STRING, flowCollectionPadding: true };
  const plain = parseFrontmatter(original).toString(TO_STRING);
  const useful = plain === original || plain === `${original}\n` ? TO_STRING : padded;
  return doc.toString(useful);
}

/** What the browser sent for one field: text, a checkbox, choices, a group or a list of groups. */
export type Posted = string | boolean | string[] | { [key: string]: Posted | undefined } | PostedItem[] | undefined;
export interface PostedItem {
  /** Index of the item in the file before this edit, or undefined for a new item. */
  from?: number;
  /** The form's name of a new item. */
  key?: string;
  value: { [key: string]: Posted | undefined };
}

/** Reads the fields of `specs` from a posted form, names as the form writes them (`f.awards.0.decision`). */
export function readPosted(specs: readonly FieldSpec[], form: URLSearchParams, prefix = 'f'): { [key: string]: Posted | undefined } {
  const out: { [key: string]: Posted | undefined } = {};
  for (const spec of specs) {
    const name = `${prefix}.${spec.key}`;
    switch (spec.kind) {
      case 'object':
        out[spec.key] = readPosted(spec.children!, form, name);
        break;
      case 'list':
        if (!form.has(name)) break;
        out[spec.key] = form
          .getAll(name)
          .filter((key) => /^(o\d+|n\w+)$/.test(key))
          .map((key) => ({
            from: key.startsWith('o') ? Number(key.slice(1)) : undefined,
            key,
            value: readPosted(spec.item!.children!, form, `${name}.${key}`),
          }));
        break;
      case 'choices':
        if (!form.has(name)) break;
        out[spec.key] = form
          .getAll(name)
          .flatMap((value) => value.split(/\r?\n/))
          .map((value) => value.trim())
          .filter(Boolean);
        break;
      case 'boolean':
        if (form.has(name)) out[spec.key] = form.getAll(name).includes('true');
        break;
      case 'unknown':
        break;
      default: {
        const value = form.get(name);
        if (value !== null) out[spec.key] = value.replace(/\r\n?/g, '\n');
        // A value the form showed no box for (see form.ts): kept as the file has it.
        else if (form.has(`${name}.__kept`)) out[spec.key] = { __kept: true };
      }
    }
  }
  return out;
}

const isEmpty = (value: Posted | undefined): boolean =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isEmpty));

/** The value a text field shows: dates as dd/mm/yyyy, the way editors type them. */
export function shownValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (spec.kind === 'date') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
    const month = /^(\d{4})-(\d{2})$/.exec(text);
    if (month) return `${month[2]}/${month[1]}`;
  }
  return text;
}

function sameDate(a: string, b: string): boolean {
  const pa = parseDate(a);
  const pb = parseDate(b);
  if (pa.ok && pb.ok) return pa.date === pb.date;
  const qa = parsePartialDate(a);
  const qb = parsePartialDate(b);
  return qa.ok && qb.ok ? qa.date === qb.date : a.trim() === b.trim();
}

function sameLeaf(spec: FieldSpec, original: unknown, posted: string): boolean {
  if (original === undefined || original === null) return posted.trim() === '';
  if (spec.kind === 'date') return sameDate(String(original), posted);
  if (spec.kind === 'number') return String(original) === posted.trim();
  // A value that is not text in the file (a number where text belongs) is shown as text: unchanged if it reads the same.
  return (
    String(original) === posted ||
    (typeof original === 'string' && original.trim() === posted.trim() && posted !== '' && original.replace(/\s+$/, '') === posted.replace(/\s+$/, ''))
  );
}

type Key = string | number;

function setScalar(doc: Document, at: Key[], value: unknown) {
  const node = doc.getIn(at, true);
  // Keeping the node keeps its quotes and comments; only the value changes.
  if (isScalar(node)) node.value = value;
  else doc.setIn(at, value);
}

function leafValue(spec: FieldSpec, posted: string): unknown {
  const text = spec.kind === 'text' ? posted : posted.trim();
  if (spec.kind === 'number') return Number.isFinite(Number(text)) && text !== '' ? Number(text) : text;
  return text;
}

/** Applies what changed between `original` (the file's data) and `posted` to `doc` at `at`. */
// Long because it is one switch over the kinds of field, each keeping what the editor did not touch as it was written.
export function applyEdits(
  doc: Document,
  specs: readonly FieldSpec[],
  original: Record<string, unknown> | undefined,
  posted: { [key: string]: Posted | undefined },
  at: Key[] = [],
) {
  for (const spec of specs) {
    if (!(spec.key in posted)) continue;
    const value = posted[spec.key];
    const before = original?.[spec.key];
    const where = [...at, spec.key];
    switch (spec.kind) {
      case 'object': {
        const group = value as { [key: string]: Posted | undefined };
        if (isEmpty(group)) {
          if (before !== undefined && spec.optional) doc.deleteIn(where);
          break;
        }
        applyEdits(doc, spec.children!, before as Record<string, unknown> | undefined, group, where);
        break;
      }
      case 'list': {
        const items = value as PostedItem[];
        const previous = Array.isArray(before) ? (before as Record<string, unknown>[]) : [];
        const sameOrder = items.length === previous.length && items.every((item, i) => item.from === i);
        if (!sameOrder) {
          if (items.length === 0) {
            if (before !== undefined) doc.setIn(where, doc.createNode([]));
            break;
          }
          const seqNode = doc.getIn(where, true);
          const oldItems = isSeq(seqNode) ? [...(seqNode as YAMLSeq).items] : [];
          const seq = doc.createNode([]) as YAMLSeq;
          seq.items = items.map((item) => (item.from !== undefined && oldItems[item.from] ? oldItems[item.from] : doc.createNode({})));
          doc.setIn(where, seq);
        }
        items.forEach((item, i) => applyEdits(doc, spec.item!.children!, item.from !== undefined ? previous[item.from] : undefined, item.value, [...where, i]));
        break;
      }
      case 'choices': {
        // Checkboxes come back in the order of the list, not of the file: the file's order is kept for what stays.
        const sent = value as string[];
        const previous = Array.isArray(before) ? before.map(String) : [];
        const chosen = [...previous.filter((c) => sent.includes(c)), ...sent.filter((c) => !previous.includes(c))];
        if (chosen.length === previous.length && chosen.every((c, i) => c === previous[i])) break;
        if (chosen.length === 0 && before === undefined) break;
        const node = doc.getIn(where, true);
        const seq = doc.createNode(chosen) as YAMLSeq;
        seq.flow = isSeq(node) ? Boolean(node.flow) : true;
        doc.setIn(where, seq);
        break;
      }
      case 'boolean': {
        const previous = before === undefined ? (spec.defaultValue ?? false) : before;
        if (previous !== value) setScalar(doc, where, value);
        break;
      }
      default: {
        if (typeof value !== 'string') break;
        const text = value;
        if (sameLeaf(spec, before, text)) break;
        if (text.trim() === '') {
          if (isMap(doc.getIn(at, true)) || at.length === 0) doc.deleteIn(where);
        } else setScalar(doc, where, leafValue(spec, text));
      }
    }
  }
}

/**
 * The file's new text: the frontmatter edited only where a field changed, the body replaced only if the editor
 * changed it. `body` is what the browser sent (line ends as it sends them); undefined keeps the body.
 */
export function editEntry(raw: string, specs: readonly FieldSpec[], posted: { [key: string]: Posted | undefined }, body?: string): string {
  const split = splitEntry(raw);
  if (!split) throw new Error('no frontmatter');
  const doc = parseFrontmatter(split.frontmatter);
  if (doc.errors.length > 0) throw new Error('yaml errors');
  const original = doc.toJS() as Record<string, unknown>;
  applyEdits(doc, specs, original, posted);
  const changedData = JSON.stringify(doc.toJS()) !== JSON.stringify(original);
  const eol = split.close.includes('\r\n') ? '\r\n' : '\n';
  const frontmatter = changedData ? stringifyLike(doc, split.frontmatter).replace(/\n$/, '').replace(/\n/g, eol) : split.frontmatter;
  let newBody = split.body;
  if (body !== undefined) {
    const sent = body.replace(/\r\n?/g, '\n');
    if (sent !== split.body.replace(/\r\n?/g, '\n')) newBody = sent.replace(/\n/g, eol);
  }
  return split.head + frontmatter + split.close + newBody;
}

/** The file's text with its frontmatter changed by `change`, keeping its line ends, its body and everything unchanged. */
export function rewriteFrontmatter(raw: string, change: (doc: Document) => void): string {
  const split = splitEntry(raw);
  if (!split) throw new Error('no frontmatter');
  const doc = parseFrontmatter(split.frontmatter);
  if (doc.errors.length > 0) throw new Error('yaml errors');
  change(doc);
  const eol = split.close.includes('\r\n') ? '\r\n' : '\n';
  return split.head + stringifyLike(doc, split.frontmatter).replace(/\n$/, '').replace(/\n/g, eol) + split.close + split.body;
}

/** Adds an item at the end of a list of the frontmatter: into a block list as it is, or as a new list. */
export function appendItem(doc: Document, key: string, value: Record<string, unknown>) {
  const list = doc.getIn([key], true);
  if (isSeq(list) && !list.flow) list.items.push(doc.createNode(value));
  else doc.setIn([key], doc.createNode([...(isSeq(list) ? (list.toJSON() as unknown[]) : []), value]));
}
