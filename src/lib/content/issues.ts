/** Turns zod issues into problems an editor can act on, in Vietnamese, with the line of the field. */
import type { z } from 'astro/zod';
import { formatField, type Problem, type YamlSource } from './source.ts';

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  // YAML reads 0912345678 as the number 912345678: say so, because the lost zero is what an editor must restore.
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof input === 'number') {
    return `Giá trị ${input} bị đọc thành số, nên mất số 0 ở đầu nếu có. Đặt nguyên giá trị như khi viết, kể cả số 0 đầu, trong dấu nháy kép, ví dụ "0234 3888 000".`;
  }
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
