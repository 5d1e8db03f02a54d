import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildProgress, parseBuildReport, publishPage, Publisher, type PublisherOptions } from '../../src/desk/publish.ts';
import { radioBulletin, radioBulletinPage } from '../../src/desk/radio.ts';
import { deskPublish } from '../../src/i18n/desk-publish.ts';
import { exemplar, makeContentRoot } from '../helpers/content-fixture.ts';
import { runScript } from '../helpers/run-script.ts';
import { ROOT } from '../helpers/build-sample.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const NODE = path.join(ROOT, 'node_modules/.bin/node');

/**
 * A stand-in for the site's build, which takes seconds to minutes: it prints what the real build prints (the lines
 * below are from a build of the sample site, the content check's refusal included) and writes the pages listed in
 * <root>/site.json into the folder it is given, the way the real build leaves only what it made. As on the real
 * site, each page shows cards of the other entries and its rank among the names.
 */
const FAKE_BUILD = String.raw`
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const out = process.argv[process.argv.indexOf('--outDir') + 1];
const site = JSON.parse(readFileSync('site.json', 'utf8'));
const say = (line) => process.stdout.write(line + '\n');
say('22:03:06 [guong-sang:content-check] Đang kiểm tra nội dung…');
if (site.refuse) {
  process.stderr.write('\n' + site.refuse + '\n');
  process.exit(1);
}
const pages = Object.entries(site.pages);
say('22:03:06 [guong-sang:content-check] Nội dung hợp lệ: ' + pages.filter(([k]) => k.startsWith('dien-hinh')).length + ' điển hình, ' + pages.filter(([k]) => k.startsWith('phong-trao')).length + ' phong trào, 3 địa danh có bài.');
say('');
say(' generating static routes ');
rmSync(out, { recursive: true, force: true });
process.stdout.write('22:03:08   ├─ /404.html');
const others = (key) => pages.filter(([k]) => k !== key).map(([, p]) => '<article class="card"><h3>' + p.title + '</h3></article>').join('');
for (const [rank, [key, page]] of pages.entries()) {
  const file = path.join(out, key, 'index.html');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '<!doctype html><html><head><title>x</title><link rel="canonical" href="https://guong-sang.example.vn/' + key + '/"></head><body><header>menu ' + Date.now() + '</header><main id="noi-dung" data-pagefind-body><h1>' + page.title + '</h1><span data-pagefind-sort="name:000000' + rank + '"></span><p>' + page.body + '</p><section class="related"><h2>Liên quan</h2>' + others(key) + '</section></main></body></html>');
  process.stdout.write('22:03:08   ├─ /' + key + '/index.html (+1ms) \n');
}
mkdirSync(path.join(out, 'dien-hinh', '2'), { recursive: true });
writeFileSync(path.join(out, 'dien-hinh', '2', 'index.html'), '<main><h1>Trang 2</h1></main>');
say('22:03:09 [guong-sang:parallel-render] Đang mã hoá nốt ảnh…');
say('22:03:11 [guong-sang:parallel-render] Ảnh mã hoá trong lúc dựng trang: 4 tệp trong 2,6 s (bộ xử lý 3,6 s); 0 tệp đã có sẵn hoặc để lại cho Astro.');
say(' generating optimized images ');
say('22:03:11   ▶ /_astro/a.jpeg (reused cache entry) (+0ms) (1/2)');
say('22:03:11   ▶ /_astro/b.avif (reused cache entry) (+0ms) (2/2)');
say('22:03:11 [guong-sang:search-index] Đang ghi chỉ mục tìm kiếm…');
say('22:03:11 [guong-sang:search-index] Chỉ mục tìm kiếm: ' + pages.length + ' trang.');
say('22:03:11 [guong-sang:output-check] Đang đối chiếu kết quả xuất bản với nội dung…');
if (site.leak) {
  process.stderr.write('\nKết quả xuất bản không khớp với nội dung đã duyệt, không được công bố thư mục này:\n  ' + site.leak + '\n');
  process.exit(1);
}
say('22:03:11 [guong-sang:output-check] Kết quả xuất bản khớp với nội dung đã duyệt.');
say('22:03:11 [build] ' + (pages.length + 2) + ' page(s) built in 5.39s');
`;

