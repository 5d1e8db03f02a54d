/**
 * Approval, accounts and sessions of the desk: the rules as pure functions, then the whole path through the desk's
 * server with two accounts (an editor and a leader), roles enforced by the server whatever the page shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts, hashPassword, passwordMatches, passwordProblem } from '../../src/desk/accounts.ts';
import { LoginLimiter, Sessions } from '../../src/desk/sessions.ts';
import { actionsFor, applyAction, missingInput, refusal, type Actor, type Situation } from '../../src/desk/workflow.ts';
import { lastEditorOf } from '../../src/desk/history.ts';
import { parseFrontmatter, splitEntry } from '../../src/desk/edit.ts';
import { startDesk, DeskStartError, type Desk } from '../../src/desk/server.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { runScript } from '../helpers/run-script.ts';
import { contentCopy, DeskClient, entryForm, hashOf, logIn } from '../helpers/desk.ts';
import { formSpec } from '../../src/desk/schema-form.ts';
import { exemplarSchema } from '../../src/schemas/exemplar.ts';
import { z } from 'astro/zod';

const EXEMPLAR = formSpec(exemplarSchema({ image: () => z.string() }));

const editor: Actor = { username: 'thu', name: 'Minh Thư', roles: ['bien-tap-vien'] };
const leader: Actor = { username: 'lan', name: 'Trần Thị Lan', roles: ['lanh-dao'] };
const situation = (status: string, more: Partial<Situation> = {}): Situation => ({ status, consentGiven: true, selfApproval: false, ...more });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read nested fields of the YAML as they are
const dataOf = (text: string) => parseFrontmatter(splitEntry(text)!.frontmatter).toJS() as Record<string, any>;

describe('the approval rules', () => {
  it('offers each state its steps', () => {
    expect(actionsFor(situation('ban-nhap'))).toEqual(['submit', 'withdraw-consent']);
    expect(actionsFor(situation('cho-duyet'))).toEqual(['approve', 'return', 'withdraw', 'withdraw-consent']);
    expect(actionsFor(situation('tra-lai', { consentGiven: false }))).toEqual(['submit']);
    expect(actionsFor(situation('da-duyet'))).toEqual(['withdraw', 'withdraw-consent']);
    expect(actionsFor(situation('da-rut'))).toEqual(['reopen']);
  });

  it('lets only a leader approve, return or withdraw', () => {
    for (const action of ['approve', 'return', 'withdraw'] as const) expect(refusal(situation('cho-duyet'), editor, action)).toMatch(/lãnh đạo/);
    expect(refusal(situation('cho-duyet'), leader, 'approve')).toBeUndefined();
    expect(refusal(situation('ban-nhap'), editor, 'submit')).toBeUndefined();
    expect(refusal(situation('ban-nhap'), editor, 'approve')).toMatch(/trạng thái/);
  });

  it('refuses a leader approving what they edited last, unless the settings allow it', () => {
    const edited = situation('cho-duyet', { lastEditor: { username: 'lan', name: 'Trần Thị Lan' } });
    expect(refusal(edited, leader, 'approve')).toMatch(/không tự duyệt/);
    expect(refusal({ ...edited, selfApproval: true }, leader, 'approve')).toBeUndefined();
    // Without accounts the name decides, written in either Unicode form.
    const byName = situation('cho-duyet', { lastEditor: { name: 'Trần Thị Lan'.normalize('NFD') } });
    expect(refusal(byName, { ...leader, username: '' }, 'approve')).toMatch(/không tự duyệt/);
  });

  it('takes the last editor from the versions, past changes of state', () => {
    const versions = [
      { id: '3', author: 'Trần Thị Lan', date: '', message: 'Trả lại', action: 'return', user: 'lan' },
      { id: '2', author: 'Minh Thư', date: '', message: 'Gửi duyệt', action: 'submit', user: 'thu' },
      { id: '1', author: 'Minh Thư', date: '', message: 'Sửa', action: 'edit', user: 'thu' },
    ];
    expect(lastEditorOf(versions)).toEqual({ username: 'thu', name: 'Minh Thư' });
  });

  it('asks for a comment, a reason or the approving document before the step', () => {
    expect(missingInput('return', {}).map((m) => m.field)).toEqual(['comment']);
    expect(missingInput('withdraw', { comment: '  ' }).map((m) => m.field)).toEqual(['comment']);
    expect(missingInput('approve', { approval: {} }).map((m) => m.field)).toEqual(['approval.number', 'approval.date']);
    expect(missingInput('approve', { approval: { title: 'Biên bản họp', date: '2026-12-01' } })).toEqual([]);
  });

  const text = '---\n# Bài mẫu\nkind: ca-nhan\nname: Lê Văn A\npublication:\n  status: cho-duyet\n---\n\nCâu chuyện.\n';

  it('records who approved, when and on what authority, and nothing else', () => {
    const approved = applyAction(
      text,
      'approve',
      { approval: { number: '12/BB-TTVH', date: '2026-12-01' }, consent: { date: '2026-11-20', scope: 'Họ tên và câu chuyện' } },
      leader,
      '2026-12-06',
    );
    const data = dataOf(approved);
    expect(data.publication).toEqual({
      status: 'da-duyet',
      approval: { number: '12/BB-TTVH', date: '2026-12-01' },
      approvedBy: 'Trần Thị Lan',
      approvedOn: '2026-12-06',
    });
    expect(data.consent).toEqual({ date: '2026-11-20', scope: 'Họ tên và câu chuyện' });
    expect(approved).toContain('# Bài mẫu\n');
    expect(approved.endsWith('---\n\nCâu chuyện.\n')).toBe(true);
  });

  it('keeps the comment of a return and the date of a consent withdrawn', () => {
    // A comment typed in decomposed form (some phone keyboards) is kept composed, as every text of the content is.
    const returned = dataOf(applyAction(text, 'return', { comment: 'Thêm ngày đồng ý.'.normalize('NFD') }, leader, '2026-12-06'));
    expect(returned.publication.status).toBe('tra-lai');
    expect(returned.publication.review).toEqual({ by: 'Trần Thị Lan', date: '2026-12-06', comment: 'Thêm ngày đồng ý.' });
    const withdrawn = dataOf(applyAction(text, 'withdraw-consent', { comment: 'Gia đình đề nghị gỡ.', date: '2026-12-02' }, leader, '2026-12-06'));
    expect(withdrawn.publication).toMatchObject({ status: 'da-rut', withdrawal: { date: '2026-12-02', reason: 'Gia đình đề nghị gỡ.' } });
    expect(withdrawn.consent.withdrawn).toBe('2026-12-02');
  });
});

describe('accounts and sessions', () => {
  it('stores a password as a salted scrypt hash and checks it', async () => {
    const a = await hashPassword('mật khẩu dài đủ');
    const b = await hashPassword('mật khẩu dài đủ');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('mật khẩu');
    expect(await passwordMatches('mật khẩu dài đủ', a)).toBe(true);
    // The same password typed in the other Unicode form is the same password.
    expect(await passwordMatches('mật khẩu dài đủ'.normalize('NFD'), a)).toBe(true);
    expect(await passwordMatches('mat khau dai du', a)).toBe(false);
  });

  it('refuses short, simple or name-bearing passwords', () => {
    expect(passwordProblem('ngan', 'thu')).toMatch(/ít nhất 10/);
    expect(passwordProblem('aaaaaaaaaaaa', 'thu')).toMatch(/đơn giản/);
    expect(passwordProblem('thu-12345678', 'thu')).toMatch(/tên đăng nhập/);
    expect(passwordProblem('Sông Đáy chiều nay', 'thu')).toBeUndefined();
  });

  it('ends a session left unused, and any session after its longest life', () => {
    let now = 0;
    const sessions = new Sessions({ idleMs: 1000, maxMs: 5000 }, () => now);
    const s = sessions.start('thu');
    now = 900;
    expect(sessions.get(s.id)).toBeDefined();
    now = 1800;
    expect(sessions.get(s.id)).toBeDefined();
    now = 2900;
    expect(sessions.get(s.id)).toBeUndefined();
    const t = sessions.start('thu');
    for (now = 3000; now < 8000; now += 900) sessions.get(t.id);
    expect(sessions.get(t.id)).toBeUndefined();
  });

  it('slows down guessing: a wait after five wrong passwords for one account', () => {
    let now = 0;
    const limiter = new LoginLimiter({ perAccount: 5, perAddress: 20, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 5; i++) limiter.failed('thu', '10.0.0.2');
    expect(limiter.waitSeconds('thu', '10.0.0.2')).toBe(60);
    expect(limiter.waitSeconds('lan', '10.0.0.3')).toBe(0);
    now = 61_000;
    expect(limiter.waitSeconds('thu', '10.0.0.2')).toBe(0);
  });
});

describe('the whole path through the desk, with accounts', () => {
  let root: string;
  let cleanup: () => void;
  let desk: Desk;
  const stateDir = () => path.join(root, '.desk');
  const entry = () => path.join(root, 'content/exemplars/ban-nhap-le-van-tam.mdx');

  beforeAll(async () => {
    ({ root, cleanup } = contentCopy());
    const accounts = new Accounts(stateDir());
    await accounts.add('thu', 'Minh Thư', ['bien-tap-vien'], 'bút mực xanh 2026');
    await accounts.add('lan', 'Trần Thị Lan', ['lanh-dao'], 'duyệt bài cẩn thận');
    desk = await startDesk({
      root,
      port: 0,
      sessionTimes: { idleMs: 60_000, maxMs: 120_000 },
      loginLimits: { perAccount: 5, perAddress: 50, windowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await desk?.close();
    cleanup();
  });

  /** The whole form as the browser sends it, with one change. */
  const editParams = (page: string, change: (params: URLSearchParams) => void) => entryForm(EXEMPLAR, readFileSync(entry(), 'utf8'), page, change);
  const stepForm = (page: string, action: string, fields: Record<string, string> = {}) => new URLSearchParams({ hash: hashOf(page), action, ...fields });

  it('sends a visitor without a session to the login page, and refuses a change without one', async () => {
    const visitor = new DeskClient(desk.url);
    const page = await visitor.get('/dien-hinh');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/dang-nhap?tiep=%2Fdien-hinh');
    const posted = await visitor.post('/dien-hinh/ban-nhap-le-van-tam/trang-thai', new URLSearchParams({ action: 'approve' }));
    expect(posted.status).toBe(401);
    expect(posted.text).toContain('Đăng nhập');
  });

  it('refuses a wrong password, then every try for a while after five', async () => {
    const guesser = new DeskClient(desk.url);
    const wrong = await logIn(guesser, 'lan', 'sai mật khẩu rồi');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    for (let i = 0; i < 4; i++) await logIn(guesser, 'lan', `đoán thử lần ${i}`);
    const locked = await logIn(guesser, 'lan', 'duyệt bài cẩn thận');
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Thử lại sau');
    expect(locked.headers.get('set-cookie') ?? '').not.toMatch(/Max-Age=[1-9]/);
  });

  it('lets an editor submit, a leader return with a comment and then approve; an editor can do neither', async () => {
    // The limiter above locked "lan" for this desk: a second desk on the same folder is a fresh start.
    await desk.close();
    desk = await startDesk({ root, port: 0 });
    const thu = new DeskClient(desk.url);
    expect((await logIn(thu, 'thu', 'bút mực xanh 2026')).status).toBe(303);
    expect(thu.cookie).toMatch(/^desk_session=/);
    let page = await thu.get('/dien-hinh/ban-nhap-le-van-tam');
    expect(page.text).toContain('Đăng nhập: Minh Thư (Biên tập viên)');
    expect(page.text).not.toContain('value="approve"');
    const submitted = await thu.post('/dien-hinh/ban-nhap-le-van-tam/trang-thai', stepForm(page.text, 'submit'));
    expect(submitted.status, submitted.text.slice(0, 2000)).toBe(303);
    expect(dataOf(readFileSync(entry(), 'utf8')).publication.status).toBe('cho-duyet');

    // Called directly, the leader's steps are refused to the editor.
    page = await thu.get('/dien-hinh/ban-nhap-le-van-tam');
    const forged = await thu.post(
      '/dien-hinh/ban-nhap-le-van-tam/trang-thai',
      stepForm(page.text, 'approve', { 'approval.title': 'Biên bản', 'approval.date': '01/12/2026' }),
    );
    expect(forged.status).toBe(403);
    expect(dataOf(readFileSync(entry(), 'utf8')).publication.status).toBe('cho-duyet');

    const lan = new DeskClient(desk.url);
    await logIn(lan, 'lan', 'duyệt bài cẩn thận');
    page = await lan.get('/dien-hinh/ban-nhap-le-van-tam');
    expect(page.text).toContain('value="approve"');
    const noComment = await lan.post('/dien-hinh/ban-nhap-le-van-tam/trang-thai', stepForm(page.text, 'return'));
    expect(noComment.text).toContain('Ghi điều cần sửa');
    const returned = await lan.post('/dien-hinh/ban-nhap-le-van-tam/trang-thai', stepForm(page.text, 'return', { comment: 'Bổ sung phạm vi đồng ý.' }));
    expect(returned.status).toBe(303);
    page = await thu.get('/dien-hinh/ban-nhap-le-van-tam');
    expect(page.text).toContain('Bổ sung phạm vi đồng ý.');
    expect(page.text).toContain('Trần Thị Lan trả lại ngày');

    await thu.post('/dien-hinh/ban-nhap-le-van-tam/trang-thai', stepForm(page.text, 'submit'));
    page = await lan.get('/dien-hinh/ban-nhap-le-van-tam');
    const badDate = await lan.post(
      '/dien-hinh/ban-nhap-le-van-tam/trang-thai',
      stepForm(page.text, 'approve', { 'approval.title': 'Biên bản duyệt đăng', 'approval.date': '31/02/2026' }),
    );
    expect(badDate.text).toContain('Ngày &quot;31/02/2026&quot; không đúng');
    const approved = await lan.post(
      '/dien-hinh/ban-nhap-le-van-tam/trang-thai',
      stepForm(page.text, 'approve', {
        'approval.title': 'Biên bản duyệt đăng (minh hoạ)',
        'approval.date': '01/12/2026',
        'consent.date': '20/11/2026',
        'consent.scope': 'Họ tên và câu chuyện trên trang web',
      }),
    );
    expect(approved.status, approved.text.slice(0, 3000)).toBe(303);
    const data = dataOf(readFileSync(entry(), 'utf8'));
    expect(data.publication).toMatchObject({ status: 'da-duyet', approvedBy: 'Trần Thị Lan', approval: { date: '2026-12-01' } });

    // The approved entry passes npm run check: the desk and the check refuse the same inputs.
    const checked = await checkContent(root);
    expect(checked.problems.filter((p) => p.file.endsWith('ban-nhap-le-van-tam.mdx'))).toEqual([]);

    // The history lists every change of state with its person and comment.
    const history = await thu.get('/dien-hinh/ban-nhap-le-van-tam/lich-su');
    for (const line of ['Gửi duyệt', 'Trả lại điển hình', 'Bổ sung phạm vi đồng ý.', 'Duyệt điển hình', 'Trần Thị Lan', 'Minh Thư'])
      expect(history.text).toContain(line);
  });

  it('puts an approved entry an editor changes back to awaiting approval', async () => {
    const thu = new DeskClient(desk.url);
    await logIn(thu, 'thu', 'bút mực xanh 2026');
    const page = await thu.get('/dien-hinh/ban-nhap-le-van-tam');
    const edited = await thu.post(
      '/dien-hinh/ban-nhap-le-van-tam',
      editParams(page.text, (p) => p.set('f.role', 'Thợ điện tình nguyện')),
    );
    expect(edited.text).toContain('chuyển sang chờ duyệt');
    const data = dataOf(readFileSync(entry(), 'utf8'));
    expect(data.role).toBe('Thợ điện tình nguyện');
    expect(data.publication.status).toBe('cho-duyet');
  });

  it('refuses the leader approving their own edit', async () => {
    const accounts = new Accounts(stateDir());
    accounts.setRoles('lan', ['lanh-dao', 'bien-tap-vien']);
    const lan = new DeskClient(desk.url);
    await logIn(lan, 'lan', 'duyệt bài cẩn thận');
    let page = await lan.get('/dien-hinh/ban-nhap-le-van-tam');
    await lan.post(
      '/dien-hinh/ban-nhap-le-van-tam',
      editParams(page.text, (p) => p.set('f.role', 'Thợ điện')),
    );
    page = await lan.get('/dien-hinh/ban-nhap-le-van-tam');
    expect(page.text).toContain('không tự duyệt');
    const refused = await lan.post(
      '/dien-hinh/ban-nhap-le-van-tam/trang-thai',
      stepForm(page.text, 'approve', { 'approval.title': 'Biên bản', 'approval.date': '01/12/2026' }),
    );
    expect(refused.status).toBe(403);
    expect(dataOf(readFileSync(entry(), 'utf8')).publication.status).toBe('cho-duyet');
  });

  it('ends the sessions of an account whose password changed', async () => {
    const thu = new DeskClient(desk.url);
    await logIn(thu, 'thu', 'bút mực xanh 2026');
    expect((await thu.get('/dien-hinh')).status).toBe(200);
    await new Accounts(stateDir()).setPassword('thu', 'mật khẩu mới tinh 7');
    expect((await thu.get('/dien-hinh')).status).toBe(303);
  });

  it('ends a session after its time without use', async () => {
    const short = await startDesk({ root, port: 0, sessionTimes: { idleMs: 300, maxMs: 10_000 } });
    try {
      const lan = new DeskClient(short.url);
      await logIn(lan, 'lan', 'duyệt bài cẩn thận');
      expect((await lan.get('/dien-hinh')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const after = await lan.get('/dien-hinh');
      expect(after.status).toBe(303);
      const login = await lan.get(after.headers.get('location')!);
      expect(login.text).toContain('Phiên đăng nhập đã hết hạn');
    } finally {
      await short.close();
    }
  });

  it('keeps accounts and the desk settings to administrators', async () => {
    const accounts = new Accounts(stateDir());
    await accounts.add('admin', 'Quản trị viên', ['quan-tri'], 'quản trị hệ thống 1');
    const thu = new DeskClient(desk.url);
    await logIn(thu, 'thu', 'mật khẩu mới tinh 7');
    expect((await thu.get('/tai-khoan')).status).toBe(403);
    expect((await thu.get('/cai-dat-ban')).status).toBe(403);
    expect((await thu.post('/cai-dat-ban', new URLSearchParams({ selfApproval: '1' }))).status).toBe(403);
    expect((await thu.post('/cai-dat', new URLSearchParams({ action: 'save' }))).status).toBe(403);
    const admin = new DeskClient(desk.url);
    await logIn(admin, 'admin', 'quản trị hệ thống 1');
    const page = await admin.get('/tai-khoan');
    expect(page.text).toContain('Minh Thư');
    expect(page.text).toContain('Trần Thị Lan');
    const saved = await admin.post('/cai-dat-ban', new URLSearchParams({ selfApproval: '1', remote: '../kho-chung.git', branch: 'main' }));
    expect(saved.text).toContain('Đã lưu cài đặt bàn biên tập.');
    expect(JSON.parse(readFileSync(path.join(stateDir(), 'settings.json'), 'utf8'))).toMatchObject({
      selfApproval: true,
      sharedRepository: { remote: '../kho-chung.git' },
    });
    const bad = await admin.post('/cai-dat-ban', new URLSearchParams({ branch: 'main; rm -rf', remote: 'x' }));
    expect(bad.text).toContain('Cài đặt chưa lưu');
    // An administrator cannot lock everyone out by removing their own account.
    expect((await admin.post('/tai-khoan', new URLSearchParams({ username: 'admin', action: 'remove' }))).text).toContain('Không tự xoá');
    expect(accounts.find('admin')).toBeDefined();
    await admin.post('/cai-dat-ban', new URLSearchParams({ branch: 'main' }));
  });

  it('refuses to open to the office network without an account', async () => {
    const { root: bare, cleanup: clean } = contentCopy();
    try {
      await expect(startDesk({ root: bare, port: 0, lan: true })).rejects.toThrow(DeskStartError);
      await expect(startDesk({ root: bare, port: 0, lan: true })).rejects.toThrow(/chưa có tài khoản/);
    } finally {
      clean();
    }
  });
});

