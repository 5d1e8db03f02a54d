/**
 * Lighthouse (mobile preset: phone screen, slow 4G and a 4× slower CPU, simulated) on page templates of a site
 * served on loopback, driving Debian's Chromium through its debugging port. Nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/helpers/browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseFigures {
  url: string;
  /** Scores 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that did not pass, for finding out why a score is below 100. */
  failing: { id: string; title: string; score: number | null; displayValue?: string }[];
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    speedIndexMs: number;
  };
}

async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'guong-sang-lighthouse-'));
  const chromium = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    chromium.on('error', reject);
    chromium.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening`)));
    createInterface({ input: chromium.stderr! }).on('line', (line) => {
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    port,
    stop: async () => {
      const exited = once(chromium, 'exit');
      chromium.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/**
 * Each page is measured `runs` times and the run with the median performance score is kept, as Lighthouse's
 * authors advise: the performance score moves with whatever else the machine is doing.
 */
export async function runLighthouse(urls: Record<string, string>, runs = 3): Promise<Record<string, LighthouseFigures>> {
  const chromium = await startChromium();
  const results: Record<string, LighthouseFigures> = {};
  try {
    for (const [template, url] of Object.entries(urls)) {
      const lhrs = [];
      for (let i = 0; i < runs; i++) {
        const run = await lighthouse(url, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
        if (run.lhr.runtimeError) throw new Error(`Lighthouse: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message} (${url})`);
        lhrs.push(run.lhr);
      }
      lhrs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = lhrs[Math.floor(lhrs.length / 2)];
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? 0;
      const scored = new Set(Object.values(lhr.categories).flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
      results[template] = {
        url,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseFigures['scores'],
        failing: Object.values(lhr.audits)
          .filter((a) => scored.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue })),
        metrics: {
          firstContentfulPaintMs: Math.round(audit('first-contentful-paint')),
          largestContentfulPaintMs: Math.round(audit('largest-contentful-paint')),
          totalBlockingTimeMs: Math.round(audit('total-blocking-time')),
          cumulativeLayoutShift: Number(audit('cumulative-layout-shift').toFixed(3)),
          speedIndexMs: Math.round(audit('speed-index')),
        },
      };
    }
  } finally {
    await chromium.stop();
  }
  return results;
}