const REFUSAL = `Nội dung có 2 lỗi trong 2 tệp, chưa thể xuất bản:
  content/exemplars/bui-thi-hoa.mdx:6 [place]
    Không có địa danh mã "khong-co-dau" trong danh mục đơn vị hành chính hay content/places (tìm mã theo tên bằng lệnh npm run place -- "tên"). Kiểm tra chính tả hoặc thêm địa danh đó trước.
  content/settings.yaml:3 [url]
    Địa chỉ trang phải bắt đầu bằng https://.`;

type Pages = Record<string, { title: string; body: string }>;

function project(pages: Pages, options: Partial<PublisherOptions> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'desk-publish-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, 'build.mjs'), FAKE_BUILD);
  const site = (next: { pages?: Pages; refuse?: string; leak?: string }) => writeFileSync(path.join(root, 'site.json'), JSON.stringify({ pages: {}, ...next }));
  site({ pages });
  const publisher = new Publisher({
    root,
    stateDir: path.join(root, '.desk'),
    buildCommand: (outDir) => [NODE, path.join(root, 'build.mjs'), '--outDir', outDir],
    ...options,
  });
  const publish = async (by = 'Chị Lan') => {
    publisher.start(by);
    return (await publisher.finishedRun())!;
  };
  return { root, publisher, site, publish, dist: path.join(root, 'dist') };
}

