/** The controlled list of fields of work an exemplar can be filed under; labels live in the UI dictionary. */
export const FIELDS = [
  'nong-nghiep',
  'kinh-te',
  'giao-duc',
  'y-te',
  'an-ninh-trat-tu',
  'quoc-phong',
  'cuu-nguoi',
  'tu-thien',
  'chuyen-doi-so',
  'van-hoa',
  'the-thao',
  'moi-truong',
  'nong-thon-moi',
  'cai-cach-hanh-chinh',
] as const;
export type Field = (typeof FIELDS)[number];
