/**
 * The editors' desk: a small web server of the project's own on 127.0.0.1, in which editors write and check
 * exemplars and campaigns through forms made from the schemas, with the content check's rules on every save, a
 * version for every save and nothing lost when two people edit the same entry. See docs/desk.md.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { writeAtomic } from './files.ts';
import path from 'node:path';
import { desk } from '../i18n/desk.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { allowedHosts, crossSite, hostAllowed, tokenMatches } from './guard.ts';
import { contentFile, isEntryId, PathRefused } from './paths.ts';
import { ContentIndex, type Summary } from './content-index.ts';
import { guideHelp } from './schema-form.ts';
import { parseFrontmatter, splitEntry } from './edit.ts';
import { valuesOf } from './form.ts';
import { openHistory, type History } from './history.ts';
import { Accounts, ROLES, type Role } from './accounts.ts';
import { Sessions, LoginLimiter, type SessionTimes, type LoginLimits } from './sessions.ts';
import { deskStateDir, readDeskSettings, type DeskSettings } from './desk-settings.ts';
import { requests, currentRequest, hasRole, typedEditor, type RequestContext } from './request.ts';
import type { Actor } from './workflow.ts';
import { Publisher, publishPage, publishStatus } from './publish.ts';
import { radioBulletin, radioBulletinPage, type RadioQuery } from './radio.ts';
import { lastSync, mergedTexts, resolveConflict, sharedRepoPage, syncShared } from './shared-repo.ts';
import { deskPublish } from '../i18n/desk-publish.ts';
import { identifyByCode } from '../lib/places/merge.ts';
import { registerPlaces } from '../lib/places/register.ts';
import { COLLECTIONS, RECORDS, type CollectionSetup, type RecordSetup } from './collection-setup.ts';
import { decodeSafely, HttpError, readBody, send, sessionCookie } from './http.ts';
import { newState, photosOf, workflowFacts, type FormState } from './entry-form.ts';
import { accountsPage, changeAccount, deskSettingsPage, login, loginPage, saveDeskSettings, stampOf } from './account-pages.ts';
import { listPage } from './list-page.ts';
import { FormChoices } from './form-choices.ts';
import { timeNow, type DeskContext } from './context.ts';
import { contentHash } from '../lib/content/cache.ts';
import { changeState, formPage, outputPage, photoFile, saveEntry, saveMerged, turnPhoto, uploadAttachment, uploadPhoto } from './entry-pages.ts';
import { findRecord, recordList, recordPage, saveRecord } from './record-pages.ts';
import { historyPage, restore, trackedEntry, trackedRecord } from './history-page.ts';

const PUBLIC = path.join(import.meta.dirname, 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/_desk/desk.css': { file: path.join(PUBLIC, 'desk.css'), type: 'text/css; charset=utf-8' },
  '/_desk/desk.js': { file: path.join(PUBLIC, 'desk.js'), type: 'text/javascript; charset=utf-8' },
  '/_desk/publish.js': { file: path.join(PUBLIC, 'publish.js'), type: 'text/javascript; charset=utf-8' },
  '/_desk/site.css': { file: path.join(import.meta.dirname, '../styles/global.css'), type: 'text/css; charset=utf-8' },
  '/_desk/print-sheet.css': { file: path.join(import.meta.dirname, '../styles/print-sheet.css'), type: 'text/css; charset=utf-8' },
};

export interface DeskOptions {
  root: string;
  port?: number;
  /** Listen on the office network too (the desk then needs accounts); the settings' `lan` when not given. */
  lan?: boolean;
  /** Where the accounts and the desk's settings are kept; `<root>/.desk` by default. */
  stateDir?: string;
  /** How long a login lasts (tests shorten it). */
  sessionTimes?: SessionTimes;
  loginLimits?: LoginLimits;
  /** Where a publish puts the site and how it builds it (tests build a copy of the project). */
  publishOptions?: { output?: string; buildCommand?: (outDir: string) => [string, ...string[]] };
  /** Environment of git (tests pass a PATH without git). */
  env?: NodeJS.ProcessEnv;
}

