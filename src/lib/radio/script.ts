/**
 * The broadcast script of one exemplar: who and where (the place as it was named, and where it lies today), the
 * deed, the story with its headings and quotations, the awards with their decisions, and the writer; every
 * paragraph already in spoken form.
 */
import type { ExemplarData } from '../../schemas/exemplar.ts';
import type { StoryBlock } from '../mdx/compile.ts';
import type { PlaceIndex } from '../data/places.ts';
import { capitalize, formatDateShort } from '../format.ts';
import { ui } from '../../i18n/vi.ts';
import { citeDecision } from '../documents.ts';
import { toSpoken } from './spoken.ts';
import { countSyllables } from './duration.ts';

export interface RadioParagraph {
  /** A heading is read as a title of its own. */
  kind: 'heading' | 'text';
  text: string;
}

export interface RadioScript {
  /** The name as written, for pages. */
  title: string;
  /** The name as read aloud. */
  spokenTitle: string;
  paragraphs: RadioParagraph[];
  /** Syllables of the paragraphs, which fix the reading time. */
  syllables: number;
  /** For the announcer, not read: the decisions' numbers, which are read by their issuer and date. */
  notes: string[];
}

/**
 * A story in spoken form: made once, when the story is compiled, and saved with it, so that the pages, text files
 * and bulletins that read it aloud do not convert it again.
 */
export interface SpokenStory {
  paragraphs: RadioParagraph[];
  /** Syllables of the paragraphs. */
  syllables: number;
}

export interface ScriptSource {
  data: Pick<ExemplarData, 'name' | 'role' | 'village' | 'place' | 'citation' | 'awards' | 'author'>;
  story: SpokenStory;
}

export interface ScriptContext {
  places: Pick<PlaceIndex, 'fullLabel' | 'nowPartOf'>;
  /** An award as named when granted, e.g. "danh hiệu Người tốt, việc tốt". */
  awardName: (id: string) => string;
}

/** "Nông dân" inside a sentence is "nông dân"; "HTX …" and names stay as written. */
function inSentence(value: string): string {
  return /^\p{Lu}\p{Ll}/u.test(value) ? value.charAt(0).toLocaleLowerCase('vi') + value.slice(1) : value;
}

export function spokenParagraph(kind: RadioParagraph['kind'], written: string): RadioParagraph {
  return { kind, text: capitalize(toSpoken(written)) };
}

export function syllablesOf(paragraphs: readonly RadioParagraph[]): number {
  return paragraphs.reduce((sum, p) => sum + countSyllables(p.text), 0);
}

/**
 * The story as plain text (from the story compiler) in spoken form, quotations included. A heading is folded into the
 * paragraph after it as its first sentence: read on its own, a heading sounds like a stray line.
 */
export function spokenStory(blocks: readonly StoryBlock[]): SpokenStory {
  const paragraphs: RadioParagraph[] = [];
  let heading: string | undefined;
  for (const block of blocks) {
    const written = block.kind === 'quote' ? ui.radio.quote(block.by, block.role && inSentence(block.role), block.text) : block.text;
    if (block.kind === 'heading') {
      heading = heading ? `${heading}. ${written}` : written;
      continue;
    }
    const paragraph = spokenParagraph('text', heading ? `${heading.replace(/[.:!?]*$/, '')}. ${written}` : written);
    heading = undefined;
    if (paragraph.text) paragraphs.push(paragraph);
  }
  if (heading) paragraphs.push(spokenParagraph('text', heading));
  return { paragraphs: paragraphs.filter((p) => p.text), syllables: syllablesOf(paragraphs) };
}

/**
 * What is read before and after the story: who and where, the deed; the awards and the writer. A decision is read by
 * its issuer and date ("theo quyết định ngày 20 tháng 9 năm 2022"); its number, long and full of letters, goes to a
 * note for the announcer.
 */
function scriptFrame(data: ScriptSource['data'], context: ScriptContext): { before: RadioParagraph[]; after: RadioParagraph[]; notes: string[] } {
  const who = [data.name, data.role && inSentence(data.role)].filter(Boolean).join(', ');
  const where = [data.village && inSentence(data.village), context.places.fullLabel(data.place)].filter(Boolean).join(', ');
  // Revoked awards stay on the page for the record; on air they would only confuse.
  const standing = data.awards.filter((grant) => !grant.revoked);
  const awards = standing.map((grant) =>
    ui.radio.award(grant.issuer, grant.posthumous, context.awardName(grant.award), ui.radio.decisionOn(formatDateShort(grant.date))),
  );
  const spoken = (texts: string[]) => texts.map((text) => spokenParagraph('text', text)).filter((p) => p.text);
  return {
    before: spoken([ui.radio.introduction(who, where, context.places.nowPartOf(data.place)), data.citation]),
    after: spoken([...(awards.length > 0 ? [awards.join(' ')] : []), ui.radio.author(data.author)]),
    notes: standing.map((grant) => citeDecision(grant)),
  };
}

export function exemplarScript({ data, story }: ScriptSource, context: ScriptContext): RadioScript {
  const { before, after, notes } = scriptFrame(data, context);
  const paragraphs = [...before, ...story.paragraphs, ...after];
  return { title: data.name, spokenTitle: toSpoken(data.name), paragraphs, syllables: syllablesOf(before) + story.syllables + syllablesOf(after), notes };
}

/** A script read on its own, outside a bulletin: with a line to open it and one to close it. */
export function standaloneScript(script: RadioScript): RadioScript {
  const opening = spokenParagraph('text', ui.radio.itemOpening(script.title));
  const closing = spokenParagraph('text', ui.radio.itemClosing(script.title));
  return { ...script, paragraphs: [opening, ...script.paragraphs, closing], syllables: script.syllables + syllablesOf([opening, closing]) };
}

/**
 * A script's spoken title and syllables (its reading time, and what a bulletin weighs an item by) from the length
 * of its spoken story alone: a bulletin leaves most items out and need not read their stories.
 */
export function scriptLength(data: ScriptSource['data'], storySyllables: number, context: ScriptContext): Pick<RadioScript, 'spokenTitle' | 'syllables'> {
  const { before, after } = scriptFrame(data, context);
  return { spokenTitle: toSpoken(data.name), syllables: syllablesOf(before) + storySyllables + syllablesOf(after) };
}
