/** Site settings (content/settings.yaml), editable without code. */
import { z } from 'astro/zod';
import { text, missingOr } from './common.ts';
import { ui } from '../i18n/vi.ts';

// Long as a schema is: one object of fields, each with its line of documentation, then the rules across fields.
export function settingsSchema() {
  return z.strictObject({
    /** Site name, shown in the header and titles. */
    siteName: text({ max: 60 }),
    /** One line under the name. */
    tagline: text({ max: 160 }),
    /** Public address of the site, e.g. "https://vhtt.example.gov.vn/guong-sang/". */
    url: z.url({
      protocol: /^https?$/,
      error: missingOr('url phải là địa chỉ đầy đủ bắt đầu bằng https://, ví dụ "https://vhtt.example.gov.vn/guong-sang/".'),
    }),
    /** The body that publishes the site and answers for it. */
    publisher: z.strictObject({
      /** Name, e.g. "Trung tâm Văn hóa, Thông tin và Thể thao". */
      name: text({ max: 150 }),
      /** Body it belongs to, e.g. "UBND xã …". */
      parent: text({ max: 150 }).optional(),
      /** The person who answers for what the site publishes, in their public role. */
      responsible: z
        .strictObject({
          /** Full name, e.g. "Nguyễn Văn A". */
          name: text({ max: 80 }),
          /** Position, e.g. "Giám đốc Trung tâm". */
          role: text({ max: 120 }),
        })
        .optional(),
      /** Office address. */
      address: text({ max: 200 }),
      /** Office phone, published on purpose. */
      phone: z.string({ error: missingOr('Số điện thoại phải đặt trong dấu nháy, ví dụ "0234 3888 000".') }).optional(),
      /** Office e-mail, published on purpose. */
      email: z.email({ error: missingOr('email không hợp lệ.') }).optional(),
    }),
    /** Phone numbers and e-mail addresses that may be published (hotlines, the centre's own); any other is refused. */
    publicContacts: z.array(z.string()).default([]),
    /** Banner on every page, e.g. to say that sample people are illustrative. */
    notice: text({ max: 300 }).optional(),
    /** Exemplars per page in lists. */
    pageSize: z.number().int().min(6).max(60).default(12),
    /** Scripts for the commune loudspeaker radio (/phat-thanh/). */
    radio: z
      .strictObject({
        /** Reading speed of the announcers, in syllables (Vietnamese words) a minute; durations are estimated from it. */
        syllablesPerMinute: z
          .number({ error: missingOr('syllablesPerMinute phải là một số, ví dụ 200.') })
          .int('syllablesPerMinute phải là số nguyên, ví dụ 200.')
          .min(100, 'Tốc độ đọc dưới 100 tiếng một phút là quá chậm: thường khoảng 200.')
          .max(350, 'Tốc độ đọc trên 350 tiếng một phút là quá nhanh: thường khoảng 200.')
          .default(200),
        /** Longest a bulletin may last, in minutes; items that do not fit wait for the next bulletin. */
        bulletinMinutes: z
          .number({ error: missingOr('bulletinMinutes phải là một số phút, ví dụ 15.') })
          .int('bulletinMinutes phải là số phút nguyên, ví dụ 15.')
          .min(3, 'Bản tin ngắn nhất 3 phút.')
          .max(60, 'Bản tin dài nhất 60 phút.')
          .default(15),
        /** Words the announcer opens a bulletin with. */
        opening: text({ max: 500 }).default(ui.radio.opening),
        /** Words the announcer closes a bulletin with. */
        closing: text({ max: 500 }).default(ui.radio.closing),
      })
      .prefault({}),
    /**
     * Sites built separately on the same domain (the other districts or communes of a province) whose stories the
     * search page finds too, from their own search indexes.
     */
    otherSites: z
      .array(
        z.strictObject({
          /** Name shown on results from that site, e.g. "Gương Sáng huyện Quốc Oai". */
          name: text({ max: 80 }),
          /** Where that site lives on this domain, e.g. "/quoc-oai/": same domain, so no third-party request. */
          path: z
            .string({ error: missingOr('path phải là một đoạn chữ, ví dụ "/quoc-oai/".') })
            .regex(
              /^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/,
              'path là đường dẫn trên cùng tên miền, bắt đầu và kết thúc bằng "/", chỉ gồm chữ thường không dấu, số và dấu gạch, ví dụ "/quoc-oai/".',
            ),
        }),
      )
      .default([]),
  });
}

export type SettingsData = z.output<ReturnType<typeof settingsSchema>>;
