/** Every public URL of the site, built in one place so that the site also works under a sub-path base. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site-relative path ("/dien-hinh/") prefixed with the configured base ("/guong-sang/dien-hinh/"). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
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
  about: () => href('/gioi-thieu/'),
};
