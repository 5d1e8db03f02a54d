/** The frame of every desk page: one stylesheet and one script, both files of the desk, nothing inline. */
import { html, type Html } from './html.ts';
import { desk } from '../i18n/desk.ts';

export function layout(title: string, main: Html, { current = '', token = '' }: { current?: string; token?: string } = {}): string {
  const link = (href: string, label: string, key: string) => html`<li><a href="${href}" ${current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
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
          <nav aria-label="${desk.nav.label}">
            <ul>
              ${link('/dien-hinh', desk.nav.exemplars, 'exemplars')}${link('/phong-trao', desk.nav.campaigns, 'campaigns')}${link('/dia-danh', desk.nav.places, 'places')}${link('/khen-thuong', desk.nav.awards, 'awards')}${link('/cai-dat', desk.nav.settings, 'settings')}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${main}</main>
      </body>
    </html>`.text
  }\n`;
}

/** A page in the site's own stylesheet, for the story as it will read once published. */
export function sitePreview(title: string, main: Html, back: string): string {
  return `<!doctype html>${
    html`<html lang="vi">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} · ${desk.title}</title>
<link rel="stylesheet" href="/_desk/site.css" />
</head>
<body>
<header><p><a href="${back}">${desk.outputs.back}</a></p><p>${desk.outputs.pageNote}</p></header>
<main id="main">${main}</main>
</body>
</html>`.text
  }\n`;
}
