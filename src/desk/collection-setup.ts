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

/** A line end as a value: a <textarea> drops the first line end after its tag, so every text starts with one. */
export const NL = '\n';

export interface CollectionSetup {
  key: StoryCollection;
  route: string;
  folder: string;
  guide: string;
  what: string;
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
    what: 'điển hình',
    nameKey: 'name',
    idKey: 'name',
    specs: withoutWorkflow(formSpec(exemplarSchema({ image: () => z.string() }))),
  },
  campaigns: {
    key: 'campaigns',
    route: 'phong-trao',
    folder: 'campaigns',
    guide: 'campaign',
    what: 'phong trào',
    nameKey: 'title',
    idKey: 'shortTitle',
    specs: withoutWorkflow(formSpec(campaignSchema())),
  },
};

/** The data files: the site settings (one record) and the lists of places and awards (one record an item). */
export interface RecordSetup {
  key: 'settings' | 'places' | 'awards';
  route: string;
  guide: string;
  title: string;
  what: string;
  files: (root: string) => Promise<string[]>;
  single: boolean;
  specs: FieldSpec[];
  schema: z.ZodType;
}

export const RECORDS: Record<RecordSetup['key'], RecordSetup> = {
  settings: {
    key: 'settings',
    route: 'cai-dat',
    guide: 'settings',
    title: 'Cài đặt trang',
    what: 'cài đặt trang',
    files: async () => [DATA_FILES.settings],
    single: true,
    specs: formSpec(settingsSchema()),
    schema: settingsSchema(),
  },
  awards: {
    key: 'awards',
    route: 'khen-thuong',
    guide: 'award',
    title: 'Danh mục khen thưởng',
    what: 'hình thức khen thưởng',
    files: async () => [DATA_FILES.awards],
    single: false,
    specs: formSpec(awardSchema()),
    schema: awardSchema(),
  },
  places: {
    key: 'places',
    route: 'dia-danh',
    guide: 'place',
    title: 'Địa danh',
    what: 'địa danh',
    files: (root) => listFiles(root, DATA_FILES.places, YAML_FILE),
    single: false,
    specs: formSpec(localPlaceSchema()),
    schema: localPlaceSchema(),
  },
};
