/**
 * Building blocks shared by every collection schema. Each factory returns a strict zod schema whose error messages
 * tell an editor, in Vietnamese, what to write instead.
 */
import { z } from 'astro/zod';
import { firstDay, lastDay, parseDate, parsePartialDate, type IsoDate, type PartialDate } from '../lib/dates.ts';
import { findInvisibleCharacters, SLUG_PATTERN, toNfc } from '../lib/text.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'một đoạn chữ',
  number: 'một số',
  boolean: 'true hoặc false',
  array: 'một danh sách (mỗi mục bắt đầu bằng "- ")',
  object: 'một nhóm trường',
};

// Vietnamese wording for the checks that no field spells out itself; a field's own message always wins.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      return issue.input === undefined ? 'Thiếu trường bắt buộc này.' : `Phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    }
    if (issue.code === 'too_small' && issue.origin === 'array') return `Cần ít nhất ${issue.minimum} mục.`;
    if (issue.code === 'too_small' && issue.origin === 'number') return `Phải từ ${issue.minimum} trở lên.`;
    if (issue.code === 'too_big' && issue.origin === 'number') return `Phải không quá ${issue.maximum}.`;
    if (issue.code === 'invalid_value') return `Phải là một trong: ${issue.values.join(', ')}.`;
    return undefined;
  },
});

/** An error message for a wrong value that still says "missing" when the field was left out. */
export function missingOr(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'Thiếu trường bắt buộc này.' : message);
}

