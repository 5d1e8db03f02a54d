/**
 * Several desks, one history: the desk's versions are git commits (history.ts), and a desk may send them to and
 * receive them from a shared repository (a bare repository on the province's server, Gitea or Forgejo), so that
 * several desks and a build machine share one history. See docs/shared-repository.md.
 *
 * Nothing is ever resolved by discarding text. Versions from the shared repository are merged with git's own
 * merge; when the same lines were changed on both sides, the merge is undone (the desk's files stay as they were,
 * every local version kept) and the two texts are shown to the person, who writes the merged text. Only then is the
 * merge made again, with that text, committed and sent. A repository that cannot be reached loses nothing either:
 * the versions stay on this computer and go with the next sync.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dateTime, deskPublish } from '../i18n/desk-publish.ts';
import { html, type Html } from './html.ts';

const text = deskPublish.shared;

export interface SharedRemote {
  /** The shared repository: a URL (https://, ssh://, user@host:path) or a folder. */
  remote: string;
  branch: string;
}

export interface SyncOptions {
  /** Who is syncing, for the merge commit. */
  author?: string;
  /** Where the result of the last sync is kept, for the page (<root>/.desk by default). */
  stateDir?: string;
}

export type SyncState = 'synced' | 'offline' | 'conflict' | 'refused' | 'failed' | 'noHistory';

export interface ConflictFile {
  /** Relative to the project root, with forward slashes. */
  file: string;
  /** The text both sides started from, this desk's and the shared repository's; undefined where the file did not exist. */
  base?: string;
  ours?: string;
  theirs?: string;
  /** Both texts in one, each part both sides changed between marker lines, for the person to edit. */
  proposal: string;
}

export interface SyncResult {
  state: SyncState;
  /** ISO time of the attempt. */
  at: string;
  /** Versions received from and sent to the shared repository. */
  received: number;
  sent: number;
  conflicts: ConflictFile[];
  /** What git said, when the state is not `synced` or `conflict`. */
  detail?: string;
  /** A refused merged text, in Vietnamese. */
  message?: string;
}

/** Where fetched versions are kept: a ref of the desk's own, not a named remote in the person's configuration. */
const SHARED_REF = 'refs/desk-shared/incoming';
const MERGE_EMAIL = 'bien-tap@ban-bien-tap.invalid';
const MARKER = /^(<{7}|>{7})( |$)/m;

class GitFailed extends Error {
  readonly code: number | string | undefined;
  readonly stderr: string;
  constructor(code: number | string | undefined, stderr: string) {
    super(stderr.trim() || `git: ${code}`);
    this.code = code;
    this.stderr = stderr;
  }
}

function git(root: string, args: string[], env: NodeJS.ProcessEnv, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: root,
        timeout,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        env: {
          ...env,
          // Never wait for a password nobody can type: the desk runs without a terminal.
          GIT_TERMINAL_PROMPT: '0',
          GIT_SSH_COMMAND: env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes -o ConnectTimeout=15',
          LC_ALL: 'C',
        },
      },
      (error, stdout, stderr) => (error ? reject(new GitFailed((error as NodeJS.ErrnoException).code ?? undefined, String(stderr))) : resolve(String(stdout))),
    );
  });
}

const cleanName = (name: string) =>
  name
    .replace(/[\r\n<>]/g, ' ')
    .trim()
    .slice(0, 80) || text.defaultAuthor;

const identity = (author: string) => ['-c', `user.name=${cleanName(author)}`, '-c', `user.email=${MERGE_EMAIL}`, '-c', 'commit.gpgsign=false'];

const stateFile = (root: string, options: SyncOptions) => path.join(path.resolve(root, options.stateDir ?? '.desk'), 'shared.json');

/** The result of the last sync of this desk, conflicts included, as the page shows it after a reload or restart. */
export function lastSync(root: string, options: SyncOptions = {}): SyncResult | undefined {
  try {
    return JSON.parse(readFileSync(stateFile(root, options), 'utf8')) as SyncResult;
  } catch {
    return undefined;
  }
}

function remember(root: string, options: SyncOptions, result: SyncResult): SyncResult {
  const file = stateFile(root, options);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(result));
  renameSync(`${file}.tmp`, file);
  return result;
}

const isUnreachable = (error: GitFailed) =>
  error.code === 'ETIMEDOUT' ||
  /Could not resolve host|Connection refused|Connection timed out|No route to host|Network is unreachable|unable to access|Could not read from remote repository|does not appear to be a git repository|Operation timed out|unable to connect|Host key verification failed|Permission denied/i.test(
    error.stderr,
  );

