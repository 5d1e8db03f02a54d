/**
 * The environment every Astro command of the project runs in (scripts/astro.ts; the benchmark builds with it too).
 *
 * - Telemetry off, in a way that also works where npm runs scripts in cmd.exe.
 * - MIMALLOC_PURGE_DELAY=0: Vite's bundler (rolldown) allocates through mimalloc, which keeps memory it has freed
 *   for reuse until that thread allocates again. Bundling threads go idle before the pages are generated, so the
 *   build carried 250–350 MB of freed bundler memory through page generation at 10,000 exemplars; with no delay it
 *   is returned to the system as it is freed. Read once, when the bundler loads: it cannot be set later from the
 *   configuration. An explicit value in the environment is kept.
 */
export function astroEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { MIMALLOC_PURGE_DELAY: '0', ...base, ASTRO_TELEMETRY_DISABLED: '1' };
}
