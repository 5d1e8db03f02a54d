/**
 * The editors' guide (content/HUONG-DAN.md) must not drift from the code: its field tables name exactly the fields
 * of the schemas, and the commands, choices, flags and photo limits it tells editors to use are the real ones.
 *
 * A field table follows a line `<!-- bang-truong: exemplar -->` (or campaign, place, award, settings); the first
 * column of each row names fields in backticks. Nested fields are dotted (`consent.guardian.relation`) and the
 * fields of each item of a list carry "[]" (`awards[].decision`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { EXEMPLAR_KINDS, STORY_TYPES, exemplarSchema } from '../../src/schemas/exemplar.ts';
import { CAMPAIGN_KINDS, campaignSchema } from '../../src/schemas/campaign.ts';
import { PLACE_TYPES, SUCCESSION_KINDS, placeSchema } from '../../src/schemas/place.ts';
import { AWARD_FAMILIES, RECIPIENT_KINDS, awardSchema } from '../../src/schemas/award.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { LEVELS, PUBLICATION_STATUSES } from '../../src/schemas/common.ts';
import { FIELDS } from '../../src/schemas/fields.ts';
import { SOCIAL_GROUPS } from '../../src/schemas/social-groups.ts';
import { PHOTO_EXTENSIONS } from '../../src/lib/content/collections.ts';
import { PHOTO_LIMITS } from '../../src/lib/content/photos.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { NEW_FLAGS, PLACE_FLAGS, RADIO_FLAGS } from '../../scripts/flags.ts';
import { findPersonalData, PERSONAL_DATA_KINDS } from '../../src/lib/content/personal-data.ts';
import { defOf, unwrap, type Def } from '../../src/schemas/walk.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const guide = read('content/HUONG-DAN.md');

/** Built as the content check builds them. */
const SCHEMAS: Record<string, z.core.$ZodType> = {
  exemplar: exemplarSchema({ image: () => z.string() }),
  campaign: campaignSchema(),
  place: placeSchema(),
  award: awardSchema(),
  settings: settingsSchema(),
};

