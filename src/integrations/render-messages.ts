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

/**
 * A page's metadata for Astro's record of reusable pages, as text: its photo transforms one by one, the rest whole.
 * Text, because the metadata's photo objects may be proxies, which cannot cross threads, and because text crosses
 * as one copy where objects are taken apart and rebuilt; one by one, because most of a page's transforms have been
 * received before (a thumbnail shown on fifty list pages), and the main thread then reads none of them again.
 */
export interface SentMetadata {
  /** The metadata as JSON, with 0 in place of its photo transforms. */
  json: string;
  staticImages?: string[];
}

/** In the worker: the page's metadata to send. */
export function sendableMetadata(metadata: unknown): SentMetadata | undefined {
  if (metadata === undefined) return undefined;
  const images = (metadata as { staticImages?: unknown }).staticImages;
  if (!Array.isArray(images)) return { json: JSON.stringify(metadata) };
  // 0 keeps the property where Astro put it, so the record's text is the same as Astro's own.
  return { json: JSON.stringify({ ...(metadata as object), staticImages: 0 }), staticImages: images.map((image) => JSON.stringify(image)) };
}

/**
 * In the main thread: the page's metadata, with each photo transform the same object as the equal one received
 * before. Astro keeps every page's metadata until the end of page generation: a transform per page was 100 MB of
 * the main thread's memory at 10,000 exemplars.
 */
export function receivedMetadata(sent: SentMetadata | undefined, known: Map<string, unknown>): unknown {
  if (sent === undefined) return undefined;
  const metadata = JSON.parse(sent.json) as { staticImages?: unknown[] };
  if (sent.staticImages) {
    metadata.staticImages = sent.staticImages.map((json) => {
      let image = known.get(json);
      if (image === undefined) known.set(json, (image = JSON.parse(json)));
      return image;
    });
  }
  return metadata;
}

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
      metadata: SentMetadata | undefined;
    }
  | { type: 'failed'; id: number; error: { message: string; stack?: string; name: string } }
  /** Photo transforms a page registered for the first time, sent before the page itself. */
  | { type: 'photos'; jobs: EncoderJob[] }
  | { type: 'images'; staticImages: SerializedStaticImages; referencedImages: string[] };
