/**
 * Builds the sample site once for the site tests, with the date pinned so that campaign status is stable.
 * The output goes to tests/.tmp/dist, never over the developer's own dist/.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_DIST = path.join(ROOT, 'tests/.tmp/dist');
export const BUILD_DATE = '2026-11-21';

export function astroBuild(root: string, outDir: string, env: Record<string, string> = {}) {
  return execFileSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--root', root, '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BUILD_DATE, ...env },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

export default function setup(project: TestProject) {
  if (!process.env.REUSE_SAMPLE_BUILD) {
    rmSync(SAMPLE_DIST, { recursive: true, force: true });
    astroBuild(ROOT, SAMPLE_DIST);
  }
  project.provide('sampleDist', SAMPLE_DIST);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
  }
}
