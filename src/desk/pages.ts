/** The frame of every desk page: one stylesheet and one script, both files of the desk, nothing inline. */
import { html, type Html } from './html.ts';
import { desk } from '../i18n/desk.ts';
import { currentRequest } from './request.ts';
import { deskPublish } from '../i18n/desk-publish.ts';

/** Who is at the desk, and the way out; on a desk without accounts, that the one user on this computer may do everything. */
function who(token: string): Html | '' {
  const { actor, local } = currentRequest();
  if (local) return html`<p class="who"><a href="/tai-khoan">${desk.account.localShort}</a></p>`;
  if (!actor) return '';
  return html`<div class="who">
    <p>${desk.account.signedInAs(actor.name, actor.roles.map((role) => desk.roles[role]).join(', '))}</p>
    <form method="post" action="/dang-xuat"><input type="hidden" name="csrf" value="${token}" /><button type="submit" class="secondary">${desk.account.logout}</button></form>
  </div>`;
}

export function layout(title: string, main: Html, { current = '', token = '' }: { current?: string; token?: string } = {}): string {
  const link = (href: string, label: string, key: string) => html`<li><a href="${href}" ${current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const { actor } = currentRequest();
  const admin = actor?.roles.includes('quan-tri');
  const publisher = admin || actor?.roles.includes('lanh-dao');
  return `<!doctype html>${
    html`<html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content="${token}" />
        <title>${title} · ${desk.title}</title>
        <link rel="stylesheet" href="/_desk/desk.css" />
        <script src="/_desk/desk.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">${desk.skip}</a>
        <header class="top">
          <p class="brand"><a href="/">${desk.title}</a></p>
          ${
            actor
              ? html`<nav aria-label="${desk.nav.label}">
                  <ul>
                    ${link('/dien-hinh', desk.nav.exemplars, 'exemplars')}${link('/phong-trao', desk.nav.campaigns, 'campaigns')}${link('/dia-danh', desk.nav.places, 'places')}${link('/khen-thuong', desk.nav.awards, 'awards')}${link('/cai-dat', desk.nav.settings, 'settings')}${publisher ? link('/xuat-ban', deskPublish.publish.title, 'publish') : ''}${link('/phat-thanh', deskPublish.radio.title, 'radio')}${link('/dong-bo', desk.nav.sync, 'sync')}${admin ? html`${link('/tai-khoan', desk.nav.accounts, 'accounts')}${link('/cai-dat-ban', desk.nav.deskSettings, 'deskSettings')}` : ''}
                  </ul>
                </nav>`
              : ''
          }
          ${who(token)}
        </header>
        <main id="main" tabindex="-1">${main}</main>
      </body>
    </html>`.text
  }\n`;
}

/** A page in the site's own stylesheet, for the story as it will read once published. */
export function sitePreview(title: string, main: Html, back: string, { print = false } = {}): string {
  return `<!doctype html>${
    html`<html lang="vi">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} · ${desk.title}</title>
<link rel="stylesheet" href="/_desk/site.css" />
${print ? html`<link rel="stylesheet" href="/_desk/print-sheet.css" />` : ''}
</head>
<body>
<header><p><a href="${back}">${desk.outputs.back}</a></p><p>${desk.outputs.pageNote}</p></header>
<main id="main">${main}</main>
</body>
</html>`.text
  }\n`;
}