/** The branch name as the person wrote it in the settings, refused if git would read it as something else. */
function checkedShared({ remote, branch }: SharedRemote): SharedRemote {
  if (!remote || remote.startsWith('-') || /[\0\n]/.test(remote)) throw new GitFailed('remote', 'remote');
  if (!/^[\w./-]+$/.test(branch) || branch.startsWith('-') || branch.includes('..')) throw new GitFailed('branch', 'branch');
  return { remote, branch };
}

/** Fetches the shared branch into SHARED_REF; false when the shared repository has no such branch yet. */
async function fetchShared(root: string, { remote, branch }: SharedRemote, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await git(root, ['fetch', '--quiet', '--no-tags', '--', remote, `+refs/heads/${branch}:${SHARED_REF}`], env);
    return true;
  } catch (error) {
    if (error instanceof GitFailed && /couldn't find remote ref/i.test(error.stderr)) {
      await git(root, ['update-ref', '-d', SHARED_REF], env).catch(() => '');
      return false;
    }
    throw error;
  }
}

const count = async (root: string, range: string, env: NodeJS.ProcessEnv) => Number((await git(root, ['rev-list', '--count', range], env)).trim());

async function show(root: string, spec: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    return await git(root, ['show', spec], env);
  } catch {
    return undefined;
  }
}

/** Both texts in one, as `git merge-file` marks what both sides changed, with labels an editor understands. */
async function proposal(root: string, conflict: Omit<ConflictFile, 'proposal'>, env: NodeJS.ProcessEnv): Promise<string> {
  if (conflict.ours === undefined || conflict.theirs === undefined) {
    return [text.markOurs, conflict.ours ?? text.deleted, text.markSplit, conflict.theirs ?? text.deleted, text.markTheirs, ''].join('\n');
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'desk-merge-'));
  try {
    const files = ['ours', 'base', 'theirs'].map((name) => path.join(folder, name));
    writeFileSync(files[0]!, conflict.ours);
    writeFileSync(files[1]!, conflict.base ?? '');
    writeFileSync(files[2]!, conflict.theirs);
    const labels = [text.markOurs.slice(8), 'base', text.markTheirs.slice(8)];
    try {
      return await git(root, ['merge-file', '-p', '-L', labels[0]!, '-L', labels[1]!, '-L', labels[2]!, ...files], env);
    } catch {
      // merge-file exits with the number of conflicts, so a conflict is an "error"; read its output from the file.
      await git(root, ['merge-file', '-L', labels[0]!, '-L', labels[1]!, '-L', labels[2]!, ...files], env).catch(() => '');
      return readFileSync(files[0]!, 'utf8');
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function unmergedFiles(root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const out = await git(root, ['diff', '--name-only', '--diff-filter=U', '-z'], env);
  return out.split('\0').filter(Boolean);
}

async function conflictsOf(root: string, env: NodeJS.ProcessEnv): Promise<ConflictFile[]> {
  const conflicts: ConflictFile[] = [];
  for (const file of await unmergedFiles(root, env)) {
    const conflict = {
      file,
      base: await show(root, `:1:${file}`, env),
      ours: await show(root, `:2:${file}`, env),
      theirs: await show(root, `:3:${file}`, env),
    };
    conflicts.push({ ...conflict, proposal: await proposal(root, conflict, env) });
  }
  return conflicts;
}

async function hasHead(root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], env);
    return true;
  } catch {
    return false;
  }
}

/** Starts merging the shared versions; true when git merged without conflict (nothing committed yet). */
async function startMerge(root: string, env: NodeJS.ProcessEnv, author: string): Promise<boolean> {
  try {
    await git(root, [...identity(author), 'merge', '--no-commit', '--no-ff', '--allow-unrelated-histories', SHARED_REF], env);
    return true;
  } catch (error) {
    if ((await unmergedFiles(root, env)).length > 0) return false;
    throw error;
  }
}

/** The files git names, one a line under its message, as in "would be overwritten by merge:\n\tcontent/x.mdx". */
const filesNamed = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('\t'))
    .map((line) => line.trim());

const locks = new Map<string, Promise<unknown>>();

/** One sync or resolution at a time per project: two would merge into the same files. */
function exclusive<T>(root: string, work: () => Promise<T>): Promise<T> {
  const key = path.resolve(root);
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(key, next);
  return next;
}

async function pushShared(root: string, shared: SharedRemote, env: NodeJS.ProcessEnv): Promise<void> {
  await git(root, ['push', '--quiet', '--', shared.remote, `HEAD:refs/heads/${shared.branch}`], env);
}

/**
 * Receives the versions of the shared repository, merges them with this desk's (committing the merge when git
 * merged cleanly), and sends the result. On a conflict nothing is changed here: the merge is undone and the files
 * both sides changed are returned with their texts.
 */
