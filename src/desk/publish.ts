/**
 * Publishing from the desk: the full build of the site (the same `node scripts/astro.ts build` as `npm run build`),
 * with its progress read from what the build already logs, then the new output put in place of the live one, the
 * entries that are new, changed or withdrawn since the last publish, and optionally a copy to where the public site
 * is served from (a folder, or rsync over SSH).
 *
 * Nothing is published from a failed build. The build always writes into one staging folder of the desk
 * (<stateDir>/build/), never into the live output: a build that stops halfway leaves the staging folder half updated
 * (output-sweep.ts), and the live folder as it was. Always the same staging folder, because Astro's page reuse is
 * tied to the folder the last build wrote (linkPageCopy): a new folder every time would render every page again.
 * Only after the build succeeded is the staging folder copied next to the live one and swapped in by renaming.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { idFromFile } from '../lib/content/source.ts';
import { dateTime, deskPublish } from '../i18n/desk-publish.ts';
import { html, type Html } from './html.ts';

const text = deskPublish.publish;

export type StepKey = 'content' | 'pages' | 'photos' | 'search' | 'check' | 'output' | 'target';
export type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

export interface PublishStep {
  key: StepKey;
  state: StepState;
  /** What the step has counted so far (pages written, photos made…), and out of how many when known. */
  count?: number;
  total?: number;
  /** A summary the build gave, e.g. "37 điển hình, 5 phong trào". */
  detail?: string;
}

export type EntryCollection = 'exemplars' | 'campaigns';

export interface PublishProblem {
  message: string;
  file?: string;
  line?: number;
  field?: string;
  /** The entry the file is, so the page can link to it in the desk. */
  entry?: { collection: EntryCollection; id: string; href: string };
}

export interface EntryChange {
  collection: EntryCollection;
  id: string;
  title: string;
  /** The page's public address (its canonical URL), or its path in the output if it has none. */
  url: string;
}

export interface PublishChanges {
  /** True when no earlier publish from the desk is known: every entry then counts as new. */
  first: boolean;
  added: EntryChange[];
  changed: EntryChange[];
  withdrawn: EntryChange[];
}

export interface PublishRun {
  id: number;
  by: string;
  /** ISO times. */
  startedAt: string;
  finishedAt?: string;
  state: 'running' | 'done' | 'failed';
  steps: PublishStep[];
  problems: PublishProblem[];
  changes?: PublishChanges;
  /** Seconds since the start, or the run's whole length once finished. */
  elapsed: number;
}

export interface LastPublished {
  at: string;
  by: string;
  /** Where the public site was updated: the live output folder, or the configured target. */
  where: string;
}

export interface PublishTarget {
  /** A folder the output is copied into (a web server's root, a mounted share). */
  folder?: string;
  /** An rsync destination, `user@host:/path`, reached over SSH with `rsync -a --delete`. */
  rsync?: string;
}

export interface PublisherOptions {
  root: string;
  env?: NodeJS.ProcessEnv;
  target?: PublishTarget;
  /** The desk's own folder, outside content/ (e.g. <root>/.desk/). */
  stateDir: string;
  /** The live output folder, which the site is served from or copied from: <root>/dist by default. */
  output?: string;
  /** The build command, given the folder to build into; `node scripts/astro.ts build --outDir <folder>` by default. */
  buildCommand?: (outDir: string) => [string, ...string[]];
}

const ENTRY_FOLDERS: Record<EntryCollection, string> = { exemplars: 'dien-hinh', campaigns: 'phong-trao' };

const BUILD_STEPS: StepKey[] = ['content', 'pages', 'photos', 'search', 'check', 'output'];

const stripColours = (line: string) => line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
/** "1.234" as Vietnamese writes a thousand and more. */
const number = (value: string) => Number(value.replace(/[.,\s]/g, ''));

/**
 * Reads the build's log, line by line, into steps with counts. Only what the build already prints is read: the
 * project's integrations log each step's start and its count, Astro lists each file it generates (pages, feeds,
 * radio texts: more than the pages it counts at the end) and each photo with "(n/total)". How many files to expect
 * is known from the last publish.
 */
