/** The desk's login page, its accounts page and its settings page. */
import { desk } from '../i18n/desk.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { Accounts, ROLES } from './accounts.ts';
import type { DeskSettings } from './desk-settings.ts';
import { safeNext } from './http.ts';

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
