/** The list of a collection's entries in the desk, searched, filtered and sorted as the editor asks. */
import { ui } from '../i18n/vi.ts';
import { desk } from '../i18n/desk.ts';
import { html, type Html } from './html.ts';
import { layout } from './pages.ts';
import { queryList, type ContentIndex, type Summary } from './content-index.ts';
import { hasRole } from './request.ts';
import type { CollectionSetup } from './collection-setup.ts';

/** What the editor asked of the list, from the address: words, filters and page. */
function listQuery(url: URL) {
  return {
    q: url.searchParams.get('q') ?? '',
    status: url.searchParams.get('trang-thai') ?? '',
    place: url.searchParams.get('dia-phuong') ?? '',
    campaign: url.searchParams.get('phong-trao') ?? '',
    author: url.searchParams.get('nguoi-viet') ?? '',
    page: Number(url.searchParams.get('trang') ?? '1') || 1,
  };
}

type Query = ReturnType<typeof listQuery>;
const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));

function select(name: string, label: string, options: { value: string; label: string }[], value: string): Html {
  return html`<div class="field">
    <label for="l-${name}">${label}</label
    ><select id="l-${name}" name="${name}">
      <option value="">${desk.list.all}</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === value ? html` selected` : ''}>${o.label}</option>`)}
    </select>
  </div>`;
}

/** The search field and a filter for each of status, place, campaign (exemplars) and author, with their counts. */
function filtersForm(
  collection: CollectionSetup,
  list: readonly Summary[],
  query: Query,
  { counts, placeName, campaigns }: { counts: Map<string, number>; placeName: Map<string, string>; campaigns: { value: string; label: string }[] },
): Html {
  return html`<form method="get" action="/${collection.route}" class="filters" role="search">
    <div class="field">
      <label for="l-q">${desk.list.search}</label>
      <p class="hint" id="l-q-hint">${desk.list.searchHint}</p>
      <input type="search" id="l-q" name="q" value="${query.q}" aria-describedby="l-q-hint" />
    </div>
    ${select(
      'trang-thai',
      desk.list.status,
      distinct(list.map((s) => s.status)).map((v) => ({ value: v, label: `${desk.statuses[v] ?? v} (${counts.get(v) ?? 0})` })),
      query.status,
    )}
    ${select(
      'dia-phuong',
      desk.list.place,
      distinct(list.map((s) => s.place)).map((v) => ({ value: v, label: placeName.get(v) ?? v })),
      query.place,
    )}
    ${collection.key === 'exemplars' ? select('phong-trao', desk.list.campaign, campaigns, query.campaign) : ''}
    ${select(
      'nguoi-viet',
      desk.list.author,
      distinct(list.map((s) => s.author)).map((v) => ({ value: v, label: v })),
      query.author,
    )}
    <div class="actions"><button type="submit">${desk.list.apply}</button> <a href="/${collection.route}">${desk.list.clear}</a></div>
  </form>`;
}

/** The entries of one page of the list, or a sentence saying there are none. */
function entriesTable(collection: CollectionSetup, items: readonly Summary[], placeName: Map<string, string>): Html {
  if (items.length === 0) return html`<p>${desk.list.none}</p>`;
  return html`<table class="entries">
    <thead>
      <tr>
        <th scope="col">${desk.list.name}</th>
        <th scope="col">${desk.list.status}</th>
        <th scope="col">${desk.list.place}</th>
        <th scope="col">${desk.list.author}</th>
        <th scope="col">${desk.list.changed}</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (s) =>
          html`<tr>
            <td>
              <a href="/${collection.route}/${s.id}">${s.name}</a>${s.broken ? html` <span class="badge badge-error">${desk.list.broken}</span>` : ''}
            </td>
            <td><span class="badge badge-${s.status || 'none'}">${desk.statuses[s.status] ?? s.status}</span></td>
            <td>${placeName.get(s.place) ?? s.place}</td>
            <td>${s.author}</td>
            <td>${new Date(s.changed).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Links to the previous and next pages of a list longer than one page. */
function pagination(url: URL, { page, pages }: { page: number; pages: number }): Html | '' {
  if (pages <= 1) return '';
  const pageLink = (to: number) => {
    const next = new URL(url);
    next.searchParams.set('trang', String(to));
    return `${next.pathname}${next.search}`;
  };
  return html`<nav aria-label="${desk.list.pagination}" class="pages">
    <p>${desk.list.page(page, pages)}</p>
    ${page > 1 ? html`<a href="${pageLink(page - 1)}">${desk.list.previous}</a> ` : ''}${page < pages ? html`<a href="${pageLink(page + 1)}">${desk.list.next}</a>` : ''}
  </nav>`;
}

export async function listPage(index: ContentIndex, collection: CollectionSetup, url: URL, token: string): Promise<string> {
  const list = await index.list(collection.key);
  const query = listQuery(url);
  const result = queryList(list, query);
  const ref = await index.reference();
  const placeName = new Map(ref.places.map((p) => [p.id, `${ui.placeTypes[p.data.type]} ${p.data.name}`]));
  const campaigns = ref.campaigns.map((c) => ({ value: c.id, label: c.data.shortTitle }));
  const counts = new Map<string, number>();
  for (const s of list) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const waiting = counts.get('cho-duyet');
  const main = html`<h1>${desk.collections[collection.key]}</h1>
    <p>
      <a class="button" href="/${collection.route}/moi">${desk.list.newOf[collection.key]}</a>
      ${hasRole('lanh-dao') && waiting ? html` <a class="button" href="/${collection.route}?trang-thai=cho-duyet">${desk.workflow.waiting(waiting)}</a>` : ''}
    </p>
    ${filtersForm(collection, list, query, { counts, placeName, campaigns })}
    <p role="status">${desk.list.count(result.total)}</p>
    ${entriesTable(collection, result.items, placeName)} ${pagination(url, result)}`;
  return layout(desk.collections[collection.key], main, { current: collection.key, token });
}
