/**
 * A worker thread that renders pages for the build (see parallel-render.ts). It loads the very prerender bundle
 * Astro loads in the main thread and renders with Astro's own renderForPrerender, so a page is the same byte for
 * byte whichever thread rendered it (tested). Three things the main thread's build sets up around that bundle are
 * set up here too, through astro-internals.ts: the build data the page head is made from (stylesheets per page), the
 * logger, and the function by which getImage() registers a photo transform and learns its final address.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import {
  installWorkerAssets,
  loadWorkerApp,
  staticImageFinalPath,
  staticImageOriginal,
  staticImageUrl,
  workerRenderApi,
  type ImageOptions,
} from './astro-internals.ts';
import { isLocalTransform, type EncoderJob } from './photo-encoder.ts';
import { recent } from '../lib/recent.ts';
import { routeKey, sendableMetadata, type RenderWorkerData, type ToMain, type ToWorker, type WorkerStaticImages } from './render-messages.ts';

const data = workerData as RenderWorkerData;
const { installRenderScope, recordStaticImage, renderForPrerender, hashTransform, propsToFilename } = await workerRenderApi();
const port = parentPort!;
const post = (message: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const staticImages: WorkerStaticImages = new Map();
const referencedImages = new Set<string>();
/** Transforms registered since the last page was sent, for the photo encoder (photo-encoder.ts). */
let newTransforms: EncoderJob[] = [];

/**
 * Astro's hash of a transform, remembered by the transform's JSON: a page asks for the same few photo transforms as
 * hundreds of pages before it (a thumbnail in every list), and Astro's hash walks the options with a generic,
 * slow serializer each time. Values JSON would drop or merge are spelled out, so that two keys are equal only for
 * options Astro hashes the same; options merely ordered differently are hashed again, never confused.
 */
const transformHashes = new Map<string, string>();
const spelledOut = (_key: string, value: unknown) =>
  value === undefined ||
  typeof value === 'function' ||
  typeof value === 'symbol' ||
  typeof value === 'bigint' ||
  (typeof value === 'number' && !Number.isFinite(value))
    ? `\0${typeof value}:${String(value)}`
    : value;

const isPlain = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** One option as JSON: plain values and records of them (the photo's own record) without the slower spelling out. */
function jsonOf(value: unknown): string {
  if (isPlain(value)) return JSON.stringify(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isPlain)) return JSON.stringify(value);
  return JSON.stringify(value, spelledOut);
}

function transformHash(options: ImageOptions, hashProperties: string[]): string {
  let key = hashProperties.join('\0');
  for (const property of hashProperties) key += `\n${jsonOf(options[property])}`;
  let hash = transformHashes.get(key);
  if (hash === undefined) {
    // A site with a photo per exemplar has a million transforms: the ones asked for again are mostly recent.
    if (transformHashes.size >= 10_000) transformHashes.clear();
    transformHashes.set(key, (hash = hashTransform(options as never, data.assets.service, hashProperties)));
  }
  return hash;
}

/** The address of each optimised file, as getImage() gives it to a page: made once per file, not once per page. */
const addressOf = recent(10_000, (finalPath: string) => staticImageUrl(finalPath, data.assets));

/** Registers a transform as Astro's own addStaticImage does, and hands new ones to the photo encoder. */
function addStaticImage(options: ImageOptions, hashProperties: string[], originalFSPath: string | undefined): string {
  const { originalPath, esm } = staticImageOriginal(options, data.assets);
  const hash = transformHash(options, hashProperties);
  let forPath = staticImages.get(originalPath);
  let finalPath = forPath?.transforms.get(hash)?.finalPath;
  if (!finalPath) {
    finalPath = staticImageFinalPath(esm, data.assets, propsToFilename(originalPath, options as never, hash));
    if (!forPath) staticImages.set(originalPath, (forPath = { originalSrcPath: originalFSPath, transforms: new Map() }));
    forPath.transforms.set(hash, { finalPath, transform: options });
    if (isLocalTransform(options)) newTransforms.push({ originalPath, finalPath, transform: options });
  }
  recordStaticImage({ originalPath, hash, finalPath, originalSrcPath: originalFSPath, transform: options } as never);
  return addressOf(finalPath);
}

installWorkerAssets(addStaticImage, referencedImages);
if (data.collectMetadata) installRenderScope(new AsyncLocalStorage() as never);

// Warnings and errors reach the build's own log through the main thread.
const app = await loadWorkerApp(data.entry, data.pages, (event) => post({ type: 'log', event }));

const routes = new Map(app.manifest.routes.map(({ routeData }) => [routeKey(routeData), routeData]));

port.on('message', async (message: ToWorker) => {
  if (message.type === 'images') {
    // JSON for the same reason as the metadata below.
    const images = [...staticImages].map(([path, { originalSrcPath, transforms }]) => [path, { originalSrcPath, transforms: [...transforms] }]);
    post({ type: 'images', staticImages: JSON.parse(JSON.stringify(images)), referencedImages: [...referencedImages] });
    return;
  }
  const { id, url, route } = message;
  try {
    const routeData = routes.get(route);
    if (!routeData) throw new Error(`Route ${route.replace('\n', ' ')} is not in the prerender bundle`);
    const { response, metadata } = await renderForPrerender(app as never, new Request(url), {
      routeData: routeData as never,
      collectMetadata: data.collectMetadata,
    });
    const body = response.body === null ? null : await response.arrayBuffer();
    if (newTransforms.length > 0) {
      post({ type: 'photos', jobs: JSON.parse(JSON.stringify(newTransforms)) });
      newTransforms = [];
    }
    post(
      {
        type: 'rendered',
        id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        metadata: sendableMetadata(metadata),
      },
      body ? [body] : [],
    );
  } catch (error) {
    const { message: text, stack, name } = error instanceof Error ? error : new Error(String(error));
    post({ type: 'failed', id, error: { message: text, stack, name } });
  }
});
post({ type: 'ready' });