/** Every field name of a schema, groups included, in the guide's notation. */
function fieldNames(schema: z.core.$ZodType, prefix = ''): string[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element) return fieldNames(def.element, `${prefix}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, inner]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return [name, ...fieldNames(inner, name)];
  });
}

/** Field names in the first column of the tables that follow each `<!-- bang-truong: … -->` line, by collection. */
function documentedFields(markdown: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    const marker = /^<!--\s*bang-truong:\s*([a-z]+)\s*-->$/.exec(line.trim());
    if (!marker) return;
    let next = i + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    const rows: string[] = [];
    for (; next < lines.length && lines[next]!.trim().startsWith('|'); next++) rows.push(lines[next]!);
    // The first two rows are the header and the separator.
    const names = rows.slice(2).flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    tables.set(marker[1]!, [...(tables.get(marker[1]!) ?? []), ...names]);
  });
  return tables;
}

const documented = documentedFields(guide);

/** The schema of one field in the guide's notation ("radio.bulletinMinutes", "awards[].issuer"). */
function fieldSchema(schema: z.core.$ZodType, name: string): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const part of name.split('.')) {
    const [key, ...items] = part.split('[]');
    const def: Def = defOf(unwrap(current!));
    current = def.shape?.[key!];
    for (const _ of items) current = current && defOf(unwrap(current)).element;
    if (!current) return undefined;
  }
  return current;
}

/** Rows of the field tables: collection, field names of the first column, and the text of the description. */
const rows = [...guide.matchAll(/^<!--\s*bang-truong:\s*([a-z]+)\s*-->$/gm)].flatMap((marker) => {
  const after = guide
    .slice(marker.index! + marker[0].length)
    .split('\n\n', 2)
    .join('\n\n');
  return after
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|');
      return { collection: marker[1]!, fields: [...cells[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), text: cells[2]! };
    });
});

describe('the editors’ guide', () => {
  it('reads nested fields and list items out of the schemas', () => {
    const exemplar = fieldNames(SCHEMAS.exemplar!);
    expect(exemplar).toEqual(
      expect.arrayContaining(['kind', 'consent', 'consent.guardian.relation', 'awards[].revoked.date', 'photos[].alt', 'publication.approval.number']),
    );
    expect(exemplar).not.toContain('campaigns[]');
    expect(fieldNames(SCHEMAS.campaign!)).toEqual(expect.arrayContaining(['period.end', 'phases[].aims', 'results.byAward[].count', 'legalBasis[].number']));
  });

  it('has one field table per collection', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  for (const [collection, schema] of Object.entries(SCHEMAS)) {
    it(`documents every ${collection} field`, () => {
      const inGuide = new Set(documented.get(collection));
      expect(fieldNames(schema).filter((field) => !inGuide.has(field))).toEqual([]);
    });

    it(`names only ${collection} fields that exist`, () => {
      const inSchema = new Set(fieldNames(schema));
      expect((documented.get(collection) ?? []).filter((field) => !inSchema.has(field))).toEqual([]);
    });
  }

  it('names only npm commands that exist', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const commands = [...guide.matchAll(/\bnpm (?:run ([a-z][\w:-]*)|(start|test|stop|restart)\b)/g)].map((m) => m[1] ?? m[2]!);
    expect(commands).toEqual(expect.arrayContaining(['new', 'check', 'build', 'dev', 'start']));
    expect([...new Set(commands)].filter((command) => !scripts.includes(command))).toEqual([]);
  });

  it.each([
    ['new', NEW_FLAGS],
    ['radio', RADIO_FLAGS],
    ['place', PLACE_FLAGS],
  ] as const)('documents exactly the flags of npm run %s', (command, flags) => {
    const accepted = new Set(Object.keys(flags));
    // Flags on the guide's command lines for this command, and flags it names in backticks next to them.
    const lines = guide.split('\n');
    const inGuide = new Set(
      lines.flatMap((line, i) => {
        const near = lines.slice(Math.max(0, i - 3), i + 4).join('\n');
        if (!line.includes('--') || !near.includes(`npm run ${command} --`)) return [];
        return [...line.matchAll(/(?:^|[\s`])--([a-z][a-z-]*)/g)].map((m) => m[1]!);
      }),
    );
    // Every tool answers --help.
    inGuide.delete('help');
    expect([...inGuide].sort()).toEqual([...accepted].sort());
  });

  it('marks as required exactly the flags npm run new requires', () => {
    const table = [...guide.matchAll(/^\| `--([a-z-]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => [m[1]!, m[2]!.trim() === 'có'] as const);
    expect(table.map(([name]) => name).sort()).toEqual(Object.keys(NEW_FLAGS).sort());
    for (const [name, required] of table) expect(required, `--${name}`).toBe(Boolean((NEW_FLAGS as Record<string, { required?: boolean }>)[name]!.required));
  });

  it('lists every value editors may choose', () => {
    const values = [
      ...EXEMPLAR_KINDS,
      ...STORY_TYPES,
      ...FIELDS,
      ...SOCIAL_GROUPS,
      ...LEVELS,
      ...PUBLICATION_STATUSES,
      ...CAMPAIGN_KINDS,
      ...PLACE_TYPES,
      ...SUCCESSION_KINDS,
      ...AWARD_FAMILIES,
      ...RECIPIENT_KINDS,
    ];
    expect(values.filter((value) => !guide.includes(`\`${value}\``))).toEqual([]);
  });

  it('states the photo formats and limits the check applies', () => {
    expect(PHOTO_EXTENSIONS.filter((extension) => !guide.includes(`\`${extension}\``))).toEqual([]);
    expect(guide).toContain(`${PHOTO_LIMITS.bytes / 1024 / 1024} MB`);
    expect(guide).toContain(`${PHOTO_LIMITS.pixels / 1_000_000} triệu điểm ảnh`);
  });

  it('states the length limits the schemas apply', () => {
    const limits = rows.flatMap(({ collection, fields, text }) => {
      const max = /[Tt]ối đa ([\d.]+) ký tự/.exec(text)?.[1];
      return max ? fields.map((field) => ({ collection, field, max: Number(max.replace('.', '')) })) : [];
    });
    expect(limits.length).toBeGreaterThan(30);
    for (const { collection, field, max } of limits) {
      const found = fieldSchema(SCHEMAS[collection]!, field);
      expect(found, `${collection} ${field}`).toBeDefined();
      // A list of texts ("Mỗi tiêu chí tối đa 500 ký tự") limits each item.
      const schema = defOf(unwrap(found!)).element ?? found;
      expect(z.safeParse(schema!, 'a'.repeat(max)).success, `${collection} ${field}: ${max} ký tự`).toBe(true);
      expect(z.safeParse(schema!, 'a'.repeat(max + 1)).success, `${collection} ${field}: ${max + 1} ký tự`).toBe(false);
    }
  });

  it('states the ranges and defaults of the numbers editors set', () => {
    const ranges = rows.flatMap(({ collection, fields, text }) => {
      const range = /từ (\d+) đến (\d+)[^.]*\. Mặc định (\d+)/.exec(text);
      return range ? fields.map((field) => ({ collection, field, low: Number(range[1]), high: Number(range[2]), fallback: Number(range[3]) })) : [];
    });
    expect(ranges.map(({ field }) => field)).toEqual(expect.arrayContaining(['pageSize', 'radio.syllablesPerMinute', 'radio.bulletinMinutes']));
    for (const { collection, field, low, high, fallback } of ranges) {
      const schema = fieldSchema(SCHEMAS[collection]!, field)!;
      expect(
        [low - 1, low, high, high + 1].map((n) => z.safeParse(schema, n).success),
        field,
      ).toEqual([false, true, true, false]);
      expect(z.parse(schema, undefined), field).toBe(fallback);
    }
  });

  it('states how many stories a feed carries', () => {
    const stated = [...guide.matchAll(/gồm (\d+) điển hình mới đăng nhất/g)].map((m) => Number(m[1]));
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.filter((n) => n !== FEED_SIZE)).toEqual([]);
  });

  it('shows what the personal-data check finds, as it finds it', () => {
    const lines = guide.split('\n');
    // The table after the marker, without its header and separator rows.
    const rows: string[] = [];
    for (let i = lines.indexOf('<!-- du-lieu-ca-nhan -->') + 3; lines[i]?.startsWith('|'); i++) rows.push(lines[i]!);
    const kinds: Record<string, string | undefined> = {
      'số định danh': PERSONAL_DATA_KINDS.id,
      'số điện thoại': PERSONAL_DATA_KINDS.phone,
      'địa chỉ thư điện tử': PERSONAL_DATA_KINDS.email,
      'không phải dữ liệu cá nhân': undefined,
    };
    expect(rows.length).toBe(8);
    for (const row of rows) {
      const [, examples = '', meaning = ''] = row.split('|').map((cell) => cell.trim());
      expect(Object.keys(kinds), row).toContain(meaning);
      for (const [, example] of examples.matchAll(/`([^`]+)`/g)) {
        expect(
          findPersonalData(example!).map((hit) => hit.kind),
          example,
        ).toEqual(kinds[meaning] ? [kinds[meaning]] : []);
      }
    }
  });

  it('shows public contacts accepted however they are written', () => {
    const section = guide.slice(guide.indexOf('### Ghi liên hệ công khai'));
    const contacts = JSON.parse(/publicContacts: (\[.*\])/.exec(section)![1]!) as string[];
    const spellings = [.../`([^`]+)`/g[Symbol.matchAll](/^.*là một số.*$/m.exec(section)![0])].map((m) => m[1]!);
    expect(spellings.length).toBeGreaterThanOrEqual(3);
    for (const spelling of spellings) {
      expect(
        findPersonalData(spelling).map((hit) => hit.kind),
        spelling,
      ).toEqual([PERSONAL_DATA_KINDS.phone]);
      expect(findPersonalData(spelling, contacts), spelling).toEqual([]);
    }
  });

  it('quotes the personal-data messages as the check writes them', () => {
    const quoted = [...guide.matchAll(/^\| `(Có [^`"]+"([^"]+)"[^`]*?) …`/gm)];
    expect(quoted.length).toBe(3);
    for (const [, message, value] of quoted) expect(findPersonalData(value!).map((hit) => hit.message.slice(0, message!.length))).toEqual([message]);
  });

  it('is written in NFC, like the content', () => {
    expect(guide === guide.normalize('NFC')).toBe(true);
  });
});
