/**
 * Stops a build that must not publish, with only the Vietnamese report an editor can act on.
 *
 * An error thrown from a hook reaches Astro's own handler, which adds "An unhandled error occurred while running the
 * astro:config:setup hook", a location and a stack trace: noise for an editor, who has nothing to fix in the code.
 * So the report goes to standard error as it is and the process ends with a failing exit code. A stack trace is
 * still shown with GUONG_SANG_DEBUG=1, where the error is thrown for Astro to print.
 */
import { writeSync } from 'node:fs';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Whether errors go to Astro with their stack trace, for a programmer. */
export const DEBUG = Boolean(process.env.GUONG_SANG_DEBUG);

export function refuseBuild(report: string): never {
  if (DEBUG) throw new ContentError(report);
  // Synchronous, so that nothing of the report is lost when the process ends on the next line.
  writeSync(2, `\n${report}\n`);
  process.exit(1);
}
