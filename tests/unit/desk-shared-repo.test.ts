import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastSync, mergedField, mergedTexts, resolveConflict, sharedRepoPage, syncShared } from '../../src/desk/shared-repo.ts';
import { openHistory } from '../../src/desk/history.ts';
import { deskPublish } from '../../src/i18n/desk-publish.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const text = deskPublish.shared;
const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = 'content/exemplars/bui-thi-hoa.mdx';
const STORY = ['---', 'name: Bùi Thị Hòa', '---', '', 'Chị Hòa nuôi ong ở xã Sài Sơn.', '', 'Mỗi năm chị dạy nghề cho mười hộ.', ''].join('\n');

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A shared bare repository and two desks cloned from it, as two offices of one province would have. */
function offices() {
  const folder = mkdtempSync(path.join(tmpdir(), 'desk-shared-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const remote = path.join(folder, 'chung.git');
  git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const shared = { remote, branch: 'main' };
  const first = path.join(folder, 'ban-a');
  mkdirSync(path.join(first, 'content/exemplars'), { recursive: true });
  writeFileSync(path.join(first, FILE), STORY);
  git(folder, 'init', '--quiet', '--initial-branch=main', first);
  const history = openHistory(first);
  history.record([FILE], 'Chị Lan', 'Thêm điển hình Bùi Thị Hòa');
  return { folder, remote, shared, first };
}

async function clone(folder: string, remote: string, name: string) {
  git(folder, 'clone', '--quiet', remote, name);
  return path.join(folder, name);
}

/** An editor saving a text at a desk: the file and its version, as the desk writes them. */
function save(root: string, author: string, change: (text: string) => string) {
  writeFileSync(path.join(root, FILE), change(readFileSync(path.join(root, FILE), 'utf8')));
  openHistory(root).record([FILE], author, `Sửa ${FILE}`);
}

const visible = (markup: { text: string }) =>
  markup.text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('several desks sharing one repository', () => {
  it('sends a version from one desk and receives it at the other', async () => {
    const { folder, remote, shared, first } = offices();
    expect(await syncShared(first, shared)).toMatchObject({ state: 'synced', sent: 1, received: 0 });
    const second = await clone(folder, remote, 'ban-b');
    save(second, 'Anh Minh', (story) => story.replace('mười hộ', 'mười hai hộ'));
    expect(await syncShared(second, shared)).toMatchObject({ state: 'synced', sent: 1 });
    expect(await syncShared(first, shared)).toMatchObject({ state: 'synced', received: 1, sent: 0 });
    expect(readFileSync(path.join(first, FILE), 'utf8')).toContain('mười hai hộ');
    expect(git(first, 'log', '-1', '--format=%an')).toBe('Anh Minh\n');

    // Edits to different lines on both sides merge by themselves, and both desks end with both.
    save(first, 'Chị Lan', (story) => story.replace('Sài Sơn', 'Sài Sơn, huyện Quốc Oai'));
    save(second, 'Anh Minh', (story) => story.replace('Mỗi năm', 'Từ năm 2019, mỗi năm'));
    await syncShared(first, shared);
    expect(await syncShared(second, shared)).toMatchObject({ state: 'synced', received: 1, sent: 2 });
    await syncShared(first, shared);
    for (const root of [first, second]) {
      expect(readFileSync(path.join(root, FILE), 'utf8')).toContain('Sài Sơn, huyện Quốc Oai');
      expect(readFileSync(path.join(root, FILE), 'utf8')).toContain('Từ năm 2019, mỗi năm');
    }
    const page = sharedRepoPage(shared, lastSync(first), 'tok');
    expect(visible(page)).toContain(text.states.synced);
    expect(page.text).toContain('<form method="post" action="/dong-bo">');
    expect(page.text).toContain('name="csrf" value="tok"');
  });

  it('shows a conflict with both texts, loses neither, and keeps both people’s text once merged', async () => {
    const { folder, remote, shared, first } = offices();
    await syncShared(first, shared);
    const second = await clone(folder, remote, 'ban-b');
    save(first, 'Chị Lan', (story) => story.replace('mười hộ', 'mười lăm hộ'));
    save(second, 'Anh Minh', (story) => story.replace('mười hộ', 'mười hộ nghèo'));
    await syncShared(first, shared);

    const conflict = await syncShared(second, shared);
    expect(conflict.state).toBe('conflict');
    expect(conflict.conflicts).toHaveLength(1);
    const [file] = conflict.conflicts;
    expect(file).toMatchObject({ file: FILE, base: STORY });
    expect(file!.ours).toContain('mười hộ nghèo');
    expect(file!.theirs).toContain('mười lăm hộ');
    expect(file!.proposal).toContain(
      `${text.markOurs}\nMỗi năm chị dạy nghề cho mười hộ nghèo.\n=======\nMỗi năm chị dạy nghề cho mười lăm hộ.\n${text.markTheirs}`,
    );
    // Nothing discarded meanwhile: this desk's text and version are as they were, and nothing went to the others.
    expect(readFileSync(path.join(second, FILE), 'utf8')).toContain('mười hộ nghèo');
    expect(git(second, 'status', '--porcelain', '--', 'content')).toBe('');
    expect(git(second, 'log', '-1', '--format=%an %s')).toBe(`Anh Minh Sửa ${FILE}\n`);

    const page = sharedRepoPage(shared, lastSync(second), 'tok');
    expect(visible(page)).toContain(text.states.conflict);
    expect(page.text).toContain('<form method="post" action="/dong-bo/giai-quyet"');
    expect(page.text).toContain(`name="${mergedField(FILE)}"`);
    expect(page.text).toContain('mười hộ nghèo');
    expect(page.text).toContain('mười lăm hộ');
    expect(page.text).toContain('&lt;&lt;&lt;&lt;&lt;&lt;&lt; Bản trên máy này');

    // Markers left in: refused, nothing committed.
    const refused = await resolveConflict(second, shared, { [FILE]: file!.proposal }, 'Anh Minh');
    expect(refused).toMatchObject({ state: 'conflict', message: text.markersLeft(FILE) });
    expect(git(second, 'log', '-1', '--format=%an %s')).toBe(`Anh Minh Sửa ${FILE}\n`);

    const merged = STORY.replace('mười hộ', 'mười lăm hộ, trong đó có năm hộ nghèo');
    const posted = mergedTexts([
      ['csrf', 'tok'],
      [mergedField(FILE), merged.replace(/\n/g, '\r\n')],
    ]);
    const resolved = await resolveConflict(second, shared, posted, 'Anh Minh');
    expect(resolved).toMatchObject({ state: 'synced', received: 1 });
    expect(git(second, 'log', '-1', '--format=%an %s')).toBe('Anh Minh Gộp các phiên bản từ kho chung, phần sửa cùng lúc do Anh Minh gộp\n');
    expect(await syncShared(first, shared)).toMatchObject({ state: 'synced', received: 2 });
    expect(readFileSync(path.join(first, FILE), 'utf8')).toBe(merged);
    // Both versions are in the history of both desks.
    for (const root of [first, second])
      expect(git(root, 'log', '--format=%an', '--', FILE).split('\n').filter(Boolean)).toEqual(['Anh Minh', 'Anh Minh', 'Chị Lan', 'Chị Lan']);
  });

  it('says the shared repository cannot be reached, and keeps every version for the next sync', async () => {
    const { folder, shared, first } = offices();
    const away = { remote: path.join(folder, 'khong-co.git'), branch: 'main' };
    save(first, 'Chị Lan', (story) => story.replace('mười hộ', 'mười lăm hộ'));
    const result = await syncShared(first, away);
    expect(result.state).toBe('offline');
    expect(readFileSync(path.join(first, FILE), 'utf8')).toContain('mười lăm hộ');
    expect(visible(sharedRepoPage(away, lastSync(first), 'tok'))).toContain(text.states.offline);
    // Back online: both versions go.
    expect(await syncShared(first, shared)).toMatchObject({ state: 'synced', sent: 2 });
    expect(git(shared.remote, 'log', '--format=%an', 'main')).toBe('Chị Lan\nChị Lan\n');
  });

  it('never writes over a file edited by hand and not yet a version', async () => {
    const { folder, remote, shared, first } = offices();
    await syncShared(first, shared);
    const second = await clone(folder, remote, 'ban-b');
    save(first, 'Chị Lan', (story) => story.replace('mười hộ', 'mười lăm hộ'));
    await syncShared(first, shared);
    writeFileSync(path.join(second, FILE), STORY.replace('Sài Sơn', 'Sài Sơn (sửa tay)'));
    const result = await syncShared(second, shared);
    expect(result).toMatchObject({ state: 'failed', message: text.uncommitted([FILE]) });
    expect(readFileSync(path.join(second, FILE), 'utf8')).toContain('Sài Sơn (sửa tay)');
    expect(visible(sharedRepoPage(shared, lastSync(second), 'tok'))).toContain(FILE);
  });

  it('refuses a branch name git would read as an option, and says when no shared repository is set', async () => {
    const { first, remote } = offices();
    expect(await syncShared(first, { remote, branch: '--upload-pack=touch' })).toMatchObject({ state: 'failed' });
    expect(visible(sharedRepoPage(undefined, undefined, 'tok'))).toContain(text.notConfigured);
  });

  it('builds and deploys on the server when a desk pushes, and publishes nothing from a refused build', async () => {
    const { folder, remote, shared, first } = offices();
    const hook = path.join(remote, 'hooks', 'post-receive');
    copyFileSync(path.join(ROOT, 'scripts/deploy/post-receive'), hook);
    chmodSync(hook, 0o755);
    // Stand-ins for npm and rsync on the server: the build copies content/ to dist/, or is refused as the real one is.
    const bin = path.join(folder, 'bin');
    mkdirSync(bin);
    const tool = (name: string, script: string) => {
      writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`);
      chmodSync(path.join(bin, name), 0o755);
    };
    tool(
      'npm',
      `if [ "$1" = ci ]; then mkdir -p node_modules; echo ci >> '${path.join(folder, 'npm-ci')}'; exit 0; fi\nif grep -q "place: khong-co" -r content; then echo "Nội dung có 1 lỗi trong 1 tệp, chưa thể xuất bản:" >&2; exit 1; fi\nrm -rf dist && cp -r content dist`,
    );
    tool('rsync', 'eval "to=\\${$#}"; rm -rf "$to" && mkdir -p "$to" && cp -r dist/. "$to"');
    const site = path.join(folder, 'www');
    const env = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      GUONG_SANG_WAIT: '1',
      GUONG_SANG_WORK: path.join(folder, 'server', 'work'),
      GUONG_SANG_PUBLIC: site,
      GUONG_SANG_LOG: path.join(folder, 'server', 'deploy.log'),
    };
    writeFileSync(path.join(first, 'package-lock.json'), '{}\n');
    openHistory(first).record(['package-lock.json'], 'Chị Lan', 'Thêm package-lock.json');
    expect(await syncShared(first, shared, env)).toMatchObject({ state: 'synced' });
    expect(readFileSync(path.join(site, 'exemplars/bui-thi-hoa.mdx'), 'utf8')).toBe(STORY);

    save(first, 'Chị Lan', (story) => story.replace('name: Bùi Thị Hòa', 'name: Bùi Thị Hòa\nplace: khong-co'));
    expect(await syncShared(first, shared, env)).toMatchObject({ state: 'synced', sent: 1 });
    expect(readFileSync(path.join(site, 'exemplars/bui-thi-hoa.mdx'), 'utf8')).toBe(STORY);
    expect(readFileSync(env.GUONG_SANG_LOG, 'utf8')).toContain('Không xuất bản: bản dựng bị từ chối, trang công khai giữ nguyên.');

    save(first, 'Chị Lan', (story) => story.replace('\nplace: khong-co', '').replace('mười hộ', 'mười lăm hộ'));
    await syncShared(first, shared, env);
    expect(readFileSync(path.join(site, 'exemplars/bui-thi-hoa.mdx'), 'utf8')).toContain('mười lăm hộ');
    // Dependencies are installed again only when package-lock.json changes.
    expect(readFileSync(path.join(folder, 'npm-ci'), 'utf8')).toBe('ci\n');
    expect(existsSync(path.join(env.GUONG_SANG_WORK, 'node_modules'))).toBe(true);
  });
});
