/**
 * What the desk edits: each collection of stories (exemplars, campaigns) and each data file (the site's settings, the
 * awards, the local places), with its address in the desk, its section of the editors' guide and the form made from
 * its schema.
 */
import { z } from 'astro/zod';
import { exemplarSchema } from '../schemas/exemplar.ts';
import { localPlaceSchema } from '../schemas/place.ts';
import { awardSchema } from '../schemas/award.ts';
import { settingsSchema } from '../schemas/settings.ts';
import { listFiles } from '../lib/content/source.ts';
import { DATA_FILES, YAML_FILE } from '../lib/content/collections.ts';
import { campaignSchema } from '../schemas/campaign.ts';
import type { StoryCollection } from './content-index.ts';
import { formSpec, type FieldSpec } from './schema-form.ts';
import { desk } from '../i18n/desk.ts';

/** A line end as a value: a <textarea> drops the first line end after its tag, so every text starts with one. */
export const NL = '\n';

export interface CollectionSetup {
  key: StoryCollection;
  /** Its address in the desk. */
  route: string;
  /** Its folder under content/. */
  folder: string;
  /** Its section of the editors' guide. */
  guide: string;
  /** What one entry of it is called, in the history's messages (from the dictionary). */
  what: string;
  /** The field that names an entry in lists and messages. */
  nameKey: string;
  /** The field a new entry's id (and file name) is folded from. */
  idKey: string;
  specs: FieldSpec[];
}

/** The workflow's fields are changed by its steps (submit, approve, return, withdraw), never typed in the form. */
function withoutWorkflow(specs: FieldSpec[]): FieldSpec[] {
  return specs
    .filter((spec) => spec.key !== 'publication')
    .map((spec) => (spec.key === 'consent' && spec.children ? { ...spec, children: spec.children.filter((c) => c.key !== 'withdrawn') } : spec));
}

export const COLLECTIONS: Record<StoryCollection, CollectionSetup> = {
  exemplars: {
    key: 'exemplars',
    route: 'dien-hinh',
    folder: 'exemplars',
    guide: 'exemplar',
    what: desk.one.exemplars,
    nameKey: 'name',
    idKey: 'name',
    specs: withoutWorkflow(formSpec(exemplarSchema({ image: () => z.string() }))),
  },
  campaigns: {
    key: 'campaigns',
    route: 'phong-trao',
    folder: 'campaigns',
    guide: 'campaign',
    what: desk.one.campaigns,
    nameKey: 'title',
    idKey: 'shortTitle',
    specs: withoutWorkflow(formSpec(campaignSchema())),
  },
};

/** The data files: the site settings (one record) and the lists of places and awards (one record an item). */
export interface RecordSetup {
  key: 'settings' | 'places' | 'awards';
  /** Its address in the desk. */
  route: string;
  /** Its section of the editors' guide. */
  guide: string;
  /** The title of its page (from the dictionary). */
  title: string;
  /** What one record of it is called, in the history's messages (from the dictionary). */
  what: string;
  /** The files that hold it. */
  files: (root: string) => Promise<string[]>;
  /** One record (the settings) or a list of them. */
  single: boolean;
  /** The fields of its form, made from `schema`. */
  specs: FieldSpec[];
  schema: z.ZodType;
}

/** A data file's setup, its words from the dictionary and its form from its schema. */
const recordSetup = (setup: Pick<RecordSetup, 'key' | 'route' | 'guide' | 'files' | 'single' | 'schema'>): RecordSetup => ({
  ...setup,
  ...desk.records[setup.key],
  specs: formSpec(setup.schema),
});

export const RECORDS: Record<RecordSetup['key'], RecordSetup> = {
  settings: recordSetup({
    key: 'settings',
    route: 'cai-dat',
    guide: 'settings',
    files: async () => [DATA_FILES.settings],
    single: true,
    schema: settingsSchema(),
  }),
  awards: recordSetup({ key: 'awards', route: 'khen-thuong', guide: 'award', files: async () => [DATA_FILES.awards], single: false, schema: awardSchema() }),
  places: recordSetup({
    key: 'places',
    route: 'dia-danh',
    guide: 'place',
    files: (root) => listFiles(root, DATA_FILES.places, YAML_FILE),
    single: false,
    schema: localPlaceSchema(),
  }),
};
