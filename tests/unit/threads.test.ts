/** Work shared out over worker threads (src/lib/threads.ts), as the content and output checks use it. */
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { inThreads } from '../../src/lib/threads.ts';

const work = (threads: number) => ({
  worker: new URL('../helpers/threads-worker.ts', import.meta.url),
  workerData: undefined,
  threads,
  chunk: 4,
  here: () => (n: number) => ({ square: n * n, threadId }),
});

describe('work in threads', () => {
  it('is done in the threads and given back in the order of the items', async () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const results = await inThreads(items, work(2));
    expect(results.map((r) => r.square)).toEqual(items.map((n) => n * n));
    expect(results.every((r) => r.threadId !== threadId)).toBe(true);
  });

  it('does here what a failed thread was given, and the other threads take the rest', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    const results = await inThreads(items, work(2));
    expect(results.map((r) => r.square)).toEqual(items.map((n) => n * n));
    // 13 is in the chunk 12–15: that chunk was done in this thread.
    expect(results.slice(12, 16).every((r) => r.threadId === threadId)).toBe(true);
    expect(results.slice(16).every((r) => r.threadId !== threadId)).toBe(true);
  });

  it('does everything here when no thread can start', async () => {
    const results = await inThreads([1, 2, 3], { ...work(2), worker: new URL('../helpers/no-such-worker.ts', import.meta.url) });
    expect(results).toEqual([1, 4, 9].map((square) => ({ square, threadId })));
  });
});
