/**
 * Settings of one desk, kept on its computer in `.desk/settings.json` beside the accounts (never published, never in
 * the shared history): whether other computers of the office may use it, whether one person may approve their own
 * edits, where a publish copies the site and which shared repository the history is exchanged with.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { writeAtomic } from './files.ts';

export const deskSettingsSchema = z.strictObject({
  /** Listen on the office network, not only on this computer; the desk then refuses to start without an account. */
  lan: z.boolean().default(false),
  /** Other names of this computer that office browsers use to reach it (e.g. "may-bien-tap.local:4322"). */
  hosts: z.array(z.string().regex(/^[\w.-]+(:\d+)?$/)).default([]),
  /** A person may approve an entry they edited last: for a centre of one person. */
  selfApproval: z.boolean().default(false),
  /** Where a successful publish copies the site: a folder, or an rsync target such as "web@may-chu:/srv/guong-sang". */
  publishTarget: z.strictObject({ folder: z.string().min(1).optional(), rsync: z.string().min(1).optional() }).optional(),
  /** The repository several desks and the build machine share (a path or URL), and its branch. */
  sharedRepository: z
    .strictObject({
      remote: z.string().min(1),
      branch: z
        .string()
        .regex(/^[\w./-]+$/)
        .default('main'),
    })
    .optional(),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

export const deskStateDir = (root: string) => path.join(root, '.desk');

export function readDeskSettings(stateDir: string): DeskSettings {
  const file = path.join(stateDir, 'settings.json');
  if (!existsSync(file)) return deskSettingsSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`Tệp cài đặt bàn biên tập ${file} không phải JSON hợp lệ. Sửa lại hoặc xoá tệp để dùng cài đặt mặc định.`);
  }
  const parsed = deskSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(gốc)').join(', ');
    throw new Error(`Tệp cài đặt bàn biên tập ${file} có mục không hợp lệ: ${where}. Sửa lại hoặc xoá tệp để dùng cài đặt mặc định.`);
  }
  return parsed.data;
}

export function writeDeskSettings(stateDir: string, settings: DeskSettings) {
  writeAtomic(path.join(stateDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`, 0o600);
}
