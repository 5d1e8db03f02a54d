/**
 * The editors' desk without a browser: the path guard, the refusal of other sites, saving that changes only what
 * changed (every sample file saved unchanged stays byte-identical), the check's problems on save, conflicts between
 * two editors, and versions in git or, without git, in a folder.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { contentFile, PathRefused } from '../../src/desk/paths.ts';
import { crossSite, hostAllowed, allowedHosts, tokenMatches } from '../../src/desk/guard.ts';
import { html, escapeHtml } from '../../src/desk/html.ts';
import { formSpec } from '../../src/desk/schema-form.ts';
import { editEntry, parseFrontmatter, readPosted, splitEntry } from '../../src/desk/edit.ts';
import { valuesOf } from '../../src/desk/form.ts';
import { lineDiff } from '../../src/desk/history.ts';
import { ContentIndex, queryList } from '../../src/desk/content-index.ts';
import { exemplarSchema } from '../../src/schemas/exemplar.ts';
import { campaignSchema } from '../../src/schemas/campaign.ts';
import { localPlaceSchema } from '../../src/schemas/place.ts';
import { awardSchema } from '../../src/schemas/award.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { ROOT } from '../helpers/build-sample.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { contentCopy, deskOn, DeskClient, entryForm, hashOf, valuesToParams } from '../helpers/desk.ts';
import type { Desk } from '../../src/desk/server.ts';
import { execFileSync } from 'node:child_process';
import { ui } from '../../src/i18n/vi.ts';
import { request } from 'node:http';

const EXEMPLAR = formSpec(exemplarSchema({ image: () => z.string() }));
const CAMPAIGN = formSpec(campaignSchema());
const SAMPLES = (['exemplars', 'campaigns'] as const).flatMap((dir) =>
  readdirSync(path.join(ROOT, 'content', dir))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => ({ file: `content/${dir}/${name}`, specs: dir === 'exemplars' ? EXEMPLAR : CAMPAIGN })),
);

/** What the form of `raw` sends back when the editor changes nothing (or `change` changes something). */
function formOf(raw: string, specs: typeof EXEMPLAR, change?: (params: URLSearchParams) => void) {
  const split = splitEntry(raw)!;
  const params = valuesToParams(specs, valuesOf(specs, parseFrontmatter(split.frontmatter).toJS()));
  change?.(params);
  return readPosted(specs, params);
}

describe('the desk’s path guard', () => {
  const root = ROOT;
  it('accepts a file inside content/', () => {
    expect(contentFile(root, 'exemplars/dang-thi-hoa.mdx')).toBe(path.join(root, 'content/exemplars/dang-thi-hoa.mdx'));
  });
  it.each([
    '../package.json',
    'exemplars/../../package.json',
    '/etc/passwd',
    'exemplars/%2e%2e/x',
    'exemplars\\..\\x',
    'a\0b',
    '',
    '.git/config',
    'exemplars/.hidden',
    'exemplars//x',
    '..',
  ])('refuses %j', (name) => {
    expect(() => contentFile(root, name)).toThrow(PathRefused);
  });
  it('refuses a link that leads out of content/', () => {
    const { root: copy, cleanup } = contentCopy();
    try {
      mkdirSync(path.join(copy, 'outside'));
      symlinkSync(path.join(copy, 'outside'), path.join(copy, 'content', 'link'));
      expect(() => contentFile(copy, 'link/x.mdx')).toThrow(PathRefused);
    } finally {
      cleanup();
    }
  });
});

