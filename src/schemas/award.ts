/** The catalogue of commendation forms and titles, and an award granted to an exemplar. */
import { z } from 'astro/zod';
import { documentNumber, isoDate, level, slug, text, missingOr } from './common.ts';

/** Families of commendation under the Law on Emulation and Commendation 2022, plus local titles. */
export const AWARD_FAMILIES = [
  'huan-chuong',
  'huy-chuong',
  'danh-hieu-vinh-du',
  'giai-thuong',
  'ky-niem-chuong',
  'bang-khen',
  'giay-khen',
  'danh-hieu-thi-dua',
  'danh-hieu-dia-phuong',
] as const;

/** Who a form can honour. */
export const RECIPIENT_KINDS = ['ca-nhan', 'tap-the', 'ho-gia-dinh'] as const;

/** One form or title of the catalogue (content/awards.yaml). */
export function awardSchema() {
  return z.strictObject({
    /** Stable id used by exemplars, e.g. "bang-khen-chu-tich-ubnd-tinh". */
    id: slug(),
    /** Full name, e.g. "Bằng khen của Chủ tịch UBND tỉnh". */
    name: text({ max: 120 }),
    /** Family, used to group the awards archive. */
    family: z.enum(AWARD_FAMILIES, { error: missingOr(`Nhóm (family) phải là một trong: ${AWARD_FAMILIES.join(', ')}.`) }),
    /** Who may receive it. */
    recipients: z.array(z.enum(RECIPIENT_KINDS)).min(1),
    /** Legal source, e.g. "Luật Thi đua, khen thưởng 2022, Điều 74". */
    basis: text({ max: 200 }).optional(),
    /** One or two sentences shown on the award's archive page. */
    description: text({ max: 500 }).optional(),
  });
}

/** An award as granted to one exemplar, by a decision. */
export function awardGrant() {
  return z
    .strictObject({
      /** Id of the form or title in the catalogue. */
      award: slug(),
      /** Level of the body that granted it. */
      level: level(),
      /** Body that granted it, e.g. "Chủ tịch UBND huyện Quốc Oai". */
      issuer: text({ max: 150 }),
      /** Number and symbol of the decision, e.g. "1520/QĐ-UBND". */
      decision: documentNumber(),
      /** Date of the decision. */
      date: isoDate(),
      /** Awarded after death (truy tặng). */
      posthumous: z.boolean({ error: missingOr('posthumous phải là true hoặc false.') }).default(false),
      /** Set when the award was revoked; a revoked award is shown struck through with the revoking decision. */
      revoked: z
        .strictObject({
          /** Decision that revoked it. */
          decision: documentNumber(),
          /** Date of revocation. */
          date: isoDate(),
        })
        .optional(),
    })
    .refine((value) => !value.revoked || value.revoked.date >= value.date, {
      message: 'Ngày thu hồi đứng trước ngày khen thưởng.',
      path: ['revoked', 'date'],
    });
}

export type AwardData = z.output<ReturnType<typeof awardSchema>>;
export type AwardGrant = z.output<ReturnType<typeof awardGrant>>;
