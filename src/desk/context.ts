/**
 * What the pages of a running desk share (startDesk in server.ts makes it once): the content and its history, the
 * texts forms were opened on, and the few operations every page that reads or writes an entry goes through.
 */
import type { Summary, ContentIndex } from './content-index.ts';
import type { CollectionSetup, RecordSetup } from './collection-setup.ts';
import type { FormState } from './entry-form.ts';
import type { Choice } from './form.ts';
import type { History } from './history.ts';
import type { guideHelp } from './schema-form.ts';

export interface DeskContext {
  /** The project's folder. */
  root: string;
  /** The content's list of entries, kept up to date. */
  index: ContentIndex;
  /** Every save of every file, in git. */
  history: History;
  /** The editors' guide, field by field, shown beside each field of a form. */
  help: ReturnType<typeof guideHelp>;
  /** Texts forms were opened on, by hash: what a conflicting save is compared with. */
  bases: Map<string, string>;
  /** Keeps a text a form is opened on and gives its hash. */
  remember(text: string): string;
  /** The token of a session, sent back with every form (CSRF). */
  tokenOf(session: string): string;
  /** The choices each field of a collection's form offers (places, campaigns, awards…). */
  choicesFor(collection: CollectionSetup): Promise<(name: string) => Choice[] | undefined>;
  /** The entry of a collection with this id, if there is one. */
  findEntry(collection: CollectionSetup, id: string): Promise<Summary | undefined>;
  /** The file of a path under content/, never outside it. */
  absolute(file: string): string;
  /** A form's state from an entry's text. */
  stateFromFile(collection: CollectionSetup, id: string, text: string, editor: string): FormState;
  /** Writes a file, its previous text kept in the history first. */
  writeVersioned(file: string, text: string): void;
  /** Records files in the history, with the editor and a message. */
  commit(files: string[], editor: string, message: string, action?: string): Promise<void>;
  /** Whether the one who approves may be the one who wrote (settings, or a desk on one computer). */
  selfApprovalAllowed(): boolean;
  /** A record as the desk shows it: a place of the register by its code. */
  identified(setup: RecordSetup, item: unknown): unknown;
}

/** The time of day a message of the desk gives, in Vietnam. */
export const timeNow = () => new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