export class BuildProgress {
  readonly steps: PublishStep[];
  private partial = '';

  constructor(withTarget: boolean, expectedPages?: number) {
    this.steps = [...BUILD_STEPS, ...(withTarget ? (['target'] as const) : [])].map((key) => ({ key, state: 'waiting' }));
    if (expectedPages) this.step('pages').total = expectedPages;
  }

  step(key: StepKey): PublishStep {
    return this.steps.find((s) => s.key === key)!;
  }

  /** Marks a step running, and every step before it that was still running or waiting as done. */
  start(key: StepKey) {
    for (const step of this.steps) {
      if (step.key === key) break;
      if (step.state === 'running' || step.state === 'waiting') step.state = 'done';
    }
    const step = this.step(key);
    if (step.state === 'waiting') step.state = 'running';
  }

  finish(key: StepKey) {
    this.start(key);
    this.step(key).state = 'done';
  }

  /** The step that was running when the build stopped is the one that failed. */
  fail() {
    const running = this.steps.find((s) => s.state === 'running') ?? this.steps.find((s) => s.state === 'waiting');
    if (running) running.state = 'failed';
  }

  feed(chunk: string) {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) this.line(stripColours(line));
  }

  private line(line: string) {
    let match: RegExpMatchArray | null;
    if (line.includes('Đang kiểm tra nội dung')) this.start('content');
    else if ((match = line.match(/Nội dung hợp lệ: ([\d.]+) điển hình, ([\d.]+) phong trào/))) {
      this.finish('content');
      Object.assign(this.step('content'), { count: number(match[1]!) + number(match[2]!), detail: text.contentCount(match[1]!, match[2]!) });
      // Bundling the page code comes next and logs nothing countable: it is part of making the pages.
      this.start('pages');
    } else if (line.includes('generating static routes')) this.start('pages');
    else if (line.includes('Đang mã hoá nốt ảnh')) this.start('photos');
    else if ((match = line.match(/Ảnh mã hoá trong lúc dựng trang: ([\d.]+) tệp/))) {
      this.start('photos');
      this.step('photos').count = number(match[1]!);
    } else if (line.includes('generating optimized images')) this.start('photos');
    else if (line.includes('Đang ghi chỉ mục tìm kiếm')) this.start('search');
    else if ((match = line.match(/Chỉ mục tìm kiếm: ([\d.]+) trang/))) {
      this.finish('search');
      this.step('search').count = number(match[1]!);
    } else if (line.includes('Đang đối chiếu kết quả xuất bản')) this.start('check');
    else if (line.includes('Kết quả xuất bản khớp')) this.finish('check');
    // Astro writes a page's line before it knows its time, so several pages may share one line.
    const pages = line.match(/[├└]─ \//g)?.length ?? 0;
    if (pages > 0) {
      this.start('pages');
      const step = this.step('pages');
      step.count = (step.count ?? 0) + pages;
      if (step.total !== undefined && step.count > step.total) step.total = undefined;
    }
    if ((match = line.match(/▶ .*\((\d+)\/(\d+)\)/))) {
      this.start('photos');
      Object.assign(this.step('photos'), { count: number(match[1]!), total: number(match[2]!) });
    }
  }
}

function entryOf(file: string): PublishProblem['entry'] {
  const match = file.replace(/\\/g, '/').match(/^(?:\.\/)?content\/(exemplars|campaigns)\/(?:[^/]+\/)*[^/]+\.mdx?$/);
  if (!match) return undefined;
  const collection = match[1] as EntryCollection;
  const id = idFromFile(file);
  return { collection, id, href: `/${ENTRY_FOLDERS[collection]}/${id}` };
}

/**
 * The problems of a refused build, from the Vietnamese report it prints: the content check's (file, line, field,
 * message, see formatProblems) and the output check's (one a line, naming the page).
 */
