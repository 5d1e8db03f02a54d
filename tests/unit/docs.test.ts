/**
 * The README is the front door and docs/ holds the depth, one topic a file. The README stays short and starts with
 * the two commands that work on a fresh machine; every relative link and anchor in README.md and docs/*.md leads
 * somewhere, and every source path named in backticks exists, so that the documentation cannot drift from the code
 * unnoticed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const TOPICS = [
  'docs/deploying.md',
  'docs/content-model.md',
  'docs/search.md',
  'docs/radio.md',
  'docs/print.md',
  'docs/figures.md',
  'docs/feeds-and-embedding.md',
  'docs/several-sites.md',
  'docs/publishing.md',
  'docs/shared-repository.md',
  'docs/benchmarks.md',
  'docs/architecture.md',
  'docs/contributing.md',
  'docs/house-style.md',
  'docs/screenshots.md',
];

const README = 'README.md';
const DOCS = readdirSync(path.join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const FILES = [README, ...DOCS];

/** The text outside fenced code blocks, line for line (code lines left empty). */
function prose(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** Targets of Markdown links and images, outside code. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchorOf(heading!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('README', () => {
  const readme = read(README);

  it('fits one screen and a half: at most 150 lines', () => {
    expect(readme.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(150);
  });

  it('opens with the name, then gives the two commands in its first code block', () => {
    expect(readme.startsWith('# Gương Sáng\n')).toBe(true);
    const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(readme);
    expect(block, 'no code block').not.toBeNull();
    const lines = block![1]!.split('\n').filter((line) => line.trim());
    expect(lines[0]).toMatch(/^npm install && npm start(\s|$)/);
    expect(lines[1]).toMatch(/^npm test(\s|$)/);
  });

  it('lists every npm script in its commands table', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const table = readme.slice(readme.indexOf('## Commands'));
    for (const name of scripts) {
      const command = name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`;
      expect(table, name).toMatch(new RegExp(`^\\| \`${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\` ]`, 'm'));
    }
  });

  it('links to every topic of docs/', () => {
    const targets = new Set(linkTargets(readme).map((target) => target.split('#')[0]));
    for (const topic of TOPICS) {
      expect(existsSync(path.join(ROOT, topic)), `${topic} is missing`).toBe(true);
      expect(targets.has(topic), `${topic} is not linked from the README`).toBe(true);
    }
  });
});

describe('README and docs/', () => {
  it.each(FILES)('%s: every relative link and anchor resolves', (file) => {
    const broken: string[] = [];
    for (const target of linkTargets(read(file))) {
      if (isExternal(target)) continue;
      const [pathPart, anchor] = target.split('#') as [string, string | undefined];
      const resolved = pathPart ? path.join(path.dirname(file), decodeURI(pathPart)) : file;
      if (!existsSync(path.join(ROOT, resolved))) {
        broken.push(`${target}: no file ${resolved}`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchors(read(resolved)).has(anchor)) broken.push(`${target}: no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });

  it.each(FILES)('%s: every src/, scripts/ and tests/ path in backticks exists', (file) => {
    const missing: string[] = [];
    for (const [, code] of read(file).matchAll(/`([^`\n]+)`/g)) {
      for (const [named] of code!.matchAll(/(?<![\w./-])(?:src|scripts|tests)\/[^\s`'"(),;:]*/g)) {
        const candidate = named.replace(/[.]+$/, '');
        if (!existsSync(path.join(ROOT, candidate))) missing.push(candidate);
      }
    }
    expect(missing).toEqual([]);
  });
});
