/**
 * What the desk's lists and checks read: a summary of every exemplar and campaign (from its frontmatter only, kept
 * until the file's modification time changes) and the places, awards, campaigns and settings that entries refer to.
 * At 10,000 exemplars a list is filtered from memory; files are looked at again at most once a second.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parseEntry, parseYaml, listFiles, readYamlList, idFromFile } from '../lib/content/source.ts';
import { DATA_FILES, STORY_COLLECTIONS, STORY_FILE, YAML_FILE } from '../lib/content/collections.ts';
import type { Loaded } from '../lib/content/model.ts';
import { foldVietnamese } from '../lib/text.ts';
import { localPlaceSchema, type PlaceData } from '../schemas/place.ts';
import { identifyItems, mergePlaces } from '../lib/places/merge.ts';
import { registerPlaces } from '../lib/places/register.ts';
import { awardSchema, type AwardData } from '../schemas/award.ts';
import { campaignSchema, type CampaignData } from '../schemas/campaign.ts';
import { settingsSchema, type SettingsData } from '../schemas/settings.ts';

export type StoryCollection = keyof typeof STORY_COLLECTIONS;

export interface Summary {
  id: string;
  /** Relative to the project root: "content/exemplars/dang-thi-hoa.mdx". */
  file: string;
  name: string;
  status: string;
  place: string;
  campaigns: string[];
  author: string;
  kind: string;
  changed: number;
  /** Folded name, id, place and author, for search. */
  folded: string;
  /** The frontmatter could not be read. */
  broken: boolean;
  /** Not published: a draft, a withdrawn entry, or a person who withdrew consent. */
  hidden: boolean;
}

export interface Reference {
  at: number;
  /** The register of administrative units with content/places/ over it, as the check reads them. */
  places: Loaded<PlaceData>[];
  /** The places of content/places/ itself, which an editor adds to the register. */
  localPlaceIds: string[];
  awards: Loaded<AwardData>[];
  campaigns: Loaded<CampaignData>[];
  settings?: SettingsData;
}

interface Cached {
  mtime: number;
  summary: Summary;
}