export interface Desk {
  server: Server;
  url: string;
  port: number;
  /** The desk answers other computers of the office, not only this one. */
  lan: boolean;
  history: History;
  close(): Promise<void>;
}

/** Why the desk cannot start, in Vietnamese, for the command to print. */
export class DeskStartError extends Error {}

/**
 * Opens a desk: what it holds while it runs (accounts, sessions, the content's index and history, the publisher, the
 * `DeskContext` its pages share), the check of every request (`handle`) and the table of its addresses (`route`).
 * Long because these share the desk's state: its pages, which need less of it, are in their own modules.
 */
export async function startDesk({
  root,
  port = 4322,
  env = process.env,
  lan: lanOption,
  stateDir: stateOption,
  sessionTimes,
  loginLimits,
  publishOptions = {},
}: DeskOptions): Promise<Desk> {
  const stateDir = stateOption ?? deskStateDir(root);
  const accounts = new Accounts(stateDir);
  const deskSettings = (): DeskSettings => readDeskSettings(stateDir);
  const lan = lanOption ?? deskSettings().lan;
  if (lan && !accounts.any())
    throw new DeskStartError(
      'Bàn biên tập chưa có tài khoản nào nên không mở cho máy khác trong cơ quan. Tạo ít nhất một tài khoản trước:\n  npm run desk:account -- them --ten <tên đăng nhập> --ho-ten "<họ tên>" --vai-tro bien-tap-vien,lanh-dao,quan-tri\nrồi chạy lại: npm run desk -- --lan',
    );
  const sessions = new Sessions(sessionTimes);
  const publisher = new Publisher({ root, stateDir, env, target: deskSettings().publishTarget, ...publishOptions });
  const limiter = new LoginLimiter(loginLimits);
  const index = new ContentIndex(root);
  const history = openHistory(root, env);
  const help = guideHelp(root);
  const secret = randomBytes(32);
  /** Texts forms were opened on, by hash: what a conflicting save is compared with. */
  const bases = new Map<string, string>();
  const remember = (text: string) => {
    const hash = contentHash(text);
    bases.delete(hash);
    bases.set(hash, text);
    if (bases.size > 500) bases.delete(bases.keys().next().value!);
    return hash;
  };
  let hosts = allowedHosts(port);

  const tokenOf = (session: string) => createHmac('sha256', secret).update(session).digest('base64url');

  const choices = new FormChoices(index);
  const findPlaces = (query: string) => choices.findPlaces(query);
  const choicesFor = (collection: CollectionSetup) => choices.forCollection(collection);

  async function findEntry(collection: CollectionSetup, id: string): Promise<Summary | undefined> {
    if (!isEntryId(id)) return undefined;
    return (await index.list(collection.key)).find((s) => s.id === id);
  }

  const absolute = (file: string) => contentFile(root, file.replace(/^content\//, ''));

  function stateFromFile(collection: CollectionSetup, id: string, text: string, editor: string): FormState {
    const split = splitEntry(text);
    const data = split ? (parseFrontmatter(split.frontmatter).toJS() as Record<string, unknown>) : {};
    const values = valuesOf(collection.specs, data ?? {});
    return {
      collection,
      id,
      values,
      body: split?.body ?? text,
      hash: remember(text),
      editor,
      photos: photosOf(values),
      ...workflowFacts(data),
    };
  }

  /**
   * Writes a file of content/, first keeping the text it had as a version if the history has none of it yet (a file
   * made before the desk was used, or copied in): the first save on the desk can then be undone like any other.
   */
  function writeVersioned(file: string, text: string) {
    const target = absolute(file);
    if (existsSync(target) && history.versions(file).length === 0) {
      try {
        history.record([file], desk.commit.keeper, desk.commit.original, { action: 'import' });
      } catch (error) {
        console.error(`Không ghi được bản có sẵn vào lịch sử: ${(error as Error).message}`);
      }
    }
    writeAtomic(target, text);
  }

  async function commit(files: string[], editor: string, message: string, action = 'edit') {
    const { actor, local } = currentRequest();
    try {
      history.record(files, local ? editor : actor!.name, message, { action, user: local ? undefined : actor?.username });
    } catch (error) {
      console.error(`Không ghi được phiên bản vào lịch sử: ${(error as Error).message}`);
    }
    index.touched();
  }

  /** A desk without accounts is one person's; otherwise the settings say whether one may approve one's own edit. */
  const selfApprovalAllowed = () => currentRequest().local || deskSettings().selfApproval;

  /** A place written by its register code is listed, opened, checked and saved as the register unit it names. */
  const identified = (setup: RecordSetup, item: unknown) => (setup.key === 'places' ? identifyByCode(item, registerPlaces(root)).data : item);

  /** What the desk's pages share (context.ts). */
  const ctx: DeskContext = {
    root,
    index,
    history,
    help,
    bases,
    remember,
    tokenOf,
    choicesFor,
    findEntry,
    absolute,
    stateFromFile,
    writeVersioned,
    commit,
    selfApprovalAllowed,
    identified,
  };

  // ——— requests ———

  function forbid(): never {
    throw new HttpError(403, desk.account.forbidden);
  }
  function requireRole(...roles: Role[]) {
    if (!hasRole(...roles)) forbid();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, hosts)) return send(res, 421, desk.refused.host, 'text/plain; charset=utf-8');
    if (crossSite(req, hosts)) return send(res, 403, desk.refused.crossSite, 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? '')
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
    );
    const sent = /^[\w-]{32,64}$/.test(cookies.desk_session ?? '') ? cookies.desk_session! : '';
    const headers: Record<string, string> = {};
    const local = !accounts.any();
    let sessionId = sent;
    let actor: Actor | undefined;
    let expired = false;
    if (local) {
      // One person on this computer: the cookie only ties the CSRF token to this browser, and never expires.
      if (!sessionId) {
        sessionId = randomBytes(24).toString('base64url');
        headers['Set-Cookie'] = sessionCookie(sessionId);
      }
      actor = { username: '', name: decodeSafely(cookies.desk_editor ?? ''), roles: [...ROLES] };
    } else {
      let session = sessions.get(sent);
      if (session?.username && session.stamp !== stampOf(accounts, session.username)) {
        sessions.end(session.id);
        session = undefined;
      }
      if (!session) {
        expired = sent !== '';
        session = sessions.start('');
        headers['Set-Cookie'] = sessionCookie(session.id, sessions.maxAgeSeconds);
      }
      sessionId = session.id;
      const account = session.username ? accounts.find(session.username) : undefined;
      if (account) actor = { username: account.username, name: account.name, roles: account.roles };
    }
    const token = tokenOf(sessionId);
    const context: RequestContext = { actor, local, token };
    return requests.run(context, () => route(req, res, url, cookies, { sessionId, headers, expired, token, sent }));
  }

  // Long on purpose: every address of the desk with the role it needs, in one place, so that who may do what is
  // reviewed in one function. The pages themselves are in their modules.
  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    cookies: Record<string, string>,
    { sessionId, headers, expired, token, sent }: { sessionId: string; headers: Record<string, string>; expired: boolean; token: string; sent: string },
  ) {
    const reply = (status: number, body: string, type?: string, more: Record<string, string> = {}) => send(res, status, body, type, { ...headers, ...more });
    const pathname = url.pathname;
    const { actor, local } = currentRequest();

    if ((req.method === 'GET' || req.method === 'HEAD') && STATIC[pathname]) {
      const asset = STATIC[pathname]!;
      return reply(200, readFileSync(asset.file, 'utf8'), asset.type);
    }
    if (pathname === '/dang-nhap') {
      if (local) return reply(303, '', 'text/plain', { Location: '/' });
      if (req.method === 'POST') return login({ accounts, sessions, limiter }, req, res, await readBody(req), { sent, token, headers });
      return reply(200, loginPage(token, url.searchParams.get('tiep') ?? '', expired || url.searchParams.has('het-han') ? desk.account.expired : ''));
    }
    if (!actor) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const next = encodeURIComponent(`${pathname}${url.search}`);
        return reply(303, '', 'text/plain', { Location: `/dang-nhap?tiep=${next}${expired ? '&het-han=1' : ''}` });
      }
      return reply(401, loginPage(token, '', expired ? desk.account.expired : desk.account.loginNeeded));
    }
    if (pathname === '/dang-xuat' && req.method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      if (!tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
      sessions.end(sessionId);
      return reply(303, '', 'text/plain', { Location: '/dang-nhap', 'Set-Cookie': sessionCookie('', 0) });
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      if (pathname.startsWith('/_anh/')) return photoFile(ctx, pathname, res);
      if (pathname === '/') return reply(303, '', 'text/plain', { Location: '/dien-hinh' });
      if (pathname === '/tai-khoan') {
        requireRole('quan-tri');
        return reply(200, accountsPage(accounts, token, local));
      }
      if (pathname === '/cai-dat-ban') {
        requireRole('quan-tri');
        return reply(200, deskSettingsPage(deskSettings, token));
      }
      if (pathname === '/xuat-ban' || pathname === '/xuat-ban/tien-do') {
        requireRole('lanh-dao', 'quan-tri');
        const run = publisher.current() ?? publisher.last();
        if (pathname === '/xuat-ban/tien-do') return reply(200, publishStatus(run, publisher.lastPublished()).text);
        const body = publishPage(run, token, publisher.lastPublished(), deskSettings().publishTarget);
        return reply(200, layout(deskPublish.publish.title, body, { current: 'publish', token }));
      }
      if (pathname === '/phat-thanh' || pathname === '/phat-thanh/tai') {
        const query: RadioQuery = { tu: url.searchParams.get('tu') ?? '', den: url.searchParams.get('den') ?? '', phut: url.searchParams.get('phut') ?? '' };
        const result = await radioBulletin(root, query);
        if (pathname === '/phat-thanh/tai') {
          if (!result?.ok) throw new HttpError(404, desk.refused.notFound);
          const name = encodeURIComponent(result.bulletin.fileName);
          return reply(200, result.bulletin.text, 'text/plain; charset=utf-8', { 'Content-Disposition': `attachment; filename*=UTF-8''${name}` });
        }
        return reply(200, layout(deskPublish.radio.title, radioBulletinPage(query, result), { current: 'radio', token }));
      }
      if (pathname === '/dong-bo') {
        const body = sharedRepoPage(deskSettings().sharedRepository, lastSync(root, { stateDir }), token);
        return reply(200, layout(deskPublish.shared.title, body, { current: 'sync', token }));
      }
      if (pathname === '/_dia-danh') return reply(200, JSON.stringify(await findPlaces(url.searchParams.get('q') ?? '')), 'application/json; charset=utf-8');
      const [, route, id, sub, extra] = pathname.split('/');
      const editor = local ? decodeSafely(cookies.desk_editor ?? '') : actor.name;
      const records = Object.values(RECORDS).find((r) => r.route === route);
      if (records && (records.single ? id === 'lich-su' && sub === undefined : sub === 'lich-su')) {
        return reply(200, historyPage(ctx, await trackedRecord(ctx, records, records.single ? undefined : id), url, token));
      }
      if (records && sub === undefined) {
        if (!records.single && !id) return reply(200, await recordList(ctx, records, url, token));
        const record = await findRecord(ctx, records, id);
        if (!record) throw new HttpError(404, desk.refused.notFound);
        return reply(200, await recordPage(ctx, records, record, valuesOf(records.specs, record.data), editor, token));
      }
      const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
      if (!collection || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
      if (id === undefined || id === '') return reply(200, await listPage(index, collection, url, token));
      if (id === 'moi' && sub === undefined) return reply(200, await formPage(ctx, newState(collection, editor), token));
      if (sub === 'lich-su') return reply(200, historyPage(ctx, await trackedEntry(ctx, collection, id), url, token));
      if ((sub === 'phat-thanh' || sub === 'xem-trang' || sub === 'ap-phich') && collection.key === 'exemplars')
        return reply(200, await outputPage(ctx, collection, id, sub, token));
      if (sub !== undefined) throw new HttpError(404, desk.refused.notFound);
      const summary = await findEntry(collection, id);
      if (!summary) throw new HttpError(404, desk.refused.notFound);
      const text = readFileSync(absolute(summary.file), 'utf8');
      const state = stateFromFile(collection, id, text, editor);
      const done = url.searchParams.get('buoc');
      if (done && desk.workflow.done[done]) state.message = html`${desk.workflow.done[done]}`;
      else if (url.searchParams.has('luu')) state.message = html`${desk.form.savedAt(timeNow())}`;
      return reply(200, await formPage(ctx, state, token));
    }

    if (req.method !== 'POST') return reply(405, '', 'text/plain', { Allow: 'GET, HEAD, POST' });
    const body = await readBody(req);
    const [, route, id, sub, extra] = pathname.split('/');
    if (!cookies.desk_session) throw new HttpError(403, desk.refused.token);
    /** The form sent, refused unless it carries this session's token (CSRF), in its fields or its header. */
    const checkedForm = () => {
      const form = new URLSearchParams(body.toString('utf8'));
      if (!tokenMatches(form.get('csrf') ?? req.headers['x-csrf-token'], token)) throw new HttpError(403, desk.refused.token);
      return form;
    };
    if (pathname === '/xuat-ban') {
      requireRole('lanh-dao', 'quan-tri');
      checkedForm();
      publisher.start(actor.name || deskPublish.publish.localUser, { target: deskSettings().publishTarget });
      return reply(303, '', 'text/plain', { Location: '/xuat-ban' });
    }
    if (pathname === '/dong-bo' || pathname === '/dong-bo/giai-quyet') {
      requireRole('bien-tap-vien', 'lanh-dao', 'quan-tri');
      const form = checkedForm();
      const shared = deskSettings().sharedRepository;
      if (!shared) throw new HttpError(404, desk.refused.notFound);
      const author = (local ? typedEditor(form.get('editor')) : actor.name) || deskPublish.publish.localUser;
      const result =
        pathname === '/dong-bo'
          ? await syncShared(root, shared, env, { author, stateDir })
          : await resolveConflict(root, shared, mergedTexts(form.entries()), author, env, { stateDir });
      // What came from the other desks is read again from the files.
      index.touched();
      return reply(200, layout(deskPublish.shared.title, sharedRepoPage(shared, result, token), { current: 'sync', token }));
    }
    if (pathname === '/cai-dat-ban') {
      requireRole('quan-tri');
      const form = checkedForm();
      return reply(200, saveDeskSettings(stateDir, accounts, form, token));
    }
    if (pathname === '/tai-khoan') {
      requireRole('quan-tri');
      const form = checkedForm();
      return reply(200, changeAccount({ accounts, sessions }, form, token, local));
    }
    const records = Object.values(RECORDS).find((r) => r.route === route);
    const collection = Object.values(COLLECTIONS).find((c) => c.route === route);
    const readForm = () => {
      const form = checkedForm();
      // With accounts, the history names the person logged in, whatever the form says.
      if (!local) form.set('editor', actor.name);
      return form;
    };
    if (records && (records.single ? id === 'lich-su' && sub === undefined : sub === 'lich-su')) {
      requireRole(records.key === 'settings' ? 'quan-tri' : 'bien-tap-vien');
      return restore(ctx, await trackedRecord(ctx, records, records.single ? undefined : id), readForm(), res);
    }
    if (records && sub === undefined) {
      requireRole(records.key === 'settings' ? 'quan-tri' : 'bien-tap-vien');
      const form = readForm();
      const record = await findRecord(ctx, records, id);
      if (!record) throw new HttpError(404, desk.refused.notFound);
      return saveRecord(ctx, records, record, form, token, res);
    }
    if (!collection || !id || extra !== undefined) throw new HttpError(404, desk.refused.notFound);
    if (sub === 'anh') {
      requireRole('bien-tap-vien');
      return uploadPhoto(ctx, collection, id, { req, body, session: sessionId, token, res });
    }
    if (sub === 'tep' && collection.key === 'campaigns' && isEntryId(id)) {
      requireRole('bien-tap-vien');
      return uploadAttachment(ctx, collection, id, { req, body, session: sessionId, token, res });
    }
    if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, desk.refused.token);
    const form = readForm();
    const editor = typedEditor(form.get('editor'));
    if (local && editor) headers['Set-Cookie'] = `desk_editor=${encodeURIComponent(editor)}; Path=/; SameSite=Strict`;
    res.setHeader('Set-Cookie', headers['Set-Cookie'] ?? []);
    if (sub === 'trang-thai' && isEntryId(id)) return changeState(ctx, collection, id, form, token, res);
    // Previews change nothing: anyone who may read the entry may preview it.
    if (form.get('action') !== 'preview') requireRole('bien-tap-vien');
    if (sub === undefined && id === 'moi') return saveEntry(ctx, collection, undefined, form, token, res);
    if (!isEntryId(id)) throw new HttpError(404, desk.refused.notFound);
    if (sub === undefined) return saveEntry(ctx, collection, id, form, token, res);
    if (sub === 'gop') return saveMerged(ctx, collection, id, form, token, res);
    if (sub === 'lich-su') return restore(ctx, await trackedEntry(ctx, collection, id), form, res);
    if (sub === 'xoay-anh' && collection.key === 'exemplars') return turnPhoto(ctx, collection, id, form, res);
    throw new HttpError(404, desk.refused.notFound);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return send(res, error.status, layout(error.message, html`<h1>${error.message}</h1>`));
      if (error instanceof PathRefused) return send(res, 404, layout(desk.refused.notFound, html`<h1>${desk.refused.notFound}</h1>`));
      console.error(error);
      send(res, 500, layout('Lỗi', html`<h1>Có lỗi khi xử lý yêu cầu. Chưa có gì bị ghi đè; tải lại trang và thử lại.</h1>`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, lan ? '0.0.0.0' : '127.0.0.1', () => resolve());
  });
  // Read the lists and the entries they refer to while the editor opens the browser: the first save or list of
  // 10,000 exemplars then finds them in memory.
  void index
    .list('exemplars')
    .then(() => index.list('campaigns'))
    .then(() => index.reference())
    .catch(() => {});
  const actual = (server.address() as { port: number }).port;
  hosts = lan ? officeHosts(actual, deskSettings().hosts) : allowedHosts(actual);
  return {
    server,
    lan,
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    history,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The names an office browser may use for this computer: its addresses, its name, and those the settings add. */
export function officeHosts(port: number, extra: readonly string[] = []): Set<string> {
  const hosts = allowedHosts(port);
  const names = [hostname(), `${hostname()}.local`];
  for (const list of Object.values(networkInterfaces()))
    for (const address of list ?? []) names.push(address.family === 'IPv6' ? `[${address.address}]` : address.address);
  for (const name of names) hosts.add(`${name.toLowerCase()}:${port}`);
  for (const host of extra) hosts.add((host.includes(':') ? host : `${host}:${port}`).toLowerCase());
  return hosts;
}
