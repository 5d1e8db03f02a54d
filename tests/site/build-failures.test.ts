/** A broken content file stops the real build with a non-zero exit and a message naming the file and field. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build-sample.ts';
import { exemplar } from '../helpers/content-fixture.ts';
import { copyProject } from '../helpers/project-copy.ts';

function buildFails(content: Record<string, string | null>): string {
  const project = copyProject(content);
  try {
    astroBuild(project.root, path.join(project.root, 'dist'));
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    expect(failure.status).not.toBe(0);
    // The editor sees the report only: none of Astro's English wrapper, no stack trace.
    expect(failure.stderr).toContain('chưa thể xuất bản');
    expect(`${failure.stdout}\n${failure.stderr}`).not.toMatch(/unhandled error|hook|^\s+at |Error:|Location:|Stack trace/im);
    return `${failure.stdout}\n${failure.stderr}`;
  } finally {
    project.cleanup();
  }
  throw new Error('the build succeeded');
}

describe('the build refuses broken content', () => {
  it('builds the valid fixture', () => {
    const project = copyProject({});
    try {
      expect(astroBuild(project.root, path.join(project.root, 'dist'))).toContain('Complete');
    } finally {
      project.cleanup();
    }
  });

  it('fails on a reference to a missing place', () => {
    const output = buildFails({ 'content/exemplars/nguyen-van-an.mdx': exemplar({}).replace('place: xa-dong', 'place: xa-khong-co') });
    expect(output).toContain('content/exemplars/nguyen-van-an.mdx:4 [place]');
    expect(output).toContain('Không có địa danh mã "xa-khong-co"');
  });

  it('fails when two files fold to the same id, naming both', () => {
    const output = buildFails({ 'content/exemplars/Nguyễn Văn An.mdx': exemplar({}) });
    expect(output).toContain('Trùng mã "nguyen-van-an"');
    expect(output).toContain('content/exemplars/Nguyễn Văn An.mdx');
    expect(output).toContain('content/exemplars/nguyen-van-an.mdx');
  });

  it('shows the stack trace to a programmer who asks for it', () => {
    const project = copyProject({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ extra: 'nickname: An\n' }) });
    try {
      let message = '';
      try {
        astroBuild(project.root, path.join(project.root, 'dist'), { GUONG_SANG_DEBUG: '1' });
      } catch (error) {
        message = (error as Error).message;
      }
      // Astro colours its log where it thinks a terminal is (CI=true): the codes go before matching.
      expect(message.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/nickname[\s\S]*Stack trace:[\s\S]*\n\s+at refuseBuild/);
    } finally {
      project.cleanup();
    }
  });

  it('fails on an unknown field', () => {
    const output = buildFails({ 'content/exemplars/nguyen-van-an.mdx': exemplar({ extra: 'so_cccd: "001234567890"\n' }) });
    expect(output).toContain('content/exemplars/nguyen-van-an.mdx:15 [so_cccd]');
  });
});
