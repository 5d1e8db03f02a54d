/** Exemplars: individuals, collectives, households and effective models honoured in a campaign. */
import { z } from 'astro/zod';
import { isoDate, namesake, photo, publication, slug, text, missingOr } from './common.ts';
import { awardGrant } from './award.ts';
import { FIELDS } from './fields.ts';
import { SOCIAL_GROUPS } from './social-groups.ts';

/** "ca-nhan" (individual), "tap-the" (collective), "ho-gia-dinh" (household), "mo-hinh" (model or initiative). */
export const EXEMPLAR_KINDS = ['ca-nhan', 'tap-the', 'ho-gia-dinh', 'mo-hinh'] as const;
export type ExemplarKind = (typeof EXEMPLAR_KINDS)[number];

/** Story types the district centre produces. */
export const STORY_TYPES = ['tin', 'bai-viet', 'phong-su', 'phong-van', 'video'] as const;

/** Consent to publish a person's name, image and story (Law 91/2025/QH15, Civil Code art. 32). */
function consent() {
  return z.strictObject({
    /** Date consent was given. */
    date: isoDate(),
    /** What was agreed, e.g. "Họ tên, ảnh, câu chuyện trên trang web và đài truyền thanh". */
    scope: text({ max: 300 }),
    /** For a child aged 7 or over: the guardian's consent, given alongside the child's own. */
    guardian: z
      .strictObject({
        /** Relationship to the child, e.g. "mẹ". Never the guardian's name or contact. */
        relation: text({ max: 40 }),
        /** Date of the guardian's consent. */
        date: isoDate(),
      })
      .optional(),
    /** Date consent was withdrawn; from then on the entry is not published. */
    withdrawn: isoDate().optional(),
  });
}

/** `image`: the photo field's schema, Astro's image() in a build (giving ImageMetadata), a path check elsewhere. */
// Long as a schema is: one object of fields, each with its line of documentation, then the rules across fields.
export function exemplarSchema<Image extends z.ZodType>({ image }: { image: () => Image }) {
  return z
    .strictObject({
      /** Individual, collective, household or model. */
      kind: z.enum(EXEMPLAR_KINDS, { error: missingOr(`Loại điển hình (kind) phải là một trong: ${EXEMPLAR_KINDS.join(', ')}.`) }),
      /** Name as published, family name first, e.g. "Đặng Thị Hoà" or "Tổ hòa giải thôn Đông". */
      name: text({ max: 150 }),
      /** Role or description, e.g. "Nông dân", "Trưởng thôn", "Hợp tác xã nông nghiệp". */
      role: text({ max: 150 }).optional(),
      /** Social group of an individual, from the controlled list; counted in the figures, not shown on the page. */
      socialGroup: z.enum(SOCIAL_GROUPS, { error: missingOr(`Nhóm xã hội (socialGroup) phải là một trong: ${SOCIAL_GROUPS.join(', ')}.`) }).optional(),
      /** Show the social group on the person's own page too: only when the editor chooses to, with the person's consent. */
      showSocialGroup: z.boolean({ error: 'showSocialGroup chỉ nhận true hoặc false.' }).default(false),
      /** Place as it was named when the story was written, even if that unit no longer exists. */
      place: slug(),
      /** Village or hamlet (thôn, tổ dân phố); never a house number or street address. */
      village: text({ max: 80 }).optional(),
      /** A child: publication needs both the child's and the guardian's consent. */
      minor: z.boolean({ error: missingOr('minor phải là true hoặc false.') }).default(false),
      /** Campaigns in which the exemplar was honoured. */
      campaigns: z.array(slug()).default([]),
      /** Fields of work, from the controlled list. */
      fields: z
        .array(z.enum(FIELDS, { error: missingOr(`Lĩnh vực (fields) phải là một trong: ${FIELDS.join(', ')}.`) }))
        .min(1, 'Chọn ít nhất một lĩnh vực (fields).'),
      /** Awards granted, each with its decision. */
      awards: z.array(awardGrant()).default([]),
      /** The deed in one or two sentences; used in lists, feeds and radio. */
      citation: text({ max: 320 }),
      /** Photos; the first is the main photo. */
      photos: z.array(photo(image)).default([]),
      /** Kind of story. */
      storyType: z.enum(STORY_TYPES, { error: missingOr(`Thể loại (storyType) phải là một trong: ${STORY_TYPES.join(', ')}.`) }),
      /** Writer of the story, e.g. "Minh Thư, Trung tâm VH-TT-TT". */
      author: text({ max: 120 }),
      /** Shown on the home page. */
      featured: z.boolean({ error: missingOr('featured phải là true hoặc false.') }).default(false),
      /** Date first published. */
      published: isoDate(),
      /** Date of the last significant update. */
      updated: isoDate().optional(),
      /** Consent to publish; required for individuals. */
      consent: consent().optional(),
      /** People named in the entry who share the name of an unpublished entry, declared to be someone else. */
      namesakes: z.array(namesake()).default([]),
      /** Publication state and its approval. */
      publication: publication(),
    })
    .superRefine((value, ctx) => {
      if (value.updated && value.updated < value.published) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'Ngày cập nhật đứng trước ngày đăng.' });
      }
      if (value.showSocialGroup && !value.socialGroup) {
        ctx.addIssue({ code: 'custom', path: ['showSocialGroup'], message: 'showSocialGroup: true cần ghi nhóm xã hội (socialGroup) để hiện trên trang.' });
      }
      if (value.socialGroup && value.kind !== 'ca-nhan') {
        ctx.addIssue({ code: 'custom', path: ['socialGroup'], message: 'Nhóm xã hội (socialGroup) chỉ ghi cho cá nhân (kind: ca-nhan).' });
      }
      if (value.publication.status !== 'da-duyet') return;
      if (value.kind === 'ca-nhan' && !value.consent) {
        ctx.addIssue({
          code: 'custom',
          path: ['consent'],
          message: 'Điển hình cá nhân đã duyệt phải ghi sự đồng ý công bố (consent: ngày, phạm vi).',
        });
      }
      if (value.minor && !value.consent?.guardian) {
        ctx.addIssue({
          code: 'custom',
          path: ['consent', 'guardian'],
          message: 'Người chưa thành niên: cần cả sự đồng ý của cháu và của cha, mẹ hoặc người giám hộ (consent.guardian).',
        });
      }
    });
}

export type ExemplarData = z.output<ReturnType<typeof exemplarSchema>>;
