/**
 * The bad-input corpus (tests/helpers/bad-input.ts): each mistake, next to good content, makes `npm run check`
 * exit non-zero with a report that names the file, the field and what to do; the check never rewrites a file; and
 * a build with every mistake at once stops before writing anything, leaving the last good output byte for byte.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, astroBuild } from '../helpers/build-sample.ts';
import { badInputs, type BadInput } from '../helpers/bad-input.ts';
import { baseFiles, makeContentRoot } from '../helpers/content-fixture.ts';
import { copyProject } from '../helpers/project-copy.ts';

const run = promisify(execFile);
const cases = await badInputs();

interface Outcome {
  status: number;
  report: string;
  /** Base files whose bytes changed during the check. */
  touched: string[];
}

async function check(bad: BadInput): Promise<Outcome> {
  const { root, cleanup } = makeContentRoot(bad.files);
  try {
    const good = Object.keys(baseFiles).filter((file) => !(file in bad.files));
    const result = await run(process.execPath, [path.join(ROOT, 'scripts/check.ts'), root], { encoding: 'utf8' }).then(
      ({ stdout }) => ({ status: 0, report: stdout }),
      (error: { code: number; stderr: string }) => ({ status: error.code, report: error.stderr }),
    );
    const touched = good.filter((file) => readFileSync(path.join(root, file), 'utf8') !== baseFiles[file]);
    return { ...result, touched };
  } finally {
    cleanup();
  }
}

const outcomes = new Map<string, Outcome>();
beforeAll(async () => {
  // Two at a time: each check is its own Node process.
  const queue = [...cases];
  await Promise.all(
    [0, 1].map(async () => {
      for (let bad = queue.shift(); bad; bad = queue.shift()) outcomes.set(bad.title, await check(bad));
    }),
  );
}, 120_000);

describe('npm run check on the bad-input corpus', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map((bad) => [bad.title, bad] as const))('%s: exits 1 naming the file, the field and the fix', (_, bad) => {
    const outcome = outcomes.get(bad.title)!;
    expect(outcome.status).toBe(1);
    // Each problem is a line "  file:line [field]" followed by its explanation.
    const entry = outcome.report.split('\n').findIndex((line) => line.startsWith(`  ${bad.file}`) && line.includes(bad.field));
    expect(entry, outcome.report).toBeGreaterThan(0);
    expect(outcome.report.split('\n')[entry + 1], outcome.report).toMatch(bad.says);
    expect(outcome.touched).toEqual([]);
  });
});

describe('a build with every mistake at once', () => {
  let project: ReturnType<typeof copyProject>;
  let dist: string;
  const snapshot = () =>
    new Map(
      (readdirSync(dist, { recursive: true }) as string[])
        .filter((file) => statSync(path.join(dist, file)).isFile())
        .sort()
        .map((file) => [file, readFileSync(path.join(dist, file))]),
    );
  beforeAll(() => {
    project = copyProject();
    dist = path.join(project.root, 'dist');
    astroBuild(project.root, dist);
  }, 300_000);
  afterAll(() => project?.cleanup());

  it('stops before writing, lists every bad file, and leaves the last good output as it was', () => {
    const before = snapshot();
    const written = new Set<string>();
    for (const bad of cases) {
      if (Object.keys(bad.files).some((file) => written.has(file))) continue;
      for (const [file, content] of Object.entries(bad.files)) {
        mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
        writeFileSync(path.join(project.root, file), content);
        written.add(file);
      }
    }
    let report = '';
    expect(() => {
      try {
        astroBuild(project.root, dist);
      } catch (error) {
        report = String((error as { stderr?: string }).stderr ?? '') + String((error as { stdout?: string }).stdout ?? '');
        throw error;
      }
    }).toThrow();
    for (const bad of cases) if (written.has(bad.file)) expect(report, bad.title).toContain(bad.file);
    const after = snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(bytes.equals(after.get(file)!), file).toBe(true);
  });
});