export function syncShared(root: string, shared: SharedRemote, env: NodeJS.ProcessEnv = process.env, options: SyncOptions = {}): Promise<SyncResult> {
  return exclusive(root, () => syncOnce(root, shared, env, options, 2));
}

async function syncOnce(root: string, sharedInput: SharedRemote, env: NodeJS.ProcessEnv, options: SyncOptions, attempts: number): Promise<SyncResult> {
  const result: SyncResult = { state: 'synced', at: new Date().toISOString(), received: 0, sent: 0, conflicts: [] };
  const fail = (state: SyncState, error: unknown) =>
    remember(root, options, { ...result, state, detail: error instanceof Error ? error.message : String(error) });
  let shared: SharedRemote;
  try {
    shared = checkedShared(sharedInput);
    await git(root, ['rev-parse', '--is-inside-work-tree'], env);
  } catch (error) {
    return fail(error instanceof GitFailed && (error.code === 'remote' || error.code === 'branch') ? 'failed' : 'noHistory', error);
  }
  let exists: boolean;
  try {
    exists = await fetchShared(root, shared, env);
  } catch (error) {
    return fail(error instanceof GitFailed && isUnreachable(error) ? 'offline' : 'failed', error);
  }
  const author = options.author ?? text.defaultAuthor;
  try {
    if (exists) {
      const head = await hasHead(root, env);
      result.received = head ? await count(root, `HEAD..${SHARED_REF}`, env) : await count(root, SHARED_REF, env);
      if (!head) await git(root, ['merge', '--ff-only', SHARED_REF], env);
      else if (result.received > 0) {
        const behind = (await count(root, `${SHARED_REF}..HEAD`, env)) === 0;
        if (behind) await git(root, ['merge', '--ff-only', SHARED_REF], env);
        else if (await startMerge(root, env, author)) {
          await git(root, [...identity(author), 'commit', '--quiet', '--no-verify', '-m', text.mergeMessage], env);
        } else {
          const conflicts = await conflictsOf(root, env);
          await git(root, ['merge', '--abort'], env);
          return remember(root, options, { ...result, state: 'conflict', conflicts });
        }
      }
    }
    if (!(await hasHead(root, env))) return remember(root, options, result);
    result.sent = exists ? await count(root, `${SHARED_REF}..HEAD`, env) : await count(root, 'HEAD', env);
  } catch (error) {
    // A merge that git could not even start (local files in the way): leave the files as they were.
    await git(root, ['merge', '--abort'], env).catch(() => '');
    const result = fail('failed', error);
    if (error instanceof GitFailed && /would be overwritten by merge/.test(error.stderr)) {
      return remember(root, options, { ...result, message: text.uncommitted(filesNamed(error.stderr)) });
    }
    return result;
  }
  if (result.sent > 0) {
    try {
      await pushShared(root, shared, env);
    } catch (error) {
      if (error instanceof GitFailed && isUnreachable(error)) return fail('offline', error);
      // Someone sent versions in between: receive them and try again.
      if (attempts > 1 && error instanceof GitFailed && /rejected|non-fast-forward|fetch first/i.test(error.stderr)) {
        return syncOnce(root, shared, env, options, attempts - 1);
      }
      return fail('refused', error);
    }
  }
  return remember(root, options, result);
}

/**
 * Makes the merge again with the texts the person merged (`merged`: file → text, for every file in conflict),
 * commits it in their name and sends it. A text still holding a marker line is refused, and so is a file that is
 * not in conflict: nothing else of the project can be written this way.
 */
