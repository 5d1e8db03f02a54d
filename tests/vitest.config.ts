import { defineConfig } from 'vitest/config';

/** Paths are relative to the project root: run from there, as `npm test` does. */
export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests start a process of the project's (npm run new, npm run radio, the content check in threads):
        // on a busy two-core machine that takes seconds, not the default five.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // One build of the sample site is shared by the output, link, markup and browser tests.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-sample.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Search and page loads in Chromium can take seconds on a busy two-core machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
