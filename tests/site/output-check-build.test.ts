/**
 * The output check as a build runs it: pages are checked while the search index is written, and a leak fails the
 * build, naming the file, even when it comes from page code rather than content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build-sample.ts';
import { copyProject } from '../helpers/project-copy.ts';

let project: ReturnType<typeof copyProject>;
let failure: { status: number | null; output: string };
beforeAll(() => {
  // A page a developer might add, which names a draft and prints a private phone number.
  project = copyProject(
    { 'src/pages/tin-moi.astro': '<html lang="vi"><body><p>Sắp đăng: Lê Văn Tâm, gọi 0912 345 678.</p></body></html>\n' },
    { sampleContent: true },
  );
  try {
    astroBuild(project.root, `${project.root}/dist`);
    failure = { status: 0, output: '' };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    failure = { status, output: `${stdout}${stderr}` };
  }
}, 300_000);
afterAll(() => project?.cleanup());

describe('the output check in a build', () => {
  it('fails the build and names the page that leaks a draft and a phone number', () => {
    expect(failure.status).not.toBe(0);
    expect(failure.output).toContain('Kết quả xuất bản không khớp với nội dung đã duyệt');
    expect(failure.output).toContain('"Lê Văn Tâm" (chưa được phép đăng) có trong tin-moi/index.html.');
    expect(failure.output).toContain('tin-moi/index.html: có số điện thoại "0912 345 678", không được công bố.');
  });

  it('takes nothing else the sample site writes for personal data: dates, decision numbers, amounts, file names', () => {
    const found = new Set(
      [...failure.output.matchAll(/\S+: có (?:số điện thoại|số định danh \(CCCD\/CMND\)|địa chỉ thư điện tử) "[^"]*", không được công bố\./g)].map((m) => m[0]),
    );
    expect([...found]).toEqual(['tin-moi/index.html: có số điện thoại "0912 345 678", không được công bố.']);
  });
});
