/**
 * Every feed holds the newest published exemplars of its scope and nothing else: the site feeds all of them, a
 * campaign's feeds its own, a place's feeds at least those written under that place's name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentModel, Loaded } from '../content/model.ts';
import type { ExemplarData } from '../../schemas/exemplar.ts';
import { FEED_SIZE } from '../feeds.ts';
import { campaignPage, exemplarPage, placePage, type Published } from './published.ts';
import { sitePath } from '../output-files.ts';
import { FEED_FILES } from '../names.ts';

/** Page addresses of a feed's items. */
export function feedItemUrls(file: string, text: string): string[] {
  if (file.endsWith('.json')) return (JSON.parse(text) as { items?: { url: string }[] }).items?.map((item) => item.url) ?? [];
  return [...text.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

interface Scope {
  /** Folder of the feed inside the output, "" for the site-wide feeds. */
  folder: string;
  /** Exemplars that belong in the feed when they are among the newest. */
  members: Loaded<ExemplarData>[];
  /** Exemplars the feed may carry: its members, or for a place also those of the units it took over. */
  allowed: Set<string>;
}

function scopes(model: ContentModel, { exemplars, places }: Published): Scope[] {
  const all = new Set(exemplars.map((e) => e.id));
  const of = (test: (e: Loaded<ExemplarData>) => boolean) => exemplars.filter(test);
  return [
    { folder: '', members: exemplars, allowed: all },
    ...model.campaigns.map((c) => {
      const members = of((e) => e.data.campaigns.includes(c.id));
      return { folder: campaignPage(c.id), members, allowed: new Set(members.map((e) => e.id)) };
    }),
    ...places.map((id) => ({ folder: placePage(id), members: of((e) => e.data.place === id), allowed: all })),
  ];
}

export function checkFeeds(dir: string, model: ContentModel, expected: Published, base: string): string[] {
  const problems: string[] = [];
  // Unpublished campaigns have no page and no feed.
  const pages = new Set(expected.entryPages);
  for (const scope of scopes(model, expected)) {
    if (scope.folder && !pages.has(scope.folder)) continue;
    for (const name of Object.values(FEED_FILES)) {
      const file = `${scope.folder}${name}`;
      if (!existsSync(path.join(dir, file))) {
        // A place with no story of its own (or of the units it took over) has no feed.
        if (scope.members.length > 0) problems.push(`Thiếu nguồn tin ${base}${file}`);
        continue;
      }
      const ids = feedItemUrls(file, readFileSync(path.join(dir, file), 'utf8')).map((url) => /^dien-hinh\/([^/]+)\/$/.exec(sitePath(url, base))?.[1] ?? url);
      const carried = new Set(ids);
      for (const id of ids) if (!scope.allowed.has(id)) problems.push(`${base}${file} có mục không thuộc nguồn tin này: ${id}`);
      if (carried.size !== ids.length) problems.push(`${base}${file} có mục lặp lại.`);
      // Ties on the oldest date carried may fall either side of the cut, so only strictly newer entries must be in.
      const dates = scope.members.filter((e) => carried.has(e.id)).map((e) => e.data.published);
      const oldest = dates.length > 0 ? dates.reduce((a, b) => (a < b ? a : b)) : '';
      for (const member of scope.members) {
        if (carried.has(member.id)) continue;
        if (ids.length < FEED_SIZE || member.data.published > oldest) problems.push(`${base}${file} thiếu ${base}${exemplarPage(member.id)}`);
      }
    }
  }
  return problems;
}
