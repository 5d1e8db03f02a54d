/** The desk's login, its accounts and its settings: their pages and what their forms do. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { desk } from '../i18n/desk.ts';
import { toNfc } from '../lib/text.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { ROLES, type Accounts, type Role } from './accounts.ts';
import { deskSettingsSchema, readDeskSettings, writeDeskSettings, type DeskSettings } from './desk-settings.ts';
import { tokenMatches } from './guard.ts';
import { HttpError, safeNext, send, sessionCookie } from './http.ts';
import { currentRequest } from './request.ts';
import type { LoginLimiter, Sessions } from './sessions.ts';

export function loginPage(token: string, next: string, message = '', username = ''): string {
  const a = desk.account;
  const main = html`<h1>${a.loginTitle}</h1>
    ${message ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><p>${message}</p></div>` : ''}
    <form method="post" action="/dang-nhap" class="login">
      <input type="hidden" name="csrf" value="${token}" />
      <input type="hidden" name="tiep" value="${safeNext(next)}" />
      <div class="field"><label for="l-username">${a.username}</label><input type="text" id="l-username" name="username" value="${username}" autocomplete="username" autocapitalize="none" spellcheck="false" required /></div>
      <div class="field"><label for="l-password">${a.password}</label><input type="password" id="l-password" name="password" autocomplete="current-password" required /></div>
      <button type="submit">${a.login}</button>
    </form>`;
  return layout(a.loginTitle, main, { token });
}

export function accountsPage(accounts: Accounts, token: string, local: boolean, message = ''): string {
  const a = desk.account;
  const list = accounts.all();
  const main = html`<h1>${a.accountsTitle}</h1>
    ${message ? html`<div class="notice" role="status">${message}</div>` : ''}
    ${local ? html`<p>${a.localMode}</p>` : ''}
    <p>${a.accountsIntro}</p>
    <pre>npm run desk:account -- them --ten thu --ho-ten "Nguyễn Minh Thư" --vai-tro bien-tap-vien
npm run desk:account -- doi-mat-khau --ten thu</pre>
    ${list.map(
      (account) => html`<section class="account" aria-labelledby="acc-${account.username}">
        <h2 id="acc-${account.username}">${account.name} <span class="hint">(${account.username})</span></h2>
        <form method="post" action="/tai-khoan">
          <input type="hidden" name="csrf" value="${token}" /><input type="hidden" name="username" value="${account.username}" />
          <fieldset>
            <legend>${a.roles}</legend>
            ${ROLES.map(
              (role) =>
                html`<label><input type="checkbox" name="roles" value="${role}" ${account.roles.includes(role) ? html`checked` : ''} /> ${desk.roles[role]}</label> `,
            )}
          </fieldset>
          <button type="submit" name="action" value="roles">${a.saveRoles}</button>
          <button type="submit" name="action" value="remove" class="danger">${a.remove}</button>
        </form>
      </section>`,
    )}`;
  return layout(a.accountsTitle, main, { current: 'accounts', token });
}

export function deskSettingsPage(deskSettings: () => DeskSettings, token: string, message = '', problem = ''): string {
  const d = desk.deskSettings;
  const settings = deskSettings();
  const check = (name: string, label: string, hint: string, on: boolean) =>
    html`<div class="field checkbox"><input type="checkbox" id="s-${name}" name="${name}" value="1" ${on ? html`checked` : ''} aria-describedby="s-${name}-hint" /><label for="s-${name}">${label}</label><p class="hint" id="s-${name}-hint">${hint}</p></div>`;
  const text = (name: string, label: string, hint: string, value = '') =>
    html`<div class="field"><label for="s-${name}">${label}</label><p class="hint" id="s-${name}-hint">${hint}</p><input type="text" id="s-${name}" name="${name}" value="${value}" aria-describedby="s-${name}-hint" /></div>`;
  const main = html`<h1>${desk.nav.deskSettings}</h1>
    ${message ? html`<div class="notice" role="status">${message}</div>` : ''}
    ${problem ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><p>${problem}</p></div>` : ''}
    <p>${d.intro}</p>
    <form method="post" action="/cai-dat-ban" novalidate>
      <input type="hidden" name="csrf" value="${token}" />
      ${check('selfApproval', d.selfApproval, d.selfApprovalHint, settings.selfApproval)}
      ${check('lan', d.lan, d.lanHint, settings.lan)}
      ${text('hosts', d.hosts, d.hostsHint, settings.hosts.join(' '))}
      ${text('folder', d.folder, d.folderHint, settings.publishTarget?.folder)}
      ${text('rsync', d.rsync, d.rsyncHint, settings.publishTarget?.rsync)}
      ${text('remote', d.remote, d.remoteHint, settings.sharedRepository?.remote)}
      ${text('branch', d.branch, d.branchHint, settings.sharedRepository?.branch ?? 'main')}
      <div class="save-bar"><button type="submit">${desk.form.save}</button></div>
    </form>`;
  return layout(desk.nav.deskSettings, main, { current: 'deskSettings', token });
}

/** What logging in and changing accounts work with. */
export interface AccountTools {
  accounts: Accounts;
  sessions: Sessions;
  limiter: LoginLimiter;
}

