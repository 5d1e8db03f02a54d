/**
 * Runs one `astro build` as a child process and measures it from outside: wall time, the resident memory of the
 * whole process tree (Astro, sharp's threads, Pagefind's own process) sampled every 100 ms, and the same two
 * figures for each phase of the build, told apart by the lines the build prints. The log is streamed to a file and
 * only its tail kept in memory, so that a build of 100,000 pages cannot fill the benchmark's own memory.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A phase begins when a line matches `start`; the previous one ends there. Markers are only looked for in order. */
export interface PhaseMarker {
  name: string;
  /** The figure of the report this phase counts towards. */
  group: PhaseGroup;
  start: RegExp;
  /** Only looked for while this phase runs (for lines that also appear elsewhere). */
  within?: string;
}

export type PhaseGroup = 'startup' | 'content' | 'pages' | 'images' | 'search' | 'checks';

export interface PhaseFigures {
  name: string;
  group: PhaseGroup;
  seconds: number;
  peakMemoryMb: number;
}

export interface BuildFigures {
  seconds: number;
  /** Processor time of the build and every process it started (user + system), when GNU time is installed. */
  cpuSeconds?: number;
  peakMemoryMb: number;
  pages: number;
  phases: PhaseFigures[];
  /** Seconds and peak memory summed (time) or maximised (memory) per group. */
  groups: Partial<Record<PhaseGroup, { seconds: number; peakMemoryMb: number }>>;
  /** Time during which photos were being encoded beside the page rendering, from the encoder's line in the log. */
  photoEncoderSeconds?: number;
  /** Processor time the photo process used (all its threads), from the same line. */
  photoEncoderCpuSeconds?: number;
  /** Pages and other files (feeds, sitemap) Astro rendered, and those it copied from the previous build. */
  outputsRendered: number;
  outputsReused: number;
}

/** The phases of this project's build, from the lines Astro and the project's integrations print. */
export const PROJECT_PHASES: PhaseMarker[] = [
  { name: 'content check', group: 'content', start: /\[guong-sang:content-check\] Đang kiểm tra/ },
  { name: 'content loading', group: 'content', start: /\[content\] Syncing content/ },
  { name: 'types and bundling', group: 'pages', start: /\[content\] Synced content/ },
  { name: 'page rendering', group: 'pages', start: /generating static routes/ },
  // Photos are encoded while pages render (photo-encoder.ts); what is left when the last page is written is waited for.
  { name: 'photos after the pages', group: 'images', start: /\[guong-sang:parallel-render\] Đang mã hoá nốt ảnh/ },
  { name: 'images', group: 'images', start: /generating optimized images/ },
  { name: 'after images', group: 'startup', start: /✓ Completed in/, within: 'images' },
  { name: 'search index', group: 'search', start: /\[guong-sang:search-index\] Đang ghi chỉ mục/ },
  { name: 'output check', group: 'checks', start: /\[guong-sang:output-check\] Đang đối chiếu/ },
  { name: 'finishing', group: 'startup', start: /page\(s\) built in/ },
];

/** The phases of a bare Astro build. */
export const BARE_PHASES: PhaseMarker[] = [
  { name: 'content loading', group: 'content', start: /\[content\] Syncing content/ },
  { name: 'types and bundling', group: 'pages', start: /\[content\] Synced content/ },
  { name: 'page rendering', group: 'pages', start: /generating static routes/ },
  { name: 'images', group: 'images', start: /generating optimized images/ },
  { name: 'after images', group: 'startup', start: /✓ Completed in/, within: 'images' },
  { name: 'finishing', group: 'startup', start: /page\(s\) built in/ },
];

/** Resident memory of a process and all its descendants, in kB; 0 once it has exited. */
function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export interface BuildOptions {
  /** Project root to build. */
  root: string;
  /** The astro CLI script (astro/bin/astro.mjs) of the installed package. */
  astro: string;
  env: NodeJS.ProcessEnv;
  phases: PhaseMarker[];
  /** Full log of the build goes here. */
  logFile: string;
}

const GNU_TIME = '/usr/bin/time';

