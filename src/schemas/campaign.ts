/** Emulation campaigns (phong trào thi đua) and the plans that launch them. */
import { z } from 'astro/zod';
import { documentRef, isoDate, level, namesake, period, publication, slug, text, missingOr } from './common.ts';
import { FIELDS } from './fields.ts';

/** "thuong-xuyen" (regular, year-round), "theo-dot" (by phase), "chuyen-de" (thematic). */
export const CAMPAIGN_KINDS = ['thuong-xuyen', 'theo-dot', 'chuyen-de'] as const;

function phase() {
  return z
    .strictObject({
      /** Name of the phase, e.g. "Đợt 1". */
      name: text({ max: 80 }),
      /** First day. */
      start: isoDate(),
      /** Last day. */
      end: isoDate(),
      /** What the phase aims at, e.g. greeting a holiday. */
      aims: text({ max: 600 }).optional(),
    })
    .refine((value) => value.end >= value.start, { message: 'Ngày kết thúc đứng trước ngày bắt đầu.', path: ['end'] });
}

function count() {
  return z.number({ error: missingOr('Số lượng (count) phải là số.') }).int().nonnegative();
}

export function campaignSchema() {
  return z
    .strictObject({
      /** Full title, e.g. "Phong trào thi đua “Người tốt, việc tốt” năm 2022". */
      title: text({ max: 250 }),
      /** Short title used in lists, cards and filters. */
      shortTitle: text({ max: 80 }),
      /** One or two sentences for lists, search results and page descriptions. */
      summary: text({ max: 400 }),
      /** Regular, by phase or thematic. */
      kind: z.enum(CAMPAIGN_KINDS, { error: missingOr(`Loại phong trào (kind) phải là một trong: ${CAMPAIGN_KINDS.join(', ')}.`) }),
      /** Body that launched it, e.g. "UBND huyện Quốc Oai". */
      issuer: text({ max: 150 }),
      /** Level of that body. */
      level: level(),
      /** Area the campaign covers. */
      place: slug(),
      /** The plan (kế hoạch) that launched it. */
      plan: documentRef({ dated: false }),
      /** Directives, decisions and plans the plan is based on ("Căn cứ…"). */
      legalBasis: z.array(documentRef()).default([]),
      /** Whole period of the campaign. */
      period: period(),
      /** Phases (đợt) with their dates. */
      phases: z.array(phase()).default([]),
      /** Dates of the mid-term (sơ kết) and final (tổng kết) reviews, where the plan sets them. */
      reviews: z
        .strictObject({
          /** Mid-term review. */
          midterm: isoDate().optional(),
          /** Final review. */
          final: isoDate().optional(),
        })
        .default({}),
      /** Who may take part. */
      participants: text({ max: 500 }),
      /** Criteria exemplars are measured against. */
      criteria: z.array(text({ max: 500 })).default([]),
      /** Id of the broader campaign this one carries out (national → provincial → local). */
      parent: slug().optional(),
      /** Broad movements the plan names, when they have no entry of their own. */
      movements: z.array(text({ max: 200 })).default([]),
      /** Fields the campaign concerns. */
      fields: z.array(z.enum(FIELDS, { error: missingOr(`Lĩnh vực (fields) phải là một trong: ${FIELDS.join(', ')}.`) })).default([]),
      /** Outcome counts once reviewed: by form of commendation and by commune. */
      results: z
        .strictObject({
          /** Date the counts were reported. */
          reported: isoDate(),
          /** Awards granted, by form. */
          byAward: z.array(z.strictObject({ /** Id in the awards catalogue. */ award: slug(), /** How many. */ count: count() })).default([]),
          /** Exemplars honoured, by commune. */
          byPlace: z.array(z.strictObject({ /** Id of the commune. */ place: slug(), /** How many. */ count: count() })).default([]),
          /** Optional comment. */
          note: text({ max: 500 }).optional(),
        })
        .optional(),
      /** Files published with the campaign, kept under public/tai-lieu/. */
      attachments: z
        .array(
          z.strictObject({
            /** Link text, e.g. "Toàn văn kế hoạch (PDF)". */
            title: text({ max: 150 }),
            /** File path under public/, e.g. "/tai-lieu/177-kh-ubnd.pdf". */
            file: z.string().regex(/^\/tai-lieu\/[a-z0-9._-]+$/, 'Tệp đính kèm phải nằm trong public/tai-lieu/, ví dụ "/tai-lieu/ke-hoach.pdf".'),
          }),
        )
        .default([]),
      /** People named in the summary who share the name of an unpublished exemplar, declared to be someone else. */
      namesakes: z.array(namesake()).default([]),
      /** Publication state and its approval. */
      publication: publication(),
      /** Date the page was first published. */
      published: isoDate(),
      /** Date of the last significant update. */
      updated: isoDate().optional(),
    })
    .refine((value) => value.phases.every((p) => p.start >= value.period.start && p.end <= value.period.end), {
      message: 'Mỗi đợt (phases) phải nằm trong thời gian của phong trào (period).',
      path: ['phases'],
    });
}

export type CampaignData = z.output<ReturnType<typeof campaignSchema>>;