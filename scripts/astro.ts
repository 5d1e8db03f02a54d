/**
 * The Astro command line in the project's environment (astro-env.ts), alike on Windows and Linux:
 * `ASTRO_TELEMETRY_DISABLED=1 astro …` in package.json would only work in a POSIX shell, and an office computer's
 * npm may run scripts in cmd.exe.
 *
 *   node scripts/astro.ts build
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { astroEnv } from './astro-env.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const child = spawn(process.execPath, [astro, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: astroEnv(),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
