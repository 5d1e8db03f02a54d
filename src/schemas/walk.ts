/**
 * Reading a zod schema's structure, for what is made from the schemas rather than written twice: the desk's forms
 * and the editors' guide's field tables (whose test walks the schemas to compare).
 */
import type { z } from 'astro/zod';

/** What zod keeps of a schema, as far as forms and field lists need. */
export interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  element?: z.core.$ZodType;
  entries?: Record<string, string>;
  defaultValue?: unknown;
}

export const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** Wrappers that make a field optional or give it a value when it is left out. */
export const OPTIONAL_WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable']);
/** Every wrapper around the schema of what an editor writes. */
export const WRAPPERS = new Set([...OPTIONAL_WRAPPERS, 'nonoptional', 'readonly', 'catch']);

/**
 * The schema under a pipe that holds what the file holds: text() and isoDate() pipe a string into a transform, so
 * the file holds the input side; otherwise the output side.
 */
export const pipedSchema = (def: Def) => (defOf(def.in!).type === 'transform' ? def.out! : def.in!);

/** The schema of what an editor writes, without optional, default and transform wrappers. */
export function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in && def.out) return unwrap(pipedSchema(def));
  return schema;
}