/** Non-empty text, trimmed and stored as NFC; invisible characters are refused because they break ids and search. */
export function text(options: { max?: number; whenEmpty?: string } = {}) {
  return z
    .string({ error: missingOr('Phải là một đoạn chữ.') })
    .transform((value) => toNfc(value.trim()))
    .superRefine((value, ctx) => {
      if (value.length === 0) ctx.addIssue({ code: 'custom', message: options.whenEmpty ?? 'Không được để trống.' });
      const invisible = findInvisibleCharacters(value);
      if (invisible.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Có ký tự ẩn (${invisible.join(', ')}), thường do dán từ Word hoặc web: gõ lại đoạn chữ này.`,
        });
      }
      if (options.max && value.length > options.max) {
        ctx.addIssue({
          code: 'custom',
          message: `Dài ${value.length} ký tự, tối đa ${options.max}: rút gọn lại.`,
        });
      }
    });
}

/** An id of another entry: lower-case ASCII words joined by hyphens, e.g. "xa-sai-son". */
export function slug() {
  return z
    .string({ error: missingOr('Phải là mã (chữ thường không dấu, nối bằng dấu gạch ngang), ví dụ "xa-sai-son".') })
    .regex(SLUG_PATTERN, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "xa-sai-son".');
}

/**
 * A calendar date written "2024-03-15" or "15/03/2024". YAML must not turn it into anything else, so dates are read
 * as text; impossible days such as 30/02 are refused rather than rolled into the next month.
 */
export function isoDate() {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? 'Thiếu ngày.' : 'Ngày phải viết dạng 15/03/2024 hoặc 2024-03-15 (đặt trong dấu nháy nếu cần).'),
    })
    .transform((value, ctx): IsoDate => {
      const parsed = parseDate(value);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.reason === 'format'
            ? `"${value}" không phải ngày hợp lệ: viết dạng 15/03/2024 (ngày/tháng/năm) hoặc 2024-03-15.`
            : `Ngày "${value}" không có trên lịch: kiểm tra lại ngày và tháng.`,
      });
      return z.NEVER;
    })
    .meta({ format: 'date' });
}

/**
 * A date as precise as its source: a day as isoDate() reads it, or only a month ("09/2022", "2022-09") or only a
 * year ("2022") where the source gives no day ("trong tháng 9 năm 2022"). Used where the site reports what a
 * document says (campaign periods, phases, reviews, the dates of cited documents), never for the site's own
 * records (publication, consent), which always have their day. A bare year may reach here as a YAML number.
 */
export function partialDate() {
  return z
    .union([z.string(), z.number()], {
      error: (issue) =>
        issue.input === undefined ? 'Thiếu ngày.' : 'Ngày phải viết dạng 15/03/2024, hoặc 03/2024 khi văn bản chỉ ghi tháng, 2024 khi chỉ ghi năm.',
    })
    .transform((value, ctx): PartialDate => {
      const parsed = parsePartialDate(String(value));
      if (parsed.ok) return parsed.date;
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.reason === 'format'
            ? `"${value}" không phải ngày hợp lệ: viết dạng 15/03/2024 (ngày/tháng/năm); văn bản chỉ ghi tháng thì viết 03/2024, chỉ ghi năm thì viết 2024.`
            : `Ngày "${value}" không có trên lịch: kiểm tra lại ngày, tháng (từ 1 đến 12) và năm.`,
      });
      return z.NEVER;
    })
    .meta({ format: 'partial-date' });
}

/**
 * A period with a start and an end that does not come before it. With `partial`, either end may be a month or a
 * year (see partialDate); the end is wrong only if its last day comes before the first day of the start.
 */
export function period({ partial = false }: { partial?: boolean } = {}) {
  const date = partial ? partialDate : isoDate;
  return z
    .strictObject({
      /** First day of the period; where partial, the month or year the source gives. */
      start: date(),
      /** Last day of the period; where partial, the month or year the source gives (a month ends on its last day). */
      end: date(),
    })
    .refine((value) => lastDay(value.end) >= firstDay(value.start), { message: 'Ngày kết thúc (end) đứng trước ngày bắt đầu (start).', path: ['end'] });
}

/** Abbreviations that open the lines of a signature block above the signer's role (Decree 30/2020/NĐ-CP). */
export const SIGNING_AUTHORITIES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;

/**
 * Who signed a document, as its signature block prints it: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
 * Hoàng Nguyên Ứng" is authority ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], role "Phó Chủ tịch", name "Hoàng Nguyên
 * Ứng". Officials sign in their public role, and their name is part of the document.
 */
export function signer() {
  const authority = new RegExp(`^(?:${SIGNING_AUTHORITIES.map((a) => a.replace('.', '\\.')).join('|')})\\s+\\S`, 'u');
  return z.strictObject({
    /** Name as printed under the signature, e.g. "Hoàng Nguyên Ứng". */
    name: text({ max: 80 }),
    /** Role printed just above the name, e.g. "Phó Chủ tịch". */
    role: text({ max: 150 }),
    /** Lines above the role that say in whose name it is signed, top first, e.g. ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]. */
    authority: z
      .array(
        text({ max: 150 }).refine((line) => authority.test(line), {
          message: `Mỗi dòng thẩm quyền ký bắt đầu bằng ${SIGNING_AUTHORITIES.join(', ')} như trên văn bản, ví dụ "KT. Chủ tịch".`,
        }),
      )
      .default([]),
  });
}

/**
 * Number and symbol of an administrative document (Decree 30/2020/NĐ-CP): "177/KH-UBND", "34-CT/TW",
 * "02/2018/QĐ-UBND", "1656/NQ-UBTVQH15". Plans circulated as drafts may lack the number: "/KH-UBND".
 */
export function documentNumber() {
  // Symbols are upper case but may end in lower case ("19/CT-TTg"); there are never spaces.
  return text().refine((value) => /^[0-9A-Za-zĐđ/.-]+$/u.test(value) && /[/-]/.test(value) && /[A-ZĐ]/u.test(value), {
    message: 'Số, ký hiệu văn bản viết liền, ví dụ "177/KH-UBND" hoặc "34-CT/TW".',
  });
}

/**
 * A reference to a document: a decision, plan, directive, resolution or minutes. Plans circulated as drafts can
 * lack a date ("ngày … tháng 3 năm 2023"), so the date may be left out where `dated` is false; where `partial` is
 * true it may be a month or a year, as far as the source gives it (see partialDate).
 */
export function documentRef({ dated = true, partial = false }: { dated?: boolean; partial?: boolean } = {}) {
  const date = partial ? partialDate : isoDate;
  return z
    .strictObject({
      /** Number and symbol, e.g. "123/QĐ-UBND"; "/KH-UBND" for a copy without number; omitted for minutes or where the source gives none. */
      number: documentNumber().optional(),
      /** What the document is, e.g. "Chỉ thị của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng". */
      title: text().optional(),
      /** Body that issued it, e.g. "UBND huyện Quốc Oai"; left out where the source does not name it. */
      issuer: text().optional(),
      /** Date of issue. */
      date: dated ? date() : date().optional(),
      /** Who signed it, where the document shows it. */
      signer: signer().optional(),
    })
    .refine((value) => value.number !== undefined || value.title !== undefined, {
      message: 'Cần số, ký hiệu (number) hoặc tên văn bản (title).',
    });
}

/** Administrative level of an issuing body or of an award. */
export const LEVELS = ['trung-uong', 'tinh', 'huyen', 'xa'] as const;
export function level() {
  return z.enum(LEVELS, { error: missingOr(`Cấp phải là một trong: ${LEVELS.join(', ')}.`) });
}

/**
 * Publication workflow states; only "da-duyet" (approved) is ever published. An entry goes from draft to awaiting
 * approval, then is approved or returned to its writer with a comment; a published entry can be withdrawn.
 */
export const PUBLICATION_STATUSES = ['ban-nhap', 'cho-duyet', 'tra-lai', 'da-duyet', 'da-rut'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Whether and on what authority an entry may be published. */
export function publication() {
  return z
    .strictObject({
      /** "ban-nhap" (draft), "cho-duyet" (awaiting approval), "tra-lai" (returned), "da-duyet" (approved) or "da-rut" (withdrawn). */
      status: z.enum(PUBLICATION_STATUSES, {
        error: missingOr(
          'Trạng thái (status) phải là "ban-nhap" (bản nháp), "cho-duyet" (chờ duyệt), "tra-lai" (trả lại), "da-duyet" (đã duyệt) hoặc "da-rut" (đã rút).',
        ),
      }),
      /** The decision or minutes that approved publication; required once approved. */
      approval: documentRef().optional(),
      /** Who approved it on the desk (the leader's name), kept for the record and never published. */
      approvedBy: text({ max: 80 }).optional(),
      /** Date it was approved on the desk. */
      approvedOn: isoDate().optional(),
      /** The leader's comment when it was last returned to its writer, kept for the record and never published. */
      review: z
        .strictObject({
          /** Who returned it. */
          by: text({ max: 80 }),
          /** Date it was returned. */
          date: isoDate(),
          /** What to change before submitting again. */
          comment: text(),
        })
        .optional(),
      /** Why and when a published entry was taken down. */
      withdrawal: z
        .strictObject({
          /** Date it was taken down. */
          date: isoDate(),
          /** Reason, kept for the record and never published. */
          reason: text(),
        })
        .optional(),
    })
    .superRefine((value, ctx) => {
      if (value.status === 'da-duyet' && !value.approval) {
        ctx.addIssue({
          code: 'custom',
          path: ['approval'],
          message: 'Bài đã duyệt (da-duyet) phải ghi căn cứ duyệt: số quyết định hoặc biên bản và ngày (approval).',
        });
      }
    });
}

/** A photo kept beside the entry file. */
export function photo<Image extends z.ZodType>(image: () => Image) {
  return z.strictObject({
    /** Image file path, relative to the entry file, e.g. "./anh/chi-hoa.jpg". */
    src: image(),
    /** What the photo shows, read aloud by screen readers; required for every photo. */
    alt: text({
      max: 250,
      whenEmpty: 'Ảnh cần một câu mô tả (alt) cho người không xem được ảnh, ví dụ "Bà Hoà đứng cạnh nồi cơm lớn trong bếp ăn từ thiện".',
    }),
    /** Who took the photo or owns it. */
    credit: text({ max: 120 }),
    /** Optional caption shown under the photo. */
    caption: text({ max: 300 }).optional(),
  });
}

/**
 * A person this entry names who shares the name of an entry that is not (or no longer) published: the editor's
 * statement that it is someone else, without which the content check refuses the mention (see namesakes.ts).
 */
export function namesake() {
  return z.strictObject({
    /** The name as this entry writes it, e.g. "Lê Văn Tâm". */
    name: text({ max: 150 }),
    /** How the editor knows it is another person, e.g. "Ông Tâm trong bài là trưởng thôn Đông, sinh năm 1958". */
    note: text({ max: 300 }),
    /** When the editor checked it. */
    date: isoDate(),
  });
}