/** The stamp of an account's password in its sessions: a session of a password since changed is no longer valid. */
export const stampOf = (accounts: Accounts, username: string) => accounts.find(username)?.password.slice(-24);

/** A login form sent: refused while the name or address waits after failures, a new session when it is right. */
export async function login(
  { accounts, sessions, limiter }: AccountTools,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  { sent, token, headers }: { sent: string; token: string; headers: Record<string, string> },
) {
  const form = new URLSearchParams(body.toString('utf8'));
  if (!sent || !tokenMatches(form.get('csrf'), token)) throw new HttpError(403, desk.refused.token);
  const username = toNfc((form.get('username') ?? '').trim().toLowerCase()).slice(0, 64);
  const password = form.get('password') ?? '';
  const next = form.get('tiep') ?? '';
  const address = req.socket.remoteAddress ?? '';
  const wait = limiter.waitSeconds(username, address);
  if (wait > 0) return send(res, 429, loginPage(token, next, desk.account.loginWait(wait), username), undefined, { ...headers, 'Retry-After': String(wait) });
  const account = await accounts.verify(username, password);
  if (!account) {
    limiter.failed(username, address);
    return send(res, 401, loginPage(token, next, desk.account.loginFailed, username), undefined, headers);
  }
  limiter.succeeded(username);
  sessions.end(sent);
  const session = sessions.start(account.username, stampOf(accounts, account.username));
  return send(res, 303, '', 'text/plain', { Location: safeNext(next), 'Set-Cookie': sessionCookie(session.id, sessions.maxAgeSeconds) });
}

/** An administrator's change of an account's roles, or its removal; never one's own last administrator role. */
export function changeAccount(
  { accounts, sessions }: Pick<AccountTools, 'accounts' | 'sessions'>,
  form: URLSearchParams,
  token: string,
  local: boolean,
): string {
  const username = form.get('username') ?? '';
  const { actor } = currentRequest();
  if (!accounts.find(username)) throw new HttpError(404, desk.refused.notFound);
  const roles = form.getAll('roles').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const self = actor?.username === username;
  if (form.get('action') === 'remove') {
    if (self) return accountsPage(accounts, token, local, desk.account.notSelf);
    accounts.remove(username);
    sessions.endAllOf(username);
    return accountsPage(accounts, token, local, desk.account.removed(username));
  }
  if (self && !roles.includes('quan-tri')) return accountsPage(accounts, token, local, desk.account.notSelf);
  if (roles.length === 0) return accountsPage(accounts, token, local, desk.account.needsRole);
  accounts.setRoles(username, roles);
  return accountsPage(accounts, token, local, desk.account.rolesSaved(username));
}

/** The desk's settings as an administrator sent them, saved if they are valid. */
export function saveDeskSettings(stateDir: string, accounts: Accounts, form: URLSearchParams, token: string): string {
  const deskSettings = () => readDeskSettings(stateDir);
  const value = (name: string) => (form.get(name) ?? '').trim();
  const candidate = {
    lan: form.get('lan') === '1',
    hosts: value('hosts')
      .split(/[\s,]+/)
      .filter(Boolean),
    selfApproval: form.get('selfApproval') === '1',
    ...(value('folder') || value('rsync')
      ? { publishTarget: { ...(value('folder') ? { folder: value('folder') } : {}), ...(value('rsync') ? { rsync: value('rsync') } : {}) } }
      : {}),
    ...(value('remote') ? { sharedRepository: { remote: value('remote'), branch: value('branch') || 'main' } } : {}),
  };
  const parsed = deskSettingsSchema.safeParse(candidate);
  if (!parsed.success) return deskSettingsPage(deskSettings, token, '', desk.deskSettings.invalid(parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
  if (parsed.data.lan && !accounts.any()) return deskSettingsPage(deskSettings, token, '', desk.deskSettings.lanNeedsAccount);
  writeDeskSettings(stateDir, parsed.data);
  return deskSettingsPage(deskSettings, token, desk.deskSettings.saved);
}