describe('the desk’s guard against other sites', () => {
  const hosts = allowedHosts(4322);
  it('accepts only its own Host', () => {
    expect(hostAllowed({ headers: { host: '127.0.0.1:4322' } }, hosts)).toBe(true);
    expect(hostAllowed({ headers: { host: 'localhost:4322' } }, hosts)).toBe(true);
    expect(hostAllowed({ headers: { host: 'evil.example:4322' } }, hosts)).toBe(false);
    expect(hostAllowed({ headers: { host: '127.0.0.1:80' } }, hosts)).toBe(false);
    expect(hostAllowed({ headers: {} }, hosts)).toBe(false);
  });
  it('refuses cross-site requests', () => {
    expect(crossSite({ headers: { 'sec-fetch-site': 'cross-site' } }, hosts)).toBe(true);
    expect(crossSite({ headers: { origin: 'https://evil.example' } }, hosts)).toBe(true);
    expect(crossSite({ headers: { origin: 'null' } }, hosts)).toBe(true);
    expect(crossSite({ headers: { origin: 'http://127.0.0.1:4322', 'sec-fetch-site': 'same-origin' } }, hosts)).toBe(false);
    expect(crossSite({ headers: {} }, hosts)).toBe(false);
  });
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
  it('escapes every value in its pages', () => {
    expect(html`<p title="${'"><script>'}">${'<img src=x onerror=alert(1)>'}</p>`.text).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });
});