function summarize(file: string, raw: string, mtime: number): Summary {
  const { entry } = parseEntry(raw, file);
  const data = (entry?.data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const name = text(data.name) || text(data.title) || idFromFile(file);
  const summary: Summary = {
    id: idFromFile(file),
    file,
    name,
    status: text((data.publication as Record<string, unknown> | undefined)?.status),
    place: text(data.place),
    campaigns: Array.isArray(data.campaigns) ? data.campaigns.map(String) : [],
    author: text(data.author) || text(data.issuer),
    kind: text(data.kind),
    changed: mtime,
    folded: '',
    broken: !entry,
    hidden:
      text((data.publication as Record<string, unknown> | undefined)?.status) !== 'da-duyet' ||
      Boolean((data.consent as Record<string, unknown> | undefined)?.withdrawn),
  };
  summary.folded = foldVietnamese([summary.name, summary.id, summary.place, summary.author, text(data.role), text(data.shortTitle)].join(' '));
  return summary;
}

function parsedList<T extends { id: string }>(root: string, files: string[], schema: z.ZodType<T>, register?: readonly PlaceData[]): Promise<Loaded<T>[]> {
  return Promise.all(files.map((file) => readYamlList(root, file))).then((lists) =>
    lists.flatMap(({ items }, i) =>
      (register ? identifyItems(files[i]!, items, register).items : items).flatMap((item) => {
        const parsed = schema.safeParse(item.data);
        return parsed.success ? [{ id: parsed.data.id, file: files[i]!, data: parsed.data, source: item }] : [];
      }),
    ),
  );
}

export class ContentIndex {
  readonly root: string;
  private cache: Record<StoryCollection, Map<string, Cached>> = { exemplars: new Map(), campaigns: new Map() };
  private lastScan: Record<StoryCollection, number> = { exemplars: 0, campaigns: 0 };
  private lists: Record<StoryCollection, Summary[]> = { exemplars: [], campaigns: [] };
  private data?: Reference;
  private signature = '';

  constructor(root: string) {
    this.root = root;
  }

  /** Forget what was read, after the desk itself wrote a file. */
  touched() {
    this.lastScan = { exemplars: 0, campaigns: 0 };
  }

  /** Every entry of a collection; files are looked at again if the last look is older than `maxAge` ms. */
  async list(collection: StoryCollection, maxAge = 1000): Promise<Summary[]> {
    const now = Date.now();
    if (now - this.lastScan[collection] < maxAge) return this.lists[collection];
    const files = await listFiles(this.root, STORY_COLLECTIONS[collection], STORY_FILE);
    const cache = this.cache[collection];
    const seen = new Set<string>();
    const list: Summary[] = [];
    for (const file of files) {
      seen.add(file);
      let mtime: number;
      try {
        mtime = statSync(path.join(this.root, file)).mtimeMs;
      } catch {
        continue;
      }
      let cached = cache.get(file);
      if (!cached || cached.mtime !== mtime) {
        cached = { mtime, summary: summarize(file, readFileSync(path.join(this.root, file), 'utf8'), mtime) };
        cache.set(file, cached);
      }
      list.push(cached.summary);
    }
    for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
    this.lists[collection] = list;
    this.lastScan[collection] = Date.now();
    return list;
  }

  /** Places, awards, campaigns and settings as the check reads them, for references and choices. */
  async reference(): Promise<Reference> {
    const root = this.root;
    // Read again only when one of the files changed: a save must not parse every campaign and place again.
    const placeFiles = await listFiles(root, DATA_FILES.places, YAML_FILE);
    const campaignFiles = await listFiles(root, STORY_COLLECTIONS.campaigns, STORY_FILE);
    const signature = [...placeFiles, DATA_FILES.awards, DATA_FILES.settings, ...campaignFiles]
      .map((file) => {
        try {
          return `${file}:${statSync(path.join(root, file)).mtimeMs}`;
        } catch {
          return file;
        }
      })
      .join('\n');
    if (this.data && this.signature === signature) return this.data;
    this.signature = signature;
    const register = registerPlaces(root);
    const locals = await parsedList(root, placeFiles, localPlaceSchema(), register);
    const places = mergePlaces(register, locals).places;
    const awards = await parsedList(root, [DATA_FILES.awards], awardSchema()).catch(() => []);
    const schema = campaignSchema();
    const campaigns = campaignFiles.flatMap((file) => {
      const { entry } = parseEntry(readFileSync(path.join(root, file), 'utf8'), file);
      const parsed = entry && schema.safeParse(entry.data);
      return entry && parsed?.success ? [{ id: entry.id, file, data: parsed.data, source: entry }] : [];
    });
    let settings: SettingsData | undefined;
    try {
      const { source } = parseYaml(readFileSync(path.join(root, DATA_FILES.settings), 'utf8'), DATA_FILES.settings);
      const parsed = settingsSchema().safeParse(source?.data);
      if (parsed.success) settings = parsed.data;
    } catch {
      settings = undefined;
    }
    this.data = { at: Date.now(), places, localPlaceIds: locals.map((p) => p.id), awards, campaigns, settings };
    return this.data;
  }
}

export interface ListQuery {
  q?: string;
  status?: string;
  place?: string;
  campaign?: string;
  author?: string;
  page?: number;
}

export const PAGE_SIZE = 50;

/** Filters, searches (folded: "dang" finds Đặng) and pages a list, newest change first. */
export function queryList(list: readonly Summary[], query: ListQuery) {
  const words = foldVietnamese(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const matching = list.filter(
    (s) =>
      (!query.status || s.status === query.status) &&
      (!query.place || s.place === query.place) &&
      (!query.campaign || s.campaigns.includes(query.campaign)) &&
      (!query.author || s.author === query.author) &&
      words.every((word) => s.folded.includes(word)),
  );
  matching.sort((a, b) => b.changed - a.changed || a.id.localeCompare(b.id));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return { total: matching.length, page, pages, items: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}
