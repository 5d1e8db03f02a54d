/**
 * Renders pages on every core. Astro renders a static site's pages one after another in one thread; at a few pages
 * per exemplar that is most of a large site's build. Through Astro's prerenderer API this integration hands pages
 * to worker threads (render-worker.ts), each with its own copy of the prerender bundle, while the main thread
 * writes every file as usual; photo transforms the workers register go to the photo encoder as they appear
 * (photo-encoder.ts), which makes them while pages render, and are handed back through the same API at the end, so
 * that Astro's image step finds them made and copies them with the rest.
 *
 * One worker per core beyond the first by default; RENDER_WORKERS=0 renders everything in the main thread, as
 * Astro alone would (the output is the same, tested). Other prerenderer wrappers (the search index watches every
 * page) are given in `wrap` and see every page, whichever thread rendered it.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { addReferencedImages, ensureImageService, hasPageScripts, pageStylesOf, prerenderEntry, writeLogEvent, type PageStyles } from './astro-internals.ts';
import { PhotoEncoder } from './photo-encoder.ts';
import { RenderedPage } from './rendered-page.ts';
import { receivedMetadata, routeKey, type RenderWorkerData, type SerializedStaticImages, type ToMain, type ToWorker } from './render-messages.ts';

type Wrapper = (prerenderer: AstroPrerenderer) => AstroPrerenderer;
type RenderResult = Awaited<ReturnType<AstroPrerenderer['render']>>;
interface Lane {
  worker: Worker & { stopping?: boolean };
  inFlight: number;
}

/**
 * Pages a worker holds at once, so that it never waits for the main thread, which is busy writing files and, on a
 * large site, collecting garbage in a heap of several gigabytes (pauses of a tenth of a second and more, in which
 * a worker holding four pages ran dry). The main thread renders none itself while there are workers: writing every
 * page twice (output and Astro's incremental cache), logging and the search index's hashes already keep it half
 * busy, and a page it rendered would hold up the answers of every worker (a quarter faster than sharing pages with
 * it, on two cores).
 */
const PER_WORKER = 16;

export function defaultWorkerCount(): number {
  const fromEnv = process.env.RENDER_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.max(0, Math.min(os.availableParallelism() - 1, 7));
}

function startWorker(
  data: RenderWorkerData,
  onMessage: (message: ToMain) => void,
  onFailure: (error: Error) => void,
): Promise<Worker & { stopping?: boolean }> {
  return new Promise((resolve, reject) => {
    const worker: Worker & { stopping?: boolean } = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data });
    let ready = false;
    worker.on('message', (message: ToMain) => {
      if (message.type === 'ready') {
        ready = true;
        resolve(worker);
      } else onMessage(message);
    });
    worker.on('error', (error) => (ready ? onFailure(error) : reject(error)));
    worker.on('exit', (code) => {
      const error = new Error(`Luồng dựng trang dừng bất thường (mã ${code}).`);
      if (!ready) reject(error);
      else if (!worker.stopping) onFailure(error);
    });
  });
}

