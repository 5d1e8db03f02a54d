/**
 * The search page: reads the state from the URL (?q=…&xa=…&phong-trao=…&sap-xep=…), asks Pagefind, shows facets
 * with counts and results as cards, and writes every change back to the URL so that a search can be shared,
 * bookmarked and navigated with back and forward. Words typed that name a place, a campaign, an award, a field or
 * a year are understood as filters (lib/search/recognize.ts), shown above the results with a button to search them
 * as text instead (?theo-chu=1). All text goes into the page as text nodes, never as HTML.
 */
import {
  describe,
  filterName,
  filterValues,
  mergeDictionaries,
  type pageOf,
  type Recognised,
  type RecognitionText,
  type SearchDictionary,
} from '../lib/search/recognize.ts';
import { listedBrowse, listedFilter, searchUnderstood } from '../lib/search/understood.ts';
import { RANKING } from '../lib/search/query.ts';
import { PAGE_SIZE, searchListPath, type ListedFilter, type SearchList } from '../lib/search/lists.ts';

interface Config {
  labels: Record<string, Record<string, string>>;
  filterNames: Record<string, string>;
  text: {
    loading: string;
    prompt: string;
    none: string;
    failed: string;
    clear: string;
    active: string;
    count: string;
    campaignKind: string;
    placeKind: string;
    recognition: RecognitionText & { understood: string; undo: string; asText: string; understand: string };
  };
  indexUrl: string;
  dictionaryUrl: string;
  /** This site's root, below which its search lists are (lib/search/lists.ts). */
  root: string;
  pages: Record<'dia-phuong' | 'phong-trao', string>;
  otherSites: { name: string; path: string }[];
}
interface ResultData {
  url: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, string> }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (indexPath: string, options: Record<string, unknown>) => Promise<void>;
}

const config: Config = JSON.parse(document.getElementById('cau-hinh-tim-kiem')!.textContent!);
const form = document.getElementById('tim-kiem') as HTMLFormElement;
const queryInput = form.elements.namedItem('q') as HTMLInputElement;
const sortSelect = form.elements.namedItem('sap-xep') as HTMLSelectElement;
const status = document.getElementById('trang-thai')!;
const resultsList = document.getElementById('ket-qua')!;
const help = document.getElementById('goi-y')!;
const moreButton = document.getElementById('xem-them') as HTMLButtonElement;
const activeFilters = document.getElementById('loc-dang-chon')!;
const clearButton = document.getElementById('bo-het-loc') as HTMLButtonElement;
const recognisedBox = document.getElementById('da-hieu')!;
const recognisedButton = document.getElementById('bo-hieu') as HTMLButtonElement;
const choices = document.getElementById('lua-chon')!;
const countText = (n: number) => config.text.count.replace('{n}', new Intl.NumberFormat('vi-VN').format(n));

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ config.indexUrl).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24, ranking: RANKING });
    // Another site's results come with addresses on that site, under its path.
    for (const other of config.otherSites) await module.mergeIndex(`${other.path}pagefind/`, {});
    // Loading the filter index once makes every search report facet counts.
    await module.filters();
    return module;
  });
  return pagefind;
}

const EMPTY: SearchDictionary = { placeTypes: {}, communeTypes: [], places: [], campaigns: [], awards: [], fields: [], years: [] };
let dictionary: Promise<SearchDictionary> | undefined;
/**
 * This site's dictionary and those of the sites whose indexes are merged, so that a commune of another site typed
 * as words filters there too. A dictionary that cannot be had (a site built before it existed) leaves its words to
 * the text search.
 */
function loadDictionary(): Promise<SearchDictionary> {
  const one = (url: string) =>
    fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<SearchDictionary>) : EMPTY))
      .catch(() => EMPTY);
  dictionary ??= Promise.all([one(config.dictionaryUrl), ...config.otherSites.map((other) => one(`${other.path}tim-kiem/tu-dien.json`))]).then(
    mergeDictionaries,
  );
  return dictionary;
}

/**
 * The first page of a commune's or a campaign's browse, written with the site (`site`: 0 for this one, n for the
 * n-th of `otherSites`). A list that cannot be had (a site built before lists existed) leaves the browse to Pagefind.
 */
async function loadList(site: number, filter: ListedFilter, value: string): Promise<SearchList | undefined> {
  const root = site === 0 ? config.root : config.otherSites[site - 1]!.path;
  try {
    const response = await fetch(root + searchListPath(filter, value));
    const list = response.ok ? ((await response.json()) as SearchList) : undefined;
    return list && typeof list.count === 'number' && Array.isArray(list.results) ? list : undefined;
  } catch {
    return undefined;
  }
}

interface State {
  q: string;
  filters: Record<string, string[]>;
  sort: string;
  /** The words are searched as text, without being understood as filters (?theo-chu=1). */
  literal: boolean;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const name of Object.keys(config.filterNames)) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sap-xep') ?? '', literal: params.get('theo-chu') === '1' };
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  if (state.sort) params.set('sap-xep', state.sort);
  if (state.literal && state.q) params.set('theo-chu', '1');
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '');
}