describe('a desk without accounts', () => {
  it('gives its one local user every role and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guong-sang-local-'));
    const { root, cleanup } = contentCopy();
    const desk = await startDesk({ root, port: 0, stateDir: dir });
    try {
      const client = new DeskClient(desk.url);
      const page = await client.get('/dien-hinh/ban-nhap-le-van-tam');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Chế độ một người');
      expect(page.text).toContain('value="submit"');
      expect(page.text).toContain('id="f-editor"');
    } finally {
      await desk.close();
      cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run desk:account', () => {
  it('makes an account from a password typed on standard input, never from a flag, and refuses weak ones', () => {
    const { root, cleanup } = contentCopy();
    try {
      const made = runScript(
        'desk-account.ts',
        root,
        ['them', '--ten', 'thu', '--ho-ten', 'Minh Thư', '--vai-tro', 'bien-tap-vien,lanh-dao'],
        'sông Hồng mùa lũ\n',
      );
      expect(made.status, made.output).toBe(0);
      expect(made.output).toContain('Đã tạo tài khoản "thu" (Minh Thư): Biên tập viên, Lãnh đạo.');
      const stored = readFileSync(path.join(root, '.desk/accounts.json'), 'utf8');
      expect(stored).not.toContain('sông Hồng');
      expect(stored).toMatch(/"password": "scrypt\$/);
      expect(runScript('desk-account.ts', root, ['danh-sach'], '').output).toContain('thu\tMinh Thư\tBiên tập viên, Lãnh đạo');
      const weak = runScript('desk-account.ts', root, ['them', '--ten', 'lan', '--ho-ten', 'Lan', '--vai-tro', 'lanh-dao'], 'ngan\n');
      expect(weak.status).toBe(1);
      expect(weak.output).toContain('Mật khẩu cần ít nhất 10 ký tự. Chưa có gì thay đổi.');
      const role = runScript('desk-account.ts', root, ['them', '--ten', 'lan', '--ho-ten', 'Lan', '--vai-tro', 'giam-doc'], 'đủ dài và khó đoán\n');
      expect(role.output).toContain('Không có vai trò "giam-doc"');
      expect(runScript('desk-account.ts', root, ['them', '--ten', 'lan', '--mat-khau', 'x'], '').output).toContain('Không có tuỳ chọn "--mat-khau"');
      expect(new Accounts(path.join(root, '.desk')).all().map((a) => a.username)).toEqual(['thu']);
    } finally {
      cleanup();
    }
  });
});

describe('two desks sharing one repository', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ENTRY = 'content/exemplars/bui-thi-hoa.mdx';

  /** The whole form of an entry as the desk's page shows it, with one change. */
  async function edit(client: DeskClient, root: string, change: (params: URLSearchParams) => void) {
    const page = await client.get('/dien-hinh/bui-thi-hoa');
    const params = entryForm(EXEMPLAR, readFileSync(path.join(root, ENTRY), 'utf8'), page.text, (p) => {
      p.set('editor', 'Người sửa');
      change(p);
    });
    return client.post('/dien-hinh/bui-thi-hoa', params);
  }

  it('exchange an edit, and show a conflict with both texts until the person merges it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'guong-sang-offices-'));
    const remote = path.join(folder, 'chung.git');
    const { root: first, cleanup } = contentCopy();
    const desks: Desk[] = [];
    try {
      git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
      git(first, 'init', '--quiet', '--initial-branch=main');
      git(first, 'add', 'content');
      git(first, '-c', 'user.name=Trung tâm', '-c', 'user.email=tt@example.invalid', 'commit', '--quiet', '-m', 'Nội dung ban đầu');
      git(first, 'remote', 'add', 'origin', remote);
      git(first, 'push', '--quiet', 'origin', 'main');
      const second = path.join(folder, 'ban-b');
      git(folder, 'clone', '--quiet', remote, second);
      for (const root of [first, second]) {
        mkdirSync(path.join(root, '.desk'), { recursive: true });
        writeFileSync(path.join(root, '.desk/settings.json'), JSON.stringify({ sharedRepository: { remote, branch: 'main' } }));
        desks.push(await startDesk({ root, port: 0 }));
      }
      const [a, b] = [new DeskClient(desks[0]!.url), new DeskClient(desks[1]!.url)];
      const sync = async (client: DeskClient) => {
        await client.get('/dong-bo');
        return client.post('/dong-bo', new URLSearchParams({ editor: 'Người sửa' }));
      };

      expect((await edit(a, first, (p) => p.set('f.role', 'Chủ nhiệm câu lạc bộ nuôi ong'))).status).toBe(303);
      expect((await sync(a)).text).toContain('Đã đồng bộ');
      expect((await sync(b)).text).toContain('Đã đồng bộ');
      expect(readFileSync(path.join(second, ENTRY), 'utf8')).toContain('role: Chủ nhiệm câu lạc bộ nuôi ong');

      await edit(a, first, (p) => p.set('f.role', 'Bản của bàn A'));
      await edit(b, second, (p) => p.set('f.role', 'Bản của bàn B'));
      await sync(a);
      const conflict = await sync(b);
      expect(conflict.text).toContain('Có bài được sửa cùng lúc');
      expect(conflict.text).toContain('Bản của bàn A');
      expect(conflict.text).toContain('Bản của bàn B');
      // Nothing of either text was thrown away while the conflict waits.
      expect(readFileSync(path.join(second, ENTRY), 'utf8')).toContain('role: Bản của bàn B');

      const merged = readFileSync(path.join(second, ENTRY), 'utf8').replace('role: Bản của bàn B', 'role: Bản của bàn A và bàn B');
      const resolved = await b.post('/dong-bo/giai-quyet', new URLSearchParams({ editor: 'Người sửa', [`merged:${ENTRY}`]: merged }));
      expect(resolved.text).toContain('Đã đồng bộ');
      await sync(a);
      expect(readFileSync(path.join(first, ENTRY), 'utf8')).toContain('role: Bản của bàn A và bàn B');
    } finally {
      for (const desk of desks) await desk.close();
      cleanup();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
