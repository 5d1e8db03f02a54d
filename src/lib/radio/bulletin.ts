/**
 * A bulletin: the opening line, what the programme is about, as many items as fit the target length (newest
 * first, each whole, never cut), and the closing line. Items that do not fit are listed for a later bulletin.
 */
import { countSyllables, readingSeconds, roundedSeconds } from './duration.ts';
import { spokenParagraph, syllablesOf, type RadioParagraph, type RadioScript } from './script.ts';
import { toSpoken } from './spoken.ts';
import { formatDuration } from '../format.ts';
import { ui } from '../../i18n/vi.ts';

export interface BulletinFrame {
  /** Opening line, from the site settings. */
  opening: string;
  /** One sentence on what this bulletin gathers, e.g. a campaign or a month. */
  subject: string;
  /** Closing line, from the site settings. */
  closing: string;
}

export interface Bulletin<T> {
  paragraphs: RadioParagraph[];
  syllables: number;
  included: T[];
  /** Items left for a later bulletin, in the order given. */
  left: T[];
  /** For the announcer, not read: the numbers of the decisions the included items name. */
  notes: string[];
}

/** Syllables an item takes in a bulletin: its title, read as a heading, and its script. */
export function bulletinCost(script: Pick<RadioScript, 'spokenTitle' | 'syllables'>): number {
  return countSyllables(script.spokenTitle) + script.syllables;
}

/** An item offered to a bulletin: its length is known up front, its script is made only if it is included. */
export interface BulletinItem<T> {
  item: T;
  cost: number;
  script: () => RadioScript;
}

/**
 * Fills a bulletin of at most `targetSyllables` (minutes × reading speed) from `items`, newest first. An item that
 * does not fit is skipped, not cut, and a shorter one after it may still fit.
 */
export function fitBulletin<T>(items: readonly BulletinItem<T>[], frame: BulletinFrame, targetSyllables: number): Bulletin<T> {
  const start = [spokenParagraph('text', frame.opening), spokenParagraph('text', frame.subject)];
  const end = [spokenParagraph('text', frame.closing)];
  let budget = targetSyllables - syllablesOf(start) - syllablesOf(end);
  const body: RadioParagraph[] = [];
  const included: T[] = [];
  const left: T[] = [];
  const notes: string[] = [];
  for (const { item, cost, script } of items) {
    if (cost > budget) {
      left.push(item);
      continue;
    }
    budget -= cost;
    included.push(item);
    const { spokenTitle, paragraphs, notes: itemNotes } = script();
    body.push({ kind: 'heading', text: spokenTitle }, ...paragraphs);
    notes.push(...itemNotes);
  }
  const paragraphs = [...start, ...body, ...end];
  return { paragraphs, syllables: syllablesOf(paragraphs), included, left, notes };
}

/** "khoảng 2 phút 30 giây": the reading time at `perMinute`, to the nearest ten seconds. */
export function durationLabel(syllables: number, perMinute: number): string {
  return ui.radio.duration(formatDuration(roundedSeconds(readingSeconds(syllables, perMinute))));
}

/** Header lines of a text file, in words like the rest, so that the file holds no digit. */
export function textHeader(title: string, duration: string, left: readonly string[] = []): string[] {
  return [toSpoken(ui.radio.textHeader(title, duration)), ...(left.length > 0 ? [toSpoken(ui.radio.textLeft([...left]))] : [])];
}

/** A script as a plain-text file: the header lines, a blank line, then one paragraph a line. */
export function scriptText(header: readonly string[], paragraphs: readonly RadioParagraph[]): string {
  // The byte order mark makes browsers and Notepad read the file as UTF-8 even when a server sends no charset.
  return `\uFEFF${[header.join('\n'), ...paragraphs.map((p) => p.text)].join('\n\n')}\n`;
}
