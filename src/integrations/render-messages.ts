/** What the build's main thread and its render workers say to each other (parallel-render.ts, render-worker.ts). */
import type { EncoderJob } from './photo-encoder.ts';

export interface RenderWorkerData {
  /** File URL of the prerender bundle's entry, as Astro's default prerenderer imports it. */
  entry: string;
  /** Build data of each page, keyed as Astro keys it: only the stylesheets, which is all the page head needs. */
  pages: [string, { styles: unknown[] }][];
  /** What naming an optimised photo depends on. */
  assets: { base: string; folder: string; service: string };
  /** Whether Astro's incremental build wants to know what each page read. */
  collectMetadata: boolean;
}

interface StaticImage {
  originalSrcPath: string | undefined;
  transforms: Map<string, { finalPath: string; transform: unknown }>;
}
/** Photo transforms registered while rendering, by original path, as Astro's static image list holds them. */
export type WorkerStaticImages = Map<string, StaticImage>;
export type SerializedStaticImages = [string, { originalSrcPath: string | undefined; transforms: [string, { finalPath: string; transform: unknown }][] }][];

/** How both sides name a route: Astro's route objects do not cross threads, their pattern and file do. */
export const routeKey = (route: { component: string; route: string }) => `${route.component}\n${route.route}`;

export type ToWorker = { type: 'render'; id: number; url: string; route: string } | { type: 'images' };

export type ToMain =
  | { type: 'ready' }
  | { type: 'log'; event: unknown }
  | {
      type: 'rendered';
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
      metadata: unknown;
    }
  | { type: 'failed'; id: number; error: { message: string; stack?: string; name: string } }
  /** Photo transforms a page registered for the first time, sent before the page itself. */
  | { type: 'photos'; jobs: EncoderJob[] }
  | { type: 'images'; staticImages: SerializedStaticImages; referencedImages: string[] };
