/**
 * The social group of an individual exemplar, a controlled list kept for the figures: plans ask to raise the share
 * of farmers, workers and other direct workers among those honoured (Thái Bình's plan for Chỉ thị 19/CT-TTg) and to
 * report it at each review. Labels live in the UI dictionary.
 */
export const SOCIAL_GROUPS = [
  /** Nông dân: works the land, raises livestock, fishes or grows forest. */
  'nong-dan',
  /** Công nhân: works for wages in a factory, a building site, a farm or forest enterprise. */
  'cong-nhan',
  /** Người lao động trực tiếp: others who work directly in production or services (a craftsman, a boatman, a trader). */
  'lao-dong-truc-tiep',
  /** Cán bộ, công chức, viên chức: works for the state, a public service (school, clinic) or a mass organisation. */
  'can-bo-cong-chuc-vien-chuc',
  /** Lực lượng vũ trang: army, police, militia and self-defence forces. */
  'luc-luong-vu-trang',
  /** Doanh nhân: runs a business or a cooperative. */
  'doanh-nhan',
  /** Học sinh, sinh viên: pupils and students. */
  'hoc-sinh-sinh-vien',
  /** Hưu trí: retired. */
  'huu-tri',
  /** Khác: none of the above, or not known. */
  'khac',
] as const;
export type SocialGroup = (typeof SOCIAL_GROUPS)[number];

/** The groups counted as direct workers (lao động trực tiếp) in the share the plans ask to raise. */
export const DIRECT_WORKER_GROUPS: readonly SocialGroup[] = ['nong-dan', 'cong-nhan', 'lao-dong-truc-tiep'];