export function resolveConflict(
  root: string,
  shared: SharedRemote,
  merged: Readonly<Record<string, string>>,
  author: string,
  env: NodeJS.ProcessEnv = process.env,
  options: SyncOptions = {},
): Promise<SyncResult> {
  return exclusive(root, async () => {
    const at = new Date().toISOString();
    const refused = (message: string, conflicts: ConflictFile[]) =>
      remember(root, options, { state: 'conflict', at, received: 0, sent: 0, conflicts, message });
    for (const [file, value] of Object.entries(merged))
      if (MARKER.test(value)) return refused(text.markersLeft(file), lastSync(root, options)?.conflicts ?? []);
    let checked: SharedRemote;
    try {
      checked = checkedShared(shared);
      await fetchShared(root, checked, env);
    } catch (error) {
      const state = error instanceof GitFailed && isUnreachable(error) ? 'offline' : 'failed';
      return remember(root, options, {
        state,
        at,
        received: 0,
        sent: 0,
        conflicts: lastSync(root, options)?.conflicts ?? [],
        detail: (error as Error).message,
      });
    }
    const received = await count(root, `HEAD..${SHARED_REF}`, env).catch(() => 0);
    try {
      if (!(await startMerge(root, env, author))) {
        const files = await unmergedFiles(root, env);
        // The shared repository moved on since the conflict was shown: show the new one rather than guess.
        const missing = files.find((file) => merged[file] === undefined);
        if (missing) {
          const conflicts = await conflictsOf(root, env);
          await git(root, ['merge', '--abort'], env);
          return refused(text.missing(missing), conflicts);
        }
        for (const file of files) {
          const value = merged[file]!.replace(/\r\n/g, '\n');
          const target = path.join(root, file);
          if (value === '' && (await show(root, `:2:${file}`, env)) === undefined) await git(root, ['rm', '--quiet', '--', file], env);
          else {
            mkdirSync(path.dirname(target), { recursive: true });
            writeFileSync(target, value);
            await git(root, ['add', '--', file], env);
          }
        }
      }
      await git(root, [...identity(author), 'commit', '--quiet', '--no-verify', '-m', text.resolvedMessage(cleanName(author))], env);
    } catch (error) {
      await git(root, ['merge', '--abort'], env).catch(() => '');
      return remember(root, options, { state: 'failed', at, received: 0, sent: 0, conflicts: [], detail: (error as Error).message });
    }
    const result = await syncOnce(root, checked, env, options, 2);
    return remember(root, options, { ...result, received: result.received + received });
  });
}

/** A field name for a file in the resolution form: `merged:<file>`. */
export const mergedField = (file: string) => `merged:${file}`;

/**
 * The body of the sync page: the shared repository and the state of the last sync, the "Đồng bộ" button
 * (POST /dong-bo with `csrf`) and, after a conflict, each file with both texts side by side and a merged text to
 * edit (POST /dong-bo/giai-quyet with `csrf` and one `merged:<file>` field a file).
 */
export function sharedRepoPage(shared: SharedRemote | undefined, last: SyncResult | undefined, token: string): Html {
  if (!shared?.remote) return html`<h1>${text.title}</h1><p>${text.intro}</p><p>${text.notConfigured}</p>`;
  const status = last
    ? html`<div role="status" class="sync-state sync-${last.state}">
<p><strong>${text.states[last.state]}</strong></p>
${last.state === 'synced' ? html`<p>${text.received(last.received)} ${text.sent(last.sent)}</p>` : ''}
${last.message ? html`<p role="alert" class="problems">${last.message}</p>` : ''}
${last.detail ? html`<pre class="detail">${last.detail}</pre>` : ''}
</div>`
    : html``;
  const conflicts =
    last?.state === 'conflict' && last.conflicts.length > 0
      ? html`<form method="post" action="/dong-bo/giai-quyet" class="conflicts">
<input type="hidden" name="csrf" value="${token}" />
${last.conflicts.map(
  (conflict, i) => html`<fieldset>
<legend>${text.conflictFile(conflict.file)}</legend>
<div class="side-by-side">
<section aria-labelledby="ours-${i}"><h3 id="ours-${i}">${text.ours}</h3><pre>${conflict.ours ?? text.deleted}</pre></section>
<section aria-labelledby="theirs-${i}"><h3 id="theirs-${i}">${text.theirs}</h3><pre>${conflict.theirs ?? text.deleted}</pre></section>
</div>
<p><label for="merged-${i}">${text.merged}</label><br /><span class="hint" id="merged-${i}-hint">${text.mergedHint}</span></p>
<textarea id="merged-${i}" name="${mergedField(conflict.file)}" rows="20" cols="80" aria-describedby="merged-${i}-hint">${'\n'}${conflict.proposal}</textarea>
</fieldset>`,
)}
<p><button type="submit">${text.save}</button></p>
</form>`
      : html``;
  return html`<h1>${text.title}</h1>
<p>${text.intro}</p>
<dl>
<dt>${text.remote}</dt><dd><code>${shared.remote}</code></dd>
<dt>${text.branch}</dt><dd><code>${shared.branch}</code></dd>
<dt>${text.lastSync}</dt><dd>${last ? dateTime(last.at) : text.never}</dd>
</dl>
${status}
<form method="post" action="/dong-bo">
<input type="hidden" name="csrf" value="${token}" />
<button type="submit">${text.button}</button>
</form>
${conflicts}`;
}

/** The merged texts of a posted resolution form: every `merged:<file>` field, by file. */
export function mergedTexts(fields: Iterable<[string, string]>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of fields) if (name.startsWith('merged:')) merged[name.slice('merged:'.length)] = value;
  return merged;
}
