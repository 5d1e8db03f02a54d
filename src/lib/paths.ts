/** Every public URL of the site, built in one place so that the site also works under a sub-path base. */
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

/** Address of page n of a paginated list whose first page is `first` ("/nam/2022/" → "/nam/2022/3/"). */
export function pageUrl(first: string, n: number): string {
  return n === 1 ? first : `${first}${n}/`;
}

export const routes = {
  home: () => href('/'),
  exemplars: () => href('/dien-hinh/'),
  exemplar: (id: string) => href(`/dien-hinh/${id}/`),
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
  radio: () => href('/phat-thanh/'),
  radioScript: (id: string) => href(`/phat-thanh/dien-hinh/${id}/`),
  radioScriptText: (id: string) => href(`/phat-thanh/dien-hinh/${id}.txt`),
  radioCampaign: (id: string) => href(`/phat-thanh/phong-trao/${id}/`),
  radioCampaignText: (id: string) => href(`/phat-thanh/phong-trao/${id}.txt`),
  /** `month` is "2022-10". */
  radioMonth: (month: string) => href(`/phat-thanh/thang/${month}/`),
  radioMonthText: (month: string) => href(`/phat-thanh/thang/${month}.txt`),
  search: (params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    return href('/tim-kiem/') + (query ? `?${query}` : '');
  },
};