const visible = (markup: { text: string }) =>
  markup.text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('publishing from the desk', () => {
  it('builds, shows each step with its counts, puts the output live and says what is new, changed and withdrawn', async () => {
    const { publisher, site, publish, dist } = project({
      'dien-hinh/bui-thi-hoa': { title: 'Bùi Thị Hòa', body: 'Chị Hòa nuôi ong.' },
      'dien-hinh/do-van-hai': { title: 'Đỗ Văn Hải', body: 'Anh Hải làm đường.' },
      'phong-trao/thi-dua-2023': { title: 'Thi đua 2023', body: 'Phong trào.' },
    });
    const first = await publish('Chị Lan');
    expect(first.state).toBe('done');
    expect(first.steps.map((s) => [s.key, s.state])).toEqual([
      ['content', 'done'],
      ['pages', 'done'],
      ['photos', 'done'],
      ['search', 'done'],
      ['check', 'done'],
      ['output', 'done'],
    ]);
    expect(first.steps.find((s) => s.key === 'content')!.detail).toBe('2 điển hình, 1 phong trào');
    expect(first.steps.find((s) => s.key === 'pages')).toMatchObject({ count: 4 });
    expect(first.steps.find((s) => s.key === 'photos')).toMatchObject({ count: 2, total: 2 });
    expect(first.steps.find((s) => s.key === 'search')).toMatchObject({ count: 3 });
    expect(readFileSync(path.join(dist, 'dien-hinh/bui-thi-hoa/index.html'), 'utf8')).toContain('Chị Hòa nuôi ong.');
    expect(first.changes).toMatchObject({ first: true, changed: [], withdrawn: [] });
    expect(first.changes!.added.map((e) => e.title)).toEqual(['Bùi Thị Hòa', 'Đỗ Văn Hải', 'Thi đua 2023']);
    expect(publisher.lastPublished()).toMatchObject({ by: 'Chị Lan', where: dist });

    site({
      pages: {
        'dien-hinh/bui-thi-hoa': { title: 'Bùi Thị Hòa', body: 'Chị Hòa nuôi ong và dạy nghề.' },
        'phong-trao/thi-dua-2023': { title: 'Thi đua 2023', body: 'Phong trào.' },
        'dien-hinh/ksor-h-yen': { title: 'Ksor H’Yên', body: 'Chị Yên dạy chữ.' },
      },
    });
    const second = await publish('Anh Minh');
    expect(second.changes).toEqual({
      first: false,
      added: [{ collection: 'exemplars', id: 'ksor-h-yen', title: 'Ksor H’Yên', url: 'https://guong-sang.example.vn/dien-hinh/ksor-h-yen/' }],
      changed: [{ collection: 'exemplars', id: 'bui-thi-hoa', title: 'Bùi Thị Hòa', url: 'https://guong-sang.example.vn/dien-hinh/bui-thi-hoa/' }],
      withdrawn: [{ collection: 'exemplars', id: 'do-van-hai', title: 'Đỗ Văn Hải', url: 'https://guong-sang.example.vn/dien-hinh/do-van-hai/' }],
    });
    // The withdrawn page is gone from the live output, and the page says so with links.
    expect(existsSync(path.join(dist, 'dien-hinh/do-van-hai'))).toBe(false);
    const page = publishPage(publisher.last(), 'token-1', publisher.lastPublished());
    expect(page.text).toContain('<form method="post" action="/xuat-ban"');
    expect(page.text).toContain('name="csrf" value="token-1"');
    expect(page.text).toContain('<a href="https://guong-sang.example.vn/dien-hinh/ksor-h-yen/">Ksor H’Yên</a>');
    expect(page.text).toContain('href="/dien-hinh/bui-thi-hoa"');
    expect(visible(page)).toContain(`${deskPublish.publish.withdrawn} (1) Đỗ Văn Hải`);
    expect(visible(page)).toMatch(/Trang công khai cập nhật lần cuối: .*\d{2}:\d{2}.*, do Anh Minh/);
    expect(page.text).toMatch(/<progress max="100" value="100"/);

    // Nothing changed: the next publish says so.
    const third = await publish();
    expect(third.changes).toMatchObject({ added: [], changed: [], withdrawn: [] });
    expect(visible(publishPage(third, 't', publisher.lastPublished()))).toContain(deskPublish.publish.none);
  });

  it('publishes nothing from a refused build, and lists the problems with links to the entries', async () => {
    const { publisher, site, publish, dist } = project({ 'dien-hinh/bui-thi-hoa': { title: 'Bùi Thị Hòa', body: 'Bản đã công bố.' } });
    await publish('Chị Lan');
    const published = publisher.lastPublished();
    site({ refuse: REFUSAL });
    const run = await publish('Anh Minh');
    expect(run.state).toBe('failed');
    expect(run.steps.find((s) => s.key === 'content')!.state).toBe('failed');
    expect(run.problems).toEqual([
      {
        file: 'content/exemplars/bui-thi-hoa.mdx',
        line: 6,
        field: 'place',
        message: expect.stringContaining('Không có địa danh mã "khong-co-dau"'),
        entry: { collection: 'exemplars', id: 'bui-thi-hoa', href: '/dien-hinh/bui-thi-hoa' },
      },
      { file: 'content/settings.yaml', line: 3, field: 'url', message: 'Địa chỉ trang phải bắt đầu bằng https://.', entry: undefined },
    ]);
    expect(readFileSync(path.join(dist, 'dien-hinh/bui-thi-hoa/index.html'), 'utf8')).toContain('Bản đã công bố.');
    expect(publisher.lastPublished()).toEqual(published);
    const page = publishPage(run, 't', publisher.lastPublished());
    expect(visible(page)).toContain(deskPublish.publish.failed);
    expect(page.text).toContain('<a href="/dien-hinh/bui-thi-hoa">');
    expect(visible(page)).toContain('content/settings.yaml (dòng 3) [url]: Địa chỉ trang phải bắt đầu bằng https://.');
    expect(visible(page)).toContain('do Chị Lan');

    // A leak found by the output check stops it too, after the pages were built into the staging folder only.
    site({
      pages: { 'dien-hinh/bui-thi-hoa': { title: 'Bùi Thị Hòa', body: 'Bản mới.' } },
      leak: 'dien-hinh/bui-thi-hoa/index.html: số điện thoại 0912 345 678',
    });
    const leaked = await publish();
    expect(leaked.steps.find((s) => s.key === 'check')!.state).toBe('failed');
    expect(leaked.problems).toEqual([
      {
        message: 'dien-hinh/bui-thi-hoa/index.html: số điện thoại 0912 345 678',
        entry: { collection: 'exemplars', id: 'bui-thi-hoa', href: '/dien-hinh/bui-thi-hoa' },
      },
    ]);
    expect(readFileSync(path.join(dist, 'dien-hinh/bui-thi-hoa/index.html'), 'utf8')).toContain('Bản đã công bố.');

    // Fixed: the next publish compares with what was last published, not with the failed attempt.
    site({ pages: { 'dien-hinh/bui-thi-hoa': { title: 'Bùi Thị Hòa', body: 'Bản mới.' } } });
    const fixed = await publish();
    expect(fixed.changes!.changed.map((e) => e.id)).toEqual(['bui-thi-hoa']);
  });

  it('runs one publish at a time and shows its progress while it runs', async () => {
    const { publisher } = project({ 'dien-hinh/a-b': { title: 'A B', body: 'x' } });
    const run = publisher.start('Chị Lan');
    const again = publisher.start('Anh Minh');
    expect(again.id).toBe(run.id);
    expect(again.by).toBe('Chị Lan');
    expect(publisher.current()!.state).toBe('running');
    const page = publishPage(publisher.current(), 't', undefined);
    expect(page.text).toMatch(/<button type="submit" disabled>/);
    expect(page.text).toContain('data-follow="/xuat-ban/tien-do"');
    expect(page.text).toContain('role="status"');
    expect(visible(page)).toContain('Trang công khai cập nhật lần cuối: chưa xuất bản lần nào');
    await publisher.finishedRun();
    expect(publisher.current()).toBeUndefined();
    expect(publisher.start('Anh Minh').id).toBe(run.id + 1);
    await publisher.finishedRun();
  });

  it('copies the output to a folder target only after a successful build, leaving nothing stale there', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'desk-target-'));
    cleanups.push(() => rmSync(target, { recursive: true, force: true }));
    writeFileSync(path.join(target, 'cu.html'), 'left by hand');
    const { publisher, site, publish } = project({ 'dien-hinh/a-b': { title: 'A B', body: 'một' } }, { target: { folder: target } });
    const run = await publish();
    expect(run.steps.at(-1)).toMatchObject({ key: 'target', state: 'done' });
    expect(readFileSync(path.join(target, 'dien-hinh/a-b/index.html'), 'utf8')).toContain('một');
    expect(existsSync(path.join(target, 'cu.html'))).toBe(false);
    expect(publisher.lastPublished()!.where).toBe(target);

    site({ refuse: REFUSAL });
    await publish();
    expect(readFileSync(path.join(target, 'dien-hinh/a-b/index.html'), 'utf8')).toContain('một');

    // The target is changed in the desk's settings: the next publish goes there, or nowhere but dist/.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'desk-target-'));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    site({ pages: { 'dien-hinh/a-b': { title: 'A B', body: 'hai' } } });
    publisher.start('Chị Lan', { target: { folder: elsewhere } });
    await publisher.finishedRun();
    expect(readFileSync(path.join(elsewhere, 'dien-hinh/a-b/index.html'), 'utf8')).toContain('hai');
    publisher.start('Chị Lan', { target: undefined });
    const local = (await publisher.finishedRun())!;
    expect(local.steps.map((step) => step.key)).not.toContain('target');
    expect(publisher.lastPublished()!.where).toBe(path.join(publisher.root, 'dist'));
  });

  it('sends the output with rsync -a --delete to an rsync target, and reports a failed copy', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'desk-bin-'));
    cleanups.push(() => rmSync(bin, { recursive: true, force: true }));
    const record = path.join(bin, 'args.txt');
    writeFileSync(
      path.join(bin, 'rsync'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n[ -f '${bin}/offline' ] && { echo 'ssh: connect to host may-chu port 22: No route to host' >&2; exit 255; }\nexit 0\n`,
    );
    chmodSync(path.join(bin, 'rsync'), 0o755);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const { publisher, publish, dist } = project({ 'dien-hinh/a-b': { title: 'A B', body: 'x' } }, { env, target: { rsync: 'web@may-chu:/srv/guong-sang' } });
    await publish('Chị Lan');
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(['-a', '--delete', `${dist}${path.sep}`, 'web@may-chu:/srv/guong-sang']);
    expect(publisher.lastPublished()).toMatchObject({ by: 'Chị Lan', where: 'web@may-chu:/srv/guong-sang' });

    writeFileSync(path.join(bin, 'offline'), '');
    const failed = await publish('Anh Minh');
    expect(failed.state).toBe('failed');
    expect(failed.steps.at(-1)).toMatchObject({ key: 'target', state: 'failed' });
    expect(failed.problems[0]!.message).toContain('No route to host');
    expect(publisher.lastPublished()!.by).toBe('Chị Lan');
  });

  it('reads the progress from the real build log, page lines run together included', () => {
    const progress = new BuildProgress(false, 243);
    progress.feed('22:03:06 [guong-sang:content-check] Đang kiểm tra nội dung…\n');
    expect(progress.step('content').state).toBe('running');
    progress.feed('22:03:06 [guong-sang:content-check] Nội dung hợp lệ: 1.037 điển hình, 5 phong trào, 17 địa danh có bài.\n\n generating static routes \n');
    progress.feed('22:03:08   ├─ /404.html22:03:08   ├─ /a-z/a/index.html22:03:08   ├─ /a-z/b/index.html (+142ms) \n22:03:08   └─ /dien-hinh/x/index.html (+1');
    expect(progress.step('content')).toMatchObject({ state: 'done', count: 1042, detail: '1.037 điển hình, 5 phong trào' });
    expect(progress.step('pages')).toMatchObject({ state: 'running', count: 3, total: 243 });
    progress.feed('ms) \n');
    expect(progress.step('pages').count).toBe(4);
  });

  it('reads the report alike when Astro wraps it for a programmer (GUONG_SANG_DEBUG)', () => {
    const log = [
      '22:21:14 [ERROR] [guong-sang:content-check] An unhandled error occurred while running the "astro:config:setup" hook',
      REFUSAL,
      '  Location:',
      '    /srv/guong-sang/src/integrations/refuse-build.ts:19:20',
      '  Stack trace:',
      '    at refuseBuild (file:///srv/guong-sang/src/integrations/refuse-build.ts:19:20)',
    ].join('\n');
    expect(parseBuildReport(log).map((problem) => problem.file)).toEqual(['content/exemplars/bui-thi-hoa.mdx', 'content/settings.yaml']);
  });

  it('shows the end of the log when the build stops for a reason that is not the content', async () => {
    const { root, publish } = project({});
    writeFileSync(path.join(root, 'site.json'), '{ not json');
    const run = await publish();
    expect(run.state).toBe('failed');
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]!.message).toContain(deskPublish.publish.buildStopped);
    expect(run.problems[0]!.message).toContain('SyntaxError');
    expect(parseBuildReport('22:03:06 [build] something else\nError: boom\n')).toEqual([]);
  });
});

describe('the radio bulletin from the desk', () => {
  it('gives the same text as npm run radio, with a form and a download link', async () => {
    const fixture = makeContentRoot({ 'content/exemplars/tran-thi-hai.mdx': exemplar({ name: 'Trần Thị Hai' }) });
    cleanups.push(fixture.cleanup);
    const query = { tu: '01/05/2024', den: '31/05/2024' };
    const result = await radioBulletin(fixture.root, query);
    expect(result).toMatchObject({ ok: true });
    const cli = runScript('radio.ts', fixture.root, ['--tu', '01/05/2024', '--den', '31/05/2024', '--ra', 'ban-tin.txt']);
    expect(cli.status).toBe(0);
    const bulletin = (result as { ok: true; bulletin: { text: string } }).bulletin;
    expect(bulletin.text).toBe(readFileSync(path.join(fixture.root, 'ban-tin.txt'), 'utf8'));
    const page = radioBulletinPage(query, result);
    expect(page.text).toContain('<form method="get" action="/phat-thanh">');
    expect(page.text).toContain('value="01/05/2024"');
    expect(page.text).toContain('href="/phat-thanh/tai?tu=01%2F05%2F2024&amp;den=31%2F05%2F2024"');
    expect(page.text).toContain('download="ban-tin-2024-05-01-2024-05-31.txt"');
    expect(visible(page)).toContain('Trần Thị Hai');
  });

  it('says in Vietnamese what is wrong with the dates, and asks nothing before a period is given', async () => {
    const fixture = makeContentRoot();
    cleanups.push(fixture.cleanup);
    expect(await radioBulletin(fixture.root, {})).toBeUndefined();
    expect(await radioBulletin(fixture.root, { tu: '2024/05/01', den: '31/05/2024' })).toEqual({
      ok: false,
      message: expect.stringContaining('không phải ngày'),
    });
    expect(await radioBulletin(fixture.root, { tu: '01/06/2024', den: '31/05/2024' })).toEqual({ ok: false, message: deskPublish.radio.reversed });
    const empty = await radioBulletin(fixture.root, { tu: '01/01/2020', den: '31/01/2020' });
    expect(empty).toEqual({ ok: false, message: expect.stringContaining('Không có điển hình nào') });
    expect(radioBulletinPage({ tu: '01/01/2020', den: '31/01/2020' }, empty).text).toContain('role="alert"');
    expect(radioBulletinPage({}, undefined).text).not.toContain('<textarea');
  });
});
