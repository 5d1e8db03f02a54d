/** Runs one of the project's scripts (scripts/*.ts) on Node 24 against a content folder, as an editor would. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build-sample.ts';

export function runScript(script: string, root: string, args: string[], input?: string): { status: number; output: string } {
  try {
    const stdout = execFileSync(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'scripts', script), ...args], {
      env: { ...process.env, GUONG_SANG_ROOT: root, INIT_CWD: root },
      input,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output: stdout };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, output: failure.stdout + failure.stderr };
  }
}
