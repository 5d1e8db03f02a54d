/**
 * Turns a copy of the sample content hostile: every string field of every entry, of every collection and of the
 * site settings is filled with a script payload, wherever the schema accepts free text there (ids, dates, codes and
 * file paths refuse it, so they keep their value). Returns the field paths that now carry a payload.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { Document, parse } from 'yaml';
import { awardSchema } from '../../src/schemas/award.ts';
import { campaignSchema } from '../../src/schemas/campaign.ts';
import { exemplarSchema } from '../../src/schemas/exemplar.ts';
import { placeSchema } from '../../src/schemas/place.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { isPublishable } from '../../src/lib/data/publishable.ts';

/** Each tried in turn until the field accepts one; the last is short enough for the shortest fields. */
export const PAYLOADS = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'-alert(3)-'</title><script>alert(3)</script>",
  'javascript:alert(5)',
  '<svg onload=alert(4)>',
];

type Key = string | number;

function stringPaths(value: unknown, at: Key[] = []): Key[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((inner, i) => stringPaths(inner, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => stringPaths(inner, [...at, key]));
  return [];
}

/** Puts a payload in every string of `doc` (below `prefix`) that `schema` still accepts; returns those paths. */
function poison(doc: Document, schema: z.ZodType, prefix: Key[] = []): string[] {
  const poisoned: string[] = [];
  const plain = () => (prefix.length ? (doc.getIn(prefix) as { toJSON(): unknown }).toJSON() : doc.toJS());
  for (const at of stringPaths(plain())) {
    // File paths must keep pointing at files.
    if (at.some((key) => key === 'src' || key === 'file')) continue;
    const original = doc.getIn([...prefix, ...at]);
    const accepted = PAYLOADS.find((payload) => {
      doc.setIn([...prefix, ...at], payload);
      return schema.safeParse(plain()).success;
    });
    if (accepted) poisoned.push(at.join('.'));
    else doc.setIn([...prefix, ...at], original);
  }
  return poisoned;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/** The YAML as plain data again, so that anchors shared by several records are poisoned one place at a time. */
const plainDocument = (text: string) => new Document(parse(text), { aliasDuplicateObjects: false });

export function poisonContent(root: string): string[] {
  const fields: string[] = [];
  const dir = (sub: string) => path.join(root, 'content', sub);
  const rewriteYaml = (file: string, each: (doc: Document) => string[]) => {
    const doc = plainDocument(readFileSync(file, 'utf8'));
    fields.push(...each(doc).map((f) => `${path.relative(root, file)}:${f}`));
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
  };
  const list = (schema: z.ZodType) => (doc: Document) => (doc.toJS() as unknown[]).flatMap((_, i) => poison(doc, schema, [i]));

  rewriteYaml(dir('settings.yaml'), (doc) => poison(doc, settingsSchema()));
  rewriteYaml(dir('awards.yaml'), list(awardSchema()));
  for (const name of readdirSync(dir('places'))) rewriteYaml(path.join(dir('places'), name), list(placeSchema()));
  const stories: [string, z.ZodType][] = [
    ['campaigns', campaignSchema()],
    ['exemplars', exemplarSchema({ image: () => z.string() })],
  ];
  for (const [collection, schema] of stories) {
    for (const name of readdirSync(dir(collection)).filter((n) => n.endsWith('.mdx'))) {
      const file = path.join(dir(collection), name);
      const text = readFileSync(file, 'utf8');
      const match = FRONTMATTER.exec(text);
      if (!match) continue;
      const doc = plainDocument(match[1]!);
      // Unpublished entries never reach the output; their names are what the output check looks for.
      if (!isPublishable(doc.toJS())) continue;
      fields.push(...poison(doc, schema).map((f) => `${collection}/${name}:${f}`));
      writeFileSync(file, `---\n${doc.toString({ lineWidth: 0 })}---\n${text.slice(match[0].length)}`);
    }
  }
  return fields;
}
