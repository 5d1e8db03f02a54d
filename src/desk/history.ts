/**
 * Every save is a version that can be read back and restored. Where git is installed, each save is a commit of the
 * files it wrote, with the editor's name and a Vietnamese message (the desk starts a repository if there is none);
 * where it is not, each version is copied into content/.desk-history/ with the same facts. Restoring writes the old
 * text as a new version, so no later version is lost.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { desk } from '../i18n/desk.ts';
import { WORKFLOW_ACTIONS } from './workflow.ts';

export interface Version {
  id: string;
  author: string;
  date: string;
  message: string;
  /** The desk's step that made it ("edit", "approve", …); undefined for a version made outside the desk. */
  action?: string;
  /** The account that made it; undefined without accounts. */
  user?: string;
}

/** What the desk notes of a version besides its author and message. */
export interface VersionMeta {
  action: string;
  user?: string;
}

export interface History {
  readonly kind: 'git' | 'folder';
  record(files: readonly string[], author: string, message: string, meta?: VersionMeta): void;
  versions(file: string): Version[];
  /** The text of `file` at a version, or undefined if it did not exist then. */
  textAt(file: string, version: string): string | undefined;
}

function gitAvailable(env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}

/** A name fit for a commit author: no line breaks or angle brackets. */
const cleanName = (name: string) =>
  name
    .replace(/[\r\n<>]/g, ' ')
    .trim()
    .slice(0, 80) || desk.commit.unnamed;

class GitHistory implements History {
  readonly kind = 'git';
  private root: string;
  private env: NodeJS.ProcessEnv;
  constructor(root: string, env: NodeJS.ProcessEnv) {
    this.root = root;
    this.env = env;
    let inside = false;
    try {
      inside =
        execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim() === 'true';
    } catch {
      inside = false;
    }
    if (!inside) this.git(['init', '-q']);
  }

  private git(args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.root,
      env: { ...this.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }).toString();
  }

  record(files: readonly string[], author: string, message: string, meta?: VersionMeta) {
    const name = cleanName(author);
    const trailers = meta ? ['--trailer', `Desk-Action: ${meta.action}`, ...(meta.user ? ['--trailer', `Desk-User: ${meta.user}`] : [])] : [];
    this.git(['add', '--', ...files]);
    this.git([
      '-c',
      `user.name=${name}`,
      '-c',
      'user.email=bien-tap@ban-bien-tap.invalid',
      '-c',
      'commit.gpgsign=false',
      'commit',
      '-q',
      '--no-verify',
      '-m',
      message,
      ...trailers,
      '--',
      ...files,
    ]);
  }

  versions(file: string): Version[] {
    let out = '';
    try {
      out = this.git([
        'log',
        '--follow',
        '--format=%H%x1f%an%x1f%aI%x1f%s%x1f%(trailers:key=Desk-Action,valueonly,separator=)%x1f%(trailers:key=Desk-User,valueonly,separator=)%x1e',
        '--',
        file,
      ]);
    } catch {
      return [];
    }
    return out
      .split('\x1e')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [id, author, date, message, action, user] = line.split('\x1f');
        return { id: id!, author: author!, date: date!, message: message!, action: action?.trim() || undefined, user: user?.trim() || undefined };
      });
  }

  textAt(file: string, version: string): string | undefined {
    if (!/^[0-9a-f]{40}$/.test(version)) return undefined;
    try {
      return this.git(['show', `${version}:${file}`]);
    } catch {
      return undefined;
    }
  }
}

/** Versions kept as files: content/.desk-history/<file path with slashes as __>/<time>-<n>.json. */
class FolderHistory implements History {
  readonly kind = 'folder';
  private dir: string;
  private root: string;
  constructor(root: string) {
    this.root = root;
    this.dir = path.join(root, 'content', '.desk-history');
  }

  private folderOf(file: string) {
    return path.join(this.dir, file.replace(/\//g, '__'));
  }

  record(files: readonly string[], author: string, message: string, meta?: VersionMeta) {
    const date = new Date().toISOString();
    for (const file of files) {
      if (!/\.(mdx|ya?ml)$/.test(file)) continue;
      const folder = this.folderOf(file);
      mkdirSync(folder, { recursive: true });
      const id = `${Date.now().toString().padStart(15, '0')}-${readdirSync(folder).length.toString().padStart(6, '0')}`;
      const text = existsSync(path.join(this.root, file)) ? readFileSync(path.join(this.root, file), 'utf8') : null;
      writeFileSync(path.join(folder, `${id}.json`), JSON.stringify({ author: cleanName(author), date, message, ...meta, text }));
    }
  }

  versions(file: string): Version[] {
    const folder = this.folderOf(file);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => {
        const record = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Version;
        return { id: name.slice(0, -5), author: record.author, date: record.date, message: record.message, action: record.action, user: record.user };
      });
  }

  textAt(file: string, version: string): string | undefined {
    if (!/^\d{15}-\d{6}$/.test(version)) return undefined;
    const target = path.join(this.folderOf(file), `${version}.json`);
    if (!existsSync(target)) return undefined;
    return (JSON.parse(readFileSync(target, 'utf8')) as { text: string | null }).text ?? undefined;
  }
}

export function openHistory(root: string, env: NodeJS.ProcessEnv = process.env): History {
  return gitAvailable(env) ? new GitHistory(root, env) : new FolderHistory(root);
}

/** A line-by-line difference: lines removed ("-"), added ("+") and kept (" "), by longest common subsequence. */
export function lineDiff(before: string, after: string): { kind: ' ' | '-' | '+'; text: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail first: most saves change a few lines of a long file.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const table = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
  for (let i = midA.length - 1; i >= 0; i--)
    for (let j = midB.length - 1; j >= 0; j--) table[i]![j] = midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: { kind: ' ' | '-' | '+'; text: string }[] = a.slice(0, start).map((text) => ({ kind: ' ' as const, text }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ kind: ' ', text: midA[i]! });
      i++;
      j++;
    } else if (i < midA.length && (j >= midB.length || table[i + 1]![j]! >= table[i]![j + 1]!)) out.push({ kind: '-', text: midA[i++]! });
    else out.push({ kind: '+', text: midB[j++]! });
  }
  out.push(...a.slice(endA).map((text) => ({ kind: ' ' as const, text })));
  return out;
}

/** Steps that change an entry's state and not what it says: they do not make their author its last editor. */
const STATE_STEPS: ReadonlySet<string> = new Set(WORKFLOW_ACTIONS);

/** Who last changed what the entry says: the newest version that is not a change of state. */
export function lastEditorOf(versions: readonly Version[]): { username?: string; name: string } | undefined {
  const version = versions.find((v) => !v.action || !STATE_STEPS.has(v.action));
  return version && { username: version.user, name: version.author };
}