function formState(): State {
  const data = new FormData(form);
  const filters: Record<string, string[]> = {};
  for (const name of Object.keys(config.filterNames)) {
    const values = data.getAll(name).map(String);
    if (values.length > 0) filters[name] = values;
  }
  const q = String(data.get('q') ?? '').trim();
  // New words are understood afresh; a change of filters or sort keeps the choice to search as text.
  const current = readState();
  return { q, filters, sort: String(data.get('sap-xep') ?? ''), literal: current.literal && current.q === q };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Facets with counts; chosen values stay listed even when the current search has none of them. */
function renderFacets(counts: Record<string, Record<string, number>>, state: State) {
  for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const name = fieldset.dataset.facet!;
    const chosen = new Set(state.filters[name] ?? []);
    const values = Object.entries(counts[name] ?? {}).filter(([value, n]) => n > 0 || chosen.has(value));
    for (const value of chosen) if (!values.some(([v]) => v === value)) values.push([value, 0]);
    const label = (value: string) => config.labels[name]?.[value] ?? value;
    values.sort(([a, na], [b, nb]) => nb - na || label(a).localeCompare(label(b), 'vi'));
    const container = fieldset.querySelector('.facet-options')!;
    container.replaceChildren(
      ...values.map(([value, n]) => {
        const id = `loc-${name}-${value}`;
        const box = element('input', { type: 'checkbox', name, value, id, checked: chosen.has(value) });
        return element('p', {}, box, ' ', element('label', { htmlFor: id }, `${label(value)} (${n})`));
      }),
    );
    fieldset.hidden = values.length === 0;
  }
}

const pageUrl = (page: NonNullable<ReturnType<typeof pageOf>>) =>
  page.site === 0 ? `${config.pages[page.section]}${page.id}/` : `${config.otherSites[page.site - 1]!.path}${page.section}/${page.id}/`;

/** The page of what the words named (a place, a campaign), listed first when the words were that name alone. */
function renderPage(page: NonNullable<ReturnType<typeof pageOf>>): HTMLElement {
  const kind = page.section === 'dia-phuong' ? config.text.placeKind : config.text.campaignKind;
  const body = element(
    'div',
    { className: 'card-body' },
    element('h2', {}, element('a', { href: pageUrl(page) }, page.title)),
    element('p', {}, element('span', { className: 'tag' }, kind)),
  );
  return element('li', {}, element('article', { className: 'card' }, body));
}

/**
 * What the words were understood as, with one button to search them as text instead; or, when some words name
 * several things, the choices, each a link to the search with that filter chosen.
 */
function renderRecognition(state: State, d: SearchDictionary | undefined, recognised: Recognised[], candidates: Recognised[], leftover: string) {
  const text = config.text.recognition;
  const line = recognisedBox.querySelector('p')!;
  const label = line.querySelector('span')!;
  choices.hidden = candidates.length === 0;
  if (d && candidates.length > 0) {
    choices.querySelector('ul')!.replaceChildren(
      ...candidates.map((c) => {
        const chosen = { ...state, q: leftover, literal: false, filters: { ...state.filters, [filterName(c)]: filterValues(d, c) } };
        const link = element('a', { href: stateUrl(chosen) }, describe(d, c, text));
        link.addEventListener('click', (event) => {
          event.preventDefault();
          navigate(chosen);
        });
        return element('li', {}, link);
      }),
    );
  }
  if (state.literal) {
    label.replaceChildren(text.asText);
    recognisedButton.textContent = text.understand;
    recognisedButton.onclick = () => navigate({ ...state, literal: false });
  } else {
    label.replaceChildren(text.understood, ' ', ...(d ? recognised.map((r) => element('span', { className: 'chip' }, describe(d, r, text))) : []));
    recognisedButton.textContent = text.undo;
    recognisedButton.onclick = () => navigate({ ...state, literal: true });
  }
  line.hidden = recognised.length === 0;
  recognisedBox.hidden = recognised.length === 0 && candidates.length === 0;
}

function renderResult(data: ResultData): HTMLElement {
  const body = element('div', { className: 'card-body' }, element('h2', {}, element('a', { href: data.url }, data.meta.title ?? data.url)));
  const otherSite = config.otherSites.find((other) => data.url.startsWith(other.path));
  const tags = [otherSite?.name, data.meta.kind, data.meta.award].filter(Boolean) as string[];
  if (tags.length > 0) body.append(element('p', {}, ...tags.map((t) => element('span', { className: 'tag' }, t))));
  for (const line of [data.meta.place, data.meta.campaign]) if (line) body.append(element('p', { className: 'muted' }, line));
  if (data.meta.citation) body.append(element('p', {}, data.meta.citation));
  const card = element('article', { className: 'card' });
  if (data.meta.image) card.append(element('img', { src: data.meta.image, alt: '', width: 160, height: 120, loading: 'lazy', className: 'result-thumb' }));
  card.append(body);
  return element('li', {}, card);
}

