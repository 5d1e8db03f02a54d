/** Emulation campaigns (phong trào thi đua) and the plans that launch them. */
import { z } from 'astro/zod';
import { documentRef, isoDate, level, namesake, partialDate, period, publication, slug, text, missingOr } from './common.ts';
import { FIELDS } from './fields.ts';
import { firstDay, lastDay } from '../lib/dates.ts';

/** "thuong-xuyen" (regular, year-round), "theo-dot" (by phase), "chuyen-de" (thematic). */
export const CAMPAIGN_KINDS = ['thuong-xuyen', 'theo-dot', 'chuyen-de'] as const;

function phase() {
  return z
    .strictObject({
      /** Name of the phase, e.g. "Đợt 1". */
      name: text({ max: 80 }),
      /** First day, or the month or year the plan gives ("từ đầu năm" is 1 January). */
      start: partialDate(),
      /** Last day, or the month or year the plan gives ("đến hết năm" is 31 December). */
      end: partialDate(),
      /** What the phase aims at, e.g. greeting a holiday. */
      aims: text({ max: 600 }).optional(),
    })
    .refine((value) => lastDay(value.end) >= firstDay(value.start), { message: 'Ngày kết thúc đứng trước ngày bắt đầu.', path: ['end'] });
}

function count() {
  return z
    .number({ error: missingOr('Số lượng (count) phải là số.') })
    .int()
    .nonnegative();
}

/**
 * Statements of an entry that cite the part of the plan they come from, with the words editors and messages use
 * for them. Fields that hold lists may cite one section for all their items or one per item.
 */
export const SOURCED_STATEMENTS = {
  title: 'tên phong trào (title)',
  summary: 'tóm tắt (summary)',
  body: 'phần nội dung viết sau dòng --- thứ hai',
  issuer: 'cơ quan phát động (issuer)',
  plan: 'thông tin kế hoạch (plan)',
  legalBasis: 'căn cứ (legalBasis)',
  period: 'thời gian (period)',
  phases: 'các đợt (phases)',
  reviews: 'sơ kết, tổng kết (reviews)',
  participants: 'đối tượng tham gia (participants)',
  criteria: 'tiêu chí (criteria)',
  movements: 'phong trào, cuộc vận động (movements)',
  fields: 'lĩnh vực (fields)',
} as const;
export type SourcedStatement = keyof typeof SOURCED_STATEMENTS;

/** Statements every entry makes, and so must source; title, issuer and plan may cite the plan's heading too. */
const ALWAYS_SOURCED = ['summary', 'body', 'period', 'participants'] as const;
/** Statements that are sourced when the entry fills them in. */
const SOURCED_WHEN_FILLED = ['legalBasis', 'phases', 'reviews', 'criteria', 'movements', 'fields'] as const;
const LIST_STATEMENTS = ['legalBasis', 'phases', 'criteria', 'movements', 'fields'] as const;

/** Where in the plan a statement comes from, as the plan numbers it: "Mục II.3", "Phần mở đầu". */
function section() {
  return text({ max: 200 });
}

/** One section for a whole list, or one per item in the order of the list. */
function sections() {
  return z.union([section(), z.array(section()).min(1)], {
    error: missingOr('Ghi một mục của kế hoạch cho cả danh sách, ví dụ "Mục II.3", hoặc một danh sách, mỗi mục một nguồn theo thứ tự.'),
  });
}

