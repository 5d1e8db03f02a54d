/**
 * Encodes photos while pages are still rendering. Astro optimises photos only after the last page is written, on
 * both cores, while rendering leaves part of a core idle (the main thread waits on writes and on the render worker):
 * at 10,000 exemplars the photos took a fifth of the build after the pages. Each transform a page registers is
 * handed at once to a child process at the lowest priority (photo-encoder-process.ts), which writes the result into
 * Astro's image cache; when Astro's image step starts, it waits for that process to finish and then finds every
 * photo cached, as on a second build. The files are made by Astro's own image service with Astro's own options, so
 * they are the same bytes either way (tested: a build that renders in one thread, without this, gives the same
 * output).
 *
 * Nothing depends on it: if the process cannot start or stops, or a photo fails in it, Astro makes what is missing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { imageCacheFolder } from './astro-internals.ts';

/** One photo transform, as a page registered it: enough to make the file Astro would make. */
export interface EncoderJob {
  /** Address of the original inside the output folder, as Astro keys its list of photos. */
  originalPath: string;
  /** Address of the optimised file; its name is also its name in the image cache. */
  finalPath: string;
  /** The options given to the image service, with the original's metadata as `src`. */
  transform: { src: { src: string } } & Record<string, unknown>;
}

export interface EncoderSetup {
  outDir: string;
  /** Astro's image cache folder (`assets/` in the cache folder). */
  cacheDir: string;
  imageConfig: { service: { entrypoint: string } } & Record<string, unknown>;
  concurrency: number;
}

export type ToEncoder = { type: 'setup'; setup: EncoderSetup } | { type: 'encode'; jobs: EncoderJob[] } | { type: 'end' };
/** `seconds`: time during which a photo was being made; `cpuSeconds`: processor time the process used, all threads. */
export type FromEncoder = { type: 'done'; encoded: number; skipped: number; seconds: number; cpuSeconds: number };

/** Only photos of the site's own files: a remote photo's cache entry also carries its expiry, which Astro keeps. */
export const isLocalTransform = (transform: unknown): transform is EncoderJob['transform'] =>
  typeof (transform as { src?: unknown })?.src === 'object' && typeof (transform as { src: { src?: unknown } }).src.src === 'string';

export class PhotoEncoder {
  readonly #child: ChildProcess;
  readonly #logger: AstroIntegrationLogger;
  readonly #sent = new Set<string>();
  readonly #finished: Promise<FromEncoder | undefined>;

  constructor(config: AstroConfig, logger: AstroIntegrationLogger) {
    this.#logger = logger;
    // The same Node.js with none of the build's own flags: the child needs little memory and no inspector. The
    // environment stays the build's: sharp takes its number of threads from it (all cores if MALLOC_ARENA_MAX is
    // set, else one on glibc), and an AVIF file encoded with another number of threads has other bytes.
    this.#child = fork(fileURLToPath(new URL('./photo-encoder-process.ts', import.meta.url)), { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#finished = new Promise((resolve) => {
      let result: FromEncoder | undefined;
      this.#child.on('message', (message: FromEncoder) => (result = message));
      this.#child.on('error', () => resolve(undefined));
      this.#child.on('exit', () => resolve(result));
    });
    const setup: EncoderSetup = {
      outDir: fileURLToPath(config.outDir),
      cacheDir: fileURLToPath(imageCacheFolder(config.cacheDir)),
      imageConfig: JSON.parse(JSON.stringify(config.image)),
      concurrency: os.availableParallelism(),
    };
    this.#post({ type: 'setup', setup });
  }

  #post(message: ToEncoder) {
    if (this.#child.connected) this.#child.send(message, (error) => error && this.#logger.debug(`photo encoder: ${error.message}`));
  }

  /** Queues the transforms not queued yet. */
  add(jobs: EncoderJob[]) {
    const fresh = jobs.filter((job) => isLocalTransform(job.transform) && !this.#sent.has(job.finalPath));
    for (const job of fresh) this.#sent.add(job.finalPath);
    if (fresh.length > 0) this.#post({ type: 'encode', jobs: fresh });
  }

  /** Waits until every queued photo is in the image cache (or left to Astro). */
  async finish(): Promise<void> {
    // Also the benchmark's mark of the time the build waits for photos once the pages are written.
    this.#logger.info('Đang mã hoá nốt ảnh…');
    this.#post({ type: 'end' });
    const result = await this.#finished;
    if (!result) this.#logger.warn('Bộ mã hoá ảnh chạy song song đã dừng; Astro sẽ tự xử lý các ảnh còn lại.');
    else {
      const seconds = (value: number) => `${value.toFixed(1).replace('.', ',')} s`;
      this.#logger.info(
        `Ảnh mã hoá trong lúc dựng trang: ${result.encoded} tệp trong ${seconds(result.seconds)} (bộ xử lý ${seconds(result.cpuSeconds)}); ${result.skipped} tệp đã có sẵn hoặc để lại cho Astro.`,
      );
    }
  }

  stop() {
    if (this.#child.exitCode === null) this.#child.kill();
  }
}
