/** A throwaway copy of the project with its own content/, for builds that must fail or differ. */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './build-sample.ts';
import { baseFiles } from './content-fixture.ts';

/** The project's code and configuration, without content, in `root`; node_modules is linked, not copied. */
export function copyProjectCode(root: string, from = ROOT) {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(from, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(from, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

export function copyProject(content: Record<string, string | null> = {}, { sampleContent = false } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'guong-sang-project-'));
  copyProjectCode(root);
  if (sampleContent) cpSync(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  for (const [file, text] of Object.entries(sampleContent ? content : { ...baseFiles, ...content })) {
    const target = path.join(root, file);
    if (text === null) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