describe('saving an entry', () => {
  it.each(SAMPLES.map((s) => [s.file, s] as const))('saves %s unchanged byte for byte', (_, { file, specs }) => {
    const raw = readFileSync(path.join(ROOT, file), 'utf8');
    const body = splitEntry(raw)!.body.replace(/\n/g, '\r\n');
    expect(editEntry(raw, specs, formOf(raw, specs), body)).toBe(raw);
  });

  it('changes only the line of the field that changed, keeping comments and quotes', () => {
    const raw = readFileSync(path.join(ROOT, 'content/exemplars/dang-thi-hoa.mdx'), 'utf8');
    const saved = editEntry(
      raw,
      EXEMPLAR,
      formOf(raw, EXEMPLAR, (p) => p.set('f.role', 'Nông dân giỏi')),
    );
    const changed = lineDiff(raw, saved).filter((line) => line.kind !== ' ');
    expect(changed).toEqual([
      { kind: '-', text: 'role: Nông dân, chi hội trưởng chi hội phụ nữ thôn' },
      { kind: '+', text: 'role: Nông dân giỏi' },
    ]);
  });

  it('reads dates typed dd/mm/yyyy as the same date as the file’s', () => {
    const raw = readFileSync(path.join(ROOT, 'content/exemplars/dang-thi-hoa.mdx'), 'utf8');
    const posted = formOf(raw, EXEMPLAR);
    expect(typeof posted.published).toBe('string');
    expect(String(posted.published)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const moved = editEntry(
      raw,
      EXEMPLAR,
      formOf(raw, EXEMPLAR, (p) => p.set('f.published', '11/10/2022')),
    );
    expect(moved).toContain('published: 11/10/2022');
  });

  it('keeps a field the form cannot show in one box (a list where a union allows it) as it is', () => {
    const raw = readFileSync(path.join(ROOT, 'content/campaigns/thi-dua-ayun-pa-2023.mdx'), 'utf8').replace(
      '  summary: Phần mở đầu; Mục II.2\n',
      '  summary:\n    - Phần mở đầu\n    - Mục II.2\n',
    );
    const posted = formOf(raw, CAMPAIGN, (p) => p.set('f.participants', 'Mọi người dân'));
    expect((posted.sources as Record<string, unknown>).summary).toEqual({ __kept: true });
    const saved = editEntry(raw, CAMPAIGN, posted);
    expect(saved).toContain('  summary:\n    - Phần mở đầu\n    - Mục II.2\n');
    expect(saved).toContain('participants: Mọi người dân');
  });

  it('adds, removes and reorders list items, keeping the items it does not touch', () => {
    const raw = readFileSync(path.join(ROOT, 'content/campaigns/thi-dua-ayun-pa-2023.mdx'), 'utf8');
    const data = parseFrontmatter(splitEntry(raw)!.frontmatter).toJS() as { phases: { name: string }[] };
    expect(data.phases.length).toBeGreaterThan(0);
    const posted = formOf(raw, CAMPAIGN);
    const phases = posted.phases as { from?: number; key?: string; value: Record<string, unknown> }[];
    phases.reverse();
    phases.push({ key: 'n1', value: { name: 'Đợt bổ sung', start: '01/12/2022', end: '31/12/2022' } });
    const saved = parseFrontmatter(splitEntry(editEntry(raw, CAMPAIGN, posted))!.frontmatter).toJS() as { phases: { name: string }[] };
    expect(saved.phases.map((p) => p.name)).toEqual([...data.phases.map((p) => p.name).reverse(), 'Đợt bổ sung']);
  });
});

describe('the desk’s lists', () => {
  it('searches names folded, đ included, and filters by state', async () => {
    const list = await new ContentIndex(ROOT).list('exemplars');
    expect(queryList(list, { q: 'dang thi hoa' }).items.map((s) => s.id)).toContain('dang-thi-hoa');
    expect(queryList(list, { q: 'ĐẶNG' }).items.map((s) => s.id)).toContain('dang-thi-hoa');
    const drafts = queryList(list, { status: 'ban-nhap' });
    expect(drafts.total).toBeGreaterThan(0);
    expect(drafts.items.every((s) => s.status === 'ban-nhap')).toBe(true);
  });

  it('lists 10,000 exemplars in well under a second once read', async () => {
    const summaries = Array.from({ length: 10_000 }, (_, i) => ({
      id: `nguoi-${i}`,
      file: `content/exemplars/nguoi-${i}.mdx`,
      name: `Nguyễn Văn ${i}`,
      status: i % 3 ? 'da-duyet' : 'ban-nhap',
      place: 'xa-sai-son-quoc-oai',
      campaigns: [],
      author: 'Minh Thư',
      kind: 'ca-nhan',
      changed: i,
      folded: `nguyen van ${i} nguoi-${i}`,
      broken: false,
      hidden: i % 3 === 0,
    }));
    const start = performance.now();
    const result = queryList(summaries, { q: 'nguyen 99', status: 'da-duyet', page: 2 });
    expect(performance.now() - start).toBeLessThan(100);
    expect(result.total).toBeGreaterThan(0);
  });
});

describe('the desk’s server', () => {
  let copy: ReturnType<typeof contentCopy>;
  let desk: Desk;
  let client: DeskClient;
  const file = (name: string) => path.join(copy.root, 'content', name);

  beforeAll(async () => {
    copy = contentCopy();
    desk = await deskOn(copy.root);
    client = new DeskClient(desk.url);
  });
  afterAll(async () => {
    await desk.close();
    copy.cleanup();
  });

  async function editForm(id: string, change: (params: URLSearchParams) => void, who = client) {
    const page = await who.get(`/dien-hinh/${id}`);
    return entryForm(EXEMPLAR, readFileSync(file(`exemplars/${id}.mdx`), 'utf8'), page.text, (params) => {
      params.set('editor', 'Minh Thư');
      change(params);
    });
  }

  it('refuses a foreign Host header and requests from other sites, and sends no CORS header', async () => {
    const port = desk.port;
    // fetch() cannot set Host: a rebinding page's request names its own host.
    const foreign = await new Promise<number>((resolve, reject) =>
      request(
        { host: '127.0.0.1', port, path: '/dien-hinh', headers: { host: `evil.example:${port}` } },
        (response) => (response.resume(), resolve(response.statusCode!)),
      )
        .on('error', reject)
        .end(),
    );
    expect(foreign).toBe(421);
    const page = await client.get('/dien-hinh');
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const before = readFileSync(file('exemplars/dang-thi-hoa.mdx'), 'utf8');
    const params = await editForm('dang-thi-hoa', (p) => p.set('f.role', 'Bị sửa từ trang khác'));
    expect((await client.post('/dien-hinh/dang-thi-hoa', params, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const noToken = new URLSearchParams(params);
    noToken.set('csrf', 'sai');
    expect((await client.post('/dien-hinh/dang-thi-hoa', noToken)).status).toBe(403);
    expect(readFileSync(file('exemplars/dang-thi-hoa.mdx'), 'utf8')).toBe(before);
  });

  it('refuses ids and photo paths that leave the content folder', async () => {
    for (const pathname of [
      '/dien-hinh/..%2F..%2Fpackage',
      '/_anh/..%2F..%2Fpackage.json',
      '/_anh/%2e%2e/settings.yaml',
      '/dien-hinh/dang-thi-hoa%00',
      '/_anh/%E0%A4%A',
      '/_anh/exemplars/anh/..%2F..%2F..%2Fpackage.json',
    ]) {
      expect((await client.get(pathname)).status).toBe(404);
    }
  });

  it('saves an edit as a commit with the editor’s name and a Vietnamese message', async () => {
    const saved = await client.post('/dien-hinh/dang-thi-hoa', await editForm('dang-thi-hoa', (p) => p.set('f.role', 'Nông dân giỏi')));
    expect(saved.status).toBe(303);
    expect(readFileSync(file('exemplars/dang-thi-hoa.mdx'), 'utf8')).toContain('role: Nông dân giỏi');
    const log = execFileSync('git', ['log', '-1', '--format=%an|%s', '--', 'content/exemplars/dang-thi-hoa.mdx'], { cwd: copy.root }).toString().trim();
    expect(log).toBe('Minh Thư|Sửa điển hình Đặng Thị Hoà');
  });

  it('shows the check’s problems beside their fields and saves a draft that cannot be published yet', async () => {
    const saved = await client.post(
      '/dien-hinh/ban-nhap-le-van-tam',
      await editForm('ban-nhap-le-van-tam', (p) => (p.set('f.citation', ''), p.set('f.published', '31/02/2024'))),
    );
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Có 2 lỗi cần sửa');
    expect(saved.text).toMatch(/id="f-citation-error"/);
    expect(saved.text).toMatch(/href="#f-published"/);
    expect(saved.text).toContain('chưa thể đăng');
  });

  it('finds any unit of the country by name for a place list, old or new, with or without diacritics', async () => {
    const found = JSON.parse((await client.get('/_dia-danh?q=thach than')).text) as { value: string; label: string }[];
    expect(found.map((f) => f.label)).toContain('xã Thạch Thán, huyện Quốc Oai — đến 30/06/2025');
    const current = JSON.parse((await client.get(`/_dia-danh?q=${encodeURIComponent('xã Quốc Oai')}`)).text) as { value: string }[];
    expect(current.map((f) => f.value)).toContain('xa-quoc-oai');
    expect(JSON.parse((await client.get('/_dia-danh?q=x')).text)).toEqual([]);
  });

  it('shows an exemplar’s A4 poster as the build prints it, with its QR code to the page-to-be', async () => {
    const page = await client.get('/dien-hinh/dang-thi-hoa/ap-phich');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/_desk/print-sheet.css"');
    expect(page.text).toContain('<h1 class="poster-name">Đặng Thị Hoà</h1>');
    expect(page.text).toContain(ui.print.posterHeading);
    expect(page.text).toMatch(/<ul class="poster-awards"><li><strong>[^<]+<\/strong><br \/>[^<]*1520\/QĐ-UBND/);
    expect(page.text).toMatch(/<path d="M\d/);
    const css = await client.get('/_desk/print-sheet.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('takes a campaign’s plan as a PDF into public/tai-lieu/ and links it, and refuses a file that is not a PDF', async () => {
    const upload = async (name: string, data: Uint8Array<ArrayBuffer>, title: string) => {
      const form = new FormData();
      form.set('csrf', client.token);
      form.set('title', title);
      form.set('editor', 'Minh Thư');
      form.set('file', new Blob([data]), name);
      const response = await fetch(new URL('/phong-trao/thi-dua-ayun-pa-2023/tep', desk.url), {
        method: 'POST',
        body: form,
        headers: { cookie: client.cookie, origin: desk.url.replace(/\/$/, ''), 'sec-fetch-site': 'same-origin' },
        redirect: 'manual',
      });
      return { status: response.status, text: await response.text() };
    };
    const fake = await upload('ke-hoach.pdf', new TextEncoder().encode('<html>không phải PDF</html>'), 'Kế hoạch');
    expect(fake.text).toContain('Tệp này không phải PDF');
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const done = await upload('Kế hoạch 05 KH-UBND.pdf', pdf, 'Toàn văn kế hoạch (PDF)');
    expect(done.status).toBe(303);
    const stored = path.join(copy.root, 'public/tai-lieu/ke-hoach-05-kh-ubnd.pdf');
    expect(readFileSync(stored)).toEqual(Buffer.from(pdf));
    const campaign = readFileSync(file('campaigns/thi-dua-ayun-pa-2023.mdx'), 'utf8');
    expect(campaign).toContain('file: /tai-lieu/ke-hoach-05-kh-ubnd.pdf');
    // The check reads the same folder: the entry stays without problems.
    const again = await client.get('/phong-trao/thi-dua-ayun-pa-2023');
    expect(again.text).not.toContain('Không tìm thấy tệp');
  });

  it('refuses to save an approved entry with a problem', async () => {
    const before = readFileSync(file('exemplars/bui-thi-hoa.mdx'), 'utf8');
    const saved = await client.post('/dien-hinh/bui-thi-hoa', await editForm('bui-thi-hoa', (p) => p.set('f.place', 'khong-co-xa-nay')));
    expect(saved.text).toContain('Bài đã duyệt phải không còn lỗi');
    expect(saved.text).toContain('khong-co-xa-nay');
    expect(readFileSync(file('exemplars/bui-thi-hoa.mdx'), 'utf8')).toBe(before);
  });

  it('refuses the second of two saves from the same version, keeping both texts', async () => {
    const other = new DeskClient(desk.url);
    const first = await editForm('do-van-hai', (p) => p.set('f.role', 'Bản của tab một'));
    const second = await editForm('do-van-hai', (p) => p.set('f.village', 'Bản của tab hai'), other);
    expect((await client.post('/dien-hinh/do-van-hai', first)).status).toBe(303);
    const refused = await other.post('/dien-hinh/do-van-hai', second);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Bài này vừa được người khác lưu');
    expect(refused.text).toContain('Bản của tab hai');
    expect(readFileSync(file('exemplars/do-van-hai.mdx'), 'utf8')).toContain('Bản của tab một');
    // The merged text is the second editor's change applied to the version they opened: saving it keeps both only
    // if the editor merges; here the editor adds the first tab's change to it.
    const merged = /<textarea id="m-text"[^>]*>\n([\s\S]*?)<\/textarea>/
      .exec(refused.text)![1]!
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const params = new URLSearchParams({
      hash: /name="hash" value="([^"]+)"/.exec(refused.text)![1]!,
      editor: 'Lan',
      text: merged.replace(/^role: .*$/m, 'role: Bản của tab một'),
    });
    params.set('csrf', other.token);
    expect((await other.post('/dien-hinh/do-van-hai/gop', params)).status).toBe(200);
    const final = readFileSync(file('exemplars/do-van-hai.mdx'), 'utf8');
    expect(final).toContain('Bản của tab một');
    expect(final).toContain('Bản của tab hai');
  });

  it('restores an older version as a new version', async () => {
    const name = 'exemplars/dinh-van-loc.mdx';
    const original = readFileSync(file(name), 'utf8');
    await client.post('/dien-hinh/dinh-van-loc', await editForm('dinh-van-loc', (p) => p.set('f.role', 'Lần sửa một')));
    await client.post('/dien-hinh/dinh-van-loc', await editForm('dinh-van-loc', (p) => p.set('f.role', 'Lần sửa hai')));
    const history = await client.get('/dien-hinh/dinh-van-loc/lich-su');
    const versions = [...history.text.matchAll(/lich-su\?v=([0-9a-f]{40})/g)].map((m) => m[1]!);
    // The two saves, and the text the file had before the desk first changed it.
    expect(versions.length).toBe(3);
    expect(history.text).toContain('Bản có sẵn trước lần sửa đầu tiên trên bàn biên tập');
    const older = versions[1]!;
    const detail = await client.get(`/dien-hinh/dinh-van-loc/lich-su?v=${older}`);
    expect(detail.text).toContain('Lần sửa hai');
    const restored = await client.post('/dien-hinh/dinh-van-loc/lich-su', new URLSearchParams({ version: older, editor: 'Minh Thư' }));
    expect(restored.status).toBe(303);
    expect(readFileSync(file(name), 'utf8')).toContain('role: Lần sửa một');
    expect((await client.get('/dien-hinh/dinh-van-loc/lich-su')).text.match(/lich-su\?v=/g)?.length).toBe(4);
    expect(original).not.toContain('Lần sửa');
    // The first version is the file as it was: restoring it undoes the desk's first save too.
    await client.post('/dien-hinh/dinh-van-loc/lich-su', new URLSearchParams({ version: versions[2]!, editor: 'Minh Thư' }));
    expect(readFileSync(file(name), 'utf8')).toBe(original);
  });

  it('shows an exemplar’s radio script and its story in the site’s styles, or the problems that stop them', async () => {
    const radio = await client.get('/dien-hinh/dang-thi-hoa/phat-thanh');
    expect(radio.text).toContain('Thời lượng đọc: khoảng');
    expect(radio.text).toContain('theo quyết định ngày hai mươi tháng chín năm hai nghìn không trăm hai mươi hai');
    const page = await client.get('/dien-hinh/dang-thi-hoa/xem-trang');
    expect(page.text).toContain('href="/_desk/site.css"');
    expect(page.text).toContain('<figure class="quote">');
    const broken = await client.get('/dien-hinh/ban-nhap-le-van-tam/phat-thanh');
    expect(broken.text).toContain('Bài còn lỗi');
  });

  it('creates a new exemplar as a draft', async () => {
    const page = await client.get('/dien-hinh/moi');
    expect(page.status).toBe(200);
    const values = valuesOf(EXEMPLAR, { kind: 'ca-nhan', storyType: 'bai-viet', published: '2026-11-20', publication: { status: 'ban-nhap' } });
    const params = valuesToParams(EXEMPLAR, values);
    for (const [k, v] of Object.entries({
      'f.name': 'Lò Thị Mới',
      'f.place': 'xa-sai-son-quoc-oai',
      'f.citation': 'Cứu hai em nhỏ khỏi đuối nước.',
      'f.author': 'Minh Thư',
      editor: 'Minh Thư',
      body: 'Câu chuyện.\n',
      action: 'save',
    }))
      params.set(k, v);
    params.append('f.fields', 'cuu-nguoi');
    const saved = await client.post('/dien-hinh/moi', params);
    expect(saved.status).toBe(303);
    const text = readFileSync(file('exemplars/lo-thi-moi.mdx'), 'utf8');
    expect(text).toContain('name: Lò Thị Mới');
    expect(text).toContain('status: ban-nhap');
    // What the desk writes, npm run check accepts.
    const { problems } = await checkContent(copy.root, { threads: 0 });
    expect(problems.filter((p) => p.file === 'content/exemplars/lo-thi-moi.mdx' || p.file === 'content/exemplars/dang-thi-hoa.mdx')).toEqual([]);
  });
});

describe('the desk’s forms of places, awards and settings', () => {
  const SPECS = { 'cai-dat': formSpec(settingsSchema()), 'khen-thuong': formSpec(awardSchema()), 'dia-danh': formSpec(localPlaceSchema()) };
  let copy: ReturnType<typeof contentCopy>;
  let desk: Desk;
  let client: DeskClient;
  beforeAll(async () => {
    copy = contentCopy();
    desk = await deskOn(copy.root);
    client = new DeskClient(desk.url);
  });
  afterAll(async () => {
    await desk.close();
    copy.cleanup();
  });

  async function post(route: keyof typeof SPECS, id: string | undefined, data: Record<string, unknown>, change?: (p: URLSearchParams) => void) {
    const url = id ? `/${route}/${id}` : `/${route}`;
    const page = await client.get(url);
    const params = valuesToParams(SPECS[route], valuesOf(SPECS[route], data));
    params.set('hash', hashOf(page.text));
    params.set('editor', 'Minh Thư');
    change?.(params);
    return client.post(url, params);
  }

  it('saves every place, every award and the settings unchanged byte for byte', async () => {
    const files = ['settings.yaml', 'awards.yaml', ...readdirSync(path.join(copy.root, 'content/places')).map((f) => `places/${f}`)];
    const before = files.map((f) => readFileSync(path.join(copy.root, 'content', f), 'utf8'));
    const settings = parseFrontmatter(before[0]!).toJS() as Record<string, unknown>;
    expect((await post('cai-dat', undefined, settings)).text).toContain('Không có gì thay đổi');
    for (const award of parseFrontmatter(before[1]!).toJS() as { id: string }[]) {
      expect((await post('khen-thuong', award.id, award)).text, award.id).toContain('Không có gì thay đổi');
    }
    for (const text of before.slice(2)) {
      for (const place of parseFrontmatter(text).toJS() as { id: string }[]) {
        expect((await post('dia-danh', place.id, place)).text, place.id).toContain('Không có gì thay đổi');
      }
    }
    expect(files.map((f) => readFileSync(path.join(copy.root, 'content', f), 'utf8'))).toEqual(before);
  });

  it('changes one place in its list file and checks its references', async () => {
    const file = path.join(copy.root, 'content/places/truoc-2025.yaml');
    const before = readFileSync(file, 'utf8');
    const place = (parseFrontmatter(before).toJS() as { id: string }[]).find((p) => p.id === 'xa-huong-phu-nam-dong')!;
    const oldHash = hashOf((await client.get(`/dia-danh/${place.id}`)).text);
    const saved = await post('dia-danh', place.id, place, (p) => p.set('f.note', 'Ghi chú thử'));
    expect(saved.text).toContain('Đã lưu lúc');
    expect(lineDiff(before, readFileSync(file, 'utf8')).filter((l) => l.kind !== ' ')).toEqual([{ kind: '+', text: '  note: Ghi chú thử' }]);
    const refused = await post('dia-danh', place.id, { ...place, note: 'Ghi chú thử' }, (p) => p.set('f.parent', 'khong-co'));
    expect(refused.text).toContain('Không có địa danh mã &quot;khong-co&quot;');
    // A second editor whose form was opened before the first save: refused, their text kept in the form.
    const stale = await post('dia-danh', place.id, place, (p) => (p.set('f.name', 'Hương Phú của người thứ hai'), p.set('hash', oldHash)));
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('value="Hương Phú của người thứ hai"');
    expect(stale.text).toContain('note: Ghi chú thử');
    expect(readFileSync(file, 'utf8')).toContain('  note: Ghi chú thử\n');
  });

  it('keeps the history of a list file and of the settings, and restores an older version of either', async () => {
    const file = path.join(copy.root, 'content/places/truoc-2025.yaml');
    const place = (parseFrontmatter(readFileSync(file, 'utf8')).toJS() as { id: string; note?: string }[]).find((p) => p.id === 'xa-huong-phu-nam-dong')!;
    await post('dia-danh', place.id, place, (p) => p.set('f.note', 'Ghi chú lần hai'));
    const history = await client.get(`/dia-danh/${place.id}/lich-su`);
    expect(history.text).toContain('Lịch sử: Địa danh (places/truoc-2025.yaml)');
    const versions = [...history.text.matchAll(/lich-su\?v=([0-9a-f]{40}|\d{15}-\d{6})/g)].map((m) => m[1]!);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    // The older of the two saves above: its note was the first one.
    const older = versions[1]!;
    expect((await client.get(`/dia-danh/${place.id}/lich-su?v=${older}`)).text).toContain('Ghi chú lần hai');
    const restored = await client.post(`/dia-danh/${place.id}/lich-su`, new URLSearchParams({ version: older, editor: 'Minh Thư' }));
    expect(restored.status).toBe(303);
    expect(readFileSync(file, 'utf8')).toContain('note: Ghi chú thử');

    const settingsFile = path.join(copy.root, 'content/settings.yaml');
    const before = readFileSync(settingsFile, 'utf8');
    const settings = parseFrontmatter(before).toJS() as Record<string, unknown>;
    await post('cai-dat', undefined, settings, (p) => p.set('f.siteName', 'Gương Sáng Quốc Oai'));
    expect(readFileSync(settingsFile, 'utf8')).toContain('Gương Sáng Quốc Oai');
    const page = await client.get('/cai-dat/lich-su');
    expect(page.text).toContain('Lịch sử: Cài đặt trang');
    const first = [...page.text.matchAll(/lich-su\?v=([^"]+)"/g)].map((m) => m[1]!).at(-1)!;
    await client.post('/cai-dat/lich-su', new URLSearchParams({ version: first, editor: 'Minh Thư' }));
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
  });

  it('lists, opens and saves an entry written by its register code under the register unit it names', async () => {
    const file = path.join(copy.root, 'content/places/theo-ma.yaml');
    writeFileSync(file, '- code: "09898"\n  note: Ghi chú theo mã.\n');
    try {
      expect((await client.get('/dia-danh')).text).toContain('href="/dia-danh/xa-sai-son-quoc-oai"');
      const page = await client.get('/dia-danh/xa-sai-son-quoc-oai');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Ghi chú theo mã.');
      const place = { id: 'xa-sai-son-quoc-oai', code: '09898', note: 'Ghi chú theo mã.' };
      const saved = await post('dia-danh', place.id, place, (p) => p.set('f.note', 'Ghi chú mới'));
      expect(saved.text).toContain('Đã lưu lúc');
      expect(saved.text).toContain('value="xa-sai-son-quoc-oai"');
      // Written as the editor wrote it: by its code, without an id.
      expect(readFileSync(file, 'utf8')).toBe('- code: "09898"\n  note: Ghi chú mới\n');
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('a new campaign', () => {
  it('is created as a draft under the id of its short title, with the problems of a plan not yet filled in', async () => {
    const copy = contentCopy();
    const desk = await deskOn(copy.root);
    try {
      const client = new DeskClient(desk.url);
      const page = await client.get('/phong-trao/moi');
      expect(page.text).toContain('Thêm phong trào mới');
      const params = valuesToParams(CAMPAIGN, valuesOf(CAMPAIGN, { kind: 'theo-dot', publication: { status: 'ban-nhap' } }));
      for (const [k, v] of Object.entries({
        'f.title': 'Phong trào thi đua “Dân vận khéo” năm 2026',
        'f.shortTitle': 'Dân vận khéo 2026',
        editor: 'Minh Thư',
        body: 'Tóm tắt.\n',
        action: 'save',
      }))
        params.set(k, v);
      const saved = await client.post('/phong-trao/moi', params);
      expect(saved.text).toContain('chưa thể đăng');
      const text = readFileSync(path.join(copy.root, 'content/campaigns/dan-van-kheo-2026.mdx'), 'utf8');
      expect(text).toContain('shortTitle: Dân vận khéo 2026');
      expect(text).toContain('status: ban-nhap');
    } finally {
      await desk.close();
      copy.cleanup();
    }
  });
});

describe('versions without git', () => {
  it('keeps versions in content/.desk-history and restores them', async () => {
    const copy = contentCopy();
    const desk = await deskOn(copy.root, { ...process.env, PATH: '/nonexistent' });
    try {
      expect(desk.history.kind).toBe('folder');
      const client = new DeskClient(desk.url);
      const page = await client.get('/dien-hinh/dang-thi-hoa');
      const raw = readFileSync(path.join(copy.root, 'content/exemplars/dang-thi-hoa.mdx'), 'utf8');
      const params = valuesToParams(EXEMPLAR, valuesOf(EXEMPLAR, parseFrontmatter(splitEntry(raw)!.frontmatter).toJS()));
      params.set('hash', hashOf(page.text));
      params.set('editor', 'Minh Thư');
      params.set('f.role', 'Không có git');
      expect((await client.post('/dien-hinh/dang-thi-hoa', params)).status).toBe(303);
      const versions = desk.history.versions('content/exemplars/dang-thi-hoa.mdx');
      expect(versions).toHaveLength(2);
      expect(versions[0]!.author).toBe('Minh Thư');
      expect(desk.history.textAt('content/exemplars/dang-thi-hoa.mdx', versions[0]!.id)).toContain('role: Không có git');
      expect(desk.history.textAt('content/exemplars/dang-thi-hoa.mdx', versions[1]!.id)).toBe(raw);
      writeFileSync(path.join(copy.root, 'x'), '');
    } finally {
      await desk.close();
      copy.cleanup();
    }
  });
});
