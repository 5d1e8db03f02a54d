/** Every public URL of the site, built in one place so that the site also works under a sub-path base. */
import { FEED_FILES, type FeedFormat } from './names.ts';
import { searchListPath, type ListedFilter } from './search/lists.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site-relative path ("/dien-hinh/") prefixed with the configured base ("/guong-sang/dien-hinh/"). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

/**
 * ASCII address of an A–Z letter, spelt the Telex way Vietnamese users type it: Ă → aw, Â → aa, Đ → dd, Ê → ee,
 * Ô → oo, Ơ → ow, Ư → uw; "#" (names outside the alphabet) → khac.
 */
export function letterSlug(letter: string): string {
  const telex: Record<string, string> = { Ă: 'aw', Â: 'aa', Đ: 'dd', Ê: 'ee', Ô: 'oo', Ơ: 'ow', Ư: 'uw', '#': 'khac' };
  return telex[letter] ?? letter.toLowerCase();
}

/** The absolute address of a site path, on the public origin the site is built for (Astro's `site`). */
export function absoluteUrl(path: string, origin: URL | undefined): string {
  return new URL(path, origin).href;
}

/** An address as printed for people to type: without "https://". */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** Address of page n of a paginated list whose first page is `first` ("/nam/2022/" → "/nam/2022/3/"). */
export function pageUrl(first: string, n: number): string {
  return n === 1 ? first : `${first}${n}/`;
}

export const routes = {
  home: () => href('/'),
  exemplars: () => href('/dien-hinh/'),
  exemplar: (id: string) => href(`/dien-hinh/${id}/`),
  kind: (kind: string) => href(`/dien-hinh/loai/${kind}/`),
  campaigns: () => href('/phong-trao/'),
  campaign: (id: string) => href(`/phong-trao/${id}/`),
  places: () => href('/dia-phuong/'),
  place: (id: string) => href(`/dia-phuong/${id}/`),
  years: () => href('/nam/'),
  year: (year: number) => href(`/nam/${year}/`),
  awards: () => href('/khen-thuong/'),
  award: (id: string) => href(`/khen-thuong/${id}/`),
  fields: () => href('/linh-vuc/'),
  field: (id: string) => href(`/linh-vuc/${id}/`),
  az: () => href('/a-z/'),
  azLetter: (letter: string) => href(`/a-z/${letterSlug(letter)}/`),
  about: () => href('/gioi-thieu/'),
  /** How to report a mistake, propose an exemplar or ask for withdrawal. */
  feedback: () => href('/gop-y/'),
  /** Statistics section and its open data. */
  figures: () => href('/so-lieu/'),
  campaignFigures: (id: string) => href(`/so-lieu/phong-trao/${id}/`),
  figuresCsv: () => href('/so-lieu/so-lieu.csv'),
  figuresSharesCsv: () => href('/so-lieu/ti-le-lao-dong-truc-tiep.csv'),
  figuresJson: () => href('/so-lieu/so-lieu.json'),
  /** Radio texts of the figures of a year and of a campaign. */
  radioFiguresYear: (year: number) => href(`/phat-thanh/so-lieu/${year}.txt`),
  radioFiguresCampaign: (id: string) => href(`/phat-thanh/so-lieu/phong-trao/${id}.txt`),
  /** Commendation decisions: the index by year and issuer, and one page per decision. */
  decisions: () => href('/quyet-dinh/'),
  decision: (slug: string) => href(`/quyet-dinh/${slug}/`),
  /** A4 poster of one exemplar for a notice board. */
  poster: (id: string) => href(`/in/dien-hinh/${id}/`),
  /** Printable honour roll of a campaign. */
  honourRoll: (id: string) => href(`/in/phong-trao/${id}/`),
  /** JSON listings for other sites to embed. */
  embed: {
    exemplars: () => href('/nhung/dien-hinh.json'),
    campaign: (id: string) => href(`/nhung/phong-trao/${id}.json`),
    place: (id: string) => href(`/nhung/dia-phuong/${id}.json`),
  },
  radio: () => href('/phat-thanh/'),
  radioScript: (id: string) => href(`/phat-thanh/dien-hinh/${id}/`),
  radioScriptText: (id: string) => href(`/phat-thanh/dien-hinh/${id}.txt`),
  radioCampaign: (id: string) => href(`/phat-thanh/phong-trao/${id}/`),
  radioCampaignText: (id: string) => href(`/phat-thanh/phong-trao/${id}.txt`),
  /** `month` is "2022-10". */
  radioPlace: (id: string) => href(`/phat-thanh/dia-phuong/${id}/`),
  radioPlaceText: (id: string) => href(`/phat-thanh/dia-phuong/${id}.txt`),
  radioMonth: (month: string) => href(`/phat-thanh/thang/${month}/`),
  radioMonthText: (month: string) => href(`/phat-thanh/thang/${month}.txt`),
  /** A feed of the site, of a campaign or of a place, as RSS or JSON Feed. */
  feed: (format: FeedFormat, scope?: { campaign: string } | { place: string }) => {
    const folder = !scope ? href('/') : 'campaign' in scope ? href(`/phong-trao/${scope.campaign}/`) : href(`/dia-phuong/${scope.place}/`);
    return folder + FEED_FILES[format];
  },
  /** What the search page recognises in the words typed (lib/search/dictionary.ts). */
  searchDictionary: () => href('/tim-kiem/tu-dien.json'),
  /** The first page of the search filtered by one commune or campaign (lib/search/lists.ts). */
  searchList: (filter: ListedFilter, value: string) => href(searchListPath(filter, value)),
  search: (params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    return href('/tim-kiem/') + (query ? `?${query}` : '');
  },
};
