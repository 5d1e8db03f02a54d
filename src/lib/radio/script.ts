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
}

export interface ScriptSource {
  data: Pick<ExemplarData, 'name' | 'role' | 'village' | 'place' | 'citation' | 'awards' | 'author'>;
  /** The story as plain text, from the story compiler. */
  blocks: readonly StoryBlock[];
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

export function exemplarScript({ data, blocks }: ScriptSource, context: ScriptContext): RadioScript {
  const who = [data.name, data.role && inSentence(data.role)].filter(Boolean).join(', ');
  const where = [data.village && inSentence(data.village), context.places.fullLabel(data.place)].filter(Boolean).join(', ');
  // Revoked awards stay on the page for the record; on air they would only confuse.
  const awards = data.awards
    .filter((grant) => !grant.revoked)
    .map((grant) => ui.radio.award(grant.issuer, grant.posthumous, context.awardName(grant.award), ui.award.decision(grant.decision, formatDateShort(grant.date))));
  const written: [RadioParagraph['kind'], string][] = [
    ['text', ui.radio.introduction(who, where, context.places.nowPartOf(data.place))],
    ['text', data.citation],
    ...blocks.map((block): [RadioParagraph['kind'], string] =>
      block.kind === 'quote' ? ['text', ui.radio.quote(block.by, block.role && inSentence(block.role), block.text)] : [block.kind === 'heading' ? 'heading' : 'text', block.text],
    ),
    ...(awards.length > 0 ? [['text', awards.join(' ')] as [RadioParagraph['kind'], string]] : []),
    ['text', ui.radio.author(data.author)],
  ];
  const paragraphs = written.map(([kind, text]) => spokenParagraph(kind, text)).filter((p) => p.text);
  return { title: data.name, spokenTitle: toSpoken(data.name), paragraphs, syllables: syllablesOf(paragraphs) };
}