// Long as a schema is: one object of fields, each with its line of documentation, then the rules across fields.
export function campaignSchema() {
  return (
    z
      .strictObject({
        /** Full title, e.g. "Phong trào thi đua “Người tốt, việc tốt” năm 2022". */
        title: text({ max: 250 }),
        /** Short title used in lists, cards and filters. */
        shortTitle: text({ max: 80 }),
        /** One or two sentences for lists, search results and page descriptions. */
        summary: text({ max: 400 }),
        /**
         * True for a made-up campaign (tests, demonstrations) that summarises no real document: it needs no sources
         * and its page says it is illustrative. Every other campaign summarises its real plan.
         */
        illustrative: z.boolean().default(false),
        /** Regular, by phase or thematic. */
        kind: z.enum(CAMPAIGN_KINDS, { error: missingOr(`Loại phong trào (kind) phải là một trong: ${CAMPAIGN_KINDS.join(', ')}.`) }),
        /** Body that launched it, e.g. "UBND huyện Quốc Oai". */
        issuer: text({ max: 150 }),
        /** Level of that body. */
        level: level(),
        /** Area the campaign covers. */
        place: slug(),
        /** The plan (kế hoạch) that launched it, with its signer; its date as far as the plan gives it (month, year). */
        plan: documentRef({ dated: false, partial: true }),
        /** Directives, decisions and plans the plan is based on ("Căn cứ…"); dates as far as the plan gives them. */
        legalBasis: z.array(documentRef({ partial: true })).default([]),
        /** Whole period of the campaign; a month or a year where the plan gives no day ("giai đoạn 2021 - 2025"). */
        period: period({ partial: true }),
        /** Phases (đợt) with their dates. */
        phases: z.array(phase()).default([]),
        /** Dates of the mid-term (sơ kết) and final (tổng kết) reviews, where the plan sets them. */
        reviews: z
          .strictObject({
            /** Mid-term review: a day, or the month or year the plan gives ("trong tháng 6 năm 2023" is 2023-06). */
            midterm: partialDate().optional(),
            /** Final review: a day, or the month or year the plan gives ("trong tháng 9 năm 2022" is 2022-09). */
            final: partialDate().optional(),
          })
          .default({}),
        /** Who may take part. */
        participants: text({ max: 500 }),
        /** Criteria exemplars are measured against. */
        criteria: z.array(text({ max: 500 })).default([]),
        /** Id of the broader campaign this one carries out (national → provincial → local). */
        parent: slug().optional(),
        /** Broad movements and campaigns (phong trào, cuộc vận động) the plan names, when they have no entry of their own. */
        movements: z.array(text({ max: 200 })).default([]),
        /** Fields the campaign concerns, as far as the plan names them. */
        fields: z.array(z.enum(FIELDS, { error: missingOr(`Lĩnh vực (fields) phải là một trong: ${FIELDS.join(', ')}.`) })).default([]),
        /**
         * Outcome counts once reviewed, by form of commendation and by commune, only as a real report gives them: the
         * report is cited so that no document is credited with figures it does not hold.
         */
        results: z
          .strictObject({
            /** The report the counts come from (báo cáo tổng kết): number or title, date, issuer. */
            report: documentRef({ partial: true }).optional(),
            /** Awards granted, by form. */
            byAward: z.array(z.strictObject({ /** Id in the awards catalogue. */ award: slug(), /** How many. */ count: count() })).default([]),
            /** Exemplars honoured, by commune. */
            byPlace: z.array(z.strictObject({ /** Id of the commune. */ place: slug(), /** How many. */ count: count() })).default([]),
            /** Optional comment. */
            note: text({ max: 500 }).optional(),
          })
          .superRefine((value, ctx) => {
            if (!value.report) {
              ctx.addIssue({
                code: 'custom',
                path: ['report'],
                message:
                  'Kết quả của phong trào phải dẫn báo cáo có các số liệu này (số hoặc tên, ngày, cơ quan ban hành), ghi ở results.report; không có báo cáo thì xoá results.',
              });
            }
          })
          .optional(),
        /**
         * Where each statement comes from in the plan, e.g. `summary: Mục I.1`, `phases: Mục II.6`: the section of
         * the plan (or "Phần mở đầu", the lines before section I). Lists (phases, criteria, legalBasis, movements,
         * fields) take one section for all items or a list with one per item. Pages show them as notes.
         */
        sources: z
          .strictObject({
            /** Section the title comes from, usually the plan's own title. */
            title: section().optional(),
            /** Sections the summary comes from. */
            summary: section().optional(),
            /** Sections the text below the frontmatter summarises. */
            body: section().optional(),
            /** Where the plan names the body that issues it. */
            issuer: section().optional(),
            /** Where the plan's number, date and signer are printed. */
            plan: section().optional(),
            /** Where each document of legalBasis is cited. */
            legalBasis: sections().optional(),
            /** Where the whole period is set. */
            period: section().optional(),
            /** Where each phase is set. */
            phases: sections().optional(),
            /** Where the review dates are set. */
            reviews: section().optional(),
            /** Where those who take part are named. */
            participants: section().optional(),
            /** Where each criterion is stated. */
            criteria: sections().optional(),
            /** Where each movement is named. */
            movements: sections().optional(),
            /** Where the fields of the campaign are named. */
            fields: sections().optional(),
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
      // A phase written as a month or a year is outside the period only if none of the days it may mean are inside.
      .refine((value) => value.phases.every((p) => lastDay(p.start) >= firstDay(value.period.start) && firstDay(p.end) <= lastDay(value.period.end)), {
        message: 'Mỗi đợt (phases) phải nằm trong thời gian của phong trào (period).',
        path: ['phases'],
      })
      .superRefine((value, ctx) => {
        if (value.illustrative) return;
        const { sources } = value;
        if (!sources) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources'],
            message:
              'Phong trào tóm tắt kế hoạch thật phải ghi nguồn (sources): mỗi nội dung lấy từ mục nào của kế hoạch, ví dụ "summary: Mục I.1". Phong trào bịa ra để minh hoạ thì ghi illustrative: true.',
          });
          return;
        }
        const filled = {
          legalBasis: value.legalBasis.length > 0,
          phases: value.phases.length > 0,
          reviews: value.reviews.midterm !== undefined || value.reviews.final !== undefined,
          criteria: value.criteria.length > 0,
          movements: value.movements.length > 0,
          fields: value.fields.length > 0,
        } satisfies Record<(typeof SOURCED_WHEN_FILLED)[number], boolean>;
        for (const statement of [...ALWAYS_SOURCED, ...SOURCED_WHEN_FILLED.filter((s) => filled[s])]) {
          if (sources[statement] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['sources', statement],
              message: `Ghi nguồn của ${SOURCED_STATEMENTS[statement]} ở sources.${statement}: mục nào của kế hoạch, ví dụ "Mục II.3".`,
            });
          }
        }
        for (const statement of LIST_STATEMENTS) {
          const cited = sources[statement];
          const items = value[statement].length;
          if (cited !== undefined && items === 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['sources', statement],
              message: `Phong trào không ghi ${SOURCED_STATEMENTS[statement]}: xoá sources.${statement}.`,
            });
          } else if (Array.isArray(cited) && cited.length !== items) {
            ctx.addIssue({
              code: 'custom',
              path: ['sources', statement],
              message: `Danh sách ${SOURCED_STATEMENTS[statement]} có ${items} mục mà sources.${statement} ghi ${cited.length} nguồn: ghi một mục chung cho cả danh sách, hoặc mỗi mục một nguồn theo đúng thứ tự.`,
            });
          }
        }
        if (sources.reviews !== undefined && !filled.reviews) {
          ctx.addIssue({ code: 'custom', path: ['sources', 'reviews'], message: 'Phong trào không ghi ngày sơ kết, tổng kết (reviews): xoá sources.reviews.' });
        }
      })
  );
}

export type CampaignData = z.output<ReturnType<typeof campaignSchema>>;