// Long because it is one object: Astro's prerenderer interface, whose methods share the workers, the pages in flight
// and the photo encoder.
function inWorkers(
  astro: AstroPrerenderer,
  count: number,
  photos: boolean,
  config: AstroConfig,
  pages: Map<string, PageStyles>,
  logger: AstroIntegrationLogger,
): AstroPrerenderer {
  const lanes: Lane[] = [];
  const waiting = new Map<number, { lane: Lane; resolve: (result: RenderResult) => void; reject: (error: Error) => void }>();
  const images: { staticImages: SerializedStaticImages; referencedImages: string[] }[] = [];
  let imagesWanted: (() => void) | undefined;
  let nextId = 0;
  const transforms = new Map<string, unknown>();
  let encoder: PhotoEncoder | undefined;

  const onMessage = (message: ToMain) => {
    if (message.type === 'log') {
      writeLogEvent(astro, message.event);
    } else if (message.type === 'photos') {
      encoder?.add(message.jobs);
    } else if (message.type === 'images') {
      images.push(message);
      if (images.length === lanes.length) imagesWanted?.();
    } else if (message.type === 'rendered' || message.type === 'failed') {
      const request = waiting.get(message.id)!;
      waiting.delete(message.id);
      request.lane.inFlight -= 1;
      if (message.type === 'failed') {
        request.reject(Object.assign(new Error(message.error.message), { name: message.error.name, stack: message.error.stack }));
        return;
      }
      const metadata = receivedMetadata(message.metadata, transforms);
      const response = new RenderedPage(message.body, { status: message.status, statusText: message.statusText, headers: message.headers });
      request.resolve(metadata === undefined ? response : { response, metadata: metadata as never });
    }
  };
  const stopWorkers = async () => {
    for (const { worker } of lanes) worker.stopping = true;
    await Promise.all(lanes.map(({ worker }) => worker.terminate()));
  };
  const onFailure = (error: Error) => {
    for (const [id, request] of waiting) {
      waiting.delete(id);
      request.reject(error);
    }
  };

  return {
    ...astro,
    name: 'guong-sang:parallel-render',
    async setup() {
      await astro.setup?.();
      if (count === 0) return;
      const entry = prerenderEntry(config);
      // Page-stage scripts and asset prefixes are build data the workers are not given; this site uses neither.
      const supported = entry && !hasPageScripts(astro) && !config.build.assetsPrefix;
      if (!supported) {
        if (count > 0) logger.warn('Dựng trang trong một luồng: không dùng được luồng phụ với cấu hình này.');
        return;
      }
      const data: RenderWorkerData = {
        entry,
        pages: [...pages].map(([key, page]) => [key, { styles: page.styles }]),
        assets: { base: config.base, folder: config.build.assets, service: config.image.service.entrypoint },
        collectMetadata: Boolean(config.experimental.incrementalBuild),
      };
      const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(data, onMessage, onFailure)));
      for (const result of started) {
        if (result.status === 'fulfilled') lanes.push({ worker: result.value, inFlight: 0 });
        // Slower, never wrong: what a worker cannot render, the main thread does.
        else logger.warn(`Không mở được luồng dựng trang phụ (${(result.reason as Error).message}); dựng trong luồng chính.`);
      }
      // Photos are encoded while the workers render only when there are workers: with one core, nothing is idle.
      if (lanes.length > 0 && photos) encoder = new PhotoEncoder(config, logger);
    },
    render(request, options) {
      if (lanes.length === 0) return astro.render(request, options);
      const chosen = lanes.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best));
      const id = nextId++;
      chosen.inFlight += 1;
      return new Promise<RenderResult>((resolve, reject) => {
        waiting.set(id, { lane: chosen, resolve, reject });
        chosen.worker.postMessage({ type: 'render', id, url: request.url, route: routeKey(options.routeData) } satisfies ToWorker);
      });
    },
    async collectStaticImages() {
      const list = (await astro.collectStaticImages?.()) ?? new Map();
      if (lanes.length === 0) return list;
      // Astro optimises photos with the image service its main thread's pages loaded, and all may have been rendered
      // in workers. Loaded only now: the bundle's pages must keep using their own copy.
      ensureImageService(config.image.service.entrypoint);
      const collected = new Promise<void>((resolve) => (imagesWanted = resolve));
      for (const { worker } of lanes) worker.postMessage({ type: 'images' } satisfies ToWorker);
      await collected;
      // No page is rendered after this: the workers' heaps, each with its copy of the content store, are given back
      // before the build waits for its last photos while the search index is written.
      await stopWorkers();
      // Every photo a worker registered is then in the image cache, where Astro's image step finds it.
      await encoder?.finish();
      for (const { staticImages, referencedImages } of images) {
        addReferencedImages(referencedImages);
        for (const [path, { originalSrcPath, transforms }] of staticImages) {
          const existing = list.get(path) ?? { originalSrcPath, transforms: new Map() };
          for (const [hash, transform] of transforms) if (!existing.transforms.has(hash)) existing.transforms.set(hash, transform as never);
          list.set(path, existing);
        }
      }
      return list;
    },
    async teardown() {
      encoder?.stop();
      await stopWorkers();
      await astro.teardown?.();
    },
  };
}

/**
 * `workers`: render threads besides the main thread; 0 renders as Astro alone does (and uses none of its internals).
 * `photos`: whether the workers' photos are made while pages render, or left to Astro's image step.
 */
export function parallelRender({
  workers = defaultWorkerCount(),
  photos = true,
  wrap = [],
}: { workers?: number; photos?: boolean; wrap?: Wrapper[] } = {}): AstroIntegration {
  let config: AstroConfig;
  let pages = new Map<string, PageStyles>();
  return {
    name: 'guong-sang:parallel-render',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro asks for as many pages at once as its concurrency: enough for every worker. In one thread, two: rendering
        // a page waits on writing it (twice, with page reuse) and on the search indexer, and the second page fills that
        // wait for little memory.
        updateConfig({ build: { concurrency: workers > 0 ? workers * PER_WORKER : 2 } });
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:setup': ({ pages: built, target }) => {
        // The same map Astro fills with each page's stylesheets while bundling; read once the bundle is built.
        if (target === 'server') pages = pageStylesOf(built);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro) => wrap.reduce((inner, wrapper) => wrapper(inner), inWorkers(astro, workers, photos, config, pages, logger)));
      },
    },
  };
}