let current = 0;
// Long because it is one search from state to screen, which a newer search may interrupt at each await.
async function run(state: State) {
  const run = ++current;
  queryInput.value = state.q;
  sortSelect.value = state.sort;
  const hasFilters = Object.keys(state.filters).length > 0;
  // The chosen filters in one line above the results, with one button to drop them all; the panel stays as it was.
  activeFilters.hidden = !hasFilters;
  activeFilters.querySelector('span')!.textContent = `${config.text.active} ${Object.entries(state.filters)
    .flatMap(([name, values]) => values.map((value) => config.labels[name]?.[value] ?? value))
    .join('; ')}`;
  clearButton.onclick = () => navigate({ ...state, filters: {} });
  help.hidden = true;
  moreButton.hidden = true;
  if (!state.q) recognisedBox.hidden = true;
  const sort: Record<string, string> | undefined = state.sort === 'moi-nhat' ? { date: 'desc' } : state.sort === 'ten' ? { name: 'asc' } : undefined;
  const asked = { q: state.q, filters: state.filters, literal: state.literal, sort };
  // Fetched while Pagefind loads, not after.
  const dictionaryLoaded = state.q ? loadDictionary() : undefined;
  const path = (url: string) => new URL(url, location.href).pathname;
  /** Addresses listed so far, from a search list or from Pagefind, so that none is listed twice. */
  const seen = new Set<string>();
  let answered = false;
  let fromList: SearchList | undefined;
  // A commune or a campaign alone, typed or chosen as the only filter: its first page is shown from its list while
  // Pagefind evaluates the filter.
  const showList = (list: SearchList, leading: HTMLElement[]) => {
    fromList = list;
    resultsList.replaceChildren(...leading);
    for (const data of list.results) {
      if (seen.has(path(data.url))) continue;
      seen.add(path(data.url));
      resultsList.append(renderResult(data));
    }
    // Another site's index may hold the same value: the count is then Pagefind's to tell.
    status.textContent = config.otherSites.length === 0 ? countText(list.count) : config.text.loading;
  };
  void dictionaryLoaded?.then(async (d) => {
    const browse = listedBrowse(d, asked);
    const list = browse && (await loadList(browse.page.site, browse.filter, browse.value));
    if (!browse || !list || answered || run !== current) return;
    renderRecognition(state, d, [browse.recognised], [], state.q);
    seen.add(path(pageUrl(browse.page)));
    showList(list, [renderPage(browse.page)]);
  });
  const chosen = listedFilter(asked);
  if (chosen) {
    void loadList(0, chosen.filter, chosen.value).then((list) => {
      if (list && !answered && run === current) showList(list, []);
    });
  }
  let search: Pagefind;
  try {
    search = await loadPagefind();
  } catch {
    status.textContent = config.text.failed;
    return;
  }
  if (!state.q && !hasFilters) {
    resultsList.replaceChildren();
    renderFacets(await search.filters(), state);
    status.textContent = config.text.prompt;
    return;
  }
  if (!fromList) status.textContent = config.text.loading;
  const d = await dictionaryLoaded;
  if (run !== current) return;
  const { response, recognition, recognised, pages } = await searchUnderstood(search, d, asked);
  if (run !== current || !response) return;
  answered = true;
  renderRecognition(
    state,
    d,
    state.literal ? (recognition?.recognised ?? []) : recognised,
    recognition?.candidates ?? [],
    recognition?.leftoverAfterChoice ?? state.q,
  );
  renderFacets(response.filters, state);
  const results = response.results;
  // What the list showed is Pagefind's first page; should the counts differ (another site's index holding the same
  // value), Pagefind's first page is shown too, without what the list already showed.
  let shown = fromList && fromList.count === results.length ? fromList.results.length : 0;
  if (!fromList) {
    resultsList.replaceChildren(...pages.map(renderPage));
    for (const page of pages) seen.add(path(pageUrl(page)));
  }
  const showMore = async () => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    // Asked all at once, shown in order as each arrives, so that the first result does not wait for the last.
    const loading = next.map((r) => r.data());
    for (const item of loading) {
      const data = await item;
      if (run !== current) return;
      if (seen.has(path(data.url))) continue;
      seen.add(path(data.url));
      resultsList.append(renderResult(data));
    }
    moreButton.hidden = shown >= results.length;
  };
  moreButton.onclick = () => void showMore();
  if (shown > 0) moreButton.hidden = shown >= results.length;
  else await showMore();
  if (run !== current) return;
  status.textContent = results.length + pages.length === 0 ? config.text.none : countText(results.length);
  help.hidden = results.length + pages.length > 0;
}

function navigate(state: State, replace = false) {
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  void run(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(formState());
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).matches('input[type=checkbox], select')) navigate(formState());
});
let typing: ReturnType<typeof setTimeout> | undefined;
queryInput.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => navigate(formState(), true), 350);
});
window.addEventListener('popstate', () => void run(readState()));

void run(readState());
