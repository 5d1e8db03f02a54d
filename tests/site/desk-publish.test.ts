/**
 * Publishing from the desk with the real build, on a copy of the project: the steps and counts the build's own log
 * gives, the entry withdrawn between two publishes gone from the live output and its feed, and a refused build that
 * leaves the live output as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Publisher, type PublishRun } from '../../src/desk/publish.ts';
import { astroEnv } from '../../scripts/astro-env.ts';
import { BUILD_DATE, ROOT, cleanEnv } from '../helpers/build-sample.ts';
import { exemplar } from '../helpers/content-fixture.ts';
import { copyProject } from '../helpers/project-copy.ts';

let project: ReturnType<typeof copyProject>;
let publisher: Publisher;
const publish = async (by: string): Promise<PublishRun> => {
  publisher.start(by);
  return (await publisher.finishedRun())!;
};

beforeAll(() => {
  project = copyProject({ 'content/exemplars/tran-thi-hai.mdx': exemplar({ name: 'Trần Thị Hai' }) });
  publisher = new Publisher({
    root: project.root,
    stateDir: path.join(project.root, '.desk'),
    env: { ...astroEnv(cleanEnv()), BUILD_DATE },
    // The copy has no scripts/ of its own; the project's runs Astro in the folder it is started in.
    buildCommand: (outDir) => [path.join(ROOT, 'node_modules/.bin/node'), path.join(ROOT, 'scripts/astro.ts'), 'build', '--outDir', outDir],
  });
});
afterAll(() => project?.cleanup());

describe('publishing from the desk with the real build', () => {
  it('publishes, then takes a withdrawn entry off the site, and publishes nothing from a refused build', async () => {
    const dist = path.join(project.root, 'dist');
    const first = await publish('Chị Lan');
    expect(first.problems).toEqual([]);
    expect(first.state).toBe('done');
    expect(first.steps.every((step) => step.state === 'done')).toBe(true);
    const step = (run: PublishRun, key: string) => run.steps.find((s) => s.key === key)!;
    expect(step(first, 'content')).toMatchObject({ count: 3, detail: '2 điển hình, 1 phong trào' });
    expect(step(first, 'pages').count).toBeGreaterThan(10);
    expect(step(first, 'search').count).toBeGreaterThanOrEqual(3);
    expect(first.changes!.added.map((e) => e.id).sort()).toEqual(['nguyen-van-an', 'phong-trao-a', 'tran-thi-hai']);
    expect(first.changes!.added.find((e) => e.id === 'tran-thi-hai')).toMatchObject({
      title: 'Trần Thị Hai',
      url: 'https://example.vn/dien-hinh/tran-thi-hai/',
    });
    expect(readFileSync(path.join(dist, 'feed.json'), 'utf8')).toContain('Trần Thị Hai');
    expect(publisher.lastPublished()).toMatchObject({ by: 'Chị Lan', where: dist });

    writeFileSync(path.join(project.root, 'content/exemplars/tran-thi-hai.mdx'), exemplar({ name: 'Trần Thị Hai', status: 'ban-nhap' }));
    const second = await publish('Anh Minh');
    expect(second.state).toBe('done');
    expect(second.changes).toMatchObject({ added: [], withdrawn: [{ id: 'tran-thi-hai', title: 'Trần Thị Hai' }] });
    // Her campaign's page lists one exemplar fewer; the other exemplar's own page did not change.
    expect(second.changes!.changed.map((e) => e.id)).toEqual(['phong-trao-a']);
    expect(existsSync(path.join(dist, 'dien-hinh/tran-thi-hai'))).toBe(false);
    expect(readFileSync(path.join(dist, 'feed.json'), 'utf8')).not.toContain('Trần Thị Hai');

    const before = readFileSync(path.join(dist, 'dien-hinh/nguyen-van-an/index.html'), 'utf8');
    const published = publisher.lastPublished();
    writeFileSync(path.join(project.root, 'content/exemplars/nguyen-van-an.mdx'), exemplar({}).replace('place: xa-dong', 'place: khong-co'));
    const refused = await publish('Anh Minh');
    expect(refused.state).toBe('failed');
    expect(step(refused, 'content').state).toBe('failed');
    expect(refused.problems).toEqual([
      expect.objectContaining({
        file: 'content/exemplars/nguyen-van-an.mdx',
        field: 'place',
        entry: { collection: 'exemplars', id: 'nguyen-van-an', href: '/dien-hinh/nguyen-van-an' },
      }),
    ]);
    expect(readFileSync(path.join(dist, 'dien-hinh/nguyen-van-an/index.html'), 'utf8')).toBe(before);
    expect(publisher.lastPublished()).toEqual(published);
  }, 600_000);
});