export function parseBuildReport(log: string): PublishProblem[] {
  const lines = log.split('\n').map((line) => stripColours(line).replace(/\s+$/, ''));
  const problems: PublishProblem[] = [];
  let section: 'content' | 'output' | undefined;
  for (const line of lines) {
    // Anywhere in the line: with GUONG_SANG_DEBUG the report comes inside Astro's error ("ContentError: Nội dung có…").
    if (/Nội dung có [\d.]+ lỗi/.test(line)) {
      section = 'content';
      continue;
    }
    if (line.includes('Kết quả xuất bản không khớp')) {
      section = 'output';
      continue;
    }
    if (section === 'content') {
      const message = line.match(/^ {4}(\S.*)$/);
      if (message && problems.length > 0) {
        const last = problems.at(-1)!;
        last.message = last.message ? `${last.message}\n${message[1]}` : message[1]!;
        continue;
      }
      const head = line.match(/^ {2}(\S.*?)(?::(\d+))?(?: \[([^\]]*)\])?$/);
      // What Astro adds after the report under GUONG_SANG_DEBUG ("  Location:", "  Stack trace:") ends it.
      if (head && !head[1]!.endsWith(':')) {
        const file = head[1]!;
        problems.push({ file, line: head[2] ? Number(head[2]) : undefined, field: head[3], message: '', entry: entryOf(file) });
        continue;
      }
      section = undefined;
    } else if (section === 'output') {
      const item = line.match(/^ {2}(\S.*)$/);
      if (!item) {
        section = undefined;
        continue;
      }
      const found = item[1]!.match(/\b(dien-hinh|phong-trao)\/([a-z0-9]+(?:-[a-z0-9]+)*)\//);
      // A list page (dien-hinh/2/) is no entry: an id has a letter.
      const page = found && /[a-z]/.test(found[2]!) ? found : undefined;
      const collection = page ? ((page[1] === 'dien-hinh' ? 'exemplars' : 'campaigns') as EntryCollection) : undefined;
      problems.push({ message: item[1]!, entry: page ? { collection: collection!, id: page[2]!, href: `/${page[1]}/${page[2]}` } : undefined });
    }
  }
  return problems.filter((p) => p.message !== '' || p.file);
}

interface ManifestEntry {
  hash: string;
  title: string;
  url: string;
}
type Manifest = Record<string, ManifestEntry>;

const decodeEntities = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');

/**
 * Every published entry of an output folder, by "collection/id": a hash of its page's main content (what a reader
 * sees of the entry; the head and the site's frame change with every stylesheet or menu edit and would mark every
 * entry changed) without the cards of other entries shown on it (related exemplars, a campaign's exemplars: one
 * withdrawn exemplar would mark every page that showed it changed), its title and its public address. Entry pages are the ones the search indexes; list pages under
 * the same folders (dien-hinh/2/) are not.
 */
export function entryManifest(output: string): Manifest {
  const manifest: Manifest = {};
  for (const collection of Object.keys(ENTRY_FOLDERS) as EntryCollection[]) {
    const folder = path.join(output, ENTRY_FOLDERS[collection]);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const page = path.join(folder, entry.name, 'index.html');
      if (!entry.isDirectory() || !existsSync(page)) continue;
      const source = readFileSync(page, 'utf8');
      if (!source.includes('data-pagefind-body')) continue;
      const main = (source.match(/<main[\s>][\s\S]*<\/main>/)?.[0] ?? source)
        .replace(/<section class="related"[\s\S]*?<\/section>/g, '')
        .replace(/<article class="card"[\s\S]*?<\/article>/g, '')
        // The entry's rank among all names, for the search's sort: it moves whenever an entry comes or goes.
        .replace(/data-pagefind-sort="name:\d+"/g, '');
      const title = decodeEntities((source.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? entry.name).replace(/<[^>]+>/g, '').trim());
      const url = source.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? `/${ENTRY_FOLDERS[collection]}/${entry.name}/`;
      manifest[`${collection}/${entry.name}`] = { hash: createHash('sha256').update(main).digest('hex'), title, url: decodeEntities(url) };
    }
  }
  return manifest;
}

