/**
 * Builds small content folders in a temporary directory: a valid base (settings, one award, two places, one
 * campaign, one approved exemplar) that each test changes in one place.
 */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const baseFiles: Record<string, string> = {
  'content/settings.yaml': `siteName: Gương Sáng
tagline: Thử nghiệm
url: https://example.vn/
publisher:
  name: Trung tâm thử nghiệm
  address: Địa chỉ thử nghiệm
`,
  'content/awards.yaml': `- id: giay-khen
  name: Giấy khen
  family: giay-khen
  recipients: [ca-nhan, tap-the, ho-gia-dinh]
`,
  'content/places/test.yaml': `- id: tinh-cu
  name: Cũ
  type: tinh
  validTo: 2025-06-30
  successors:
    - place: tinh-moi
      kind: sap-nhap
      date: 2025-07-01
      basis: { number: 202/2025/QH15, issuer: Quốc hội, date: 2025-06-12 }
- id: tinh-moi
  name: Mới
  type: tinh
- id: xa-dong
  name: Đông
  type: xa
  parent: tinh-cu
`,
  'content/campaigns/phong-trao-a.mdx': `---
title: Phong trào A
shortTitle: Phong trào A
summary: Tóm tắt.
illustrative: true
kind: chuyen-de
issuer: UBND xã Đông
level: xa
place: xa-dong
plan: { number: 1/KH-UBND, date: 2024-01-02 }
period: { start: 2024-01-02, end: 2024-12-31 }
participants: Mọi người dân.
publication: { status: da-duyet, approval: { number: 1/BB-TT, date: 2024-01-05 } }
published: 2024-01-06
---

Nội dung.
`,
  'content/exemplars/nguyen-van-an.mdx': exemplar({}),
};

/** An exemplar file; `fields` replaces or adds frontmatter lines, `body` replaces the story. */
export function exemplar({
  extra = '',
  body = 'Câu chuyện.\n',
  name = 'Nguyễn Văn An',
  status = 'da-duyet',
}: {
  extra?: string;
  body?: string;
  name?: string;
  status?: string;
}) {
  return `---
kind: ca-nhan
name: ${name}
place: xa-dong
campaigns: [phong-trao-a]
fields: [tu-thien]
awards:
  - { award: giay-khen, level: xa, issuer: Chủ tịch UBND xã Đông, decision: 12/QĐ-UBND, date: 2024-05-01 }
citation: Giúp người nghèo.
storyType: tin
author: Phóng viên
published: 2024-05-10
consent: { date: 2024-05-02, scope: Họ tên và câu chuyện }
publication: { status: ${status}, approval: { number: 2/BB-TT, date: 2024-05-08 } }
${extra}---

${body}`;
}

/** Writes the base plus `changes` (null deletes a base file) and returns the folder. */
export function makeContentRoot(changes: Record<string, string | Buffer | null> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-'));
  const files = { ...baseFiles, ...changes };
  for (const [file, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
