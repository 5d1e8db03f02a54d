/** Turns zod issues into problems an editor can act on, in Vietnamese, with the line of the field. */
import type { z } from 'astro/zod';
import { formatField, type Problem, type YamlSource } from './source.ts';

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type') {
    if (input === undefined) return 'Thiếu trường bắt buộc này.';
    if (typeof input === 'number' && issue.expected === 'string') {
      return `Giá trị ${input} bị đọc thành số (mất số 0 ở đầu nếu có). Đặt trong dấu nháy kép, ví dụ "${input}".`;
    }
    if (issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Đầu vào')) return issue.message;
    const expected: Record<string, string> = { string: 'một đoạn chữ', number: 'một số', boolean: 'true hoặc false', array: 'một danh sách (mỗi mục bắt đầu bằng "- ")', object: 'một nhóm trường' };
    return `Phải là ${expected[issue.expected] ?? issue.expected}.`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return issue.message.startsWith('Chọn') ? issue.message : `Cần ít nhất ${issue.minimum} mục.`;
  return issue.message;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, source: YamlSource, prefix: (string | number)[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const fieldPath = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: source.lineOf([...fieldPath, key]),
          field: formatField([...fieldPath, key]),
          message: `Trường "${key}" không có trong mẫu: kiểm tra chính tả tên trường hoặc xoá dòng này.`,
        });
      }
      continue;
    }
    problems.push({ file, line: source.lineOf(fieldPath), field: formatField(fieldPath) || undefined, message: describe(issue) });
  }
  return problems;
}

/** One problem a line, sorted by file and line: "content/x.mdx:7 [place] message". */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const lines = sorted.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` [${p.field}]` : ''}\n    ${p.message}`);
  const files = new Set(problems.map((p) => p.file)).size;
  return `Nội dung có ${problems.length} lỗi trong ${files} tệp, chưa thể xuất bản:\n${lines.join('\n')}`;
}
