/**
 * Work shared out over worker threads, for the two checks that read every file of a site: the content check (every
 * story) and the output check (every page). Results come back in the order of the items, as doing the work one
 * item after another in this thread would give them, and a chunk whose thread fails is done here instead: slower,
 * never different.
 */
import { parentPort, Worker } from 'node:worker_threads';

export interface ThreadWork<I, R> {
  /** The worker module, which calls serveChunks() with the same work. */
  worker: URL;
  /** Plain data the worker module sets itself up from. */
  workerData: unknown;
  threads: number;
  /** Items handed to a thread at once: enough to keep it busy between messages, few enough to share them out evenly. */
  chunk: number;
  /** The same work done in this thread, for chunks whose thread failed. */
  here: () => (item: I) => R;
}

/** `items` worked on in `threads` worker threads; the results in the order of `items`. */
export async function inThreads<I, R>(items: readonly I[], { worker: module, workerData, threads, chunk, here }: ThreadWork<I, R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let inline: ((item: I) => R) | undefined;
  const doHere = (from: number, to: number) => {
    inline ??= here();
    for (let i = from; i < to; i++) results[i] = inline(items[i]!);
  };
  let next = 0;
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(module, { workerData });
      } catch {
        return resolve();
      }
      let from = 0;
      let to = 0;
      let finished = false;
      const send = () => {
        if (next >= items.length) {
          finished = true;
          return void worker.terminate();
        }
        from = next;
        to = next = Math.min(items.length, next + chunk);
        worker.postMessage(items.slice(from, to));
      };
      worker.on('message', (done: R[]) => {
        done.forEach((result, i) => (results[from + i] = result));
        send();
      });
      // An error is followed by the exit. What a failed thread was given is done here; the others take the rest.
      worker.on('error', () => {});
      worker.once('exit', () => {
        try {
          if (!finished) doHere(from, to);
          resolve();
        } catch (error) {
          // An item this thread could not work on, and this one cannot either (a file deleted meanwhile).
          reject(error as Error);
        }
      });
      send();
    });
  await Promise.all(Array.from({ length: threads }, lane));
  // Every thread failed before the last chunk was given out.
  if (next < items.length) doHere(next, items.length);
  return results;
}

/** In a worker module of inThreads(): answers each chunk of items with their results. */
export function serveChunks<I, R>(work: (item: I) => R): void {
  parentPort!.on('message', (items: I[]) => parentPort!.postMessage(items.map(work)));
}