/** What is new, changed and withdrawn in `now` compared with `before` (undefined: nothing published before). */
export function compareManifests(before: Manifest | undefined, now: Manifest): PublishChanges {
  const change = (key: string, entry: ManifestEntry): EntryChange => {
    const [collection, id] = key.split('/') as [EntryCollection, string];
    return { collection, id, title: entry.title, url: entry.url };
  };
  const byTitle = (a: EntryChange, b: EntryChange) => a.title.localeCompare(b.title, 'vi');
  const old = before ?? {};
  const added: EntryChange[] = [];
  const changed: EntryChange[] = [];
  for (const [key, entry] of Object.entries(now)) {
    if (!old[key]) added.push(change(key, entry));
    else if (old[key].hash !== entry.hash) changed.push(change(key, entry));
  }
  const withdrawn = Object.entries(old)
    .filter(([key]) => !now[key])
    .map(([key, entry]) => change(key, entry));
  return { first: before === undefined, added: added.sort(byTitle), changed: changed.sort(byTitle), withdrawn: withdrawn.sort(byTitle) };
}

function filesOf(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/**
 * Makes `to` hold exactly the files of `from`, copying only what differs in size or time and deleting what `from`
 * does not have. `to` itself stays: it may be a web server's root or a mounted share, which cannot be swapped.
 */
export function mirrorFolder(from: string, to: string, onFile?: (done: number, total: number) => void): void {
  mkdirSync(to, { recursive: true });
  const files = filesOf(from);
  const wanted = new Set(files);
  files.forEach((file, i) => {
    const source = path.join(from, file);
    const target = path.join(to, file);
    const a = statSync(source);
    let same = false;
    try {
      const b = statSync(target);
      same = b.isFile() && b.size === a.size && Math.trunc(b.mtimeMs) === Math.trunc(a.mtimeMs);
    } catch {
      same = false;
    }
    if (!same) {
      mkdirSync(path.dirname(target), { recursive: true });
      rmSync(target, { recursive: true, force: true });
      copyFileSync(source, target);
      utimesSync(target, a.atime, a.mtime);
    }
    onFile?.(i + 1, files.length);
  });
  for (const file of filesOf(to)) if (!wanted.has(file)) rmSync(path.join(to, file), { force: true });
  removeEmptyFolders(to);
}

function removeEmptyFolders(folder: string): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory() && removeEmptyFolders(child)) rmSync(child, { recursive: true });
    else empty = false;
  }
  return empty;
}

/** An rsync destination as `[user@]host:/path`; never an option, never a local path. */
export function isRsyncTarget(target: string): boolean {
  return /^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+:[^\0\n]+$/.test(target) && !target.startsWith('-');
}

interface SavedState {
  lastPublished?: LastPublished;
  manifest?: Manifest;
  pages?: number;
}

const usableTarget = (target: PublishTarget | undefined) => (target && (target.folder || target.rsync) ? { ...target } : undefined);

export class Publisher {
  readonly root: string;
  readonly stateDir: string;
  readonly output: string;
  private readonly env: NodeJS.ProcessEnv;
  private target?: PublishTarget;
  private readonly buildCommand: (outDir: string) => [string, ...string[]];
  private running?: PublishRun;
  private finished?: PublishRun;
  private runs = 0;
  private progress?: BuildProgress;
  private startedMs = 0;
  private done?: Promise<PublishRun>;

  constructor({ root, env = process.env, target, stateDir, output, buildCommand }: PublisherOptions) {
    this.root = path.resolve(root);
    this.env = env;
    this.target = usableTarget(target);
    this.stateDir = path.resolve(this.root, stateDir);
    this.output = path.resolve(this.root, output ?? 'dist');
    this.buildCommand = buildCommand ?? ((outDir) => [process.execPath, path.join(this.root, 'scripts', 'astro.ts'), 'build', '--outDir', outDir]);
  }

  private get stateFile() {
    return path.join(this.stateDir, 'publish.json');
  }

