/**
 * Builds the sample site once for the site tests, with the date pinned so that campaign status is stable.
 * The output goes to tests/.tmp/dist, never over the developer's own dist/.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroEnv } from '../../scripts/astro-env.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_DIST = path.join(ROOT, 'tests/.tmp/dist');
export const BUILD_DATE = '2026-11-21';

/** Vitest sets Vite's own variables (BASE_URL, MODE…) in process.env; a child build must not inherit them. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'ASSETS_PREFIX']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return env;
}

export function astroBuild(root: string, outDir: string, env: Record<string, string> = {}) {
  return execFileSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--root', root, '--outDir', outDir], {
    cwd: root,
    // As `npm run build` runs it (scripts/astro.ts).
    env: { ...astroEnv(cleanEnv()), BUILD_DATE, ...env },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

export default function setup(project: TestProject) {
  if (!process.env.REUSE_SAMPLE_BUILD) {
    rmSync(SAMPLE_DIST, { recursive: true, force: true });
    // Pages rendered in a worker thread, whatever the machine's cores; rebuild.test.ts builds in one thread and
    // compares.
    astroBuild(ROOT, SAMPLE_DIST, { RENDER_WORKERS: '1' });
  }
  project.provide('sampleDist', SAMPLE_DIST);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
  }
}
