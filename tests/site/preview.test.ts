/**
 * `npm run dev` on an editor's computer shows drafts, marked as drafts, so a story can be read before approval;
 * withdrawn entries and withdrawn consent stay hidden even there. (Builds never hold drafts: output.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { freePort } from '../helpers/serve.ts';
import { ui } from '../../src/i18n/vi.ts';

let project: ReturnType<typeof copyProject>;
let dev: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  project = copyProject({}, { sampleContent: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  dev = spawn(process.execPath, [path.join(ROOT, 'scripts/astro.ts'), 'dev', '--root', project.root, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.root,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);
afterAll(async () => {
  if (dev && dev.exitCode === null) {
    dev.kill('SIGTERM');
    await new Promise((resolve) => dev.once('exit', resolve));
  }
  project?.cleanup();
});

const page = async (address: string) => {
  const response = await fetch(url + address);
  return { status: response.status, html: await response.text() };
};

it('shows a draft, marked as a draft, at its own address and in the lists', async () => {
  const draft = await page('dien-hinh/nhap-nguyen-van-binh/');
  expect(draft.status, output).toBe(200);
  expect(draft.html.match(/<title>[^<]*/)?.[0], output.slice(-3000)).toContain('Nguyễn Văn Bính');
  expect(draft.html).toContain('Nguyễn Văn Bính');
  expect(draft.html).toContain(ui.draft.label);
  expect((await page('a-z/b/')).html).toContain('Nguyễn Văn Bính');
});

it('does not mark published entries', async () => {
  const published = await page('dien-hinh/dang-thi-hoa/');
  expect(published.status).toBe(200);
  expect(published.html).not.toContain(ui.draft.label);
});

it('never shows a withdrawn entry or one whose consent was withdrawn, not even in preview', async () => {
  expect((await page('dien-hinh/da-rut-tran-van-hung/')).status).toBe(404);
  expect((await page('dien-hinh/rut-dong-y-vu-thi-lan/')).status).toBe(404);
});
