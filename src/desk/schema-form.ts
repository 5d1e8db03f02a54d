/**
 * Forms made from the collections' zod schemas, so that the desk can never ask for a field the check does not know
 * or miss one it requires: the schema is walked as the editors' guide test walks it (`_zod.def`), and the help under
 * each field is the Vietnamese description of the guide's field table (content/HUONG-DAN.md), which
 * tests/unit/guide.test.ts keeps in step with the same schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { OPTIONAL_WRAPPERS, WRAPPERS, defOf, pipedSchema } from '../schemas/walk.ts';

export type FieldKind = 'text' | 'date' | 'enum' | 'boolean' | 'number' | 'object' | 'list' | 'choices' | 'unknown';

export interface FieldSpec {
  key: string;
  /** The guide's notation: "awards[].decision". */
  name: string;
  kind: FieldKind;
  optional: boolean;
  /** Enum values, or the enum of a list of choices. */
  options?: readonly string[];
  children?: FieldSpec[];
  /** For lists: the spec of one item (an object or a scalar). */
  item?: FieldSpec;
  /** Default of a boolean. */
  defaultValue?: unknown;
}

function formatOf(schema: z.core.$ZodType): string | undefined {
  return (z.globalRegistry.get(schema as z.ZodType) as { format?: string } | undefined)?.format;
}

/** The spec of one field: wrappers say whether it is optional, the schema under them what to ask. */
export function fieldSpec(schema: z.core.$ZodType, key: string, name: string): FieldSpec {
  let optional = false;
  let format: string | undefined;
  let defaultValue: unknown;
  let current = schema;
  for (;;) {
    format ??= formatOf(current);
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) {
      if (OPTIONAL_WRAPPERS.has(def.type)) optional = true;
      if (def.type === 'default') defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in && def.out) {
      current = pipedSchema(def);
    } else break;
  }
  const def = defOf(current);
  const base = { key, name, optional, defaultValue };
  if (format === 'date' || format === 'partial-date') return { ...base, kind: 'date' };
  switch (def.type) {
    case 'string':
    case 'union':
      return { ...base, kind: 'text' };
    case 'number':
      return { ...base, kind: 'number' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'enum':
      return { ...base, kind: 'enum', options: Object.values(def.entries ?? {}) };
    case 'object':
      return { ...base, kind: 'object', children: Object.entries(def.shape ?? {}).map(([k, inner]) => fieldSpec(inner, k, name ? `${name}.${k}` : k)) };
    case 'array': {
      const item = fieldSpec(def.element!, '', `${name}[]`);
      if (item.kind === 'object') return { ...base, kind: 'list', item };
      return { ...base, kind: 'choices', item, options: item.options };
    }
    default:
      return { ...base, kind: 'unknown' };
  }
}

/** The fields of a collection's schema, top level first. */
export function formSpec(schema: z.core.$ZodType): FieldSpec[] {
  return fieldSpec(schema, '', '').children ?? [];
}

/** Help texts of one collection ("exemplar", "campaign", …) from the guide's field tables: field name → text. */
export function guideHelp(root: string): Map<string, Map<string, string>> {
  // A site whose content/ has no copy of the guide gets the help of the guide shipped with the project.
  const own = path.join(root, 'content/HUONG-DAN.md');
  const guide = readFileSync(existsSync(own) ? own : path.join(import.meta.dirname, '../../content/HUONG-DAN.md'), 'utf8');
  const help = new Map<string, Map<string, string>>();
  for (const marker of guide.matchAll(/^<!--\s*bang-truong:\s*([a-z]+)\s*-->$/gm)) {
    const table = help.get(marker[1]!) ?? new Map<string, string>();
    help.set(marker[1]!, table);
    const after = guide
      .slice(marker.index + marker[0].length)
      .split('\n\n', 2)
      .join('\n\n');
    for (const line of after.split('\n')) {
      if (!line.startsWith('| `')) continue;
      const cells = line.split('|');
      const text = cells[2]!.trim().replace(/`/g, '');
      for (const m of cells[1]!.matchAll(/`([^`]+)`/g)) table.set(m[1]!, text);
    }
  }
  return help;
}

/** A short label: the help text up to its first stop ("Loại điển hình: ca-nhan …" → "Loại điển hình"). */
export function labelOf(help: string | undefined, key: string): string {
  if (!help) return key;
  const cut = help.split(/[.:;(]/, 1)[0]!.trim();
  return cut.length > 0 && cut.length <= 70 ? cut : key;
}
