/**
 * The rules of `npm run check` applied to one entry before it is saved: the story check (frontmatter, schema,
 * personal data, story), its photos, its references against the places, campaigns and awards it names, and
 * mentions of unpublished entries. Nothing else is read, so a save stays fast however many exemplars there are.
 */
import path from 'node:path';
import { checkStoryText, storySchemas } from '../lib/content/story-check.ts';
import { checkReferences } from '../lib/content/references.ts';
import { attachmentProblems } from '../lib/content/check.ts';
import { mentionFinder, mentionsIn, unpublishedEntries } from '../lib/content/namesakes.ts';
import { photoProblem } from '../lib/content/photos.ts';
import { publicContactsOf } from '../lib/content/personal-data.ts';
import { STORY_COLLECTIONS } from '../lib/content/collections.ts';
import type { ContentModel, Loaded } from '../lib/content/model.ts';
import type { Problem } from '../lib/content/source.ts';
import { parseEntry } from '../lib/content/source.ts';
import { isPublishable } from '../lib/data/publishable.ts';
import type { ContentIndex, StoryCollection } from './content-index.ts';

export async function checkEntry(index: ContentIndex, collection: StoryCollection, file: string, text: string): Promise<Problem[]> {
  const root = index.root;
  const ref = await index.reference();
  const checked = checkStoryText(file, text, {
    root,
    schemaFor: storySchemas(collection, root),
    publicContacts: publicContactsOf(ref.settings),
    collectionDir: STORY_COLLECTIONS[collection],
  });
  const problems = [...checked.problems];
  if (checked.data === undefined) return problems;
  const data = checked.data as { photos?: { src: string }[] } & Parameters<typeof isPublishable>[0];
  for (const [i, photo] of (data.photos ?? []).entries()) {
    const message = await photoProblem(path.resolve(root, path.dirname(file), photo.src), photo.src).catch(() => undefined);
    if (message) problems.push({ file, field: `photos[${i}].src`, message });
  }
  problems.push(...checked.laterProblems);
  const { entry } = parseEntry(text, file);
  const self: Loaded<never> = { id: checked.id!, file, data: checked.data as never, source: entry! };
  const model: ContentModel = {
    exemplars: collection === 'exemplars' ? [self] : [],
    campaigns: collection === 'campaigns' ? [...ref.campaigns.filter((c) => c.file !== file), self] : ref.campaigns,
    places: ref.places,
    awards: ref.awards,
    settings: ref.settings,
  };
  problems.push(...checkReferences(model).filter((p) => p.file === file));
  if (collection === 'campaigns') problems.push(...attachmentProblems(root, self as never));
  if (isPublishable(data)) {
    // The list may be some seconds old: what matters is the names of unpublished entries, which rarely change.
    const finder = finderFor(
      (await index.list('exemplars', 30_000)).filter((s) => s.hidden && s.file !== file),
      model,
    );
    const declared = new Set(
      ((checked.data as { namesakes?: { name: string }[] }).namesakes ?? []).map(({ name }) => name.normalize('NFC').toLocaleLowerCase('vi')),
    );
    const own = checked.data as { name?: string; place?: string };
    if (finder) problems.push(...mentionsIn(file, text, finder, { name: own.name, place: own.place, declared }));
  }
  return problems;
}

let lastFinder: { key: string; finder: ReturnType<typeof mentionFinder> } | undefined;

/** One pattern for all unpublished names, made again only when they change (thousands of names take a while). */
function finderFor(hidden: Parameters<typeof summaryAsLoaded>[0][], model: ContentModel) {
  const entries = unpublishedEntries({ ...model, exemplars: hidden.map(summaryAsLoaded) });
  const key = entries.map((e) => `${e.name}\0${e.page}`).join('\n');
  if (lastFinder?.key !== key) lastFinder = { key, finder: mentionFinder(entries) };
  return lastFinder.finder;
}

/** An unpublished exemplar as the mention check needs it: its name, place and file. */
function summaryAsLoaded(summary: { id: string; file: string; name: string; place: string; hidden: boolean }): Loaded<never> {
  return {
    id: summary.id,
    file: summary.file,
    data: { name: summary.name, place: summary.place, publication: { status: summary.hidden ? 'ban-nhap' : 'da-duyet' } } as never,
    source: { data: undefined, lineOf: () => undefined },
  };
}