// Long because one build is followed from its start to its end: its log, its phases and its memory, as they come.
export function measureBuild({ root, astro, env, phases, logFile }: BuildOptions): Promise<BuildFigures> {
  const started = performance.now();
  const command = [process.execPath, astro, 'build', '--root', root];
  const cpuFile = `${logFile}.cpu`;
  const timed = existsSync(GNU_TIME) ? [GNU_TIME, '-o', cpuFile, '-f', '%U %S', ...command] : command;
  const child = spawn(timed[0], timed.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  const tail: string[] = [];
  let pages = 0;
  let photoEncoderSeconds: number | undefined;
  let photoEncoderCpuSeconds: number | undefined;
  let outputsRendered = 0;
  let outputsReused = 0;

  const timeline: { name: string; group: PhaseGroup; start: number; peakKb: number }[] = [{ name: 'startup', group: 'startup', start: started, peakKb: 0 }];
  let next = 0;
  let peakKb = 0;
  const sample = () => {
    const kb = treeRssKb(child.pid!);
    peakKb = Math.max(peakKb, kb);
    const phase = timeline.at(-1)!;
    phase.peakKb = Math.max(phase.peakKb, kb);
  };
  const sampler = setInterval(sample, 100);

  const onLine = (raw: string) => {
    log.write(raw + '\n');
    const line = raw.replace(ANSI, '');
    tail.push(line);
    if (tail.length > 80) tail.shift();
    // Pages render two at a time, so one line may hold parts of two; count the markers, not the lines.
    const outputs = line.split('├─').length - 1;
    const reused = line.split(/\((?:cached|restored)\)/).length - 1;
    outputsReused += reused;
    outputsRendered += outputs - reused;
    const built = /(\d+) page\(s\) built/.exec(line);
    if (built) pages = Number(built[1]);
    const encoder = /Ảnh mã hoá trong lúc dựng trang: \d+ tệp trong (\d+),(\d) s \(bộ xử lý (\d+),(\d) s\)/.exec(line);
    if (encoder) {
      photoEncoderSeconds = Number(`${encoder[1]}.${encoder[2]}`);
      photoEncoderCpuSeconds = Number(`${encoder[3]}.${encoder[4]}`);
    }
    for (let i = next; i < phases.length; i++) {
      if (phases[i].within && phases[i].within !== timeline.at(-1)!.name) continue;
      if (!phases[i].start.test(line)) continue;
      sample();
      timeline.push({ name: phases[i].name, group: phases[i].group, start: performance.now(), peakKb: 0 });
      next = i + 1;
      break;
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const ended = performance.now();
      log.end();
      if (code !== 0) {
        reject(new Error(`astro build failed (${code}) in ${root}; log: ${logFile}\n${tail.join('\n')}`));
        return;
      }
      const figures: PhaseFigures[] = timeline.map((phase, i) => ({
        name: phase.name,
        group: phase.group,
        seconds: round(((timeline[i + 1]?.start ?? ended) - phase.start) / 1000),
        peakMemoryMb: Math.round(phase.peakKb / 1024),
      }));
      const groups: BuildFigures['groups'] = {};
      for (const phase of figures) {
        const group = (groups[phase.group] ??= { seconds: 0, peakMemoryMb: 0 });
        group.seconds = round(group.seconds + phase.seconds);
        group.peakMemoryMb = Math.max(group.peakMemoryMb, phase.peakMemoryMb);
      }
      const cpu = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number) : [];
      const cpuSeconds = cpu.length === 2 && cpu.every(Number.isFinite) ? round(cpu[0] + cpu[1]) : undefined;
      resolve({
        seconds: round((ended - started) / 1000),
        cpuSeconds,
        peakMemoryMb: Math.round(peakKb / 1024),
        pages,
        phases: figures,
        groups,
        photoEncoderSeconds,
        photoEncoderCpuSeconds,
        outputsRendered,
        outputsReused,
      });
    });
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Astro's own CLI inside an installed node_modules. */
export const astroCli = (nodeModules: string) => path.join(nodeModules, 'astro/bin/astro.mjs');