  private get staging() {
    return path.join(this.stateDir, 'build');
  }

  private readState(): SavedState {
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8')) as SavedState;
    } catch {
      return {};
    }
  }

  private writeState(state: SavedState) {
    mkdirSync(this.stateDir, { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, this.stateFile);
  }

  /** The run in progress, if any. */
  current(): PublishRun | undefined {
    return this.running && this.snapshot(this.running);
  }

  /** The run in progress, or else the last one finished since the desk started. */
  last(): PublishRun | undefined {
    const run = this.running ?? this.finished;
    return run && this.snapshot(run);
  }

  /** When and by whom the public site was last updated from the desk, kept across restarts. */
  lastPublished(): LastPublished | undefined {
    return this.readState().lastPublished;
  }

  /** Resolves when the run in progress (or the last one) has finished. */
  finishedRun(): Promise<PublishRun | undefined> {
    return this.done ?? Promise.resolve(this.finished);
  }

  private snapshot(run: PublishRun): PublishRun {
    const elapsed = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : (Date.now() - this.startedMs) / 1000;
    return structuredClone({ ...run, steps: this.progress && run === this.running ? this.progress.steps : run.steps, elapsed: Math.round(elapsed) });
  }

  /**
   * Starts publishing, by `by`; while a run is in progress, returns that one instead of starting another. `target`,
   * when given, replaces the one the publisher was made with, from this run on (the desk's settings may change while
   * it runs).
   */
  start(by: string, options: { target?: PublishTarget } = {}): PublishRun {
    if (this.running) return this.snapshot(this.running);
    if ('target' in options) this.target = usableTarget(options.target);
    const saved = this.readState();
    this.progress = new BuildProgress(Boolean(this.target), saved.pages);
    this.startedMs = Date.now();
    const run: PublishRun = {
      id: ++this.runs,
      by,
      startedAt: new Date(this.startedMs).toISOString(),
      state: 'running',
      steps: this.progress.steps,
      problems: [],
      elapsed: 0,
    };
    this.running = run;
    this.done = this.execute(run, saved)
      .catch((error: unknown) => {
        // Whatever went wrong, the run ends: a publish left "running" would refuse every later one.
        this.progress!.fail();
        run.problems = [{ message: text.outputFailed((error as Error).message) }];
        run.state = 'failed';
      })
      .then(() => {
        run.steps = structuredClone(this.progress!.steps);
        run.finishedAt = new Date().toISOString();
        this.finished = run;
        this.running = undefined;
        return this.snapshot(run);
      });
    return this.snapshot(run);
  }

  private async execute(run: PublishRun, saved: SavedState): Promise<void> {
    const progress = this.progress!;
    const failed = (problems: PublishProblem[]) => {
      progress.fail();
      run.problems = problems;
      run.state = 'failed';
    };
    const built = await this.build(progress);
    if (!built.ok) return failed(built.problems);

    progress.start('output');
    try {
      this.swapIn();
    } catch (error) {
      return failed([{ message: text.outputFailed((error as Error).message) }]);
    }
    progress.finish('output');
    const manifest = entryManifest(this.output);
    run.changes = compareManifests(saved.manifest, manifest);

    let where = this.output;
    if (this.target) {
      progress.start('target');
      try {
        where = await this.copyToTarget(progress.step('target'));
      } catch (error) {
        return failed([{ message: text.targetFailed((error as Error).message) }]);
      }
      progress.finish('target');
    }
    run.state = 'done';
    // Saved only once the public site has the new output: a failed copy is compared with the same publish next time.
    this.writeState({ manifest, pages: progress.step('pages').count, lastPublished: { at: new Date().toISOString(), by: run.by, where } });
  }

  private build(progress: BuildProgress): Promise<{ ok: true } | { ok: false; problems: PublishProblem[] }> {
    mkdirSync(this.staging, { recursive: true });
    const [command, ...args] = this.buildCommand(this.staging);
    return new Promise((resolve) => {
      let log = '';
      const child = spawn(command, args, {
        cwd: this.root,
        // No colours: the log is read, not shown.
        env: { ...this.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const read = (chunk: Buffer) => {
        const part = chunk.toString();
        // Only the end of the log can hold the report; a long build's page list is not kept.
        log = (log + part).slice(-200_000);
        progress.feed(part);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('error', (error) => resolve({ ok: false, problems: [{ message: text.buildNotStarted(error.message) }] }));
      child.on('close', (code) => {
        progress.feed('\n');
        if (code === 0) return resolve({ ok: true });
        const problems = parseBuildReport(log);
        if (problems.length > 0) return resolve({ ok: false, problems });
        const tail = log
          .split('\n')
          .map(stripColours)
          .filter((line) => line.trim() && !/[├└]─/.test(line))
          .slice(-15)
          .join('\n');
        resolve({ ok: false, problems: [{ message: `${text.buildStopped}\n${tail}` }] });
      });
    });
  }

  /**
   * Puts a copy of the staging folder in place of the live output by renaming, so the live folder is never half
   * written; the staging folder stays as it is for the next build's page reuse.
   */
  private swapIn() {
    const next = path.join(this.stateDir, 'next');
    const previous = path.join(this.stateDir, 'previous');
    rmSync(next, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
    // The search index in the staging folder is linked to the build's cache: copy the files, not the links.
    cpSync(this.staging, next, { recursive: true, dereference: true, preserveTimestamps: true });
    let moved = false;
    try {
      if (existsSync(this.output)) {
        renameSync(this.output, previous);
        moved = true;
      }
      renameSync(next, this.output);
    } catch {
      // A live folder on another file system, or one Windows will not rename while a server holds it open: put it
      // back and update it file by file instead, which is slower and not at once, but as complete.
      if (moved) renameSync(previous, this.output);
      mirrorFolder(next, this.output);
    }
    rmSync(previous, { recursive: true, force: true });
    rmSync(next, { recursive: true, force: true });
  }

  private async copyToTarget(step: PublishStep): Promise<string> {
    const { folder, rsync } = this.target!;
    if (folder) {
      const target = path.resolve(this.root, folder);
      mirrorFolder(this.output, target, (done, total) => Object.assign(step, { count: done, total }));
      return target;
    }
    if (!isRsyncTarget(rsync!)) throw new Error(text.targetRefused);
    await new Promise<void>((resolve, reject) => {
      let errors = '';
      const child = spawn('rsync', ['-a', '--delete', `${this.output}${path.sep}`, rsync!], {
        env: this.env,
        stdio: ['ignore', 'ignore', 'pipe'],
        windowsHide: true,
      });
      child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(errors.trim() || `rsync: ${code}`))));
    });
    return rsync!;
  }
}

function stepCount(step: PublishStep): string {
  if (step.detail) return step.detail;
  if (step.count === undefined) return '';
  return text.of(step.count, step.total);
}

/** How far the run is, out of 100: finished steps, and the share of pages written within the pages step. */
function progressValue(run: PublishRun): number {
  const steps = run.steps.filter((s) => s.state !== 'skipped');
  let done = steps.filter((s) => s.state === 'done').length;
  const running = steps.find((s) => s.state === 'running');
  if (running?.count !== undefined && running.total) done += Math.min(running.count / running.total, 0.99);
  return Math.round((done / steps.length) * 100);
}

function changeList(title: string, items: readonly EntryChange[]): Html {
  if (items.length === 0) return html``;
  return html`<section>
<h3>${title} (${items.length.toLocaleString('vi-VN')})</h3>
<ul>${items.map(
    (item) =>
      html`<li><a href="${item.url}">${item.title}</a> <span class="muted">(${deskPublish.publish.kinds[item.collection]}, <a href="/${ENTRY_FOLDERS[item.collection]}/${item.id}">${text.openEntry}</a>)</span></li>`,
  )}</ul>
</section>`;
}

function problemList(problems: readonly PublishProblem[]): Html {
  return html`<p>${text.problems(problems.length)}</p>
<ul class="problems">${problems.map(
    (p) =>
      html`<li>${p.file ? html`<strong>${p.file}</strong>${p.line ? html` (${text.line(p.line)})` : ''}${p.field ? html` [${p.field}]` : ''}: ` : ''}<span class="message">${p.message}</span>${
        p.entry ? html` <a href="${p.entry.href}">${text.openEntry}</a>` : ''
      }</li>`,
  )}</ul>`;
}

/**
 * What changes while publishing: when the public site was last updated, the progress of the run in progress or the
 * result of the last one. Also the answer of GET /xuat-ban/tien-do, which publish.js puts in place every few seconds.
 */
export function publishStatus(state: PublishRun | undefined, lastPublished: LastPublished | undefined): Html {
  const running = state?.state === 'running';
  const value = state?.state === 'done' ? 100 : state ? progressValue(state) : 0;
  const progress = state
    ? html`<section aria-labelledby="publish-progress" class="publish-progress">
<h2 id="publish-progress">${text.progress}</h2>
<div role="status">
<p>${
        running
          ? html`${text.running} ${dateTime(state.startedAt)} ${text.by(state.by)}. ${text.elapsed(state.elapsed)}`
          : state.state === 'done'
            ? html`<strong>${text.done}</strong> ${text.took(state.elapsed)}`
            : html`<strong>${text.stoppedAt(text.steps[state.steps.find((step) => step.state === 'failed')?.key ?? 'content']!)}</strong>`
      }</p>
<progress max="100" value="${value}" aria-labelledby="publish-progress">${value} %</progress>
<ol class="steps">${state.steps.map(
        (step) =>
          html`<li class="step-${step.state}">${text.steps[step.key]}: ${text.stepStates[step.state]}${stepCount(step) ? html` (${stepCount(step)})` : ''}</li>`,
      )}</ol>
</div>
${running ? html`<p class="hint" data-running="true">${text.refresh} <a href="/xuat-ban">${text.reload}</a></p>` : ''}
</section>`
    : html``;
  const result =
    state?.state === 'failed'
      ? html`<section aria-labelledby="publish-result"><h2 id="publish-result">${text.failed}</h2>${problemList(state.problems)}</section>`
      : state?.state === 'done' && state.changes
        ? html`<section aria-labelledby="publish-result"><h2 id="publish-result">${text.done}</h2>
${state.changes.first ? html`<p>${text.firstPublish}</p>` : ''}
${state.changes.added.length + state.changes.changed.length + state.changes.withdrawn.length === 0 ? html`<p>${text.none}</p>` : ''}
${changeList(text.added, state.changes.added)}${changeList(text.changed, state.changes.changed)}${changeList(text.withdrawn, state.changes.withdrawn)}
</section>`
        : html``;
  return html`<p class="last-published">${text.lastUpdated}: ${lastPublished ? text.lastBy(dateTime(lastPublished.at), lastPublished.by) : text.never}</p>
${progress}
${result}`;
}

/**
 * The body of the publishing page (POST /xuat-ban with the `csrf` field starts a run). While a run is in progress
 * publish.js follows it from /xuat-ban/tien-do; without scripts, a link reloads the page.
 */
export function publishPage(state: PublishRun | undefined, token: string, lastPublished: LastPublished | undefined, target?: PublishTarget): Html {
  const running = state?.state === 'running';
  const where = target?.folder ? text.target.folder(target.folder) : target?.rsync ? text.target.rsync(target.rsync) : text.target.none;
  return html`<h1>${text.title}</h1>
<p>${text.intro}</p>
<p>${where}</p>
<form method="post" action="/xuat-ban" class="publish-form">
<input type="hidden" name="csrf" value="${token}" />
<button type="submit" ${running ? html`disabled` : ''}>${text.button}</button>
</form>
<div id="publish-state" ${running ? html`data-follow="/xuat-ban/tien-do"` : ''}>
${publishStatus(state, lastPublished)}
</div>
<script src="/_desk/publish.js" defer></script>`;
}
